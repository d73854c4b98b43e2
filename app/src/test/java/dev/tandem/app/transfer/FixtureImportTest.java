package dev.tandem.app.transfer;

import static dev.tandem.app.transfer.Fixtures.byTitle;
import static dev.tandem.app.transfer.Fixtures.listName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each importer on a fixture shaped like the real export of its app, and each imported twice. */
@Tag("unit")
class FixtureImportTest {
    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importPath_todoistCsv_tasksSubtasksCommentsAndSections() {
        ImportReport r = Fixtures.importPath(store, Fixtures.copy("Home.csv", tmp));
        assertEquals(7, r.added(), r.toString());
        Item bill = byTitle(store, "Pay the electricity bill");
        assertEquals(Optional.of("Home"), listName(store, bill));
        assertEquals("2026-12-18", bill.due());
        assertTrue(bill.notes().startsWith("Account 4411-02, due before the 20th"), bill.notes());
        assertFalse(bill.notes().contains("Priority:"), "the priority is a field now: " + bill.notes());
        assertEquals(1, bill.priorityLevel());
        Item garden = byTitle(store, "Plan the garden");
        assertEquals(List.of("outdoors"), new TagStore(store).of(garden.id()), "the label in CONTENT");
        assertNull(garden.notes());
        Item compost = byTitle(store, "Buy compost");
        assertEquals(garden.id(), compost.parentId(), "INDENT 2: a subtask");
        assertEquals("2027-01-10", compost.due());
        assertEquals("Comment: Ask the neighbours whether they want to share a delivery", compost.notes(),
                "a comment goes to the task just above it");
        assertEquals(byTitle(store, "Order seeds").id(), byTitle(store, "Compare two catalogues").parentId());
        Item water = byTitle(store, "Water the plants");
        assertEquals(NoteAttributes.NONE, NoteAttributes.split(water.notes()).attributes(), water.notes());
        assertEquals(2, water.priorityLevel());
        assertEquals("FREQ=WEEKLY;BYDAY=SA", water.repeat(), "Todoist's words become a rule Tandem computes");
        assertEquals(List.of(), new TagStore(store).of(water.id()), "the section is a section, no tag");
        assertEquals(store.today().with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).toString(), water.due(),
                "due on the rule's first date, as Todoist has it");
        Item window = byTitle(store, "Clean the \"big\" window");
        assertNull(window.notes());
        assertEquals(List.of("Pay the electricity bill", "Plan the garden", "  Order seeds", "    Compare two catalogues",
                "  Buy compost", "#Weekly", "Water the plants", "Clean the \"big\" window"), Structures.outline(store, "Home"));
    }

    @Test
    void importPath_icsWithRecurrenceAndCompletedTodos_keepsThem() {
        ImportReport r = Fixtures.importPath(store, Fixtures.copy("tasks.ics", tmp));
        assertEquals(3, r.added());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 changed occurrence")), r.warnings().toString());
        Item recycling = byTitle(store, "Take out the recycling");
        assertEquals("1f0a7c3e-2b7d-4c55-9e1a-6d2b0c9e7a11", recycling.id(), "a UUID UID is kept as the id");
        assertEquals("2026-11-24", recycling.due());
        assertFalse(recycling.isDone());
        assertEquals(Optional.of("Errands"), listName(store, recycling));
        NoteAttributes.Split notes = NoteAttributes.split(recycling.notes());
        assertEquals("Blue bin, street side.\nGlass goes separately.", notes.body());
        assertEquals(NoteAttributes.NONE, notes.attributes(), "tags, priority and repeat are fields now");
        assertEquals(List.of("chores", "home"), new TagStore(store).of(recycling.id()));
        assertEquals(2, recycling.priorityLevel());
        assertEquals("FREQ=WEEKLY;BYDAY=TU", recycling.repeat());
        assertEquals(recycling.id(), recycling.seriesId());
        Item passport = byTitle(store, "Renew passport");
        assertTrue(passport.isDone());
        assertEquals(Instant.parse("2026-11-05T10:15:00Z").toEpochMilli(), passport.doneAt());
        assertEquals("2026-11-10", passport.due());
        assertNull(passport.notes());
        assertEquals(1, passport.priorityLevel(), "PRIORITY 1 (high) is p1");
        Item dentist = byTitle(store, "Call the dentist");
        assertEquals(Optional.of("Health"), listName(store, dentist));
        assertFalse(dentist.isDone());
    }

    @Test
    void importPath_joplinJex_notebooksBecomeListsTodosKeepDoneAndDue() {
        ImportReport r = Fixtures.importPath(store, Fixtures.copy("household.jex", tmp));
        assertJoplin(r);
    }

    @Test
    void importPath_joplinRawFolder_sameAsTheArchive() {
        Path dir = Fixtures.copy("joplin-raw", tmp);
        assertEquals(Format.JOPLIN_RAW, Format.detect(dir));
        assertJoplin(Fixtures.importPath(store, dir));
    }

    private void assertJoplin(ImportReport r) {
        assertEquals(3, r.added(), r.toString());
        assertEquals(1, r.listsCreated(), "the notebook inside Household is a section of it");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 encrypted note")), r.warnings().toString());
        Item tap = byTitle(store, "Fix the dripping tap");
        assertEquals(Optional.of("Household"), listName(store, tap));
        // Joplin's custom order with no order set: the newest first.
        assertEquals(List.of("Wifi and alarm codes", "Book the chimney sweep", "#Repairs", "Fix the dripping tap"),
                Structures.outline(store, "Household"));
        assertTrue(tap.isDone());
        assertEquals(1789500000000L, tap.doneAt());
        assertEquals("2026-09-19", tap.due());
        assertEquals("Needs a 1/2\" washer.\n\n- [x] turn off the water\n- [ ] replace the washer", tap.notes());
        Item sweep = byTitle(store, "Book the chimney sweep");
        assertFalse(sweep.isDone());
        assertEquals("2026-10-10", sweep.due());
        assertEquals(Optional.of("Household"), listName(store, sweep));
        assertEquals("Call before the heating season.", sweep.notes());
        assertEquals(List.of("urgent"), new TagStore(store).of(sweep.id()));
        assertFalse(tap.isNote(), "a Joplin to-do is a todo");
        Item note = byTitle(store, "Wifi and alarm codes");
        assertTrue(note.isNote(), "a Joplin note is a note");
        assertFalse(note.isDone());
        assertNull(note.due());
        assertTrue(note.notes().contains("| router | hall |"));
        assertEquals(Instant.parse("2026-09-05T10:00:00Z").toEpochMilli(), note.createdAt());
    }

    @Test
    void importPath_sameFileTwice_addsNothingTheSecondTime() {
        for (String fixture : List.of("Home.csv", "tasks.ics", "household.jex", "joplin-raw")) {
            Path p = Fixtures.copy(fixture, tmp);
            int before = store.allItems().size();
            ImportReport first = Fixtures.importPath(store, p);
            int lists = store.lists().size();
            ImportReport second = Fixtures.importPath(store, p);
            assertEquals(0, second.added(), fixture);
            assertEquals(first.added() + first.known(), second.known(), fixture);
            assertEquals(0, second.listsCreated(), fixture);
            assertEquals(lists, store.lists().size(), fixture);
            assertEquals(before + first.added(), store.allItems().size(), fixture);
        }
    }

    @Test
    void importPath_importedTodos_areRecordedInTheChangelogLikeEdits() {
        Fixtures.importPath(store, Fixtures.copy("Home.csv", tmp));
        Item bill = byTitle(store, "Pay the electricity bill");
        assertEquals(1, store.history().changes("items", bill.id()).size());
        assertEquals(store.replica().deviceId(), store.history().changes("items", bill.id()).get(0).author());
    }
}
