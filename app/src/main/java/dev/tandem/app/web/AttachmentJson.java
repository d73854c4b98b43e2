package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Attachment;
import java.util.Locale;
import java.util.Map;

/**
 * An attached file as the page sees it: its name, type, size, the words a chip shows under the name
 * ("PDF · 1.2 MB", as the desktop's list writes them) and the address of its bytes.
 */
final class AttachmentJson {
    private AttachmentJson() {
    }

    static Map<String, Object> of(Attachment a) {
        String name = a.name() == null ? "file" : a.name();
        return obj("id", a.id(), "name", name, "type", a.type(), "size", a.sizeOrZero(),
                "details", details(name, a.type(), a.sizeOrZero()), "image", AttachmentRoutes.inlineType(a.type()),
                "url", url(a.id()));
    }

    static String url(String id) {
        return AttachmentRoutes.FILES + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "PNG image · 1.2 MB". */
    static String details(String name, String type, long size) {
        return typeWords(name, type == null ? "application/octet-stream" : type) + " · " + size(size);
    }

    private static String typeWords(String name, String type) {
        String sub = type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return sub.replace("SVG+XML", "SVG") + " image";
        }
        if (type.equals("application/pdf")) {
            return "PDF";
        }
        if (type.startsWith("text/")) {
            return sub.equals("PLAIN") ? "Text" : sub.equals("MARKDOWN") ? "Markdown" : sub;
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return type.startsWith("audio/") ? "Audio" : "Video";
        }
        if (type.equals("application/zip")) {
            return "ZIP archive";
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "File" : name.substring(dot + 1).toUpperCase(Locale.ROOT) + " file";
    }

    /** Bytes in words, as a file manager writes them (powers of 1000): "940 bytes", "1.2 MB". */
    static String size(long bytes) {
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
        double tenths = Math.round(v * 10) / 10.0;
        return (tenths >= 100 || tenths == Math.rint(tenths) ? String.format(Locale.ROOT, "%.0f", tenths)
                : String.format(Locale.ROOT, "%.1f", tenths)) + " " + units[u];
    }
}
