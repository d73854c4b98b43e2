package dev.tandem.engine.sync;

import java.util.List;

/**
 * What the owner's device read from the storage's join requests ({@link SpaceMembers#joinRequests()}):
 * the requests made with an open invite by people not admitted yet, and what it skipped. Anyone with
 * the storage's credentials can write where requests go, so an object that is too large, not sealed to
 * the owner, not made with the invite's secret, or unreadable, and an invite object the owner did not
 * sign, is skipped on its own and named in {@code skipped}; it never hides the other requests.
 *
 * @param skipped one line per object skipped: its name and why, for the owner to see (nothing to act on
 *                unless it goes on: someone with access to the storage writes there)
 */
public record JoinRequests(List<JoinRequest> requests, List<String> skipped) {
    public JoinRequests {
        requests = List.copyOf(requests);
        skipped = List.copyOf(skipped);
    }
}
