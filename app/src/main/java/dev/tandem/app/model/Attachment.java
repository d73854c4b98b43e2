package dev.tandem.app.model;

import dev.tandem.engine.Table;

/**
 * A file attached to an item (todo or note): the bytes are blob {@code blob} in the engine's store,
 * downloaded when shown; {@code name}, {@code type} (a MIME type) and {@code size} describe it
 * without the bytes. Removing it deletes the row; history keeps the change, and the blob stays on
 * the remote while any version names it.
 */
@Table("attachments")
public record Attachment(String id, String itemId, String blob, String name, String type, Long size, Long createdAt) {
    /** The Markdown scheme a note uses to show an attachment inline: {@code ![name](attachment:ID)}. */
    public static final String SCHEME = "attachment:";

    public boolean isImage() {
        return type != null && (type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/gif")
                || type.equals("image/bmp"));
    }

    /** The Markdown that shows it in a note: an image inline, any other file as a link. */
    public String markdown() {
        String label = name == null ? "file" : name.replace("]", "").replace("[", "");
        return (isImage() ? "!" : "") + "[" + label + "](" + SCHEME + id + ")";
    }

    public long sizeOrZero() {
        return size == null ? 0 : size;
    }
}
