package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.web.MdnsPort;
import dev.tandem.app.web.WebServerAddresses;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem serve} as a process of its own, as a service runs it: it prints where it serves and a
 * code, a browser pairs and adds, {@code serve --pair} from another process invites a second browser,
 * SIGTERM stops it cleanly, and kill -9 loses nothing a page was told was saved.
 */
@Tag("process")
class ServeCliTest {
    private static final Pattern URL = Pattern.compile("at (https?://[^ ]+/)");
    private static final Pattern CODE = Pattern.compile("type the code (\\d{4}-\\d{4})");

    @TempDir
    Path dir;

    /** A running `tandem serve`: its process and the lines it printed. */
    private record Served(Process process, BlockingQueue<String> lines, String url, String code) {
    }

    private Served serve(String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.toString(), "serve", "--listen", "127.0.0.1:0"));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (Exception e) {
                lines.add("read failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        String url = null;
        String code = null;
        StringBuilder seen = new StringBuilder();
        while (code == null) {
            String l = lines.poll(60, TimeUnit.SECONDS);
            if (l == null) {
                p.destroyForcibly();
                throw new AssertionError("serve printed no pairing code:\n" + seen);
            }
            seen.append(l).append('\n');
            Matcher u = URL.matcher(l);
            if (url == null && u.find()) {
                url = u.group(1);
            }
            Matcher c = CODE.matcher(l);
            if (c.find()) {
                code = c.group(1);
            }
        }
        return new Served(p, lines, url, code);
    }

    private static HttpClient client() throws Exception {
        // The server's certificate is self-signed: this test checks the server, not the certificate's chain.
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return HttpClient.newBuilder().sslContext(trustAll).build();
    }

    /** Pairs by code; the session cookie and the CSRF token. */
    private static String[] pair(HttpClient http, String url, String code) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/pair"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new String[] {r.headers().firstValue("Set-Cookie").orElseThrow(),
                r.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1")};
    }

    /** A quick add through the page's one write door, the outbox; the entry's own status (201 when made). */
    private static int add(HttpClient http, String url, String[] session, String text) throws Exception {
        String entry = "{\"key\":\"" + UUID.randomUUID() + "\",\"op\":\"add\",\"text\":\"" + text
                + "\",\"view\":\"inbox\",\"at\":" + System.currentTimeMillis() + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/outbox"))
                .header("Cookie", session[0].split(";")[0]).header("X-Tandem-CSRF", session[1])
                .POST(HttpRequest.BodyPublishers.ofString("{\"entries\":[" + entry + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher status = Pattern.compile("\"status\":(\\d+)").matcher(r.body());
        assertTrue(status.find(), r.body());
        return Integer.parseInt(status.group(1));
    }

    private List<String> titles() {
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            return store.allItems().stream().map(Item::title).toList();
        }
    }

    @Test
    void serve_pairedBrowserAdds_stopsCleanlyOnSigterm() throws Exception {
        Served s = serve();
        HttpClient http = client();
        String[] session = pair(http, s.url(), s.code());
        assertEquals(201, add(http, s.url(), session, "Buy bread tomorrow"));
        // A second browser, invited from another process as one would into a running service.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run(List.of("--data-dir", dir.toString(), "serve", "--pair"));
        assertEquals(0, exit);
        Matcher c = CODE.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(c.find(), out.toString(StandardCharsets.UTF_8));
        pair(http, s.url(), c.group(1));
        s.process().destroy();
        assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        // Stopped by its shutdown hook (128 + SIGTERM), not cut off.
        assertEquals(143, s.process().exitValue());
        assertEquals(List.of("Buy bread"), titles());
    }

    @Test
    void serve_killedHard_keepsWhatThePageWasToldIsSaved() throws Exception {
        Served s = serve();
        HttpClient http = client();
        String[] session = pair(http, s.url(), s.code());
        for (int i = 0; i < 20; i++) {
            assertEquals(201, add(http, s.url(), session, "Todo " + i));
        }
        // A 201 means the transaction committed: the row is in SQLite's file, whatever happens next.
        s.process().destroyForcibly();
        s.process().waitFor(30, TimeUnit.SECONDS);
        assertEquals(20, titles().size());
    }

    @Test
    void serve_selfSignedTls_servesHttpsWithASecureCookieAndPrintsTheFingerprint() throws Exception {
        Served s = serve("--tls-self-signed");
        try {
            assertTrue(s.url().startsWith("https://"), s.url());
            String[] session = pair(client(), s.url(), s.code());
            assertTrue(session[0].contains("Secure"), session[0]);
            assertTrue(session[0].contains("HttpOnly"), session[0]);
        } finally {
            s.process().destroy();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** On every address: the link names the LAN address, then the .local name follows once it answers. */
    @Test
    void serve_onEveryAddress_printsTheLanAddressThenTheAnnouncedLocalName() throws Exception {
        Optional<String> lan = WebServerAddresses.phoneHost();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(lan.isPresent(), "this machine has no LAN address");
        }
        // Port 5353 is the machine's: no other test announces or asks on it meanwhile.
        try (MdnsPort port = MdnsPort.hold()) {
            serveOnEveryAddress(lan);
        }
    }

    private void serveOnEveryAddress(Optional<String> lan) throws Exception {
        Served s = serve("--tls-self-signed", "--listen", "0.0.0.0:0");
        try {
            URI url = URI.create(s.url());
            assertEquals(lan.orElseThrow(), url.getHost());
            StringBuilder seen = new StringBuilder();
            String announced = null;
            while (announced == null) {
                String l = s.lines().poll(30, TimeUnit.SECONDS);
                if (l == null) {
                    throw new AssertionError("no announcement printed:\n" + seen);
                }
                seen.append(l).append('\n');
                announced = l.contains("announced") ? l : null;
            }
            assertTrue(announced.matches("Also announced on this network \\(mDNS\\): https://[a-z0-9-]+\\.local:"
                    + url.getPort() + "/ .*"), announced);
        } finally {
            s.process().destroy();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void serve_reachableAddressWithoutTls_isAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run(List.of("--data-dir", dir.toString(), "serve", "--listen", "0.0.0.0:0"));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs TLS"), err.toString(StandardCharsets.UTF_8));
    }
}
