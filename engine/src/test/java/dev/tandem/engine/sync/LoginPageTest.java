package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import dev.tandem.engine.testing.SyncFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A network that answers every request with its log-in page (hotel or office Wi-Fi: HTTP 200,
 * text/html) is a network problem, said as one: never "the remote is encrypted", never damage, and
 * nothing is set aside or written.
 */
@Tag("unit")
class LoginPageTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Welcome to Harbour Hotel Wi-Fi</title></head>"
            + "<body><form action=\"/login\"><input name=\"room\"></form></body></html>";

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private final ScriptedHttpServer portal = ScriptedHttpServer.start(r -> Response.of(200, "text/html; charset=utf-8", PAGE));

    @AfterEach
    void stop() {
        portal.close();
    }

    private SyncEngine s3(String passphrase) {
        SyncEngine.Builder b = SyncEngine.builder().s3(portal.url(), "tandem", "us-east-1", "AKIDEXAMPLE", "secret");
        if (passphrase != null) {
            b.encrypted(passphrase);
        }
        return fixture.closeAfter(b.build());
    }

    private static void assertLoginPage(SyncException e) {
        assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
        assertEquals(SyncException.Diagnosis.LOGIN_PAGE, e.diagnosis(), e.getMessage());
        assertTrue(e.hint().contains("sign in to this network"), e.hint());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("web page"), e.getMessage());
        assertFalse(e.getMessage().contains("encrypted"), e.getMessage());
        assertFalse(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void sync_s3PlainBehindLoginPage_saysLogInNotEncrypted() {
        Db db = fixture.device();
        db.save(Item.of("x"));
        SyncException e = assertThrows(SyncException.class, () -> s3(null).sync(db));
        assertLoginPage(e);
    }

    @Test
    void sync_s3EncryptedBehindLoginPage_saysLogInNotDamaged() {
        Db db = fixture.device();
        db.save(Item.of("x"));
        SyncEngine engine = s3("correct horse battery staple");
        SyncException e = assertThrows(SyncException.class, () -> engine.sync(db));
        assertLoginPage(e);
        assertTrue(engine.setAside(db).isEmpty(), "nothing set aside because of a network");
        assertEquals(1, engine.pendingChanges(db), "the change waits for the network");
    }

    @Test
    void check_s3BehindLoginPage_failsFirstStepWithTheLogInWords() {
        ConnectionCheck c = s3(null).check();
        assertFalse(c.ok());
        assertTrue(c.summary().contains("web page"), c.summary());
    }

    @Test
    void sync_webDavBehindLoginPage_saysLogIn() {
        Db db = fixture.device();
        db.save(Item.of("x"));
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().webDav(portal.url() + "/dav/Tandem", "sam", "pw")
                .encrypted("correct horse battery staple").build());
        assertLoginPage(assertThrows(SyncException.class, () -> engine.sync(db)));
    }

    @Test
    void sync_s3ServerFailsWithAnErrorPage_saysTheServerFailedAndARetryMayHelp() {
        // A server's own failure in HTML (a Python server's traceback page, a load balancer's 502):
        // no Wi-Fi log-in, and the sync tries again.
        try (ScriptedHttpServer failing = ScriptedHttpServer.start(r -> Response.of(500, "text/html; charset=utf-8",
                "<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>"))) {
            Db db = fixture.device();
            db.save(Item.of("x"));
            SyncEngine engine = fixture.closeAfter(SyncEngine.builder()
                    .s3(failing.url(), "tandem", "us-east-1", "AKIDEXAMPLE", "secret").build());
            SyncException e = assertThrows(SyncException.class, () -> engine.sync(db));
            assertTrue(e.retryable(), e.getMessage());
            assertEquals(SyncException.Diagnosis.NONE, e.diagnosis(), e.getMessage());
            assertTrue(e.getMessage().contains("the server failed (HTTP 500)"), e.getMessage());
            assertFalse(e.getMessage().contains("log-in"), e.getMessage());
        }
    }
}
