package dev.tandem.app.vm.window;


import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;

import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Saved filters in the window: the sidebar's smart lists with live counts, opening one, and the search box's operators. */
@Tag("unit")
class SmartListsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel vm;

    @BeforeEach
    void start() {
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(vm::start);
        add("Milk", "Errands", 1, "errand");
        add("Stamps", "Errands", 3, "errand");
        add("Report", "Work", 1, "office");
        add("Slides", "Work", null);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private Item add(String title, String list, Integer priority, String... tags) {
        return store.add(title, list, null, null, new TodoDetails(priority, List.of(tags), null, null)).item();
    }

    private void save(String name, String query) {
        store.savedFilters().save(name, FilterParser.parse(query, store.today()), "#3366cc");
    }

    private Optional<SidebarEntry> entry(String name) {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.kind() == SidebarEntry.Kind.FILTER && e.name().equals(name))
                .findFirst());
    }

    private SidebarEntry awaitEntry(String name) {
        ui.await(() -> entry(name).isPresent());
        return entry(name).orElseThrow();
    }

    private List<String> titles() {
        return ui.get(() -> vm.items().stream().map(ItemRow::title).sorted().toList());
    }

    @Test
    void sidebar_savedFilter_showsUnderItsHeadingWithALiveCount() {
        save("Urgent", "p1");
        ui.await(() -> entry("Urgent").map(SidebarEntry::count).orElse(-1L) == 2);
        SidebarEntry e = entry("Urgent").orElseThrow();
        assertEquals("#3366cc", e.color());
        assertEquals(SidebarEntry.Icon.FILTER, e.icon());
        List<SidebarEntry.Kind> kinds = ui.get(() -> vm.sidebar().stream().map(SidebarEntry::kind).distinct().toList());
        assertTrue(kinds.indexOf(SidebarEntry.Kind.FILTER) == kinds.indexOf(SidebarEntry.Kind.BUILT_IN) + 1,
                "smart lists come right after the fixed views: " + kinds);

        Item more = add("Call bank", "Work", 1);
        ui.await(() -> entry("Urgent").orElseThrow().count() == 3);
        store.setDone(more.id(), true);
        ui.await(() -> entry("Urgent").orElseThrow().count() == 2);
    }

    @Test
    void select_savedFilter_listsWhatItFindsAndFollowsAnEditOfItsQuery() {
        save("Errands first", "#Errands | @office");
        SidebarEntry e = awaitEntry("Errands first");
        ui.run(() -> vm.select(e));
        ui.await(() -> titles().equals(List.of("Milk", "Report", "Stamps")));
        assertEquals("Errands first", ui.get(() -> vm.titleProperty().get()));

        // Saved again under its name (here or on another device): the open list shows the new query's todos.
        save("Errands first", "#Errands & p3");
        ui.await(() -> titles().equals(List.of("Stamps")));
    }

    @Test
    void sidebar_rowThatDoesNotRead_isMarkedAndOpensToWhy() {
        // As a newer device or a hand-edited row could leave it: a query this device cannot read.
        store.writeAll(tx -> tx.save(new SavedFilter("bad", "From the future", "#Work & colour: teal", "", "a", 1L)));
        SidebarEntry e = awaitEntry("From the future");
        assertTrue(e.alert());
        ui.run(() -> vm.select(e));
        String why = ui.get(() -> vm.chrome().emptyText());
        assertTrue(why.startsWith("At 9:"), why);
        assertTrue(titles().isEmpty());
    }

    @Test
    void sidebar_syncedRowCostingAHundredPasses_tooSlowToCountAndTheOwnersCountedAfterIt() {
        store.writeAll(tx -> {
            for (int i = 0; i < 3_000; i++) {
                tx.save(Item.create("Filler " + i, null, null, 1L));
            }
            return null;
        });
        StringBuilder q = new StringBuilder();
        for (int i = 0; q.length() < 960; i++) {
            q.append(q.length() == 0 ? "" : " | ").append("section: s").append(i);
        }
        store.writeAll(tx -> tx.save(new SavedFilter("costly", "Costly", q.toString(), "", "a", 1L)));
        save("Urgent", "p1");
        ui.await(() -> entry("Costly").map(SidebarEntry::tooSlow).orElse(false)
                && entry("Urgent").map(SidebarEntry::count).orElse(-1L) == 2);
        SidebarEntry e = entry("Costly").orElseThrow();
        assertFalse(e.alert(), "it reads: too slow is not unreadable");
        assertTrue(e.count() <= 0, "no number shown");
    }

    @Test
    void delete_savedFilter_goneEverywhereAndUndoBringsItBack() {
        save("Urgent", "p1");
        SidebarEntry e = awaitEntry("Urgent");
        ui.run(() -> vm.select(e));
        ui.run(() -> vm.smartLists().delete(e.filterId(), e.name()));
        ui.await(() -> entry("Urgent").isEmpty());
        assertTrue(store.savedFilters().named("Urgent").isEmpty());
        assertEquals(Listing.inbox(), ui.get(() -> vm.viewProperty().get()));

        ui.run(() -> vm.commands().undo());
        ui.await(() -> entry("Urgent").map(SidebarEntry::count).orElse(-1L) == 2);
        assertEquals("p1", store.savedFilters().named("Urgent").orElseThrow().query());
    }

    @Test
    void search_wordsBesideATagAndAPriority_readAsAQuery() {
        add("Oat milk", "Errands", 2, "errand");
        ui.run(() -> vm.searchProperty().set("@errand p1 milk"));
        ui.await(() -> titles().equals(List.of("Milk")));
        assertTrue(ui.get(() -> vm.chrome().searchSavableProperty().get()));

        // Plain words stay a plain search: "milk" finds both milks, done or not, as before.
        ui.run(() -> vm.searchProperty().set("milk"));
        ui.await(() -> titles().equals(List.of("Milk", "Oat milk")));
        assertFalse(ui.get(() -> vm.chrome().searchSavableProperty().get()));
    }

    @Test
    void search_brokenQuery_saysWhereAndShowsNothing() {
        ui.run(() -> vm.searchProperty().set("#Work & "));
        ui.await(() -> ui.get(() -> vm.chrome().emptyText()).startsWith("At 9:"));
        assertTrue(titles().isEmpty());
        assertFalse(ui.get(() -> vm.chrome().searchSavableProperty().get()));

        ui.run(() -> vm.searchProperty().set("#Work & !p1"));
        ui.await(() -> titles().equals(List.of("Slides")));
    }

    /** A Todoist user's first saved filter, "no date & !#Inbox": its count and its todos leave the Inbox out. */
    @Test
    void sidebar_queryNamingTheInbox_countsAndListsWithoutTheInbox() {
        add("Loose end", null, null);
        save("Undated not inbox", "no date & !#Inbox");
        save("Inbox", "#Inbox");
        ui.await(() -> entry("Undated not inbox").map(SidebarEntry::count).orElse(-1L) == 4
                && entry("Inbox").map(SidebarEntry::count).orElse(-1L) == 1);
        SidebarEntry undated = entry("Undated not inbox").orElseThrow();
        ui.run(() -> vm.select(undated));
        ui.await(() -> titles().equals(List.of("Milk", "Report", "Slides", "Stamps")));
        ui.run(() -> vm.searchProperty().set("#Inbox"));
        ui.await(() -> titles().equals(List.of("Loose end")));
    }

    /** A list or tag no one has is a likely typo: the empty list says there is none of that name. */
    @Test
    void search_listOrTagNoOneHas_emptyListSaysSo() {
        ui.run(() -> vm.searchProperty().set("#Nonexistent"));
        ui.await(() -> ui.get(() -> vm.chrome().emptyText()).contains("No list is called “Nonexistent”"));
        ui.run(() -> vm.searchProperty().set("@ofice & p1"));
        ui.await(() -> ui.get(() -> vm.chrome().emptyText()).contains("No tag is called “ofice”"));
        ui.run(() -> vm.searchProperty().set("@of* & p1"));
        ui.await(() -> titles().equals(List.of("Report")));
    }

    @Test
    void saveSearch_query_becomesASmartListThatOpens() {
        ui.run(() -> vm.searchProperty().set("@errand p3"));
        ui.await(() -> titles().equals(List.of("Stamps")));
        dialogs.textAnswers.add("Cheap errands");
        ui.run(() -> vm.smartLists().saveSearch());
        ui.await(() -> entry("Cheap errands").map(SidebarEntry::count).orElse(-1L) == 1);
        assertEquals("@errand & p3", store.savedFilters().named("Cheap errands").orElseThrow().query());
        ui.await(() -> ui.get(() -> vm.viewProperty().get().key()).equals("filter:" + entry("Cheap errands").orElseThrow()
                .filterId()));
        assertEquals("", ui.get(() -> vm.searchProperty().get()));
    }

    @Test
    void create_throughTheBuilder_savesAndOpensTheSmartListAndEditChangesIt() {
        dialogs.smartListAnswer = b -> {
            b.nameProperty().set("Work, urgent");
            b.textProperty().set("#Work & p1");
            b.save();
            return true;
        };
        ui.run(() -> vm.smartLists().create());
        ui.await(() -> titles().equals(List.of("Report")));
        SidebarEntry e = awaitEntry("Work, urgent");
        assertEquals(e.key(), ui.get(() -> vm.viewProperty().get().key()));

        dialogs.smartListAnswer = b -> {
            b.textProperty().set("#Work");
            b.save();
            return true;
        };
        ui.run(() -> vm.smartLists().edit(e.filterId()));
        ui.await(() -> titles().equals(List.of("Report", "Slides")));
        assertEquals("#Work", store.savedFilters().named("Work, urgent").orElseThrow().query());
    }

    @Test
    void move_smartList_takesItsNewPlaceInTheSidebarAndUndoPutsItBack() {
        save("First", "p1");
        save("Second", "p3");
        ui.await(() -> filterNames().equals(List.of("First", "Second")));
        SidebarEntry second = awaitEntry("Second");
        String first = awaitEntry("First").filterId();
        ui.run(() -> vm.smartLists().move(second.filterId(), second.name(), first));
        ui.await(() -> filterNames().equals(List.of("Second", "First")));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> filterNames().equals(List.of("First", "Second")));
    }

    private List<String> filterNames() {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.kind() == SidebarEntry.Kind.FILTER).map(SidebarEntry::name)
                .toList());
    }

    @Test
    void select_sectionFilter_followsARenameOfTheSection() {
        Item report = store.allItems().stream().filter(i -> "Report".equals(i.title())).findFirst().orElseThrow();
        Section later = new SectionStore(store).create(report.listId(), "Later");
        new OutlineStore(store).move(report.id(), new OutlineStore.Target(report.listId(), null, later.id(), null));
        save("Later at work", "section: Later");
        SidebarEntry e = awaitEntry("Later at work");
        ui.run(() -> vm.select(e));
        ui.await(() -> titles().equals(List.of("Report")));

        // Only the sections table changes: the open smart list reads it, so it loads again.
        new SectionStore(store).rename(later.id(), "Someday maybe");
        ui.await(() -> titles().isEmpty());
        ui.await(() -> entry("Later at work").orElseThrow().count() == 0);
    }
}
