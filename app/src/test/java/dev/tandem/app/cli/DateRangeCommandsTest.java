package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates on the command line, within the range Tandem keeps: options past it are refused naming the range, and a
 * repeating todo another device synced with {@code +999999999-12-31} completes (it once ended in a stack trace).
 */
@Tag("unit")
class DateRangeCommandsTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Result run(String... args) {
        return CliRun.run(System.in, Map.of(), NOW, dir, args);
    }

    @Test
    void addAndEdit_datesOutsideTheRange_refusedNamingItAndNothingWritten() {
        for (String[] args : new String[][] {{"add", "Plan", "--due", "9999-12-31"}, {"add", "Plan", "--due", "1899-12-31"},
                {"add", "Plan", "--start", "3000-01-01"}}) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("1900-01-01 to 2999-12-31"), r.err());
        }
        assertEquals("", run("list").out());
        Result ok = run("add", "Plan", "--due", "2999-12-31", "--repeat", "every year");
        assertEquals(0, ok.code(), ok.err());
        String id = ok.out().strip();
        Result done = run("done", id);
        assertEquals(0, done.code(), done.err());
        assertFalse(done.out().contains("+3000"), "no next occurrence past the range: " + done.out());
    }

    @Test
    void done_repeatingTodoSyncedWithADatePastEveryCalendar_completesWithoutAStackTrace() {
        String id;
        try (TodoStore store = new TodoStore(Db.open(dir.resolve(Device.DB_FILE)), NOW)) {
            id = store.writeAll(tx -> tx.save(new Item(null, null, "Pay rent", null, "+999999999-12-31", 0L, null, null, 1L,
                    null, "FREQ=MONTHLY", null, null, null, null, null, null, null))).id();
        }
        Result r = run("done", id);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Result list = run("list", "--all", "--json");
        assertTrue(list.out().contains("\"done\":true") || list.out().contains("\"done\": true"), list.out());
    }

    /**
     * Another device of the same remote writes what no check of its own would let through (a modified or broken
     * Tandem): a repeating todo due {@code +999999999-12-31} and one due year 1. It reaches this device through a
     * real folder remote; here both read as no date, neither is overdue, and completing works.
     */
    @Test
    void sync_rowsWithDatesPastEveryCalendarFromAnotherDevice_readAsNoDateAndComplete() throws Exception {
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        Path remote = java.nio.file.Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-remote"));
        String rent;
        try (TodoStore store = new TodoStore(Db.open(java.nio.file.Files.createDirectories(other).resolve(Device.DB_FILE)), NOW)) {
            rent = store.writeAll(tx -> tx.save(new Item(null, null, "Pay rent", null, "+999999999-12-31", 0L, null, null,
                    1L, null, "FREQ=MONTHLY", null, null, null, null, "09:00", null, null))).id();
            store.writeAll(tx -> tx.save(new Item(null, null, "Ancient", null, "0001-01-01", 0L, null, null, 1L)));
        }
        assertEquals(0, CliRun.run(System.in, Map.of(), NOW, other, "sync", "--remote", "folder:" + remote).code());
        Result synced = run("sync", "--remote", "folder:" + remote);
        assertEquals(0, synced.code(), synced.err());
        Result overdue = run("list", "--filter", "overdue");
        assertEquals("", overdue.out(), "a date that is none here is never overdue");
        assertEquals(2, run("list", "--filter", "no date").out().strip().split("\n").length);
        Result done = run("done", rent);
        assertEquals(0, done.code(), done.err());
        assertFalse(done.err().contains("Exception"), done.err());
    }
}
