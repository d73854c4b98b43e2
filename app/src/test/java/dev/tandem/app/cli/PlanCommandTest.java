package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem plan} around a subscribed .ics file's event and a timed todo, on a fixed clock (1 Dec 2026, 08:00). */
@Tag("unit")
class PlanCommandTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    private Result run(String... args) {
        return CliRun.run(Map.of(), clock, tmp.resolve("d"), args);
    }

    private void day() throws Exception {
        Path f = tmp.resolve("work.ics");
        Files.writeString(f, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "SUMMARY:Review\r\nDTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        assertEquals(0, run("calendars", "add", f.toString()).code());
        assertEquals(0, run("add", "Write report", "--due", "2026-12-01", "--for", "2h").code());
        assertEquals(0, run("add", "Call the bank", "--due", "2026-12-01", "--for", "30m", "--priority", "1").code());
        assertEquals(0, run("add", "Standup", "--due", "2026-12-01", "--at", "09:00", "--for", "30m").code());
        assertEquals(0, run("add", "Move house", "--due", "2026-12-01", "--for", "10h").code());
    }

    @Test
    void plan_dayWithEventAndTimedTodo_proposesInTheGapsAndOnlyApplyWrites() throws Exception {
        day();
        Result shown = run("plan");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("  9:30–10:00  Call the bank\n  11:00–13:00  Write report\n"), shown.out());
        assertTrue(shown.out().contains("Does not fit:\n  Move house (600 minutes): longer than the working hours"),
                shown.out());
        assertTrue(shown.err().contains("tandem plan --apply"), shown.err());
        assertFalse(run("list", "--json").out().contains("\"dueTime\":\"09:30\""), "a plan alone writes nothing");

        Result json = run("plan", "--json");
        assertTrue(json.out().startsWith("{\"date\":\"2026-12-01\",\"hours\":\"09:00-17:00\",\"applied\":false,"), json.out());
        assertTrue(json.out().contains("\"title\":\"Move house\",\"minutes\":600,\"reason\":\"longer-than-hours\""),
                json.out());

        Result applied = run("plan", "--apply");
        assertEquals(0, applied.code(), applied.err());
        assertTrue(applied.err().contains("2 todos have their times."), applied.err());
        String list = run("list", "--json").out();
        assertTrue(list.contains("\"dueTime\":\"09:30\"") && list.contains("\"dueTime\":\"11:00\""), list);
        Result again = run("plan", "--json");
        assertTrue(again.out().contains("\"proposals\":[]"), "timed now, they are not planned again: " + again.out());
    }

    @Test
    void plan_hours_areSavedForThisDeviceAndBadOnesRefused() throws Exception {
        day();
        Result narrow = run("plan", "--hours", "8:00-12:00", "--json");
        assertEquals(0, narrow.code(), narrow.err());
        assertTrue(narrow.out().contains("\"hours\":\"08:00-12:00\""), narrow.out());
        assertTrue(narrow.out().contains("\"title\":\"Call the bank\",\"start\":\"08:00\""), narrow.out());
        assertTrue(narrow.out().contains("\"title\":\"Write report\",\"minutes\":120,\"reason\":\"no-gap\""), narrow.out());
        assertTrue(run("plan", "--json").out().contains("\"hours\":\"08:00-12:00\""), "kept for the next plan");
        Result bad = run("plan", "--hours", "17:00-09:00");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--hours takes working hours such as 09:00-17:00, not 17:00-09:00"), bad.err());
        assertTrue(run("plan", "--json").out().contains("\"hours\":\"08:00-12:00\""), "a refused value is not saved");
        assertEquals(2, run("plan", "--date", "tomorrowish").code());
        Result past = run("plan", "--date", "2026-11-30", "--json");
        assertTrue(past.out().contains("\"proposals\":[],\"doesNotFit\":[]"), past.out());
    }
}
