package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import dev.tandem.engine.testing.SyncFixture;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a network fails an S3 sync is named for what it is (SyncException.diagnosis()), with the
 * advice that fits: the words the status bar, `tandem sync` and `tandem check` show.
 */
@Tag("process")
class NetworkDiagnosisTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    @TempDir
    Path tmp;

    private SyncException syncThrough(String endpoint) {
        Db db = fixture.device();
        db.save(Item.of("x"));
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder()
                .s3(new S3Settings(endpoint, "tandem", "us-east-1", "AKIDEXAMPLE", "secret").withProxy("none")).build());
        SyncException e = assertThrows(SyncException.class, () -> engine.sync(db));
        assertTrue(engine.setAside(db).isEmpty(), "nothing set aside because of the network");
        assertEquals(1, engine.pendingChanges(db), "the change waits");
        return e;
    }

    private static String s3Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    }

    @Test
    void sync_clockFarOff_saysSetTheClockNotTheKeys() {
        try (ScriptedHttpServer s3 = ScriptedHttpServer.start(r -> Response.of(403, "application/xml",
                s3Error("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")))) {
            SyncException e = syncThrough(s3.url());
            assertEquals(Diagnosis.CLOCK_SKEW, e.diagnosis(), e.getMessage());
            assertTrue(e.getMessage().contains("clock"), e.getMessage());
            assertTrue(e.hint().contains("date and time"), e.hint());
        }
    }

    @Test
    void sync_throttled429_saysSlowDownAndIsRetried() {
        try (ScriptedHttpServer s3 = ScriptedHttpServer.start(r -> Response.of(429, "application/xml",
                s3Error("TooManyRequests", "Please reduce your request rate.")).with("Retry-After", "1"))) {
            SyncException e = syncThrough(s3.url());
            assertEquals(Reason.REMOTE_BUSY, e.reason(), e.getMessage());
            assertEquals(Diagnosis.THROTTLED, e.diagnosis(), e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void sync_slowDown503_saysSlowDown() {
        try (ScriptedHttpServer s3 = ScriptedHttpServer.start(r -> Response.of(503, "application/xml",
                s3Error("SlowDown", "Please reduce your request rate.")))) {
            assertEquals(Diagnosis.THROTTLED, syncThrough(s3.url()).diagnosis());
        }
    }

    @Test
    void sync_nameNotFound_saysTheNameCannotBeLookedUp() {
        SyncException e = syncThrough("http://tandem-test-host.invalid:9000");
        assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
        assertEquals(Diagnosis.DNS, e.diagnosis(), e.getMessage());
    }

    @Test
    void sync_nothingListening_saysNoConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SyncException e = syncThrough("http://127.0.0.1:" + port);
        assertEquals(Diagnosis.NO_NETWORK, e.diagnosis(), e.getMessage());
    }

    @Test
    void sync_certificateNotTrusted_saysSomeoneMayBeInBetween() throws Exception {
        Path keystore = tmp.resolve("proxy.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mitm", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=inspecting-proxy",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("keytool.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        try (ScriptedHttpServer s3 = ScriptedHttpServer.startTls(tls, r -> Response.of(200, "application/xml", ""))) {
            SyncException e = syncThrough(s3.url());
            assertEquals(Diagnosis.TLS, e.diagnosis(), e.getMessage());
            assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
        }
    }
}
