package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export from one profile, import into a fresh one: what each format promises to carry, arrives. */
@Tag("unit")
class RoundTripTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @BeforeEach
    void seed() {
        TodoList groceries = source.createList("Groceries");
        TodoList work = source.createList("Work / Projects: 2027");
        source.add("Milk", groceries.id(), LocalDate.of(2026, 12, 1));
        Item done = source.add("Send the report", work.id(), LocalDate.of(2026, 11, 30));
        source.setDone(done.id(), true);
        Item noted = source.add("Plan the trip", null, null);
        source.update(noted.id(), it -> it.withNotes("Day 1: Lisbon — trams\nDay 2: Sintra\n\n\"Quotes\", #hash, émoji 🚋"));
        Item weekly = source.add("Water the plants", null, null, LocalDate.of(2026, 11, 28), new TodoDetails(1,
                List.of("home", "plants"), Recurrence.weekly(Set.of(DayOfWeek.SATURDAY)), 1_795_000_000_000L)).item();
        source.update(weekly.id(), it -> it.withNotes("By the window too."));
        // A todo imported before tags and priorities were fields: its notes still carry the lines.
        Item legacy = source.add("Sweep the yard", null, LocalDate.of(2026, 11, 29));
        source.update(legacy.id(), it -> it.withNotes(NoteAttributes.append("Leaves first.",
                new NoteAttributes(List.of("garden"), "low", "FREQ=MONTHLY;BYMONTHDAY=29"))));
        source.add("Milk", groceries.id(), null);
        source.add("title: with a colon # and hash", null, null);
        Item trashed = source.add("Old idea", null, null);
        source.trash(trashed.id());
        Item gone = source.add("Deleted for good", null, null);
        source.deleteForever(gone.id());
        // From a calendar app, whose UID is no UUID: kept as a link, so every format's round trip carries it too.
        ImportWriter.write(source, IcsImporter.read("calendar.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:-//Example//Tasks//EN\r\nBEGIN:VTODO\r\nUID:20261123T101500Z-1234@example.com\r\n"
                + "DTSTAMP:20261101T090000Z\r\nSUMMARY:Call the plumber\r\nDUE;VALUE=DATE:20261123\r\nEND:VTODO\r\n"
                + "END:VCALENDAR\r\n", Fixtures.ZONE, Progress.NONE), Progress.NONE);
    }

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    @Test
    void jsonExportThenImport_intoFreshProfile_itemAndListTablesIdentical() {
        Path file = tmp.resolve("backup.json");
        ExportReport out = Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        assertEquals(9, out.items(), "trashed items are in the backup, items deleted for good are not");
        ImportReport in = Transfer.importPath(fresh, file, null, Progress.NONE);
        assertEquals(9, in.added());
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
        assertEquals(Fixtures.rows(source, "lists"), Fixtures.rows(fresh, "lists"));
        assertEquals(Fixtures.rows(source, "item_tags"), Fixtures.rows(fresh, "item_tags"));
        assertEquals(2, Fixtures.rows(fresh, "item_tags").size());
        assertEquals(Fixtures.rows(source, "item_links"), Fixtures.rows(fresh, "item_links"));
        assertEquals(1, Fixtures.rows(fresh, "item_links").size(), "the calendar app's UID of the imported todo");
        assertTrue(Fixtures.rows(fresh, "items").stream().anyMatch(r -> r.contains("\"trashedAt\":1")), "the trashed item keeps trashedAt");
    }

    @Test
    void jsonImport_backIntoTheSameProfile_addsNothing() {
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        ImportReport again = Transfer.importPath(source, file, null, Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(0, again.listsCreated());
    }

    @Test
    void icsExportThenImport_sameTitlesDatesDoneStatesAndRecurrence() {
        Path file = tmp.resolve("todos.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        Map<String, Item> before = open(source);
        Map<String, Item> after = open(fresh);
        assertEquals(before.keySet(), after.keySet(), "same todos, by id (the UID)");
        for (Item b : before.values()) {
            Item a = after.get(b.id());
            assertEquals(b.title(), a.title());
            assertEquals(b.due(), a.due(), b.title());
            assertEquals(b.isDone(), a.isDone(), b.title());
            if (b.isDone()) {
                assertEquals(b.doneAt() / 1000, a.doneAt() / 1000, "COMPLETED keeps the second");
            }
            assertEquals(effective(source, b), effective(fresh, a), b.title());
        }
        Item weekly = after.values().stream().filter(i -> i.title().equals("Water the plants")).findFirst().orElseThrow();
        assertEquals("FREQ=WEEKLY;BYDAY=SA", weekly.repeat());
        assertEquals(1, weekly.priorityLevel());
        assertEquals(List.of("home", "plants"), new TagStore(fresh).of(weekly.id()));
        Item legacy = after.values().stream().filter(i -> i.title().equals("Sweep the yard")).findFirst().orElseThrow();
        assertEquals("Leaves first.", legacy.notes(), "the old attribute lines became fields on the way");
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=29", legacy.repeat());
        assertEquals(Map.of("Groceries", 2L, "Work / Projects: 2027", 1L), after.values().stream()
                .filter(i -> i.listId() != null)
                .collect(Collectors.groupingBy(i -> Fixtures.listName(fresh, i).orElse("?"), Collectors.counting())));
    }

    @Test
    void icsExport_isReadByTheLibraryAsVtodosWithRrule() throws Exception {
        Path file = tmp.resolve("todos.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        String text = Files.readString(file);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        assertTrue(text.contains("RRULE:FREQ=WEEKLY;BYDAY=SA\r\n"), text);
        assertTrue(text.contains("CATEGORIES:home,plants\r\n"), text);
        assertTrue(text.contains("PRIORITY:1\r\n"), text);
        assertTrue(text.contains("STATUS:COMPLETED\r\n"), text);
        assertFalse(text.contains("Old idea"), "trashed todos are not exported");
        assertTrue(text.contains("\r\nUID:20261123T101500Z-1234@example.com\r\n"), "the calendar app's own UID: " + text);
    }

    @Test
    void markdownExportThenImport_sameTitlesAndNotes() throws Exception {
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        assertTrue(Files.isRegularFile(dir.resolve("Groceries").resolve("Milk.md")));
        assertTrue(Files.isRegularFile(dir.resolve("Groceries").resolve("Milk (2).md")));
        assertTrue(Files.isDirectory(dir.resolve("Work Projects 2027")), "no path separator from a list name");
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        Map<String, Item> before = open(source);
        Map<String, Item> after = open(fresh);
        assertEquals(before.keySet(), after.keySet());
        for (Item b : before.values()) {
            Item a = after.get(b.id());
            assertEquals(b.title(), a.title());
            assertEquals(effective(source, b), effective(fresh, a), b.title());
            assertEquals(b.due(), a.due(), b.title());
            assertEquals(b.isDone(), a.isDone(), b.title());
        }
        String tap = Files.readString(dir.resolve("Inbox").resolve("Water the plants.md"));
        assertTrue(tap.startsWith("---\nid: "), tap);
        assertTrue(tap.contains("\ntags:\n- home\n- plants\n"), tap);
        assertTrue(tap.contains("\npriority: p1\n"), tap);
        assertTrue(tap.contains("\nrepeats: FREQ=WEEKLY;BYDAY=SA\n"), tap);
        assertTrue(tap.contains("\ncompleted?: no\n"), tap);
    }

    @Test
    void markdownExport_intoAFolderThatHasFiles_refusesAndLeavesItAlone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        try {
            Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
            throw new AssertionError("expected a refusal");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        }
        assertEquals(List.of(dir.resolve("keep.txt")), Files.list(dir).toList());
    }

    /** What a todo says, wherever it keeps it: notes body, tags, priority level and rule, from fields or lines. */
    private static List<Object> effective(TodoStore s, Item it) {
        NoteAttributes.Split split = NoteAttributes.split(it.notes());
        NoteAttributes a = RealFields.exported(it, new TagStore(s).of(it.id()), split.attributes());
        return Arrays.asList(split.body(), new TreeSet<>(a.tags()),
                RealFields.priority(a.priority()), a.repeats());
    }

    private static Map<String, Item> open(TodoStore s) {
        return s.allItems().stream().filter(i -> !i.isTrashed()).collect(Collectors.toMap(Item::id, Function.identity()));
    }
}
