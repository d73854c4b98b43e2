package dev.tandem.engine.internal.dav;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A server's answer, read whole: its status, the headers WebDAV needs (lower-case names) and its
 * body; {@code retried} when the request went out twice because a kept-alive connection had been
 * closed, so the first may have been carried out too.
 */
public record DavResponse(int status, Map<String, String> headers, byte[] body, boolean retried) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The entity tag as sent, weak or strong, or null. */
    public String etag() {
        return header("etag");
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** Whether the body is a web page: what a log-in page or a wrong address sends instead of WebDAV. */
    public boolean isWebPage() {
        String type = header("content-type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The start of the body as text, for an error message; control characters masked. */
    public String bodySnippet() {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.replaceAll("[\\p{Cntrl}]+", " ");
    }
}
