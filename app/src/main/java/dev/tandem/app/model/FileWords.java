package dev.tandem.app.model;

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

    /** The type in words; {@code type} is a MIME type (null for none), {@code name} the file's name. */
    public static String type(String name, String type) {
        String t = type == null ? "application/octet-stream" : type;
        String sub = t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        if (t.startsWith("image/")) {
            return sub.replace("SVG+XML", "SVG") + " image";
        }
        if (t.equals("application/pdf")) {
            return "PDF";
        }
        if (t.startsWith("text/")) {
            return sub.equals("PLAIN") ? "Text" : sub.equals("MARKDOWN") ? "Markdown" : sub;
        }
        if (t.startsWith("audio/")) {
            return "Audio";
        }
        if (t.startsWith("video/")) {
            return "Video";
        }
        if (t.equals("application/zip")) {
            return "ZIP archive";
        }
        if (t.contains("opendocument") || t.contains("officedocument") || t.equals("application/msword")) {
            return "Document";
        }
        String n = name == null ? "" : name;
        int dot = n.lastIndexOf('.');
        return dot <= 0 || dot == n.length() - 1 ? "File" : n.substring(dot + 1).toUpperCase(Locale.ROOT) + " file";
    }
}
