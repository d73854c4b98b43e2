package dev.tandem.app.web;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    private int bodyCap = JsonText.MAX_BODY_CHARS;
    private final Function<String, Language> languages;
    private Language language;
    private ApiScope scope = ApiScope.EVERYTHING;

    /** An exchange answered in the language its {@code Accept-Language} asks for (the door's refusals). */
    Exchange(Request request, Response response, Callback callback) {
        this(request, response, callback, Language::negotiate);
    }

    /**
     * {@code languages}: the language of an answer, from the request's {@code Accept-Language}
     * ({@link RequestLanguage}).
     */
    Exchange(Request request, Response response, Callback callback, Function<String, Language> languages) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.path = Request.getPathInContext(request);
        this.languages = languages;
    }

    /** What this request may see and do: everything for a paired browser, a token's own scope for a script. */
    ApiScope scope() {
        return scope;
    }

    void scope(ApiScope scope) {
        this.scope = scope;
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

    /** The language this request is answered in: decided once, on first use (most answers have no words). */
    Language language() {
        if (language == null) {
            language = languages.apply(header("Accept-Language"));
        }
        return language;
    }

    /** A sentence of area {@code server} in this request's language. */
    String text(String key, Object... args) {
        return Messages.text(language(), key, args);
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

    /** The address the request came from, as {@link Door} decided it, for the pairing limits. */
    String remoteHost() {
        return Door.client(request);
    }

    Optional<String> query(String name) {
        Fields f = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        return Optional.ofNullable(f.getValue(name));
    }

    Optional<String> cookie(String name) {
        List<HttpCookie> cookies = Request.getCookies(request);
        return cookies.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /**
     * Caps the body this request may have at {@code bytes} (before {@link #body()} reads it): the
     * pairing door allows a few KiB, a paired browser {@link JsonText#MAX_BODY_CHARS}.
     */
    void capBody(int bytes) {
        bodyCap = bytes;
    }

    /**
     * The JSON body as an object, read once. At most the cap is ever read, whatever the framing: a
     * {@code Content-Length} over it is refused before reading, a chunked body as soon as the bytes
     * read pass it (413); the rest is never read and the connection closes.
     */
    Map<String, Object> body() {
        if (body == null) {
            if (request.getLength() > bodyCap) {
                throw new BadRequest(413, "server.request.tooLarge");
            }
            byte[] bytes = readAtMost(bodyCap);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new BadRequest("server.request.notUtf8");
            }
            body = JsonText.object(text);
        }
        return body;
    }

    private byte[] readAtMost(int cap) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = Content.Source.asInputStream(request);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (read.size() + n > cap) {
                    throw new BadRequest(413, "server.request.tooLarge");
                }
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new BadRequest("server.request.unreadable");
        }
        return read.toByteArray();
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
        // A body left unread (refused before reading, or past its cap) is dropped with the connection:
        // said now, so a client does not send its next request down a connection about to close.
        if (!request.consumeAvailable()) {
            h.put(HttpHeader.CONNECTION, "close");
        }
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
