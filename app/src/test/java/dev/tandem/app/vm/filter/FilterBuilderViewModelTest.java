package dev.tandem.app.vm.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.vm.filter.FilterFields.Due;
import dev.tandem.app.vm.filter.FilterFields.Priority;
import dev.tandem.app.vm.filter.FilterFields.Start;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The condition builder over a real SQLite profile on disk, without a toolkit; work runs on the calling thread. */
@Tag("unit")
class FilterBuilderViewModelTest {
    @TempDir
    Path tmp;
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private TodoStore store;
    private final Async async = Async.direct(e -> {
        throw new AssertionError(e);
    });

    @BeforeEach
    void open() {
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FilterBuilderViewModel fresh() {
        return FilterBuilderViewModel.forNew(store, async);
    }

    /** The query shown reads back, through the parser, as the tree in effect, and that tree back onto the fields. */
    private static void assertRoundTrips(FilterBuilderViewModel vm) {
        Filter f = vm.filter();
        assertNotNull(f, vm.problemProperty().get());
        assertEquals(f, FilterParser.parse(vm.queryProperty().get(), LocalDate.of(2026, 11, 26)));
        assertEquals(vm.queryProperty().get(), vm.textProperty().get(), "the text follows the fields");
        assertTrue(FilterFields.of(f).isPresent(), "beyond the fields: " + f.text());
    }

    @Test
    void fields_someCombinations_makeTheseQueries() {
        FilterBuilderViewModel vm = fresh();
        assertEquals("!done", vm.queryProperty().get(), "nothing chosen: every open todo");
        vm.includeDoneProperty().set(true);
        assertEquals("done | !done", vm.queryProperty().get());
        vm.includeDoneProperty().set(false);

        vm.listProperty().set("Work");
        vm.priorityProperty().set(Priority.P1);
        vm.dueProperty().set(Due.TODAY);
        assertEquals("#Work & p1 & today", vm.queryProperty().get());
        vm.anyOfProperty().set(true);
        assertEquals("#Work | p1 | today", vm.queryProperty().get());
        vm.includeDoneProperty().set(true);
        assertEquals("(#Work | p1 | today) & (done | !done)", vm.queryProperty().get());
        vm.anyOfProperty().set(false);
        assertEquals("#Work & p1 & today & (done | !done)", vm.queryProperty().get());

        FilterBuilderViewModel more = fresh();
        more.tagsProperty().set("errand, @home");
        more.dueProperty().set(Due.BEFORE);
        more.dueBeforeProperty().set("+7d");
        more.startProperty().set(Start.STARTED);
        more.wordsProperty().set("quarterly report");
        more.hasNotesProperty().set(true);
        more.hasFilesProperty().set(true);
        assertEquals("@errand & @home & due before: +7d & start before: tomorrow & search: quarterly report & has: notes"
                + " & has: attachment", more.queryProperty().get());
        more.dueProperty().set(Due.NEXT_7_DAYS);
        more.priorityProperty().set(Priority.NONE);
        more.startProperty().set(Start.NO_START);
        assertEquals("@errand & @home & no priority & due: next 7 days & no start & search: quarterly report & has: notes"
                + " & has: attachment", more.queryProperty().get());
    }

    @Test
    void fields_everyCombination_showsAQueryThatParsesBackToTheSameFields() {
        FilterBuilderViewModel vm = fresh();
        int seen = 0;
        for (Priority p : Priority.values()) {
            for (Due d : Due.values()) {
                for (Start s : Start.values()) {
                    for (int flags = 0; flags < 8; flags++) {
                        vm.listProperty().set(flags % 3 == 0 ? "" : "Work");
                        vm.tagsProperty().set(flags % 2 == 0 ? "" : "errand home");
                        vm.priorityProperty().set(p);
                        vm.dueProperty().set(d);
                        vm.dueBeforeProperty().set("fri");
                        vm.startProperty().set(s);
                        vm.wordsProperty().set(flags == 5 ? "report" : "");
                        vm.hasNotesProperty().set((flags & 1) != 0);
                        vm.hasFilesProperty().set((flags & 4) != 0);
                        vm.anyOfProperty().set((flags & 2) != 0);
                        vm.includeDoneProperty().set(flags >= 6);
                        assertRoundTrips(vm);
                        FilterFields back = FilterFields.of(vm.filter()).orElseThrow();
                        assertEquals(p, back.priority(), vm.queryProperty().get());
                        assertEquals(d, back.due(), vm.queryProperty().get());
                        assertEquals(s, back.start(), vm.queryProperty().get());
                        assertEquals(flags >= 6, back.includeDone(), vm.queryProperty().get());
                        seen++;
                    }
                }
            }
        }
        assertEquals(6 * 7 * 3 * 8, seen);
    }

    @Test
    void text_aFlatOrOfSupportedConditions_movesTheFields() {
        FilterBuilderViewModel vm = fresh();
        vm.textProperty().set("p2 | @errand | no date | #Someplace");

        assertTrue(vm.fieldsEnabledProperty().get());
        assertTrue(vm.anyOfProperty().get());
        assertEquals(Priority.P2, vm.priorityProperty().get());
        assertEquals("errand", vm.tagsProperty().get());
        assertEquals(Due.NO_DATE, vm.dueProperty().get());
        assertEquals("Someplace", vm.listProperty().get());
        assertTrue(vm.listChoices().contains("Someplace"), "a list the query names is among the choices");
        assertEquals("p2 | @errand | no date | #Someplace", vm.queryProperty().get());
        assertEquals("p2 | @errand | no date | #Someplace", vm.textProperty().get(), "typing is not rewritten");
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void text_beyondTheFields_disablesThemAndKeepsTheQuery() {
        FilterBuilderViewModel vm = fresh();
        for (String q : List.of("(#Work & p1) | overdue", "recurring", "#Work & #Home", "p1 & !@errand", "due: fri", "done")) {
            vm.textProperty().set(q);
            assertFalse(vm.fieldsEnabledProperty().get(), q);
            assertEquals(FilterParser.parse(q, store.today()).text(), vm.queryProperty().get());
            assertNotNull(vm.filter(), q);
        }
        vm.textProperty().set("#Work & p1 & (done | !done)");
        assertTrue(vm.fieldsEnabledProperty().get(), "a query the fields hold brings them back");
        assertTrue(vm.includeDoneProperty().get());
        assertEquals(Priority.P1, vm.priorityProperty().get());
    }

    @Test
    void text_invalid_showsTheParsersMessageNamingWhere() {
        FilterBuilderViewModel vm = fresh();
        String typed = "#Work & p1 & due before: someday soon";
        FilterException expected = Assertions.assertThrows(FilterException.class,
                () -> FilterParser.parse(typed, store.today()));

        vm.textProperty().set(typed);

        assertEquals(expected.getMessage(), vm.problemProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("At " + (expected.at() + 1) + ":"), vm.problemProperty().get());
        assertNull(vm.filter());
        assertEquals("", vm.countProperty().get(), "no count for a query that does not read");
        vm.textProperty().set("due before: someday soon");
        assertTrue(vm.problemProperty().get().startsWith("At 13:"), "where the day starts: " + vm.problemProperty().get());
        vm.textProperty().set(typed);
        vm.nameProperty().set("Soon");
        vm.save();
        assertTrue(vm.errorProperty().get());
        assertEquals(Messages.text("filter.builder.error.query", expected.getMessage()), vm.messageProperty().get());
        assertTrue(store.savedFilters().all().isEmpty());
    }

    @Test
    void fields_aNameHoldingAnOperator_isRefusedRatherThanSplit() {
        FilterBuilderViewModel vm = fresh();
        vm.listProperty().set("R&D");
        assertNull(vm.filter());
        assertEquals(Messages.text("filter.builder.error.operator", "R&D"), vm.problemProperty().get());
        vm.listProperty().set("Research");
        assertEquals("#Research", vm.queryProperty().get());
    }

    @Test
    void count_realProfile_matchesFilteredItems() {
        TodoList work = store.createList("Work");
        TodoList home = store.createList("Home");
        TodoDetails p1 = new TodoDetails(1, List.of(), null, null);
        store.add("Report", null, work.id(), null, store.today(), p1);
        store.add("Slides", null, work.id(), null, null, p1);
        store.add("Budget", null, work.id(), null, null, TodoDetails.NONE);
        store.add("Plants", null, home.id(), null, store.today(), p1);
        String done = store.add("Sent", null, work.id(), null, null, p1).item().id();
        store.setDone(done, true);
        FilterBuilderViewModel vm = fresh();
        assertTrue(vm.listChoices().containsAll(List.of("", "Work", "Home")), vm.listChoices().toString());

        vm.listProperty().set("Work");
        vm.priorityProperty().set(Priority.P1);
        long n = FilteredItems.count(store, vm.filter());
        assertEquals(2, n, "Report and Slides: open, in Work, priority 1");
        assertEquals(Messages.text("filter.builder.count", n), vm.countProperty().get());

        vm.includeDoneProperty().set(true);
        assertEquals(3, FilteredItems.count(store, vm.filter()), "and Sent, done");
        assertEquals(Messages.text("filter.builder.count", 3L), vm.countProperty().get());
        vm.anyOfProperty().set(true);
        assertEquals(Messages.text("filter.builder.count", FilteredItems.count(store, vm.filter())), vm.countProperty().get());
    }

    /** A tag or list no one has is likely a typo: the count says so as the query is typed. */
    @Test
    void count_tagOrListNoOneHas_saysSoBesideTheCount() {
        store.add("Report", null, store.createList("Work").id(), null, null, new TodoDetails(1, List.of("office"), null, null));
        FilterBuilderViewModel vm = fresh();
        vm.textProperty().set("@ofice | #Wrok");
        assertEquals("Finds no todos now. No tag is called “ofice”. No list is called “Wrok”.", vm.countProperty().get());
        vm.textProperty().set("@of* | #Inbox");
        assertEquals(Messages.text("filter.builder.count", 1L), vm.countProperty().get(), "the Inbox is always known");
    }

    @Test
    void count_filtersFasterThanCounts_runsOneAtATimeAndShowsTheLatest() {
        store.add("Report", null, store.createList("Work").id(), null, null,
                new TodoDetails(1, List.of(), null, null));
        ArrayDeque<Runnable> io = new ArrayDeque<>();
        FilterBuilderViewModel vm = FilterBuilderViewModel.forNew(store, new Async(io::add, Runnable::run, e -> {
            throw new AssertionError(e);
        }));
        assertEquals(2, io.size(), "the first count, then reading the lists");
        vm.listProperty().set("Work");
        vm.priorityProperty().set(Priority.P2);
        vm.priorityProperty().set(Priority.P1);
        assertEquals(2, io.size(), "the newer filters wait for the running count, not behind it");
        assertEquals(Messages.text("filter.builder.counting"), vm.countProperty().get());
        io.poll().run();
        assertEquals(2, io.size(), "the latest filter is counted next, once");
        assertEquals(Messages.text("filter.builder.counting"), vm.countProperty().get(), "an old count is not shown");
        io.poll().run();
        io.poll().run();
        assertTrue(io.isEmpty());
        assertEquals(Messages.text("filter.builder.count", 1L), vm.countProperty().get());
    }

    @Test
    void save_newName_writesARowThatReadsBackTheSameQuery() {
        FilterBuilderViewModel vm = fresh();
        vm.nameProperty().set("  Work today ");
        vm.listProperty().set("Work");
        vm.dueProperty().set(Due.TODAY);
        vm.colorProperty().set(FilterBuilderViewModel.PALETTE.get(3));

        vm.save();

        SavedFilter row = store.savedFilters().named("Work today").orElseThrow();
        assertEquals(vm.filter().text(), row.query());
        assertEquals(vm.filter(), FilterParser.parse(row.query(), store.today()));
        assertEquals("Work today", row.name());
        assertEquals(FilterBuilderViewModel.PALETTE.get(3), row.color());
        assertEquals(row, vm.savedProperty().get());
        assertFalse(vm.errorProperty().get());
    }

    @Test
    void save_overlongNameOrQuery_isRefusedWithAMessageThenAnHonestOneSaves() {
        FilterBuilderViewModel vm = fresh();
        vm.nameProperty().set("n".repeat(1_001));
        vm.save();
        assertTrue(vm.errorProperty().get());
        assertEquals(Messages.text("filter.builder.error.nameTooLong", 200, 1_001), vm.messageProperty().get());

        vm.nameProperty().set("Long");
        vm.textProperty().set("search: " + "w".repeat(1_000));
        assertNull(vm.filter());
        assertEquals(Messages.text("filter.error.tooLong", FilterParser.MAX_CHARS), vm.problemProperty().get());
        vm.wordsProperty().set("x".repeat(1_000));
        assertEquals(Messages.text("filter.error.tooLong", FilterParser.MAX_CHARS), vm.problemProperty().get(),
                "the fields cannot make a query past the parser's bound either");
        vm.save();
        assertTrue(vm.errorProperty().get());
        vm.wordsProperty().set("");
        vm.tagsProperty().set("t ".repeat(500_000));
        assertNull(vm.filter());
        assertEquals(Messages.text("filter.error.tooLong", FilterParser.MAX_CHARS), vm.problemProperty().get(),
                "a pasted megabyte of tags is refused whole");
        assertTrue(store.savedFilters().all().isEmpty(), "nothing written");
        vm.tagsProperty().set("");

        vm.wordsProperty().set("report");
        vm.save();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertEquals("search: report",
                store.savedFilters().named("Long").orElseThrow().query());
    }

    @Test
    void save_aNameInUse_saysSoAndReplacesThatSmartList() {
        store.savedFilters().save("Work", FilterParser.parse("#Work", store.today()), "#808080");
        FilterBuilderViewModel vm = fresh();
        vm.nameProperty().set("work");
        assertTrue(vm.replacesProperty().get(), "the form says the name is in use before saving");
        vm.nameProperty().set("Workshop");
        assertFalse(vm.replacesProperty().get());
        vm.nameProperty().set("WORK");
        vm.priorityProperty().set(Priority.P1);

        vm.save();

        assertEquals(1, store.savedFilters().all().size());
        assertEquals("p1", store.savedFilters().named("Work").orElseThrow().query());
    }

    @Test
    void forEdit_renamed_savesTheNewNameAndRemovesTheOld() {
        SavedFilter old = store.savedFilters().save("Errands", FilterParser.parse("@errand | @shop", store.today()), "#d1453b");
        FilterBuilderViewModel vm = FilterBuilderViewModel.forEdit(store, async, old);
        assertEquals("@errand | @shop", vm.textProperty().get());
        assertEquals("errand shop", vm.tagsProperty().get());
        assertTrue(vm.anyOfProperty().get());
        assertFalse(vm.replacesProperty().get(), "its own name is not another's");

        vm.nameProperty().set("Out and about");
        vm.save();

        assertTrue(store.savedFilters().named("Errands").isEmpty());
        SavedFilter now = store.savedFilters().named("Out and about").orElseThrow();
        assertEquals("@errand | @shop", now.query());
        assertEquals("#d1453b", now.color());
    }
}
