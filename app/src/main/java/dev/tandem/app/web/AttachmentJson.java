package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.FileWords;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return AttachmentRoutes.FILES + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** "PNG image · 1.2 MB". */
    static String details(String name, String type, long size) {
        return FileWords.details(name, type, size);
    }

    /** Bytes in words, as the desktop writes them: "940 bytes", "1.2 MB". */
    static String size(long bytes) {
        return FileWords.size(bytes);
    }
}
