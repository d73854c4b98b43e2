package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A todo's time of day and length: stored in their own columns, kept by a repeat, sorted by, merged per column. */
@Tag("unit")
class TodoTimeTest {
    @TempDir
    Path tmp;

    /** An items row as the schema had it before the time columns. */
    @Table("items")
    record OldItem(String id, String listId, String title, String notes, String due, Long done, Long doneAt,
                   Long trashedAt, Long createdAt) {
    }

    private TodoStore store(String name) {
        return new TodoStore(Schema.database(tmp.resolve(name)).build(), Clock.systemUTC(), ZoneOffset.UTC);
    }

    @Test
    void migrate_databaseFromBeforeTimes_opensAndGainsTheColumns() {
        int before = Schema.MIGRATIONS.indexOf("ALTER TABLE items ADD COLUMN dueTime TEXT");
        try (Db old = Schema.database(tmp.resolve("old.db")).build()) {
            old.migrate(Schema.MIGRATIONS.subList(0, before));
            old.save(new OldItem("a", null, "Call the bank", null, "2030-05-06", 0L, null, null, 1L));
            assertEquals(before, old.schemaVersion());
        }
        try (TodoStore s = store("old.db")) {
            assertEquals(Schema.MIGRATIONS.size(), s.tables().schemaVersion());
            Item it = s.get("a").orElseThrow();
            assertNull(it.dueTime());
            assertNull(it.durationMinutes());
            s.update("a", i -> i.withDueTime(LocalTime.of(14, 0)).withDuration(30L));
        }
        try (TodoStore s = store("old.db")) {
            Item it = s.get("a").orElseThrow();
            assertEquals("14:00", it.dueTime());
            assertEquals(LocalTime.of(14, 0), it.timeOfDay());
            assertEquals(30, it.lengthMinutes());
        }
    }

    @Test
    void add_withTimeAndLength_savesBothInTheAdd() {
        try (TodoStore s = store("a.db")) {
            LocalDate day = s.today().plusDays(1);
            Item it = s.add("Call the bank", null, null, day, TodoDetails.NONE.at(LocalTime.of(14, 0), 30)).item();
            assertEquals("14:00", it.dueTime());
            assertEquals(30L, it.durationMinutes());
        }
    }

    @Test
    void add_timeWithoutDate_keepsNoTime() {
        try (TodoStore s = store("a.db")) {
            Item it = s.add("Call", null, null, null, TodoDetails.NONE.at(LocalTime.of(14, 0), 30)).item();
            assertNull(it.dueTime());
            assertNull(it.timeOfDay());
            assertEquals(30, it.lengthMinutes());
        }
    }

    @Test
    void todayAndUpcoming_timedTodosOfADay_sortedByTimeAfterTheUntimed() {
        try (TodoStore s = store("a.db")) {
            LocalDate today = s.today();
            LocalDate tomorrow = today.plusDays(1);
            s.add("Late", null, null, today, TodoDetails.NONE.at(LocalTime.of(16, 30), null));
            s.add("Early", null, null, today, TodoDetails.NONE.at(LocalTime.of(9, 0), null));
            s.add("Any time", null, today);
            s.add("Tomorrow noon", null, null, tomorrow, TodoDetails.NONE.at(LocalTime.NOON, null));
            s.add("Tomorrow 8", null, null, tomorrow, TodoDetails.NONE.at(LocalTime.of(8, 0), null));
            assertEquals(List.of("Any time", "Early", "Late"),
                    s.query(Listing.of(Listing.BuiltIn.TODAY)).stream().map(Item::title).toList());
            assertEquals(List.of("Tomorrow 8", "Tomorrow noon"),
                    s.query(Listing.of(Listing.BuiltIn.UPCOMING)).stream().map(Item::title).toList());
        }
    }

    @Test
    void complete_repeatingTimedTodo_nextOccurrenceKeepsTimeAndLength() {
        try (TodoStore s = store("a.db")) {
            Item it = s.add("Standup", null, null, s.today(), new TodoDetails(null, List.of(),
                    Recurrence.parse("FREQ=DAILY").orElseThrow(), null).at(LocalTime.of(9, 15), 15)).item();
            new SeriesStore(s).complete(it.id());
            Item next = s.allItems().stream().filter(i -> !i.isDone()).findFirst().orElseThrow();
            assertEquals(s.today().plusDays(1), next.dueDate());
            assertEquals("09:15", next.dueTime());
            assertEquals(15L, next.durationMinutes());
        }
    }

    @Test
    void sync_oneDeviceEditsTheDateTheOtherTheTime_bothSurvive() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        try (TodoStore laptop = store("laptop.db"); TodoStore phone = store("phone.db");
             SyncEngine e1 = SyncEngine.builder().folder(tmp.resolve("remote")).build();
             SyncEngine e2 = SyncEngine.builder().folder(tmp.resolve("remote")).build()) {
            LocalDate day = laptop.today().plusDays(1);
            Item it = laptop.add("Call the bank", null, null, day, TodoDetails.NONE.at(LocalTime.of(14, 0), 30)).item();
            laptop.replica().sync(e1);
            phone.replica().sync(e2);
            laptop.update(it.id(), i -> i.withDue(day.plusDays(1)));
            phone.update(it.id(), i -> i.withDueTime(LocalTime.of(16, 30)).withDuration(45L));
            laptop.replica().sync(e1);
            phone.replica().sync(e2);
            laptop.replica().sync(e1);
            for (TodoStore s : List.of(laptop, phone)) {
                Item got = s.get(it.id()).orElseThrow();
                assertEquals(day.plusDays(1), got.dueDate());
                assertEquals("16:30", got.dueTime());
                assertEquals(45L, got.durationMinutes());
            }
            assertEquals(List.of(), laptop.conflicts().list());
        }
    }
}
