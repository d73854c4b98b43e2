package dev.tandem.app.web;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * A device's store served on a free port of 127.0.0.1, and an HTTP client that speaks to it as a page
 * would (cookie, CSRF header, same origin), for the server's tests. The store is a real SQLite file.
 */
final class WebFixture implements AutoCloseable {
    final TestClock clock = new TestClock(ZoneOffset.UTC);
    final TodoStore store;
    /** The server serving {@link #store}; a new one after {@link #restartServer()}. */
    WebServer server;
    private final IntFunction<WebServer.Builder> builder;
    /**
     * Speaks HTTP/1.1 as browsers do over plain HTTP. The client's default, HTTP/2, asks for an h2c upgrade
     * ({@code Connection: Upgrade, HTTP2-Settings}) on every request, which no browser sends; under it a
     * refused POST was once handed the previous GET's answer.
     */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebFixture(Path dir) {
        this(dir, b -> b);
    }

    WebFixture(Path dir, UnaryOperator<WebServer.Builder> more) {
        this(dir, (store, b) -> more.apply(b));
    }

    /** {@code more} also sees the store (to serve its attachments). */
    WebFixture(Path dir, BiFunction<TodoStore, WebServer.Builder, WebServer.Builder> more) {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC(), ZoneOffset.UTC);
        builder = port -> more.apply(store, WebServer.builder().store(store).settings(new SettingsStore(dir))
                .deviceName("Home server").listen("127.0.0.1", port).clock(clock));
        server = builder.apply(0).build().start();
    }

    /**
     * Starts the server again on its port, with the same store and paired browsers: the page's server back
     * after being out of reach ({@code server.close()}).
     */
    void restartServer() {
        server = builder.apply(server.url().getPort()).build().start();
    }

    /**
     * Serves the same store and paired browsers from a server built with {@code more} as well, on the
     * same port: a test pairs under the app's settings, then plays its attack against a test-sized one.
     */
    void serveWith(UnaryOperator<WebServer.Builder> more) {
        int port = server.url().getPort();
        server.close();
        server = more.apply(builder.apply(port)).build().start();
    }

    /** {@code n} open todos in the Inbox ("Todo number i"), a tenth of them due, a transaction per thousand. */
    static void seed(TodoStore store, int n) {
        for (int done = 0; done < n; done += 1000) {
            int from = done;
            store.writeAll(tx -> {
                for (int i = from; i < Math.min(n, from + 1000); i++) {
                    tx.save(Item.create("Todo number " + i, null,
                            i % 10 == 0 ? LocalDate.now().plusDays(i % 30) : null, System.currentTimeMillis()));
                }
                return null;
            });
        }
    }

    /** A paired page: its session cookie and CSRF token. */
    record Session(String cookie, String csrf) {
    }

    Session pair() throws Exception {
        Pairing p = server.pair();
        HttpResponse<String> r = post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null);
        if (r.statusCode() != 200) {
            throw new AssertionError("pairing failed: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = r.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
        return new Session(cookie, csrf);
    }

    URI uri(String path) {
        return server.url().resolve(path);
    }

    HttpResponse<String> get(String path, Session s) throws IOException, InterruptedException {
        return get(path, s, Map.of());
    }

    HttpResponse<String> get(String path, Session s, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (s != null) {
            b.header("Cookie", s.cookie());
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, Session s) throws IOException, InterruptedException {
        return post(path, json, s, Map.of());
    }

    HttpResponse<String> post(String path, String json, Session s, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (s != null) {
            b.header("Cookie", s.cookie()).header(Router.CSRF_HEADER, s.csrf());
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Replays {@code entries} through the page's outbox as {@code s}: the answer's results, one per entry. */
    List<Map<String, Object>> outbox(Session s, List<Map<String, Object>> entries) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/outbox", JsonText.write(Map.of("entries", entries)), s);
        if (r.statusCode() != 200) {
            throw new AssertionError("the outbox answered " + r.statusCode() + " " + r.body());
        }
        return results(r);
    }

    /** The results of an outbox answer. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results(HttpResponse<String> r) {
        return (List<Map<String, Object>>) JsonText.object(r.body()).get("results");
    }

    /** An id as the page makes one for an item (UUIDv7, as the engine's: its time, then random bits). */
    static String pageId() {
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextLong() & 0x0fffL);
        long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new java.util.UUID(msb, lsb).toString();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Waits (polling) until the store shows what the page should have written. */
    static void awaitStore(BooleanSupplier condition, Duration timeout) {
        Await.until("the store to change as the page wrote", timeout, condition::getAsBoolean);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
