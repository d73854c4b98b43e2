package dev.tandem.app.web;

import java.time.Instant;
import java.util.List;

/**
 * A personal access token as {@code tandem tokens list} shows it: never its secret, which only its hash stands for.
 *
 * @param name     the name it was added with, unique on this device
 * @param created  when it was added
 * @param readOnly whether it may only read
 * @param listIds  the lists it sees, null for every list and the Inbox
 * @param lastUsed when it last opened a request (null: never), written at most once a minute
 * @param address  the address that request came from (null: never used)
 */
public record AccessToken(String name, Instant created, boolean readOnly, List<String> listIds, Instant lastUsed,
                          String address) {
    public AccessToken {
        listIds = listIds == null ? null : List.copyOf(listIds);
    }
}
