package dev.tandem.app.vm;

import dev.tandem.app.model.Attachment;
import java.util.Locale;

/**
 * One attached file as the editor's list shows it: its name, what kind of file it is in words, its size
 * in words, and which icon says so; {@code viewable}: an image the app can show itself (PNG, JPEG, GIF,
 * BMP). A plain value, so the view needs nothing of the model.
 */
public record AttachmentRow(String id, String name, String type, long size, Kind kind, boolean viewable) {
    /** What the icon shows. */
    public enum Kind { IMAGE, PDF, TEXT, AUDIO, VIDEO, ARCHIVE, DOCUMENT, OTHER }

    static AttachmentRow of(Attachment a) {
        return new AttachmentRow(a.id(), a.name() == null ? "file" : a.name(),
                a.type() == null ? "application/octet-stream" : a.type(), a.sizeOrZero(), kindOf(a), a.isImage());
    }

    /** "PNG image · 1.2 MB": what the chip says under the name. */
    public String details() {
        return typeWords() + " · " + humanSize(size);
    }

    /** The type in words: "PNG image", "PDF", "ZIP archive"; the name's extension in capitals when unknown. */
    public String typeWords() {
        String sub = type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        return switch (kind) {
            case IMAGE -> (sub.equals("JPEG") ? "JPEG" : sub.replace("SVG+XML", "SVG")) + " image";
            case PDF -> "PDF";
            case TEXT -> sub.equals("PLAIN") ? "Text" : sub.equals("MARKDOWN") ? "Markdown" : sub;
            case AUDIO -> "Audio";
            case VIDEO -> "Video";
            case ARCHIVE -> "ZIP archive";
            case DOCUMENT -> "Document";
            case OTHER -> extension().isEmpty() ? "File" : extension().toUpperCase(Locale.ROOT) + " file";
        };
    }

    private String extension() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    /** Bytes in words, as a file manager writes them (powers of 1000): "940 bytes", "1.2 MB", "120 MB". */
    public static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        // Rounded to a tenth first, so 0.99995 GB reads "1 GB", not "1.0 GB".
        double tenths = Math.round(v * 10) / 10.0;
        return (tenths >= 100 || tenths == Math.rint(tenths) ? String.format(Locale.ROOT, "%.0f", tenths)
                : String.format(Locale.ROOT, "%.1f", tenths)) + " " + units[u];
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
