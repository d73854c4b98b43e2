package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.text.Checklist;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two devices on one folder remote, each with a real profile database file, doing the same thing offline. */
@Tag("unit")
class DailySyncTest {
    @TempDir
    Path tmp;

    private TodoStore laptop;
    private TodoStore phone;
    private SyncEngine e1;
    private SyncEngine e2;

    private void open() {
        try {
            Files.createDirectories(tmp.resolve("remote"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        laptop = TodoStore.open(Schema.database(tmp.resolve("laptop.db")), Clock.systemUTC(), ZoneOffset.UTC);
        phone = TodoStore.open(Schema.database(tmp.resolve("phone.db")), Clock.systemUTC(), ZoneOffset.UTC);
        e1 = SyncEngine.builder().folder(tmp.resolve("remote")).build();
        e2 = SyncEngine.builder().folder(tmp.resolve("remote")).build();
    }

    @AfterEach
    void close() {
        e1.close();
        e2.close();
        laptop.close();
        phone.close();
    }

    private void syncBoth() {
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
    }

    private static List<Item> open(TodoStore s, String title) {
        return s.allItems().stream().filter(i -> title.equals(i.title()) && !i.isDone() && !i.isTrashed()).toList();
    }

    @Test
    void add_listByNameOnTwoDevicesOffline_endsAsOneListWithBothTodos() {
        open();
        laptop.add("Buy nails", "Home", null, null, TodoDetails.NONE);
        phone.add("Fix the tap", "home ", null, null, TodoDetails.NONE);
        phone.add("Paint the door", "Home", null, null, TodoDetails.NONE);
        syncBoth();
        for (TodoStore s : List.of(laptop, phone)) {
            List<TodoList> homes = s.lists().stream().filter(l -> l.name().equalsIgnoreCase("home")).toList();
            assertEquals(1, homes.size(), "one list: " + s.lists());
            String home = s.findList("Home").orElseThrow().id();
            assertEquals(home, homes.get(0).id());
            assertEquals(Set.of("Buy nails", "Fix the tap", "Paint the door"), s.allItems().stream()
                    .filter(i -> home.equals(i.listId())).map(Item::title).collect(Collectors.toSet()));
        }
    }

    @Test
    void createList_renamedThenSameNameAgain_aSecondListWithAFreshId() {
        open();
        TodoList first = laptop.createList("Home");
        laptop.renameList(first.id(), "House");
        TodoList again = laptop.createList("Home");
        assertFalse(first.id().equals(again.id()));
        assertEquals(List.of("House", "Home"), laptop.lists().stream().map(TodoList::name).toList());
        TodoList third = laptop.createList("HOME");
        assertFalse(third.id().equals(again.id()), "the name's id is taken: a fresh one");
    }

    @Test
    void createList_deletedThenSameNameAgain_liveOnBothDevices() {
        open();
        TodoList first = laptop.createList("Home");
        syncBoth();
        laptop.deleteList(first.id());
        syncBoth();
        TodoList again = laptop.createList("Home");
        laptop.add("Buy nails", "Home", null, null, TodoDetails.NONE);
        syncBoth();
        for (TodoStore s : List.of(laptop, phone)) {
            assertEquals(List.of("Home"), s.lists().stream().map(TodoList::name).toList());
            assertEquals(again.id(), s.allItems().stream().filter(i -> i.title().equals("Buy nails")).findFirst()
                    .orElseThrow().listId());
        }
    }

    @Test
    void complete_sameOccurrenceOnTwoDevicesOffline_endsWithExactlyOneNextOccurrence() {
        open();
        Item first = laptop.add("Water plants", null, null, LocalDate.of(2026, 11, 23),
                new TodoDetails(2, List.of("home"), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
        syncBoth();
        Item a = new SeriesStore(laptop).complete(first.id()).orElseThrow().created();
        Item b = new SeriesStore(phone).complete(first.id()).orElseThrow().created();
        assertEquals(a.id(), b.id(), "both devices derive the same id for the next occurrence");
        syncBoth();
        for (TodoStore s : List.of(laptop, phone)) {
            List<Item> open = open(s, "Water plants");
            assertEquals(1, open.size(), "exactly one next occurrence: " + open);
            assertEquals("2026-11-30", open.get(0).due());
            assertEquals(List.of("home"), new TagStore(s).of(open.get(0).id()));
            assertTrue(s.get(first.id()).orElseThrow().isDone());
            assertEquals(2, s.allItems().size());
        }
    }

    @Test
    void addTag_differentTagsOnTwoDevicesOffline_keepsBoth() {
        open();
        Item it = laptop.add("Paint the fence", null, null);
        syncBoth();
        new TagStore(laptop).add(it.id(), List.of("home"));
        new TagStore(phone).add(it.id(), List.of("weekend"));
        new TagStore(phone).add(it.id(), List.of("home"));
        syncBoth();
        assertEquals(List.of("home", "weekend"), new TagStore(laptop).of(it.id()));
        assertEquals(List.of("home", "weekend"), new TagStore(phone).of(it.id()));
        assertEquals(List.of(new Count("home", 1L), new Count("weekend", 1L)), new TagStore(phone).counts());
    }

    @Test
    void dismiss_onOneDevice_stopsTheReminderOnTheOther() {
        open();
        Item it = laptop.add("Call Sam", null, null, null, new TodoDetails(null, List.of(), null, 1_000L)).item();
        syncBoth();
        assertEquals(1, new ReminderStore(phone).pending().size());
        new ReminderStore(laptop).dismiss(it.id());
        syncBoth();
        assertTrue(new ReminderStore(phone).pending().isEmpty());
        assertFalse(phone.get(it.id()).orElseThrow().reminderPending());
    }

    @Test
    void kind_madeANoteOnOneDevice_tickOnTheOther_bothKept() {
        open();
        Item groceries = laptop.add("Groceries", null, null);
        laptop.update(groceries.id(), it -> it.withNotes("- [ ] Milk\n- [ ] Eggs\n"));
        syncBoth();
        laptop.setNote(groceries.id(), true);
        phone.update(groceries.id(), it -> it.withNotes(Checklist.toggle(it.notes(),
                Checklist.boxes(it.notes()).get(1), true).orElseThrow()));
        syncBoth();
        for (TodoStore s : List.of(laptop, phone)) {
            Item it = s.get(groceries.id()).orElseThrow();
            assertTrue(it.isNote(), "the kind travels like any attribute");
            assertEquals("- [ ] Milk\n- [x] Eggs\n", it.notes());
            assertEquals(List.of("Groceries"), s.query(Listing.inbox()).stream().map(Item::title).toList());
            assertEquals(0, s.db().query(Count.class, Queries.COUNTS, s.today().toString(), s.today().toString())
                    .stream().filter(c -> c.id().equals("inbox")).findFirst().orElseThrow().count(), "a note is not counted");
        }
    }
}
