package dev.tandem.app.vm.attachment;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.FileWords;
import dev.tandem.ui.messages.Messages;

/**
 * One attached file as the editor's list shows it: its name, what kind of file it is in words, its size
 * in words, and which icon says so; {@code viewable}: an image the app can show itself (PNG, JPEG, GIF,
 * BMP). A plain value, so the view needs nothing of the model.
 */
public record AttachmentRow(String id, String name, String type, long size, Kind kind, boolean viewable) {
    /** What the icon shows. */
    public enum Kind { IMAGE, PDF, TEXT, AUDIO, VIDEO, ARCHIVE, DOCUMENT, OTHER }

    static AttachmentRow of(Attachment a) {
        return new AttachmentRow(a.id(), a.name() == null ? Messages.text("editor.attachments.unnamed") : a.name(),
                a.type() == null ? "application/octet-stream" : a.type(), a.sizeOrZero(), kindOf(a), a.isImage());
    }

    /** "PNG image · 1.2 MB": what the chip says under the name. */
    public String details() {
        return FileWords.details(name, type, size);
    }

    /** The type in words: "PNG image", "PDF", "ZIP archive"; the name's extension in capitals when unknown. */
    public String typeWords() {
        return FileWords.type(name, type);
    }

    /** Bytes in words, as a file manager writes them (powers of 1000): "940 bytes", "1.2 MB", "120 MB". */
    public static String humanSize(long bytes) {
        return FileWords.size(bytes);
    }

    private static Kind kindOf(Attachment a) {
        String t = a.type() == null ? "" : a.type();
        if (a.isImage() || t.startsWith("image/")) {
            return Kind.IMAGE;
        }
        if (t.equals("application/pdf")) {
            return Kind.PDF;
        }
        if (t.startsWith("text/")) {
            return Kind.TEXT;
        }
        if (t.startsWith("audio/")) {
            return Kind.AUDIO;
        }
        if (t.startsWith("video/")) {
            return Kind.VIDEO;
        }
        if (t.equals("application/zip")) {
            return Kind.ARCHIVE;
        }
        if (t.contains("opendocument") || t.contains("officedocument") || t.equals("application/msword")) {
            return Kind.DOCUMENT;
        }
        return Kind.OTHER;
    }
}
