package dev.tandem.app.transfer;

import java.util.List;

/**
 * A file an importer found for one of its items, stored when the import is written: its bytes are
 * entry {@code entry} of the source ({@link Incoming#files}).
 *
 * @param itemId    the item it belongs to, one of {@link Incoming#items}
 * @param entry     where its bytes are in the source; null when the source holds none (a backup's row
 *                  whose file was left out): then only a copy this profile has already serves
 * @param blob      the SHA-256 the bytes must have (a backup names it), or null when the source does not say
 * @param name      the file's name as the item shows it
 * @param type      its MIME type, or null to tell it from the name
 * @param createdAt when it was attached, or null for the time of the import
 * @param links     the link targets in the item's notes that point at it ({@code :/ID}, a relative
 *                  path), rewritten to {@code attachment:ID} once it is stored
 */
public record IncomingAttachment(String itemId, String entry, String blob, String name, String type, Long createdAt,
                                 List<String> links) {
    public IncomingAttachment {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
