package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.FilterParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved filters (smart lists) through the JSON backup and the archive: the same names, queries, colours and
 * order in a fresh profile, finding the same todos; an older backup without them still imports; a profile that
 * has a filter of a name keeps its own.
 */
@Tag("unit")
class SavedFilterTransferTest {
    @TempDir
    Path tmp;
    private final List<TodoStore> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(TodoStore::close);
    }

    private TodoStore store() {
        TodoStore s = Fixtures.store();
        open.add(s);
        return s;
    }

    /** Work and Home lists, todos of several priorities, and three filters saved out of name order. */
    private TodoStore source() {
        TodoStore s = store();
        TodoList work = s.createList("Work");
        TodoList home = s.createList("Home");
        s.add("Quarterly report", null, work.id(), null, null, new TodoDetails(1, List.of(), null, null));
        s.add("Invoice draft", null, work.id(), null, s.today().minusDays(2), new TodoDetails(3, List.of(), null, null));
        s.add("Buy milk", null, home.id(), null, s.today(), new TodoDetails(null, List.of("errand"), null, null));
        s.add("Water the garden", null, home.id(), null, null, new TodoDetails(1, List.of(), null, null));
        s.add("Call the bank", null, null, null, s.today().plusDays(3), new TodoDetails(2, List.of("errand"), null, null));
        save(s, "Urgent", "p1", "#CC3300");
        save(s, "errands", "@errand | #Home & due before: +7d", "#2a7fff");
        save(s, "Behind", "overdue | (#Work & !p1)", "");
        return s;
    }

    private static void save(TodoStore s, String name, String query, String color) {
        s.savedFilters().save(name, FilterParser.parse(query, s.today()), color);
    }

    private record Shown(String name, String query, String color) {
    }

    private static List<Shown> shown(TodoStore s) {
        return s.savedFilters().all().stream().map(f -> new Shown(f.name(), f.query(), f.color())).toList();
    }

    private static List<String> found(TodoStore s, SavedFilter f) {
        return FilteredItems.of(s, FilterParser.parse(f.query(), s.today())).stream().map(Item::title).sorted().toList();
    }

    @Test
    void archive_threeFiltersWithColoursAndOrder_freshProfileHasTheSameFindingTheSameTodos() {
        TodoStore a = source();
        Path zip = tmp.resolve("backup.zip");
        Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);
        TodoStore b = store();

        ImportReport r = Fixtures.importPath(b, zip);

        assertEquals(3, r.filters());
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of(new Shown("Urgent", "p1", "#CC3300"),
                new Shown("errands", "@errand | (#Home & due before: +7d)", "#2a7fff"),
                new Shown("Behind", "overdue | (#Work & !p1)", "")), shown(b));
        assertEquals(shown(a), shown(b));
        for (int i = 0; i < 3; i++) {
            SavedFilter mine = a.savedFilters().all().get(i);
            List<String> there = found(b, b.savedFilters().all().get(i));
            assertFalse(there.isEmpty(), mine.name() + " finds something");
            assertEquals(found(a, mine), there, mine.name());
        }
    }

    @Test
    void json_exportedFilters_areInThePersonsOrderUnderSavedFilters() throws Exception {
        TodoStore a = source();
        Path json = tmp.resolve("backup.json");
        Transfer.export(a, Format.TANDEM_JSON, json, Progress.NONE);
        String text = Files.readString(json);

        assertTrue(text.contains("\"saved_filters\""), text);
        assertTrue(text.indexOf("\"Urgent\"") < text.indexOf("\"errands\"")
                && text.indexOf("\"errands\"") < text.indexOf("\"Behind\""), "in rank order");
        assertTrue(text.contains("\"version\" : 2"), "no new version for a new table");
        TodoStore b = store();
        Fixtures.importPath(b, json);
        assertEquals(shown(a), shown(b));
    }

    @Test
    void import_oldBackupWithoutFilters_importsItsTodosAndNoFilter() throws Exception {
        TodoStore b = store();
        Path v1 = Files.writeString(tmp.resolve("old.json"), "{\"format\":\"tandem\",\"version\":1,\"tables\":{"
                + "\"lists\":[{\"id\":\"l1\",\"name\":\"Work\",\"position\":1}],"
                + "\"items\":[{\"id\":\"a1\",\"listId\":\"l1\",\"title\":\"From long ago\",\"done\":0}]}}");

        ImportReport r = Fixtures.importPath(b, v1);

        assertEquals(1, r.added());
        assertEquals(0, r.filters());
        assertEquals(List.of(), r.warnings());
        assertEquals("From long ago", b.get("a1").orElseThrow().title());
        assertEquals(List.of(), b.savedFilters().all());
    }

    @Test
    void import_profileHasAFilterOfThatName_keepsItsOwnAndAddsTheNewOnesAfterItsOwn() {
        TodoStore a = source();
        Path zip = tmp.resolve("backup.zip");
        Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);
        TodoStore b = store();
        save(b, "Errands", "p4", "#000000");
        save(b, "Mine", "today", "");

        ImportReport r = Fixtures.importPath(b, zip);

        assertEquals(2, r.filters());
        assertEquals(List.of(new Shown("Errands", "p4", "#000000"), new Shown("Mine", "today", ""),
                new Shown("Urgent", "p1", "#CC3300"), new Shown("Behind", "overdue | (#Work & !p1)", "")), shown(b));
    }

    @Test
    void import_sameArchiveTwice_addsNoFilterTheSecondTime() {
        TodoStore a = source();
        Path zip = tmp.resolve("backup.zip");
        Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);
        TodoStore b = store();
        Fixtures.importPath(b, zip);
        List<Shown> once = shown(b);

        assertEquals(0, Fixtures.importPath(b, zip).filters());
        assertEquals(once, shown(b));
    }

    @Test
    void import_filterDeletedHereForGood_doesNotComeBack() {
        TodoStore a = source();
        Path zip = tmp.resolve("backup.zip");
        Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);
        assertTrue(a.savedFilters().remove("Urgent"));

        assertEquals(0, Fixtures.importPath(a, zip).filters());
        assertEquals(List.of("errands", "Behind"), a.savedFilters().all().stream().map(SavedFilter::name).toList());
    }
}
