package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pairing door under attack from anyone who reaches the port: bodies too large whatever their
 * framing, bodies too slow, guessed codes, and pages of another site reaching the server through a
 * rebound DNS name. Each test plays the attacker while the owner's browser keeps working.
 */
@Tag("unit")
class WebDoorTest {
    /**
     * The deadline of a request without a session in the tests of slow requests (5 s in the app): the
     * attackers keep their pace relative to it, so the same attack plays out in a fifth of the time.
     */
    static final Duration DEADLINE = Duration.ofSeconds(1);

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

    private int port() {
        return web.server.url().getPort();
    }

    @Test
    void pair_chunkedBodyOverTheCap_answered413BeforeTheRestIsRead() throws Exception {
        long planned = 64L << 20;
        AtomicLong sent = new AtomicLong();
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(20))) {
            c.head("POST /api/pair HTTP/1.1", "Host: 127.0.0.1:" + port(), "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    while (sent.get() < planned) {
                        c.chunk(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // The server stopped reading and closed: what was sent by then is the figure.
                }
            });
            assertEquals(413, c.status());
            writer.get(20, TimeUnit.SECONDS);
        }
        assertTrue(sent.get() < 16L << 20, "the client sent " + (sent.get() >> 20) + " MiB before the server stopped it");
        assertEquals(200, web.get("/", null).statusCode());
    }

    @Test
    void pair_contentLengthOverTheCap_answered413WithoutWaitingForTheBody() throws Exception {
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
            c.head("POST /api/pair HTTP/1.1", "Host: 127.0.0.1:" + port(), "Content-Type: application/json",
                    "Content-Length: " + (Router.PAIR_BODY_BYTES + 1));
            assertEquals(413, c.status());
        }
    }

    @Test
    void pair_fortySlowBodies_ownerAnsweredWithinASecondAndTheSlowOnesCut() throws Exception {
        // Paired first, at the app's deadline: a cold server on a loaded machine may take longer than the test's.
        WebFixture.Session owner = web.pair();
        web.serveWith(b -> b.unpairedDeadline(DEADLINE));
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<RawHttp> slow = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                RawHttp c = new RawHttp(port(), Duration.ofSeconds(15));
                slow.add(c);
                c.head("POST /api/pair HTTP/1.1", "Host: 127.0.0.1:" + port(), "Content-Type: application/json",
                        "Content-Length: 1000").send("{".getBytes(StandardCharsets.US_ASCII));
            }
            // A byte from each five times a deadline: no idle timeout ever fires on them.
            long pace = DEADLINE.dividedBy(5).toMillis();
            trickle.scheduleAtFixedRate(() -> slow.forEach(c -> {
                try {
                    c.send(new byte[] {' '});
                } catch (IOException e) {
                    // Cut by the server: as it should be.
                }
            }), pace, pace, TimeUnit.MILLISECONDS);
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(web.uri("/api/sidebar"))
                        .header("Cookie", owner.cookie()).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertTrue(Duration.ofNanos(System.nanoTime() - t).toMillis() < 1000);
                // Spread over the slow requests' life, not only their first moments: the asker's pace.
                Thread.sleep(DEADLINE.dividedBy(10).toMillis());
            }
            long cutBy = started + DEADLINE.plusSeconds(6).toNanos();
            for (RawHttp c : slow) {
                // Each waits no later than the bound, so a server that never cuts fails in seconds.
                c.socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(cutBy - System.nanoTime()).toMillis()));
                String answer = c.answer();
                assertFalse(c.timedOut, "a slow request was still open " + DEADLINE.plusSeconds(6) + " after it began");
                assertFalse(answer.contains("Exception"), answer);
            }
            long cutAfter = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(cutAfter < DEADLINE.toMillis() + 6000, "the slow requests were cut after " + cutAfter + " ms");
        } finally {
            trickle.shutdownNow();
            for (RawHttp c : slow) {
                c.close();
            }
        }
    }

    @Test
    void pair_headersTrickledPastTheDeadline_answered408() throws Exception {
        web.serveWith(b -> b.unpairedDeadline(DEADLINE));
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(10))) {
            c.send("POST /api/pair HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + DEADLINE.multipliedBy(3).dividedBy(2).toNanos();
            // A header five times a deadline, as a slow client sends them: each keeps the idle timeout away.
            for (int i = 0; System.nanoTime() < deadline; i++) {
                c.send(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(DEADLINE.dividedBy(5).toMillis());
            }
            c.head("Host: 127.0.0.1:" + port(), "Content-Type: application/json", "Content-Length: 2");
            c.send("{}".getBytes(StandardCharsets.US_ASCII));
            assertEquals(408, c.status());
        }
    }

    @Test
    void page_unpairedBrowserAsksForManyFilesAtOnce_allServed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> files = new ArrayList<>();
        for (int i = 0; i < 3 * Door.UNPAIRED_AT_ONCE; i++) {
            files.add(web.http.sendAsync(HttpRequest.newBuilder(web.uri("/")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : files) {
            assertEquals(200, f.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void pair_wrongCodesFromEveryone_theOwnersTokenStillPairs() throws Exception {
        Pairing p = web.server.pair();
        for (int i = 0; i < 30; i++) {
            int status = web.post("/api/pair", "{\"code\":\"1111-11" + String.format("%02d", i) + "\"}", null).statusCode();
            assertTrue(status == 401 || status == 429, "wrong code answered " + status);
        }
        assertEquals(200, web.post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null).statusCode());
    }

    @Test
    void pair_wrongCodesBeyondTheBudget_burnTheCodeButNotTheToken() throws Exception {
        web.close();
        web = new WebFixture(dir, b -> b.behindProxy(true));
        Pairing p = web.server.pair();
        for (int i = 0; i < Pairings.CODE_TRIES; i++) {
            assertEquals(401, web.post("/api/pair", "{\"code\":\"2222-22" + String.format("%02d", i) + "\"}", null,
                    Map.of("X-Forwarded-For", "10.0.1." + i)).statusCode());
        }
        HttpResponse<String> burnt = web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null,
                Map.of("X-Forwarded-For", "10.0.2.1"));
        assertEquals(401, burnt.statusCode(), burnt.body());
        assertEquals(200, web.post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null).statusCode());
        Pairing fresh = web.server.pair();
        assertEquals(200, web.post("/api/pair", "{\"code\":\"" + fresh.code() + "\"}", null,
                Map.of("X-Forwarded-For", "10.0.2.1")).statusCode());
    }

    @Test
    void pair_behindAConfiguredProxy_limitsEachForwardedAddressAlone() throws Exception {
        web.close();
        web = new WebFixture(dir, b -> b.behindProxy(true));
        Pairing p = web.server.pair();
        for (int i = 0; i < Pairings.PER_HOST; i++) {
            web.post("/api/pair", "{\"code\":\"3333-330" + i + "\"}", null, Map.of("X-Forwarded-For", "10.0.0.1"));
        }
        assertEquals(429, web.post("/api/pair", "{\"code\":\"3333-3399\"}", null,
                Map.of("X-Forwarded-For", "10.0.0.1")).statusCode());
        assertEquals(200, web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null,
                Map.of("X-Forwarded-For", "192.0.2.7, 10.0.0.2")).statusCode());
    }

    @Test
    void pair_forwardedForWithoutAConfiguredProxy_isIgnored() throws Exception {
        Pairing p = web.server.pair();
        for (int i = 0; i < Pairings.PER_HOST; i++) {
            web.post("/api/pair", "{\"code\":\"4444-440" + i + "\"}", null, Map.of("X-Forwarded-For", "10.0.0." + i));
        }
        assertEquals(429, web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null,
                Map.of("X-Forwarded-For", "10.9.9.9")).statusCode());
    }

    @Test
    void anyRoute_hostOfAReboundName_answers421BeforeRouting() throws Exception {
        WebFixture.Session owner = web.pair();
        Pairing p = web.server.pair();
        String rebound = "Host: rebind.attacker.example:" + port();
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
            assertEquals(421, c.head("GET / HTTP/1.1", rebound, "Connection: close").status());
        }
        byte[] body = ("{\"token\":\"" + p.token() + "\"}").getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
            assertEquals(421, c.head("POST /api/pair HTTP/1.1", rebound, "Content-Type: application/json",
                    "Content-Length: " + body.length, "Connection: close").send(body).status());
        }
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
            assertEquals(421, c.head("GET /api/sidebar HTTP/1.1", rebound, "Cookie: " + owner.cookie(),
                    "Connection: close").status());
        }
        // The token was not used up by the rebound request: the owner still pairs with it.
        assertEquals(200, web.post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null).statusCode());
    }

    @Test
    void anyRoute_hostsTheServerAnswersTo_served() throws Exception {
        web.close();
        web = new WebFixture(dir, b -> b.publicHost("tandem.tailnet.example"));
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "tandem.tailnet.example", "LOCALHOST")) {
            try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
                assertEquals(200, c.head("GET / HTTP/1.1", "Host: " + host + ":" + port(), "Connection: close").status(), host);
            }
        }
        try (RawHttp c = new RawHttp(port(), Duration.ofSeconds(5))) {
            assertEquals(421, c.head("GET / HTTP/1.1", "Connection: close", "Host: 127.0.0.1.attacker.example").status());
        }
    }
}
