package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A todo's time and length with a real client (python3-caldav) on each server: written as a DUE date-time
 * (DTSTART and DUE with a length), a todo without a time kept as a DATE, and a phone's zoned DUE and
 * DTSTART read back; a date moved here and a time moved on the phone both stand.
 */
@Tag("server")
class CalDavTimeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path tmp;

    /** A Tandem device with the list "Errands", not yet connected. */
    private static CalDavFixture.Device laptop(CalDavFixture f) throws Exception {
        CalDavFixture.Device laptop = f.device("laptop");
        laptop.store.createList("Errands");
        return laptop;
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_timeAndLengthSetHere_libraryReadsStartAndDueAndADateStaysADate(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Errands");
            laptop.store.add("Call the bank", null, list, DAY, TodoDetails.NONE.at(LocalTime.of(14, 0), 30));
            laptop.store.add("Dentist", null, list, DAY, TodoDetails.NONE.at(LocalTime.of(9, 30), null));
            laptop.store.add("Buy milk", list, DAY);
            laptop.caldav("Errands");
            PyCalDav py = f.python();
            assertEquals("2026-11-24T14:00:00+00:00|2026-11-24T14:30:00+00:00|", py.times("Errands", "Call the bank"));
            assertEquals("|2026-11-24T09:30:00+00:00|", py.times("Errands", "Dentist"));
            assertEquals("|2026-11-24|", py.times("Errands", "Buy milk"));
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_phoneSetsZonedStartAndDue_readAsTimeAndLength(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            laptop.caldav("Errands");
            PyCalDav py = f.python();
            py.add("Errands", "Call the bank");
            py.setTimes("Errands", "Call the bank", "2026-11-24T15:00", "2026-11-24T15:45", "Europe/Berlin");
            laptop.caldav();
            Item it = laptop.open("Call the bank").get(0);
            assertEquals(DAY, it.dueDate());
            assertEquals("14:00", it.dueTime(), "15:00 in Berlin is 14:00 in the device's zone (UTC)");
            assertEquals(45L, it.durationMinutes());
            py.setTimes("Errands", "Call the bank", null, "2026-11-25T08:00", "Europe/Berlin");
            laptop.caldav();
            Item moved = laptop.open("Call the bank").get(0);
            assertEquals(DAY.plusDays(1), moved.dueDate());
            assertEquals("07:00", moved.dueTime());
            assertNull(moved.durationMinutes(), "a DUE alone has no length");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_timeClearedHere_dueBecomesADateKeepingItsDay(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Errands");
            Item it = laptop.store.add("Call the bank", null, list, DAY, TodoDetails.NONE.at(LocalTime.of(14, 0), 30)).item();
            laptop.caldav("Errands");
            laptop.store.update(it.id(), x -> x.withDueTime(null).withDuration(null));
            laptop.caldav();
            assertEquals("2026-11-24|2026-11-24|", f.python().times("Errands", "Call the bank"));
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_dateMovedHereTimeMovedOnPhone_bothStand(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Errands");
            Item it = laptop.store.add("Call the bank", null, list, DAY, TodoDetails.NONE.at(LocalTime.of(14, 0), null)).item();
            laptop.caldav("Errands");
            PyCalDav py = f.python();
            py.setTimes("Errands", "Call the bank", null, "2026-11-24T17:30", "UTC");
            laptop.store.update(it.id(), x -> x.withDue(DAY.plusDays(2)));
            laptop.caldav();
            laptop.caldav();
            Item got = laptop.store.get(it.id()).orElseThrow();
            assertEquals(DAY.plusDays(2), got.dueDate());
            assertEquals("17:30", got.dueTime());
            assertTrue(py.times("Errands", "Call the bank").contains("2026-11-26T17:30:00+00:00"),
                    py.times("Errands", "Call the bank"));
        }
    }
}
