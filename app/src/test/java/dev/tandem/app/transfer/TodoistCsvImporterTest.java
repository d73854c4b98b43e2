package dev.tandem.app.transfer;

import static dev.tandem.app.transfer.Fixtures.byTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Todoist's CSV export as its rows are written: labels inline in CONTENT, a repeat's words in DATE. */
@Tag("unit")
class TodoistCsvImporterTest {
    /** The columns of Todoist's export, as in the Home.csv fixture. */
    private static final String HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,"
            + "TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG\n";
    /** A Wednesday. */
    private static final Instant WEDNESDAY = Instant.parse("2026-11-18T10:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path tmp;
    private TodoStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private ImportReport importOn(Instant now, String rows) throws IOException {
        store = new TodoStore(Db.openMemory(), Clock.fixed(now, Fixtures.ZONE), Fixtures.ZONE);
        Path csv = tmp.resolve("Home.csv");
        Files.writeString(csv, HEADER + rows, StandardCharsets.UTF_8);
        return Fixtures.importPath(store, csv);
    }

    private List<String> tags(Item it) {
        return new TagStore(store).of(it.id());
    }

    @Test
    void importPath_labelsInContent_becomeTagsAndLeaveTheTitle() throws IOException {
        importOn(WEDNESDAY, "task,Plan the garden @outdoors @weekend,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Mail bob@example.com the @invoice scan,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n");
        Item garden = byTitle(store, "Plan the garden");
        assertEquals(List.of("outdoors", "weekend"), tags(garden));
        assertNull(garden.notes(), "the labels are tags, not attribute lines left in the notes");
        Item mail = byTitle(store, "Mail bob@example.com the scan");
        assertEquals(List.of("invoice"), tags(mail), "only an @ at a word's start is a label");
    }

    @Test
    void importPath_repeatingDateWithoutADay_dueOnTheRulesFirstDateFromToday() throws IOException {
        String row = "task,Water the plants,,2,1,Robin (29871234),,every saturday,en,Europe/Berlin,15,minute,,\n";
        importOn(WEDNESDAY, row);
        Item water = byTitle(store, "Water the plants");
        assertEquals("FREQ=WEEKLY;BYDAY=SA", water.repeat());
        assertEquals("2026-11-21", water.due(), "the coming Saturday");
        store.close();
        importOn(SATURDAY, row);
        assertEquals("2026-11-21", byTitle(store, "Water the plants").due(), "today, when today is a Saturday");
    }

    /** Todoist writes the words a date was typed in: each is read as quick add reads it, in the row's DATE_LANG. */
    @Test
    void importPath_plainDatesInTheirLanguage_dueWithTheirTimeAndNothingLeftInTheNotes() throws IOException {
        ImportReport r = importOn(WEDNESDAY, "task,Buy stamps,,4,1,Robin (29871234),,Dec 3,en,Europe/Berlin,,,,\n"
                + "task,Call the bank,,4,1,Robin (29871234),,tomorrow 10am,en,Europe/Berlin,30,minute,,\n"
                + "task,Zahnarzt,,4,1,Robin (29871234),,morgen um 14 Uhr,de,Europe/Berlin,,,,\n"
                + "task,Marché,,4,1,Robin (29871234),,samedi 9h,fr,Europe/Berlin,,,,\n"
                + "task,Blumen gießen,,4,1,Robin (29871234),,jeden 2. Tag,de,Europe/Berlin,,,,\n"
                + "task,Dentist,,4,1,Robin (29871234),,Dec 3 2026 14:30,en,Europe/Berlin,,,,\n"
                + "task,Someday maybe,,4,1,Robin (29871234),,when pigs fly,en,Europe/Berlin,,,,\n");
        Item stamps = byTitle(store, "Buy stamps");
        assertEquals("2026-12-03", stamps.due());
        assertNull(stamps.notes(), "a date read is not also kept in the notes");
        Item bank = byTitle(store, "Call the bank");
        assertEquals("2026-11-19", bank.due());
        assertEquals("10:00", bank.dueTime());
        assertEquals(30L, bank.durationMinutes());
        Item dentist = byTitle(store, "Zahnarzt");
        assertEquals("2026-11-19", dentist.due());
        assertEquals("14:00", dentist.dueTime());
        Item market = byTitle(store, "Marché");
        assertEquals("2026-11-21", market.due());
        assertEquals("09:00", market.dueTime());
        Item flowers = byTitle(store, "Blumen gießen");
        assertEquals("FREQ=DAILY;INTERVAL=2", flowers.repeat());
        assertEquals("2026-11-18", flowers.due());
        Item timed = byTitle(store, "Dentist");
        assertEquals("2026-12-03", timed.due());
        assertEquals("14:30", timed.dueTime());
        Item pigs = byTitle(store, "Someday maybe");
        assertNull(pigs.due());
        assertEquals("Todoist date: when pigs fly", pigs.notes());
        assertTrue(r.warnings().contains("the date 'when pigs fly' (line 8) was kept in the notes"), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'tomorrow 10am'") && w.contains("from today")),
                r.warnings().toString());
    }

    @Test
    void importPath_sectionsAndThreeIndentLevels_becomeSectionsAndSubtasksInFileOrder() throws IOException {
        importOn(WEDNESDAY, "task,Book the van,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Compare prices,,4,2,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Ask Sam,,4,3,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Call him,,4,4,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Pay deposit,,4,2,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "section,This week,,,,,,,,,,,,\n"
                + "task,Pack kitchen,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Wrap plates,,4,3,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Pack books,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "section,Later,,,,,,,,,,,,\n"
                + "task,Sell the sofa,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "task,Alpha,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n");
        // INDENT 3 right under an INDENT 1 task is under that task: the nearest above with a smaller INDENT.
        assertEquals(List.of("Book the van", "  Compare prices", "    Ask Sam", "      Call him", "  Pay deposit",
                "#This week", "Pack kitchen", "  Wrap plates", "Pack books", "#Later", "Sell the sofa", "Alpha"),
                Structures.outline(store, "Home"));
    }

    @Test
    void importPath_intoAListWithTodos_addsAfterThemAndTwiceAddsNothing() throws IOException {
        String rows = "task,One,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n"
                + "section,Later,,,,,,,,,,,,\n"
                + "task,Two,,4,1,Robin (29871234),,,en,Europe/Berlin,,,,\n";
        importOn(WEDNESDAY, rows);
        store.add("Mine", null, store.lists().get(0).id(), null, TodoDetails.NONE);
        ImportReport again = Fixtures.importPath(store, tmp.resolve("Home.csv"));
        assertEquals(0, again.added());
        assertEquals(List.of("One", "Mine", "#Later", "Two"), Structures.outline(store, "Home"));
    }
}
