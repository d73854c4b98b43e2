package dev.tandem.app.vm.window;

import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.StartText;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.outline.OutlineDrop;
import dev.tandem.engine.Db;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The item list's outline of a list, without a toolkit: the rows it shows and the moves on them. */
@Tag("unit")
class OutlineViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final SectionStore sections = new SectionStore(store);
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel vm;
    private TodoList list;
    private String uiThread;

    @BeforeEach
    void start() {
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(vm::start);
        uiThread = ui.get(() -> Thread.currentThread().getName());
        list = store.createList("Move house");
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private String add(String title, String parentId) {
        return store.add(title, null, list.id(), parentId, null, TodoDetails.NONE).item().id();
    }

    private void openList() {
        ui.await(() -> vm.hasList(list.id()));
        ui.run(() -> vm.select(new Listing.UserListing(list.id())));
    }

    /** The rows as "  title" (two spaces a level), "# section", "title 1/3" with the progress. */
    private List<String> shown() {
        return ui.get(() -> vm.items().stream().map(r -> r.isSection() ? "# " + r.title()
                : "  ".repeat(r.depth()) + r.title() + (r.progressText().isEmpty() ? "" : " " + r.progressText())).toList());
    }

    /** Waits for the rows to read {@code expected}; says what they read instead when they do not. */
    private void awaitShown(List<String> expected) {
        try {
            ui.await(() -> shown().equals(expected), Duration.ofSeconds(5));
        } catch (AssertionError e) {
            assertEquals(expected, shown());
        }
    }

    /** The row titled so; called on the UI thread (inside ui.run) or off it. */
    private ItemRow row(String title) {
        Callable<ItemRow> find = () -> vm.items().stream().filter(r -> r.title().equals(title))
                .findFirst().orElseThrow();
        try {
            return Thread.currentThread().getName().equals(uiThread) ? find.call() : ui.get(find);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void userList_inDefaultOrder_showsSubtasksUnderTheirParentWithProgress() {
        String box = add("Pack boxes", null);
        add("Books", box);
        String done = add("Kitchen", box);
        add("Call movers", null);
        store.setDone(done, true);
        sections.create(list.id(), "Later");
        openList();
        awaitShown(List.of("Pack boxes 1/2", "  Books", "Call movers", "# Later"));
        assertTrue(ui.get(() -> vm.outlinedProperty().get()));
        ItemRow header = row("Later");
        assertTrue(header.isSection());
        assertTrue(header.id().startsWith("section:"));
        // The count is the sidebar's, from its own live query: awaited.
        ui.await(() -> vm.chrome().countTextProperty().get().equals("3 todos"));
    }

    @Test
    void otherSort_orFlatView_isFlatAndShowsTheContext() {
        String box = add("Pack boxes", null);
        String books = add("Books", box);
        store.update(books, i -> i.withDue(store.today()));
        openList();
        ui.await(() -> shown().size() == 2 && row("Books").depth() == 1);
        ui.run(() -> vm.sortProperty().set(ListOrder.TITLE));
        awaitShown(List.of("Books", "Pack boxes"));
        assertFalse(ui.get(() -> vm.outlinedProperty().get()));
        assertEquals("Pack boxes", row("Books").context());
        ui.run(() -> vm.sortProperty().set(ListOrder.DEFAULT));
        ui.run(() -> vm.select(new Listing.BuiltInListing(Listing.BuiltIn.TODAY)));
        awaitShown(List.of("Books"));
        assertEquals("Pack boxes", row("Books").context());
    }

    @Test
    void indentThenOutdent_movesTheTodo_andUndoPutsItBack() {
        add("Pack boxes", null);
        add("Books", null);
        openList();
        awaitShown(List.of("Pack boxes", "Books"));
        ui.run(() -> vm.outline().indent(List.of(row("Books")), vm.items()));
        awaitShown(List.of("Pack boxes 0/1", "  Books"));
        ui.run(() -> vm.commands().undo());
        awaitShown(List.of("Pack boxes", "Books"));
        ui.run(() -> vm.commands().redo());
        awaitShown(List.of("Pack boxes 0/1", "  Books"));
        ui.run(() -> vm.outline().outdent(List.of(row("Books")), vm.items()));
        awaitShown(List.of("Pack boxes", "Books"));
    }

    @Test
    void indent_parentAndItsChildSelected_movesTheChildWithItsParentOnly() {
        add("Pack boxes", null);
        String books = add("Books", null);
        add("Paperbacks", books);
        openList();
        awaitShown(List.of("Pack boxes", "Books 0/1", "  Paperbacks"));
        ui.run(() -> vm.outline().indent(List.of(row("Books"), row("Paperbacks")), vm.items()));
        awaitShown(List.of("Pack boxes 0/1", "  Books 0/1", "    Paperbacks"));
    }

    @Test
    void shift_movesOnePlace_oneUndoStep() {
        add("A", null);
        add("B", null);
        add("C", null);
        openList();
        awaitShown(List.of("A", "B", "C"));
        ui.run(() -> vm.outline().shift(row("A"), 1, vm.items()));
        awaitShown(List.of("B", "A", "C"));
        ui.run(() -> vm.outline().shift(row("C"), -1, vm.items()));
        awaitShown(List.of("B", "C", "A"));
        ui.run(() -> vm.commands().undo());
        awaitShown(List.of("B", "A", "C"));
    }

    @Test
    void drop_intoTheMiddleOfARow_makesASubtask_aboveASectionEndsTheTopLevel() {
        add("Pack boxes", null);
        add("Books", null);
        add("Keys", null);
        sections.create(list.id(), "Later");
        openList();
        awaitShown(List.of("Pack boxes", "Books", "Keys", "# Later"));
        ui.run(() -> vm.outline().drop(List.copyOf(vm.items()), row("Books").id(), 0, OutlineDrop.Zone.INTO));
        awaitShown(List.of("Pack boxes 0/1", "  Books", "Keys", "# Later"));
        // Onto the header: the section's first todo.
        ui.run(() -> vm.outline().drop(List.copyOf(vm.items()), row("Keys").id(), 3, OutlineDrop.Zone.INTO));
        awaitShown(List.of("Pack boxes 0/1", "  Books", "# Later", "Keys"));
        // Above the first row: before it, out of its parent.
        ui.run(() -> vm.outline().drop(List.copyOf(vm.items()), row("Books").id(), 0, OutlineDrop.Zone.ABOVE));
        awaitShown(List.of("Books", "Pack boxes", "# Later", "Keys"));
    }

    @Test
    void drop_aTodoIntoItsOwnSubtask_doesNothing() {
        String box = add("Pack boxes", null);
        add("Books", box);
        openList();
        awaitShown(List.of("Pack boxes 0/1", "  Books"));
        assertTrue(OutlineDrop.plan(ui.get(() -> List.copyOf(vm.items())), list.id(), box, 1, OutlineDrop.Zone.INTO).isEmpty());
        assertTrue(OutlineDrop.plan(ui.get(() -> List.copyOf(vm.items())), list.id(), box, 0, OutlineDrop.Zone.INTO).isEmpty());
    }

    @Test
    void collapse_foldsTheSubtasks_andExpandShowsThem() {
        String box = add("Pack boxes", null);
        add("Books", box);
        openList();
        awaitShown(List.of("Pack boxes 0/1", "  Books"));
        ui.run(() -> vm.outline().toggleCollapsed(row("Pack boxes")));
        awaitShown(List.of("Pack boxes 0/1"));
        assertTrue(row("Pack boxes").isCollapsed());
        ui.run(() -> vm.outline().setCollapsed(row("Pack boxes"), false));
        awaitShown(List.of("Pack boxes 0/1", "  Books"));
    }

    @Test
    void sections_newRenameDeleteAndFold_eachUndoable() {
        add("Pack boxes", null);
        openList();
        awaitShown(List.of("Pack boxes"));
        dialogs.textAnswers.add("This week");
        ui.run(() -> vm.outline().newSection());
        awaitShown(List.of("Pack boxes", "# This week"));
        ui.run(() -> vm.outline().drop(List.copyOf(vm.items()), row("Pack boxes").id(), 1, OutlineDrop.Zone.INTO));
        awaitShown(List.of("# This week", "Pack boxes"));
        ui.run(() -> vm.outline().toggleCollapsed(row("This week")));
        awaitShown(List.of("# This week"));
        dialogs.textAnswers.add("Now");
        ui.run(() -> vm.outline().renameSection(row("This week")));
        awaitShown(List.of("# Now"));
        ui.run(() -> vm.outline().deleteSection(row("Now")));
        awaitShown(List.of("Pack boxes"));
        ui.run(() -> vm.commands().undo());
        awaitShown(List.of("# Now"));
    }

    @Test
    void commandsOnRows_leaveSectionRowsAlone() {
        add("Pack boxes", null);
        sections.create(list.id(), "Later");
        openList();
        awaitShown(List.of("Pack boxes", "# Later"));
        ItemRow header = row("Later");
        ui.run(() -> {
            vm.commands().toggleDone(header);
            vm.commands().delete(header);
            vm.bulk().complete(List.of(header, row("Pack boxes")));
            vm.outline().indent(List.of(header), vm.items());
            vm.outline().shift(header, -1, vm.items());
        });
        awaitShown(List.of("# Later"));
        assertEquals(1, store.allItems().stream().filter(Item::isDone).count(), "only the todo was completed");
        assertEquals(1, sections.sections(list.id()).size());
    }

    @Test
    void moveList_putsItFirstInTheSidebar_undoPutsItBack() {
        TodoList other = store.createList("Garden");
        ui.await(() -> vm.listIds().size() == 2);
        List<String> before = ui.get(vm::listIds);
        String last = before.get(1);
        ui.run(() -> vm.outline().moveList(last, "x", before.get(0)));
        ui.await(() -> vm.listIds().equals(List.of(before.get(1), before.get(0))));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> vm.listIds().equals(before));
        assertTrue(before.contains(other.id()));
    }

    @Test
    void startText_sayWhenAFutureStartBegins() {
        LocalDate today = LocalDate.of(2026, 11, 25); // a Wednesday
        assertEquals("", StartText.of(today, today));
        assertEquals("starts tomorrow", StartText.of(today.plusDays(1), today));
        assertEquals("starts Mon", StartText.of(today.plusDays(5), today));
        assertEquals("starts 9 Dec", StartText.of(today.plusDays(14), today));
    }
}
