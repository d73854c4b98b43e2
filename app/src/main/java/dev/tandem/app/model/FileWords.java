package dev.tandem.app.model;

import dev.tandem.ui.messages.Messages;
import java.util.Locale;

/**
 * An attached file in words, as a file manager writes them: its size in powers of 1000 ("940 bytes",
 * "1.2 MB") and its type ("PNG image", "PDF", "ZIP archive", the name's extension when the type says
 * nothing). One wording for the window's chips, the web page's and the limit's messages.
 */
public final class FileWords {
    private FileWords() {
    }

    /** "PNG image · 1.2 MB": what a chip says under the name. */
    public static String details(String name, String type, long size) {
        return type(name, type) + " · " + size(size);
    }

    /** Bytes in words (powers of 1000): "940 bytes", "1.2 MB", "120 MB". */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return Messages.text("common.file.bytes", bytes);
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
        Locale locale = Messages.language().locale();
        return Messages.text("common.file.size", tenths >= 100 || tenths == Math.rint(tenths)
                ? String.format(locale, "%.0f", tenths) : String.format(locale, "%.1f", tenths), units[u]);
    }

    /** The type in words; {@code type} is a MIME type (null for none), {@code name} the file's name. */
    public static String type(String name, String type) {
        String t = type == null ? "application/octet-stream" : type;
        String sub = t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        if (t.startsWith("image/")) {
            return Messages.text("common.file.image", sub.replace("SVG+XML", "SVG"));
        }
        if (t.equals("application/pdf")) {
            return "PDF";
        }
        if (t.startsWith("text/")) {
            return sub.equals("PLAIN") ? Messages.text("common.file.text") : sub.equals("MARKDOWN") ? "Markdown" : sub;
        }
        if (t.startsWith("audio/")) {
            return Messages.text("common.file.audio");
        }
        if (t.startsWith("video/")) {
            return Messages.text("common.file.video");
        }
        if (t.equals("application/zip")) {
            return Messages.text("common.file.zip");
        }
        if (t.contains("opendocument") || t.contains("officedocument") || t.equals("application/msword")) {
            return Messages.text("common.file.document");
        }
        String n = name == null ? "" : name;
        int dot = n.lastIndexOf('.');
        return dot <= 0 || dot == n.length() - 1 ? Messages.text("common.file.file")
                : Messages.text("common.file.ofKind", n.substring(dot + 1).toUpperCase(Locale.ROOT));
    }
}
