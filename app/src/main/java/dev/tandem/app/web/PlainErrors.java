package dev.tandem.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer when Jetty refuses a request itself, before any handler of ours (a path it will not
 * route, such as one with {@code %00} in it), or a handler failed: the status with a fixed sentence as
 * JSON, as the page reads errors, never Jetty's HTML page with its reason. Such a request's body is
 * never read, and Jetty drops the connection after answering, so the answer says {@code Connection:
 * close}: a client must not send its next request down a connection about to close, which it then
 * sees answered with no bytes at all.
 */
final class PlainErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s && s >= 400 ? s : 500;
        response.setStatus(status);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put(HttpHeader.CONNECTION, "close");
        h.put("X-Content-Type-Options", "nosniff");
        String sentence = status < 500 ? "The server cannot read this request." : "The server could not do this.";
        response.write(true, ByteBuffer.wrap(("{\"error\":\"" + sentence + "\"}").getBytes(StandardCharsets.UTF_8)),
                callback);
        return true;
    }
}
