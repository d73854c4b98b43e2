package dev.tandem.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its answer, as the routes see them: the path, the query, the JSON body, the cookie,
 * and one answer (JSON, bytes, or a status). Every answer carries the headers that keep the page to
 * itself: a content security policy that allows nothing but this origin, no sniffing, no referrer, and
 * no caching of data.
 */
final class Exchange {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'none'; base-uri 'none';"
            + " frame-ancestors 'none'";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String path;
    private Map<String, Object> body;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.path = Request.getPathInContext(request);
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return path;
    }

    boolean secure() {
        return request.isSecure();
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The host (without the port) the request came from, for rate limiting. */
    String remoteHost() {
        return Request.getRemoteAddr(request);
    }

    Optional<String> query(String name) {
        Fields f = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        return Optional.ofNullable(f.getValue(name));
    }

    Optional<String> cookie(String name) {
        List<HttpCookie> cookies = Request.getCookies(request);
        return cookies.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** The JSON body as an object, read once (at most {@link JsonText#MAX_BODY_CHARS}). */
    Map<String, Object> body() {
        if (body == null) {
            long length = request.getLength();
            if (length > JsonText.MAX_BODY_CHARS) {
                throw new BadRequest(413, "The request is too large.");
            }
            String text;
            try {
                text = Content.Source.asString(request, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new BadRequest("The request could not be read: " + e.getMessage());
            }
            if (text.length() > JsonText.MAX_BODY_CHARS) {
                throw new BadRequest(413, "The request is too large.");
            }
            body = JsonText.object(text);
        }
        return body;
    }

    void addCookie(HttpCookie cookie) {
        Response.addCookie(response, cookie);
    }

    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void json(int status, Object value) {
        bytes(status, "application/json; charset=utf-8", JsonText.write(value).getBytes(StandardCharsets.UTF_8), false);
    }

    void error(int status, String message) {
        json(status, JsonText.obj("error", message));
    }

    void empty(int status) {
        guardHeaders(false);
        response.setStatus(status);
        callback.succeeded();
    }

    /** Bytes as the answer; {@code cacheable} for the page's own files (revalidated), never for data. */
    void bytes(int status, String contentType, byte[] bytes, boolean cacheable) {
        guardHeaders(cacheable);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(new HttpField(HttpHeader.CONTENT_LENGTH, String.valueOf(bytes.length)));
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    void guardHeaders(boolean cacheable) {
        var h = response.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put(HttpHeader.CACHE_CONTROL, cacheable ? "no-cache" : "no-store");
        if (request.isSecure()) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
