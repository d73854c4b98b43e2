package dev.tandem.engine.internal.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.caldav.CalendarChanges;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.BodyWriter;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A hostile CalDAV server at the bounds of a listing: a REPORT answer of the cap's size, one byte
 * over, endless, with a Content-Length that lies, or trickled a byte a second. Bodies are generated
 * as they are written, never held; the server counts what it got to write before the client hung up.
 */
@Tag("unit")
class DefaultCalDavAccountCapsTest {
    private static final long CAP = DefaultCalDavAccount.MAX_LISTING;
    /** What loopback socket buffers and the client's own buffer may hold beyond what the client read. */
    private static final long BUFFERS = 16L << 20;
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final TaskCalendar CAL = new TaskCalendar("/cal/", "Tasks", "", true);
    private static final byte[] HEAD = bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><d:multistatus xmlns:d=\"DAV:\">");
    private static final byte[] UNIT = bytes("<d:response><d:href>/cal/a.ics</d:href><d:propstat><d:prop>"
            + "<d:getetag>\"1\"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
    private static final byte[] TAIL = bytes("<d:sync-token>tok-2</d:sync-token></d:multistatus>");

    private static DefaultCalDavAccount account(ScriptedHttpServer s) {
        return new DefaultCalDavAccount(new DavClient(new WebDavSettings(s.url(), "sam", "secret"),
                Proxies.Choice.DIRECT, DEADLINE));
    }

    private static ScriptedHttpServer hostile(Map<String, String> headers, BodyWriter body) {
        return ScriptedHttpServer.start(req -> Response.streamed(207, headers, body));
    }

    @Test
    void changes_listingOfExactlyTheCap_isRead() {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer s = hostile(chunked(), out -> multistatus(out, CAP, true, written));
             DefaultCalDavAccount a = account(s)) {
            CalendarChanges c = a.changes(CAL, "tok-1");
            assertEquals(Map.of("/cal/a.ics", "\"1\""), c.changed());
            assertEquals("tok-2", c.syncToken());
            assertTrue(written.get() > CAP, "the whole body and its chunk framing went out: " + written.get());
        }
    }

    @Test
    void changes_chunkedListingOneByteOverTheCap_isRefusedAsTooLarge() {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer s = hostile(chunked(), out -> multistatus(out, CAP + 1, true, written));
             DefaultCalDavAccount a = account(s)) {
            assertTooLarge(assertThrows(SyncException.class, () -> a.changes(CAL, "tok-1")));
        }
    }

    @Test
    void changes_endlessChunkedListing_isCutAtTheCapWithBoundedReading() {
        AtomicLong written = new AtomicLong();
        long offered = 1L << 30;
        try (ScriptedHttpServer s = hostile(chunked(), out -> multistatus(out, offered, true, written));
             DefaultCalDavAccount a = account(s)) {
            long start = System.nanoTime();
            assertTooLarge(assertThrows(SyncException.class, () -> a.changes(CAL, "tok-1")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            awaitSettled(written);
            assertTrue(written.get() <= CAP + BUFFERS, "the client stopped reading at the cap: the server wrote "
                    + written.get() + " of " + offered + " bytes");
            System.out.printf("endless chunked REPORT: refused after %d ms, server wrote %d bytes%n", ms, written.get());
        }
    }

    @Test
    void changes_listingWithoutLengthUntilClose_isCutAtTheCap() {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer s = hostile(Map.of("Content-Type", "application/xml", "Connection", "close"),
                out -> multistatus(out, 1L << 30, false, written));
             DefaultCalDavAccount a = account(s)) {
            assertTooLarge(assertThrows(SyncException.class, () -> a.changes(CAL, "tok-1")));
            awaitSettled(written);
            assertTrue(written.get() <= CAP + BUFFERS, "server wrote " + written.get());
        }
    }

    @Test
    void changes_contentLengthOverTheCap_isRefusedBeforeReadingTheBody() {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer s = hostile(Map.of("Content-Type", "application/xml", "Content-Length",
                String.valueOf(1L << 40)), out -> multistatus(out, 1L << 30, false, written));
             DefaultCalDavAccount a = account(s)) {
            assertTooLarge(assertThrows(SyncException.class, () -> a.changes(CAL, "tok-1")));
            awaitSettled(written);
            assertTrue(written.get() <= BUFFERS, "nothing of the body was read; the server wrote " + written.get());
        }
    }

    @Test
    void changes_contentLengthUnderWhatIsSent_readsOnlyTheDeclaredBytes() {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer s = hostile(Map.of("Content-Type", "application/xml", "Content-Length", "1000"),
                out -> multistatus(out, 1L << 30, false, written));
             DefaultCalDavAccount a = account(s)) {
            SyncException e = assertThrows(SyncException.class, () -> a.changes(CAL, "tok-1"));
            assertTrue(e.getMessage().contains("cannot be read"), "1000 bytes of XML are cut mid-element: " + e);
            awaitSettled(written);
            assertTrue(written.get() <= BUFFERS, "the server wrote " + written.get());
        }
    }

    @Test
    void changes_serverTricklingAByteASecond_failsRetryablyAtTheDeadlineWhileAnotherAccountSyncs() throws Exception {
        AtomicLong written = new AtomicLong();
        try (ScriptedHttpServer slow = hostile(chunked(), out -> trickle(out, written));
             ScriptedHttpServer fair = ScriptedHttpServer.start(req -> Response.of(207, "application/xml",
                     multistatusBytes(HEAD.length + UNIT.length + TAIL.length)));
             DefaultCalDavAccount victim = account(slow);
             DefaultCalDavAccount other = account(fair)) {
            long start = System.nanoTime();
            CompletableFuture<CalendarChanges> stuck = CompletableFuture.supplyAsync(() -> victim.changes(CAL, "t"));
            awaitTrue(() -> written.get() > 0, "the trickle started");
            CalendarChanges c = other.changes(CAL, "tok-1");
            assertEquals("tok-2", c.syncToken(), "an honest account syncs while the other one is held");
            assertFalse(stuck.isDone(), "the trickled REPORT still runs meanwhile");
            ExecutionException e = assertThrows(ExecutionException.class, () -> stuck.get(10, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            SyncException se = (SyncException) e.getCause();
            assertTrue(se.reason().retryable(), "a slow server may be fine later: " + se);
            assertTrue(se.getMessage().contains("timed out"), se.getMessage());
            assertTrue(ms >= DEADLINE.toMillis() && ms < DEADLINE.toMillis() + 3000, "ended at the deadline: " + ms);
            System.out.printf("trickled REPORT: ended after %d ms, %d bytes trickled%n", ms, written.get());
        }
    }

    private static void assertTooLarge(SyncException e) {
        assertTrue(e.getMessage().contains("larger than any Tandem object"), e.getMessage());
        assertFalse(e.reason().retryable(), "the same server sends the same answer again: " + e.reason());
    }

    private static Map<String, String> chunked() {
        return Map.of("Content-Type", "application/xml", "Transfer-Encoding", "chunked");
    }

    /**
     * A well-formed multistatus of exactly {@code total} bytes (the same response repeated, then spaces),
     * written in 64 KiB pieces, each a chunk when {@code chunked}; stops when the client hangs up.
     */
    private static void multistatus(OutputStream out, long total, boolean chunked, AtomicLong written)
            throws IOException {
        byte[] block = new byte[(65536 / UNIT.length) * UNIT.length];
        for (int i = 0; i < block.length; i += UNIT.length) {
            System.arraycopy(UNIT, 0, block, i, UNIT.length);
        }
        long middle = total - HEAD.length - TAIL.length;
        send(out, HEAD, HEAD.length, chunked, written);
        for (long left = middle - middle % UNIT.length; left > 0; left -= Math.min(left, block.length)) {
            send(out, block, (int) Math.min(left, block.length), chunked, written);
        }
        byte[] pad = " ".repeat((int) (middle % UNIT.length)).getBytes(StandardCharsets.US_ASCII);
        send(out, pad, pad.length, chunked, written);
        send(out, TAIL, TAIL.length, chunked, written);
        if (chunked) {
            out.write(bytes("0\r\n\r\n"));
        }
    }

    private static byte[] multistatusBytes(int total) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try {
            multistatus(b, total, false, new AtomicLong());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return b.toByteArray();
    }

    private static void send(OutputStream out, byte[] b, int n, boolean chunked, AtomicLong written)
            throws IOException {
        if (n == 0) {
            return;
        }
        byte[] head = chunked ? bytes(Integer.toHexString(n) + "\r\n") : new byte[0];
        out.write(head);
        out.write(b, 0, n);
        written.addAndGet(head.length + n);
        if (chunked) {
            out.write(bytes("\r\n"));
            written.addAndGet(2);
        }
    }

    /** The attacker's pace, a chunk of one byte a second, up to a minute (the socket timeout never trips). */
    private static void trickle(OutputStream out, AtomicLong written) throws IOException {
        for (int i = 0; i < 60; i++) {
            send(out, HEAD, 1, true, written);
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits until the server's count stops growing for 200 ms: the client hung up, or stopped reading
     * and the socket buffers between are full.
     */
    private static void awaitSettled(AtomicLong written) {
        long[] seen = {-1, System.nanoTime()};
        awaitTrue(() -> {
            long now = written.get();
            if (now != seen[0]) {
                seen[0] = now;
                seen[1] = System.nanoTime();
            }
            return System.nanoTime() - seen[1] > TimeUnit.MILLISECONDS.toNanos(200);
        }, "the server's writing settles");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            Thread.onSpinWait();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
