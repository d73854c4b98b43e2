package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.cli.Cli;
import dev.tandem.app.settings.SettingsStore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaller doors: the session cookie's name and lifetime, answers that never carry an exception's
 * text, the self-signed certificate's lifetime and its file's permissions, and revoking a browser from
 * another process while the server runs.
 */
@Tag("unit")
class WebHardeningTest {
    @TempDir
    Path dir;

    private static String setCookie(HttpResponse<String> r) {
        return r.headers().firstValue("Set-Cookie").orElseThrow();
    }

    @Test
    void pair_overLoopback_cookieNamedForThisServerAndLivesAtMostThirtyDays() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        try (WebFixture a = new WebFixture(dir.resolve("a")); WebFixture b = new WebFixture(dir.resolve("b"))) {
            String ca = setCookie(a.post("/api/pair", "{\"token\":\"" + a.server.pair().token() + "\"}", null));
            String cb = setCookie(b.post("/api/pair", "{\"token\":\"" + b.server.pair().token() + "\"}", null));
            String nameA = ca.split("=")[0];
            assertNotEquals(nameA, cb.split("=")[0], "two servers on one host would log each other out");
            long maxAge = Long.parseLong(ca.replaceAll("(?i).*max-age=(\\d+).*", "$1"));
            assertTrue(maxAge > 0 && maxAge <= Duration.ofDays(30).toSeconds(), ca);
            // The same server keeps its name across a restart: its browsers stay signed in.
            a.server.close();
            try (WebFixture again = new WebFixture(dir.resolve("a"))) {
                assertEquals(nameA, setCookie(again.post("/api/pair", "{\"token\":\"" + again.server.pair().token()
                        + "\"}", null)).split("=")[0]);
            }
        }
    }

    @Test
    void pair_overTls_cookieIsHostPrefixedAndSecure() throws Exception {
        SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(new SettingsStore(dir), dir, List.of("127.0.0.1"));
        try (WebFixture web = new WebFixture(dir, b -> b.tls(tls.path(), tls.password()))) {
            HttpClient https = HttpClient.newBuilder().sslContext(trustAll()).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(web.uri("/api/pair"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + web.server.pair().token() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String cookie = setCookie(r);
            assertTrue(cookie.startsWith("__Host-"), cookie);
            assertTrue(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), cookie);
        }
    }

    @Test
    void pair_invalidUtf8WithoutSession_answers400WithAFixedSentence() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(web.uri("/api/pair"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                        '"', '}'})).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("Malformed"), r.body());
        }
    }

    @Test
    void anyRoute_brokenJsonOrOverflowingId_answers4xxWithoutTheExceptionsText() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            WebFixture.Session s = web.pair();
            HttpResponse<String> broken = web.post("/api/pair", "{\"code\": tru", null);
            assertEquals(400, broken.statusCode());
            assertEquals("{\"error\":\"The request's body is not valid JSON.\"}", broken.body());
            HttpResponse<String> overflow = web.post("/api/conflicts/99999999999999999999999/dismiss", "{}", s);
            assertTrue(overflow.statusCode() == 400 || overflow.statusCode() == 404, overflow.body());
            assertFalse(overflow.body().contains("For input string"), overflow.body());
        }
    }

    /**
     * A refused request on a connection that answered before: the server sends the refusal, a fixed sentence, and
     * closes that connection, with nothing of an earlier answer after it. Spoken byte by byte, because a pooling
     * client once handed such a refusal the previous GET's answer and hid which side sent what; a browser's next
     * request, on a connection of its own, is then answered.
     */
    @Test
    void anyRoute_pathJettyRefusesItself_fixedJsonSentenceAndTheNextRequestAnswered() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            WebFixture.Session s = web.pair();
            for (int i = 0; i < 20; i++) {
                try (RawHttp connection = new RawHttp(web.uri("/").getPort(), Duration.ofSeconds(10))) {
                    String cookie = "Cookie: " + s.cookie();
                    connection.head("GET /api/sidebar HTTP/1.1", "Host: 127.0.0.1", cookie);
                    String sidebar = connection.answer();
                    assertTrue(sidebar.startsWith("HTTP/1.1 200 "), sidebar);
                    // Refused before any handler of ours (a %00 in the path), with a body Jetty never reads.
                    byte[] body = ("{\"done\": true, \"pad\": \"" + "x".repeat(200) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    connection.head("POST /api/items/%00/done HTTP/1.1", "Host: 127.0.0.1", cookie,
                            Router.CSRF_HEADER + ": " + s.csrf(), "Content-Type: application/json",
                            "Content-Length: " + body.length).send(body);
                    String refused = connection.answer();
                    assertTrue(refused.startsWith("HTTP/1.1 400 "), refused);
                    assertTrue(refused.endsWith("\r\n\r\n{\"error\":\"The server cannot read this request.\"}"),
                            refused);
                    assertTrue(refused.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"),
                            "the connection Jetty drops is not offered for the next request: " + refused);
                    assertEquals("", connection.answer(), "nothing follows the refusal on its connection");
                    assertFalse(connection.timedOut, "the server closes the refused request's connection");
                }
                HttpResponse<String> next = web.get("/api/sidebar", s);
                assertEquals(200, next.statusCode(), next.body());
            }
        }
    }

    @Test
    void selfSigned_certificateAndItsFolder_validAtMost825DaysAndOwnerOnly() throws Exception {
        Path data = dir.resolve("made-by-tandem");
        SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(new SettingsStore(data), data, List.of("127.0.0.1"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.path())) {
            ks.load(in, tls.password().toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
        long days = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
        assertTrue(days <= 825, "valid " + days + " days");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void serveRevoke_fromAnotherProcessWhileServing_endsTheSessionAtOnce() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            WebFixture.Session phone = web.pair();
            WebFixture.Session laptop = web.pair();
            ByteArrayOutputStream listed = new ByteArrayOutputStream();
            assertEquals(0, cli(listed, "serve", "--browsers"));
            String id = web.server.browsers().get(0).id();
            String list = listed.toString(StandardCharsets.UTF_8);
            assertTrue(list.contains(id) && list.contains(web.server.browsers().get(1).id()), list);
            assertEquals(0, cli(new ByteArrayOutputStream(), "serve", "--revoke", id));
            assertTrue(web.server.browsers().stream().noneMatch(b -> b.id().equals(id)));
            int phoneStatus = web.get("/api/sidebar", phone).statusCode();
            int laptopStatus = web.get("/api/sidebar", laptop).statusCode();
            assertTrue((phoneStatus == 401) != (laptopStatus == 401), phoneStatus + " " + laptopStatus);
            assertEquals(1, cli(new ByteArrayOutputStream(), "serve", "--revoke", "no-such-browser"));
        }
    }

    private int cli(ByteArrayOutputStream out, String... args) {
        List<String> argv = new ArrayList<>(List.of("--data-dir", dir.toString()));
        argv.addAll(List.of(args));
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Map.of()).run(argv);
    }

    static SSLContext trustAll() throws Exception {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {new X509TrustManager() {
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
        return c;
    }
}
