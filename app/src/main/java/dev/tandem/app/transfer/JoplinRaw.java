package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One item of Joplin's RAW format (a file of a RAW export folder, or an entry of a JEX archive,
 * which is a tar of the same files): the title on the first line, a blank line, the body, a blank
 * line, then one {@code key: value} line per property, {@code type_} last (1 note, 2 notebook,
 * 4 resource: an attached file's title, mime and file_extension; 5 tag, 6 note-tag link). Read the way Joplin reads it: properties from the end up to the first
 * blank line, then title and body.
 *
 * @param title      the first line
 * @param body       the text between the title's blank line and the properties (notes only)
 * @param properties every {@code key: value}, values as written
 */
record JoplinRaw(String title, String body, Map<String, String> properties) {
    static final int NOTE = 1;
    static final int FOLDER = 2;
    static final int RESOURCE = 4;
    static final int TAG = 5;
    static final int NOTE_TAG = 6;
    private static final Pattern ITEM_NAME = Pattern.compile("[0-9a-fA-F]{32}\\.md");
    private static final Pattern PROPERTY = Pattern.compile("[a-z_]+:.*");

    /** Joplin names each item file after its id: 32 hex digits and ".md". */
    static boolean isItemName(String name) {
        return ITEM_NAME.matcher(name).matches();
    }

    /** True for text that ends in Joplin's property lines with a {@code type_}. */
    static boolean looksLikeItem(String text) {
        return text.contains("\ntype_: ") || text.startsWith("type_: ");
    }

    static JoplinRaw parse(String text, String file, String where) {
        String[] lines = text.replace("\r\n", "\n").stripTrailing().split("\n", -1);
        Map<String, String> props = new HashMap<>();
        int i = lines.length - 1;
        for (; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                break;
            }
            if (!PROPERTY.matcher(line).matches()) {
                throw new ImportException(file, where, Messages.text("transfer.joplin.notProperty", Limits.shorten(line)));
            }
            int colon = line.indexOf(':');
            props.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (!props.containsKey("type_")) {
            throw new ImportException(file, where, Messages.text("transfer.joplin.noType"));
        }
        String title = i >= 0 ? (i >= 1 ? lines[0] : "") : "";
        StringBuilder body = new StringBuilder();
        for (int j = 2; j < i; j++) {
            body.append(lines[j]);
            if (j < i - 1) {
                body.append('\n');
            }
        }
        return new JoplinRaw(title, body.toString(), Map.copyOf(props));
    }

    int type() {
        try {
            return Integer.parseInt(properties.getOrDefault("type_", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String get(String key) {
        String v = properties.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A time property: Joplin writes ISO 8601 for most, epoch milliseconds for some; null for unset (empty or 0). */
    Long time(String key, String file, String where) {
        String v = get(key);
        if (v == null || v.equals("0")) {
            return null;
        }
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(v);
            }
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            try {
                return Instant.parse(v).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new ImportException(file, where, Messages.text("transfer.field.notTime", key, Limits.shorten(v)));
            }
        }
    }
}
