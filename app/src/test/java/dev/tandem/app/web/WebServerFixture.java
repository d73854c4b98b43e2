package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the WebServer tests share: a web fixture started in a temporary folder, entries and edits sent
 * through the page's outbox, and an open event stream read on its own thread.
 */
abstract class WebServerFixture {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** A quick add of {@code text} in the Inbox, as the page's outbox sends it. */
    static String add(String text) {
        return JsonText.write(Map.of("entries", List.of(JsonText.obj("key", UUID.randomUUID().toString(), "op", "add",
                "id", WebFixture.pageId(), "text", text, "view", "inbox"))));
    }

    /** One entry through the page's outbox: its result. */
    Map<String, Object> entry(WebFixture.Session s, Object... fields) throws Exception {
        Map<String, Object> e = JsonText.obj(fields);
        e.put("key", UUID.randomUUID().toString());
        return web.outbox(s, List.of(e)).get(0);
    }

    /** An edit of item {@code id}: {@code set} made on {@code base} (JSON objects' insides). */
    Map<String, Object> edit(WebFixture.Session s, String id, String set, String base) throws Exception {
        return entry(s, "op", "edit", "id", id, "set", JsonText.object("{" + set + "}"), "base", JsonText.object("{" + base + "}"));
    }

    /** An open event stream: its lines as they come, read on their own thread. */
    record Events(BlockingQueue<String> lines, Thread reader) {
        /** Whether {@code line} comes within {@code seconds}; the lines before it are taken. */
        boolean heard(String line, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                if (line.equals(lines.poll(100, TimeUnit.MILLISECONDS))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Opens the page's event stream as {@code s} and takes its first line, the reconnect delay. */
    Events openEvents(WebFixture.Session s) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(web.uri("/api/events")).header("Cookie", s.cookie()).GET().build();
        HttpResponse<Stream<String>> stream = web.http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException e) {
                lines.add("cut: " + e.getMessage()); // a stream still open when the test's server stops
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertEquals("retry: 2000", lines.poll(5, TimeUnit.SECONDS));
        return new Events(lines, reader);
    }
}
