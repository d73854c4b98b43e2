package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PageCheck} against a loopback server that plays a storage: one that serves the page well, with a
 * wrong type, with a policy that blocks it, and the attacker: endless bytes, a slow drip, a redirect loop.
 * Every answer ends within the check's limits with a sentence.
 */
@Tag("unit")
class PageCheckTest {
    private static final PageFetch.Limits LIMITS = new PageFetch.Limits(64 * 1024, Duration.ofMillis(800), 3);
    private static final String HTML = "<!doctype html><title>Tandem</title>";
    private static final String JS = "export const x = 1;\n";

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private ServerSocket server;
    private Thread acceptor;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "page-check-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    @Test
    void check_wellServedPage_isUsable() {
        page("/ok/", "text/html; charset=utf-8", "text/javascript", "");
        PageCheck.Report r = new PageCheck(LIMITS).check(url("/ok/page/index.html"), null);
        assertTrue(r.usable(), r.sentences().toString());
        assertTrue(r.sentences().contains("✓ Its scripts come as text/javascript, a JavaScript type browsers run as modules."),
                r.sentences().toString());
    }

    @Test
    void check_scriptServedAsOctetStreamWithNosniff_saysBrowsersRefuseIt() {
        page("/bad/", "text/html", "application/octet-stream", "X-Content-Type-Options: nosniff\r\n");
        PageCheck.Report r = new PageCheck(LIMITS).check(url("/bad/page/"), null);
        assertFalse(r.usable());
        assertTrue(r.sentences().stream().anyMatch(s -> s.contains("comes as application/octet-stream, with "
                + "X-Content-Type-Options: nosniff")), r.sentences().toString());
    }

    @Test
    void check_policyWithoutWasmNorSelfConnect_namesEach() {
        answers.put("/csp/page/index.html", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Security-Policy: "
                + "default-src 'none'; script-src 'self'\r\nContent-Length: " + HTML.length() + "\r\n\r\n" + HTML);
        answers.put("/csp/page/assets/app.js", ok("text/javascript", "", JS));
        PageCheck.Report r = new PageCheck(LIMITS).check(url("/csp/page/index.html"), null);
        assertFalse(r.usable());
        String all = String.join("\n", r.sentences());
        assertTrue(all.contains("does not allow WebAssembly"), all);
        assertTrue(all.contains("does not let the page reach its storage (connect-src 'none')"), all);
        assertFalse(all.contains("run its own scripts"), all);
    }

    @Test
    void check_crossOriginWithoutCors_namesTheMissingAnswer() {
        page("/nocors/", "text/html", "text/javascript", "");
        answers.put("/nocors/", "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        PageCheck.Report r = new PageCheck(LIMITS).check(url("/nocors/page/index.html"), "https://phone.example");
        assertFalse(r.usable());
        assertTrue(r.sentences().stream().anyMatch(s -> s.contains("does not allow requests from https://phone.example")),
                r.sentences().toString());
    }

    @Test
    void check_corsWithoutAuthorizationHeader_namesIt() {
        page("/part/", "text/html", "text/javascript", "");
        answers.put("/part/", "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: "
                + "GET, PUT\r\nAccess-Control-Allow-Headers: *\r\n\r\n");
        PageCheck.Report r = new PageCheck(LIMITS).check(url("/part/page/index.html"), "https://phone.example");
        assertFalse(r.usable());
        assertTrue(r.sentences().stream().anyMatch(s -> s.contains("leaves out authorization")), r.sentences().toString());
    }

    @Test
    void check_endlessBody_stopsAtTheCapWithASentence() {
        answers.put("/endless/page/index.html", "ENDLESS");
        PageCheck.Report r = timed(url("/endless/page/index.html"));
        assertTrue(r.sentences().get(0).contains("larger than 64 KiB"), r.sentences().toString());
    }

    @Test
    void check_slowDrip_endsAtTheTimeLimitWithASentence() {
        answers.put("/slow/page/index.html", "SLOW");
        PageCheck.Report r = timed(url("/slow/page/index.html"));
        assertTrue(r.sentences().get(0).contains("no complete answer within"), r.sentences().toString());
    }

    @Test
    void check_redirectLoop_stopsAfterTheLimitWithASentence() {
        answers.put("/loop/page/index.html", "HTTP/1.1 302 Found\r\nLocation: /loop/page/index.html\r\nContent-Length: 0\r\n\r\n");
        PageCheck.Report r = timed(url("/loop/page/index.html"));
        assertTrue(r.sentences().get(0).contains("redirects more than 3 times"), r.sentences().toString());
        assertEquals(4, requests.get(), "the first request and three redirects");
    }

    @Test
    void check_nothingListening_saysNothingAnswers() throws IOException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        PageCheck.Report r = timed(URI.create("http://127.0.0.1:" + port + "/page/index.html"));
        assertTrue(r.sentences().get(0).contains("nothing answers at that address"), r.sentences().toString());
    }

    /** Not usable, within a bound far above the limits (a wait here would be the check's own). */
    private PageCheck.Report timed(URI at) {
        long start = System.nanoTime();
        PageCheck.Report r = new PageCheck(LIMITS).check(at, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "took " + millis + " ms");
        assertFalse(r.usable());
        assertTrue(r.sentences().get(r.sentences().size() - 1).contains("cannot be used"), r.sentences().toString());
        return r;
    }

    private void page(String base, String htmlType, String jsType, String extra) {
        answers.put(base + "page/index.html", ok(htmlType, extra, HTML));
        answers.put(base + "page/assets/app.js", ok(jsType, extra, JS));
    }

    private static String ok(String type, String extra, String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + extra + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s), "page-check-test-answer");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String line = requestLine(in);
            requests.incrementAndGet();
            String path = line.split(" ")[1];
            String a = answers.getOrDefault(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            if (a.equals("ENDLESS")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[8192];
                while (true) {
                    out.write(chunk); // until the client hangs up
                }
            }
            if (a.equals("SLOW")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100); // the attacker's pace, not a wait of the test's
                }
                return;
            }
            out.write(a.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Keep-alive: answer the next request on this connection too.
            answer(s, in, out);
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the client hung up: what the attacker cases expect
        }
    }

    private void answer(Socket s, InputStream in, OutputStream out) throws IOException {
        while (true) {
            String line = requestLine(in);
            requests.incrementAndGet();
            String a = answers.getOrDefault(line.split(" ")[1], "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            out.write(a.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** The request line, the headers skipped (the check sends no body). */
    private static String requestLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.substring(0, head.indexOf("\r\n"));
            }
            if (head.length() > 65536) {
                break;
            }
        }
        throw new IOException("closed");
    }
}
