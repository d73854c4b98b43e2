package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pairing door under a crowd for {@link #ATTACK}: strangers on loopback (the owner's own address)
 * send slow bodies, endless chunked bodies, bodies that claim a gigabyte, and wrong codes, hundreds of
 * requests in all, while a paired browser asks for its sidebar five times a second. Every one of the
 * owner's answers must come within a second, and the heap (used after a collection) must stay within
 * 64 MiB of what it was idle. Runs in every build (tag "load" is not left out).
 *
 * <p>The door's deadline is test-sized ({@link WebDoorTest#DEADLINE}, 5 s in the app) and the slow
 * attackers keep their pace relative to it, so the attack lasts as many deadlines as 25 s would in the
 * app: the slow requests hold the door's places, are cut and come back five times over, at the same
 * number of attackers, while the owner asks at its own pace throughout.
 */
@Tag("unit")
@Tag("load")
class PairingDoorLoadTest {
    static final Duration DEADLINE = WebDoorTest.DEADLINE;
    static final Duration ATTACK = DEADLINE.multipliedBy(5);
    static final int ATTACKERS = 32;
    static final long HEAP_MARGIN = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void pairingDoor_crowdOfSlowChunkedAndOversizedStrangers_ownerAnsweredWithinASecondAndHeapBounded() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            // Paired at the app's deadline: a cold server on a loaded machine may take longer than the test's.
            WebFixture.Session owner = web.pair();
            web.serveWith(b -> b.unpairedDeadline(DEADLINE));
            int port = web.server.url().getPort();
            assertEquals(200, web.get("/api/sidebar", owner).statusCode());
            long idle = usedHeapAfterGc();
            long end = System.nanoTime() + ATTACK.toNanos();
            AtomicInteger requests = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> attackerFaults = new ConcurrentLinkedQueue<>();
            List<Thread> attackers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                int kind = i % 4;
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        requests.incrementAndGet();
                        try {
                            attack(kind, port, end);
                        } catch (IOException e) {
                            // Refused, cut or reset by the server: the next one starts.
                        } catch (RuntimeException | InterruptedException e) {
                            attackerFaults.add(e);
                            return;
                        }
                    }
                }, "attacker-" + i);
                t.setDaemon(true);
                attackers.add(t);
                t.start();
            }
            long worstMillis = 0;
            int asked = 0;
            long peak = idle;
            long nextHeap = System.nanoTime();
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(web.uri("/api/sidebar"))
                        .header("Cookie", owner.cookie()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long millis = Duration.ofNanos(System.nanoTime() - t).toMillis();
                assertEquals(200, r.statusCode(), r.body());
                worstMillis = Math.max(worstMillis, millis);
                asked++;
                if (System.nanoTime() >= nextHeap) {
                    peak = Math.max(peak, usedHeapAfterGc());
                    nextHeap = System.nanoTime() + DEADLINE.toNanos();
                }
                // The owner's pace, not a flood of its own: an honest page asking all through the attack.
                Thread.sleep(200);
            }
            for (Thread t : attackers) {
                t.join(15_000);
            }
            System.out.printf("pairing door: %d stranger requests in %d ms; owner asked %d times, worst %d ms;"
                    + " heap idle %d MiB, peak %d MiB%n", requests.get(), ATTACK.toMillis(), asked, worstMillis,
                    idle >> 20, peak >> 20);
            assertTrue(attackerFaults.isEmpty(), () -> "an attacker failed unexpectedly: " + attackerFaults);
            assertTrue(requests.get() >= 200, "only " + requests.get() + " stranger requests were made");
            assertTrue(worstMillis < 1000, "the owner waited " + worstMillis + " ms");
            assertTrue(peak - idle <= HEAP_MARGIN, "the heap grew by " + ((peak - idle) >> 20) + " MiB");
        }
    }

    /** One stranger's request of the given kind, until the server answers or cuts it. */
    private static void attack(int kind, int port, long end) throws IOException, InterruptedException {
        try (RawHttp c = new RawHttp(port, Duration.ofSeconds(10))) {
            String host = "Host: 127.0.0.1:" + port;
            switch (kind) {
                case 0 -> {
                    // A body that promises 1000 bytes and sends one ten times a deadline.
                    c.head("POST /api/pair HTTP/1.1", host, "Content-Type: application/json", "Content-Length: 1000");
                    for (int i = 0; i < 1000 && System.nanoTime() < end; i++) {
                        c.send(new byte[] {' '});
                        Thread.sleep(DEADLINE.dividedBy(10).toMillis());
                    }
                }
                case 1 -> {
                    // A chunked body without end.
                    c.head("POST /api/pair HTTP/1.1", host, "Content-Type: application/json", "Transfer-Encoding: chunked");
                    byte[] chunk = new byte[32 * 1024];
                    Arrays.fill(chunk, (byte) '[');
                    for (int i = 0; i < 256 && System.nanoTime() < end; i++) {
                        c.chunk(chunk);
                    }
                }
                case 2 -> {
                    // A length of a gigabyte, and bytes after it.
                    c.head("POST /api/pair HTTP/1.1", host, "Content-Type: application/json", "Content-Length: 1073741824");
                    c.send(new byte[64 * 1024]);
                }
                default -> {
                    byte[] body = "{\"code\":\"1234-5678\"}".getBytes(StandardCharsets.UTF_8);
                    c.head("POST /api/pair HTTP/1.1", host, "Content-Type: application/json",
                            "Content-Length: " + body.length).send(body);
                }
            }
            c.answer();
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
