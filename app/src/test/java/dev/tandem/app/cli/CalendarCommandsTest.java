package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem calendars} and {@code tandem agenda} on a local .ics file, on a fixed clock (1 Dec 2026). */
@Tag("unit")
class CalendarCommandsTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    private Result run(String... args) {
        return CliRun.run(Map.of(), clock, tmp.resolve("d"), args);
    }

    private Path feed(String... events) throws Exception {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n");
        for (String e : events) {
            b.append("BEGIN:VEVENT\r\n").append(e.replace("\n", "\r\n")).append("\r\nEND:VEVENT\r\n");
        }
        Path f = tmp.resolve("home.ics");
        Files.writeString(f, b.append("END:VCALENDAR\r\n").toString());
        return f;
    }

    @Test
    void add_withoutMe_usesTheSavedAddress_declinedInvitationsLeftOut_meGivenWins() throws Exception {
        Path f = feed("UID:1\nSUMMARY:Declined meeting\nDTSTART:20261203T100000Z\nDTEND:20261203T110000Z\n"
                + "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com",
                "UID:2\nSUMMARY:Lunch\nDTSTART:20261203T120000Z\nDTEND:20261203T130000Z\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com");
        // "Your address", as Settings → Calendars saves it.
        Files.createDirectories(tmp.resolve("d"));
        new SettingsStore(tmp.resolve("d")).put(CalendarMeSetting.KEY, "me@example.com");
        assertEquals(0, run("calendars", "add", f.toString(), "--name", "Saved").code());
        String agenda = run("agenda", "--from", "2026-12-03", "--days", "1", "--json").out();
        assertTrue(agenda.contains("Lunch"), agenda);
        assertFalse(agenda.contains("Declined meeting"), "the saved address declined it: " + agenda);
        try (EventStore events = EventStore.open(Optional.of(tmp.resolve("d").resolve("tandem.db")))) {
            assertEquals("me@example.com", events.subscription("Saved").orElseThrow().me());
        }

        // --me names someone else: their copy, in which nothing is declined.
        assertEquals(0, run("calendars", "rm", "Saved").code());
        assertEquals(0, run("calendars", "add", f.toString(), "--name", "Theirs", "--me", "you@example.com").code());
        assertTrue(run("agenda", "--from", "2026-12-03", "--days", "1", "--json").out().contains("Declined meeting"));
    }

    @Test
    void agenda_json_listsEventsAndTodosByDayInOrder() throws Exception {
        Path f = feed("UID:1\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:20261203\nDTEND;VALUE=DATE:20261204",
                "UID:2\nSUMMARY:Cancelled\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20261203");
        Result add = run("calendars", "add", f.toString(), "--colour", "#336699");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("home: 1 event\n"), add.out());
        assertEquals(0, run("add", "Buy present", "--due", "2026-12-03").code());
        assertEquals(0, run("add", "Later", "--due", "2026-12-20").code());
        Result agenda = run("agenda", "--from", "2026-12-01", "--days", "7", "--json");
        assertEquals(0, agenda.code(), agenda.err());
        String json = agenda.out();
        int event = json.indexOf("\"kind\":\"event\",\"calendar\":\"home\",\"title\":\"Holiday\"");
        int todo = json.indexOf("\"title\":\"Buy present\"");
        assertTrue(event >= 0 && todo > event, json);
        assertTrue(json.contains("\"start\":\"2026-12-03\",\"end\":\"2026-12-04\""), json);
        assertTrue(json.substring(todo).contains("\"kind\":\"todo\""), json);
        assertFalse(json.contains("Cancelled") || json.contains("Later"), json);
        String text = run("agenda", "--from", "2026-12-01").out();
        assertTrue(text.contains("2026-12-03\n  all day  Holiday  [home]\n"), text);
    }

    @Test
    void calendars_unreadableFile_showsWhyAndKeepsTheCopy_rmForgetsIt() throws Exception {
        Path f = feed("UID:1\nSUMMARY:Dinner\nDTSTART:20261202T180000Z");
        assertEquals(0, run("calendars", "add", f.toString(), "--name", "Home").code());
        Files.writeString(f, "not a calendar at all");
        Result refresh = run("calendars", "refresh");
        assertEquals(Cli.SYNCED_WITH_PROBLEMS, refresh.code());
        assertTrue(refresh.err().contains("Home: could not read: not an iCalendar file"), refresh.err());
        String listed = run("calendars").out();
        assertTrue(listed.contains("Home") && listed.contains("could not read: not an iCalendar file"), listed);
        assertTrue(run("agenda", "--json").out().contains("Dinner"), "the last copy is still shown");
        assertEquals(2, run("calendars", "add", f.toString(), "--name", "Home").code(), "a taken name is refused");
        assertEquals(0, run("calendars", "rm", "Home").code());
        assertFalse(run("agenda", "--json").out().contains("Dinner"));
        assertEquals(1, run("calendars", "rm", "Home").code());
        assertEquals(2, run("calendars", "add", "http://example.com/cal.ics").code());
    }
}
