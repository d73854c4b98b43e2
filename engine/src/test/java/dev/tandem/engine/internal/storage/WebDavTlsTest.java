package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NAS with a self-signed certificate whose name (nas.local) does not match the address
 * (127.0.0.1): refused with its fingerprint in the message until the user trusts exactly that
 * fingerprint, however they write it.
 */
@Tag("server")
class WebDavTlsTest {
    private static final String FOLDER = "/dav/";
    private static final char[] STOREPASS = "changeit".toCharArray();

    @TempDir
    static Path tmp;
    private static ScriptedHttpServer server;
    /** The certificate's SHA-256 fingerprint, "AB:CD:…" as the error shows it. */
    private static String fingerprint;

    @BeforeAll
    static void startNas() throws Exception {
        Path keystore = tmp.resolve("nas.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path log = tmp.resolve("keytool.log");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "nas", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=nas.local", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, p.exitValue(), () -> "keytool failed: " + read(log));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, STOREPASS);
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("nas");
        fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, STOREPASS);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        String listing = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:multistatus xmlns:D=\"DAV:\">"
                + WebDavErrorsTest.response(FOLDER, true) + WebDavErrorsTest.response(FOLDER + "obj", false)
                + "</D:multistatus>";
        server = ScriptedHttpServer.startTls(tls, r -> r.method().equals("PROPFIND") && r.path().equals(FOLDER)
                ? Response.of(207, "application/xml; charset=utf-8", listing)
                : Response.empty(404));
    }

    @AfterAll
    static void stopNas() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void list_selfSignedNotTrusted_throwsNamingTheFingerprintAndSendsNothing() {
        int before = server.requests().size();
        try (WebDavStorage s = storage("sam", "pw", "")) {
            SyncException e = assertThrows(SyncException.class, () -> s.list("", null, 10));
            assertNotTrusted(e);
        }
        assertEquals(before, server.requests().size(), "a request (with the password) went to an untrusted server");
    }

    @Test
    void list_trustedFingerprintLowerCaseWithoutColons_listsDespiteTheNameMismatch() {
        String plain = fingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        try (WebDavStorage s = storage("", "", plain)) {
            assertEquals(List.of("obj"), s.list("", null, 10));
        }
    }

    @Test
    void list_trustedFingerprintUpperCaseWithColons_lists() {
        try (WebDavStorage s = storage("", "", fingerprint)) {
            assertEquals(List.of("obj"), s.list("", null, 10));
        }
    }

    @Test
    void list_differentFingerprintTrusted_stillThrowsNotTrusted() {
        // The real fingerprint with its first byte changed: one certificate trusted, another shown.
        String other = (fingerprint.startsWith("00") ? "11" : "00") + fingerprint.substring(2);
        try (WebDavStorage s = storage("", "", other)) {
            SyncException e = assertThrows(SyncException.class, () -> s.list("", null, 10));
            assertNotTrusted(e);
            assertFalse(e.getMessage().contains(other), e.getMessage());
        }
    }

    private static void assertNotTrusted(SyncException e) {
        assertEquals(Reason.AUTH, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains(fingerprint), () -> "expected " + fingerprint + " in " + e.getMessage());
    }

    private static WebDavStorage storage(String user, String password, String trusted) {
        return new WebDavStorage(new WebDavSettings(server.url() + FOLDER.substring(1), user, password, trusted));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
