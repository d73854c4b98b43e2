package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.editor.DetailsViewModel;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.engine.Db;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Priorities, tags, repeats and bulk actions through the main view-model, without a toolkit. */
@Tag("unit")
class DailyViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private MainViewModel vm;
    private Async async;

    @BeforeEach
    void start() {
        // A Wednesday noon: "every monday" is then in Upcoming, whatever day the tests run on.
        clock.set(ZonedDateTime.of(2026, 11, 18, 12, 0, 0, 0, ZONE).toInstant());
        async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));
        ui.run(vm::start);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private List<String> titles() {
        return ui.get(() -> vm.items().stream().map(ItemRow::title).toList());
    }

    private ItemRow row(String title) {
        return ui.get(() -> vm.items().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow());
    }

    private void add(String text) {
        int before = ui.get(() -> vm.items().size());
        ui.run(() -> assertTrue(vm.commands().quickAdd(text)));
        ui.await(() -> vm.items().size() == before + 1);
    }

    @Test
    void quickAdd_titleOverTheLimit_saysWhyAndKeepsTheText() {
        String text = "t".repeat(TextLimits.MAX_TITLE_CHARS + 5);
        ui.run(() -> assertFalse(vm.commands().quickAdd(text), "the field keeps the text"));
        assertEquals("The title is 10,005 characters long; Tandem takes at most 10,000.",
                ui.get(() -> vm.commands().messageProperty().get()));
        ui.flush();
        assertEquals(List.of(), store.allItems());
    }

    @Test
    void quickAdd_whitespaceOrOnlyDetails_saysWhyAndAddsNothing() {
        ui.run(() -> assertFalse(vm.commands().quickAdd("   ")));
        assertEquals("Type a title first, e.g. “Buy milk tomorrow p2”.", ui.get(() -> vm.commands().messageProperty().get()));
        ui.run(() -> assertFalse(vm.commands().quickAdd("p1")));
        assertEquals("“p1” only sets details (a date, priority, list or tag): add a title, e.g. “Buy milk p1”.",
                ui.get(() -> vm.commands().messageProperty().get()));
        ui.flush();
        assertEquals(List.of(), store.allItems());
    }

    @Test
    void quickAdd_dateLikePhraseNotUnderstood_addsTheTodoAndSaysSo() {
        add("Pay rent feb 30");
        assertEquals("“feb 30” is not a date; it stays in the title", ui.get(() -> vm.commands().messageProperty().get()));
    }

    @Test
    void quickAdd_repeatPriorityTag_rowShowsThem() {
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.UPCOMING)));
        ui.run(() -> vm.commands().quickAdd("Water plants every monday p2 @home"));
        ui.await(() -> titles().equals(List.of("Water plants")));
        ItemRow r = row("Water plants");
        assertEquals(2, r.priority());
        assertEquals(List.of("home"), r.tags());
        assertEquals("every Monday", r.repeatText());
        ui.await(() -> vm.sidebar().stream().anyMatch(e -> e.key().equals("tag:home") && e.count() == 1));
    }

    @Test
    void complete_repeating_createsTheNextAndUndoRemovesIt() {
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.UPCOMING)));
        ui.run(() -> vm.commands().quickAdd("Water plants every monday"));
        ui.await(() -> titles().size() == 1);
        ItemRow first = row("Water plants");
        LocalDate firstDue = store.get(first.id()).orElseThrow().dueDate();
        ui.run(() -> vm.commands().setDone(first, true));
        // Read on the UI thread, where the rows change: a read between two of its tasks could see none.
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && !vm.items().get(0).id().equals(first.id())));
        assertEquals(firstDue.plusWeeks(1), store.get(row("Water plants").id()).orElseThrow().dueDate());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && vm.items().get(0).id().equals(first.id())));
        assertFalse(store.get(first.id()).orElseThrow().isDone());
    }

    @Test
    void tagView_thenSearch_searchesWithinTheTag() {
        add("Buy paint @home");
        add("Buy milk @shop");
        add("Paint fence");
        ui.await(() -> vm.sidebar().stream().anyMatch(e -> e.key().equals("tag:home")));
        ui.run(() -> vm.select(new Listing.TagListing("home")));
        ui.await(() -> titles().equals(List.of("Buy paint")));
        assertEquals("@home", ui.get(() -> vm.titleProperty().get()));
        ui.run(() -> vm.searchProperty().set("buy"));
        ui.await(() -> titles().equals(List.of("Buy paint")));
        ui.run(() -> vm.searchProperty().set("paint"));
        ui.await(() -> titles().equals(List.of("Buy paint")));
    }

    @Test
    void sortByPriority_putsP1First() {
        add("Later p4");
        add("None");
        add("Urgent p1");
        add("Soon p2");
        assertEquals(List.of("Later", "None", "Urgent", "Soon"), titles());
        ui.run(() -> vm.sortProperty().set(ListOrder.PRIORITY));
        ui.await(() -> titles().equals(List.of("Urgent", "Soon", "Later", "None")));
    }

    @Test
    void bulkComplete_isOneUndoStep() {
        add("A");
        add("B");
        add("C");
        List<ItemRow> ab = List.of(row("A"), row("B"));
        ui.run(() -> vm.bulk().complete(ab));
        ui.await(() -> titles().equals(List.of("C")));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B", "C")));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B")), Duration.ofSeconds(5));
    }

    @Test
    void bulkMoveTagDueTrash_eachOneUndoStep() {
        TodoList work = store.createList("Work");
        add("A");
        add("B");
        List<ItemRow> both = List.of(row("A"), row("B"));
        ui.run(() -> vm.bulk().tag(both, "@urgent"));
        ui.await(() -> new TagStore(store).counts().stream().anyMatch(c -> c.id().equals("urgent") && c.count() == 2));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> new TagStore(store).counts().isEmpty());
        ui.run(() -> vm.bulk().setDue(both, LocalDate.of(2030, 1, 2)));
        ui.await(() -> store.allItems().stream().allMatch(i -> "2030-01-02".equals(i.due())));
        ui.run(() -> vm.bulk().moveToList(both, work.id()));
        ui.await(() -> titles().isEmpty());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B")));
        assertTrue(store.allItems().stream().allMatch(i -> "2030-01-02".equals(i.due())), "undo put back only the list");
        List<ItemRow> again = List.of(row("A"), row("B"));
        ui.run(() -> vm.bulk().trash(again));
        ui.await(() -> titles().isEmpty());
        assertEquals(2, store.query(Listing.of(Listing.BuiltIn.TRASH)).size());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B")));
        assertTrue(store.allItems().stream().noneMatch(Item::isTrashed));
    }

    @Test
    void redo_completeRepeating_makesTheSameNextAgain_undoRemovesItAgain() {
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.UPCOMING)));
        ui.run(() -> vm.commands().quickAdd("Water plants every monday"));
        ui.await(() -> titles().size() == 1);
        ItemRow first = row("Water plants");
        ui.run(() -> vm.commands().setDone(first, true));
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && !vm.items().get(0).id().equals(first.id())));
        String next = ui.get(() -> vm.items().get(0).id());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && vm.items().get(0).id().equals(first.id())));
        assertTrue(store.get(next).isEmpty());
        ui.run(() -> vm.commands().redo());
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && vm.items().get(0).id().equals(next)));
        assertTrue(store.get(first.id()).orElseThrow().isDone());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> ui.get(() -> vm.items().size() == 1 && vm.items().get(0).id().equals(first.id())));
        assertTrue(store.get(next).isEmpty(), "undo of the redo removes the next occurrence it made");
        assertFalse(store.get(first.id()).orElseThrow().isDone());
    }

    @Test
    void redo_bulkCompleteAndTag_eachOneStepAgain() {
        add("A");
        add("B");
        add("C");
        List<ItemRow> ab = List.of(row("A"), row("B"));
        ui.run(() -> vm.bulk().complete(ab));
        ui.await(() -> titles().equals(List.of("C")));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B", "C")));
        ui.run(() -> vm.commands().redo());
        ui.await(() -> titles().equals(List.of("C")));
        assertEquals(2, store.allItems().stream().filter(Item::isDone).count());
        ui.run(() -> vm.commands().undo());
        ui.await(() -> titles().equals(List.of("A", "B", "C")));
        assertEquals(0, store.allItems().stream().filter(Item::isDone).count());

        List<ItemRow> bc = List.of(row("B"), row("C"));
        ui.run(() -> vm.bulk().tag(bc, "@urgent"));
        ui.await(() -> new TagStore(store).counts().stream().anyMatch(c -> c.id().equals("urgent") && c.count() == 2));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> new TagStore(store).counts().isEmpty());
        ui.run(() -> vm.commands().redo());
        ui.await(() -> new TagStore(store).counts().stream().anyMatch(c -> c.id().equals("urgent") && c.count() == 2));
    }

    @Test
    void redo_detailsFieldsAndSkip_doThemAgainOnTheSameStack() {
        UndoManager undo = vm.undoManager();
        Item it = store.add("Water plants", null, LocalDate.of(2026, 11, 20));
        SimpleObjectProperty<Item> shown = new SimpleObjectProperty<>();
        DetailsViewModel details = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        ui.run(() -> details.priorityProperty().set(2));
        ui.await(() -> store.get(it.id()).orElseThrow().priorityLevel() == 2 && undo.canUndoProperty().get());
        ui.run(vm.commands()::undo);
        ui.await(() -> store.get(it.id()).orElseThrow().priorityLevel() == 0);
        ui.run(vm.commands()::redo);
        ui.await(() -> store.get(it.id()).orElseThrow().priorityLevel() == 2);

        ui.run(() -> {
            details.tagsTextProperty().set("home");
            details.commitTags();
        });
        ui.await(() -> new TagStore(store).of(it.id()).equals(List.of("home")));
        ui.run(vm.commands()::undo);
        ui.await(() -> new TagStore(store).of(it.id()).isEmpty());
        ui.run(vm.commands()::redo);
        ui.await(() -> new TagStore(store).of(it.id()).equals(List.of("home")));

        ui.run(() -> {
            details.repeatTextProperty().set("every week");
            details.commitRepeat();
        });
        ui.await(() -> "FREQ=WEEKLY".equals(store.get(it.id()).orElseThrow().repeat()));
        ui.run(vm.commands()::undo);
        ui.await(() -> store.get(it.id()).orElseThrow().repeat() == null);
        ui.run(vm.commands()::redo);
        ui.await(() -> "FREQ=WEEKLY".equals(store.get(it.id()).orElseThrow().repeat()));

        ui.run(() -> shown.set(store.get(it.id()).orElseThrow()));
        ui.run(details::skip);
        ui.await(() -> store.get(it.id()).isEmpty() && undo.labelProperty().get().equals("Undo Skip “Water plants”"));
        ui.run(vm.commands()::undo);
        ui.await(() -> store.get(it.id()).isPresent());
        assertEquals(List.of(it.id()), store.allItems().stream().map(Item::id).toList(), "the next one is gone");
        ui.run(vm.commands()::redo);
        ui.await(() -> store.get(it.id()).isEmpty());
        Item next = store.allItems().get(0);
        assertEquals(LocalDate.of(2026, 11, 27), next.dueDate());
        assertEquals(List.of("home"), new TagStore(store).of(next.id()));
        ui.run(vm.commands()::undo);
        ui.await(() -> store.get(it.id()).isPresent() && store.get(next.id()).isEmpty());
    }

    @Test
    void redo_editorEdit_savesTheSameFieldsAgain() {
        UndoManager undo = vm.undoManager();
        EditorViewModel editor = new EditorViewModel(store, async, undo);
        Item it = store.add("Before", null, null);
        ui.run(() -> editor.show(it));
        ui.run(() -> editor.titleProperty().set("After"));
        ui.run(() -> editor.notesProperty().set("with a note"));
        ui.run(editor::commit);
        ui.await(() -> undo.canUndoProperty().get());
        ui.run(vm.commands()::undo);
        ui.await(() -> "Before".equals(store.get(it.id()).orElseThrow().title()));
        assertEquals(null, store.get(it.id()).orElseThrow().notes());
        assertEquals("Redo Edit “Before”", ui.get(() -> undo.redoLabelProperty().get()));
        ui.run(vm.commands()::redo);
        ui.await(() -> "After".equals(store.get(it.id()).orElseThrow().title()));
        assertEquals("with a note", store.get(it.id()).orElseThrow().notes());
    }
}
