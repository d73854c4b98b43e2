package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem caldav} against Radicale, which checks passwords. */
@Tag("server")
class CalDavCliTest {
    /** The test's log-in on the server, as a person sets it for the command line. */
    private static Map<String, String> login(CalDavServer server) {
        return Map.of("TANDEM_CALDAV_USER", server.user(), "TANDEM_CALDAV_PASSWORD", CalDavServer.PASSWORD);
    }

    @TempDir
    Path dir;

    private CliRun.Result run(Map<String, String> env, String... args) {
        return CliRun.run(env, dir, args);
    }

    @Test
    void caldavSync_rightThenWrongPassword_syncsThenFailsNamingTheLogIn() {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE)) {
            Map<String, String> env = login(server);
            assertEquals(0, run(env, "add", "Milk", "--list", "Groceries").code());
            CliRun.Result ok = run(env, "caldav", "sync", server.url(), "--lists", "Groceries");
            assertEquals(0, ok.code(), ok.err());
            assertTrue(ok.out().contains("1 to the server"), ok.out());
            assertTrue(ok.err().contains("plain text"), "says what the server sees: " + ok.err());

            CliRun.Result status = run(Map.of(), "caldav", "status");
            assertTrue(status.out().contains("Groceries") && status.out().contains("(1 task)"), status.out());

            CliRun.Result wrong = run(Map.of("TANDEM_CALDAV_PASSWORD", "wrong"), "caldav", "sync");
            assertEquals(1, wrong.code());
            assertTrue(wrong.err().contains("refused"), wrong.err());
        }
    }

    @Test
    void caldavSync_addressTypedWithSpacesAndAccents_syncsAndTheSameAddressTypedAgainIsTheSameAccount() {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE)) {
            server.makeCalendar("/" + server.user() + "/Courses de la semaine ✓/");
            Map<String, String> env = login(server);
            String typed = server.url() + server.user() + "/Courses de la semaine ✓/";
            CliRun.Result first = run(env, "caldav", "sync", typed);
            assertEquals(0, first.code(), first.err());
            CliRun.Result again = run(env, "caldav", "sync", typed);
            assertEquals(0, again.code(), again.err());
            CliRun.Result saved = run(env, "caldav", "sync");
            assertEquals(0, saved.code(), saved.err());
            assertTrue(run(Map.of(), "caldav", "status").out().contains("Courses de la semaine ✓"),
                    "the server's list became a list here");
        }
    }

    @Test
    void caldavSync_listThatDoesNotExist_namesACommandThatShowsTheLists() {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE)) {
            Map<String, String> env = login(server);
            CliRun.Result r = run(env, "caldav", "sync", server.url(), "--lists", "Nope");
            assertEquals(1, r.code(), r.out());
            assertTrue(r.err().contains("no list called “Nope”"), r.err());
            assertTrue(r.err().contains("tandem list --all"), r.err());
            assertFalse(r.err().contains("tandem lists"), r.err());
        }
    }

    @Test
    void caldavSync_dropOneList_statusShowsItOffAndListsConnectsItAgain() {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE)) {
            assertEquals(0, run(login(server), "add", "Milk", "--list", "Groceries").code());
            assertEquals(0, run(login(server), "add", "Report", "--list", "Work").code());
            assertEquals(0, run(login(server), "caldav", "sync", server.url(), "--lists", "Groceries,Work").code());
            CliRun.Result drop = run(login(server), "caldav", "sync", "--drop", "Groceries");
            assertEquals(0, drop.code(), drop.err());
            assertTrue(drop.err().contains("Disconnected Groceries on this device"), drop.err());
            String status = run(Map.of(), "caldav", "status").out();
            assertTrue(status.contains("Groceries (disconnected here") && status.contains("Work ↔"), status);
            assertEquals(0, run(login(server), "caldav", "sync").code());
            assertTrue(run(Map.of(), "caldav", "status").out().contains("Groceries (disconnected here"),
                    "a later sync does not take its calendar in again");
            assertEquals(0, run(login(server), "caldav", "sync", "--lists", "Groceries").code());
            assertFalse(run(Map.of(), "caldav", "status").out().contains("disconnected here"));
        }
    }

    @Test
    void caldavSync_noAddressYet_isAUsageError() {
        CliRun.Result r = run(Map.of(), "caldav", "sync");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("give the server's address"), r.err());
    }
}
