package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Redo of the list's commands, after undo: the same result again, in the store. */
@Tag("unit")
class MainViewModelRedoTest {
    /** Not the machine's zone, so midnight here is the store's zone's, whatever the machine. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
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

    private long count(String key) {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.key().equals(key)).findFirst().map(SidebarEntry::count).orElse(-1L));
    }

    @Test
    void redo_completeAfterUndo_isDoneAgainInTheStore() {
        Item a = store.add("Buy milk", null, null);
        ui.await(() -> titles().size() == 1);
        ItemRow row = ui.get(() -> vm.items().get(0));
        ui.run(() -> vm.commands().setDone(row, true));
        ui.await(this::canUndo);
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Buy milk")));
        assertFalse(store.get(a.id()).orElseThrow().isDone());
        assertEquals("Redo Complete “Buy milk”", ui.get(() -> vm.undoManager().redoLabelProperty().get()));
        ui.run(vm.commands()::redo);
        ui.await(() -> titles().isEmpty() && count("completed") == 1);
        assertTrue(store.get(a.id()).orElseThrow().isDone());
        assertEquals("Redone: Complete “Buy milk”", message());
        assertFalse(ui.get(() -> vm.undoManager().canRedoProperty().get()));
        // The redone action is on the undo stack again.
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Buy milk")));
        assertFalse(store.get(a.id()).orElseThrow().isDone());
    }

    @Test
    void redo_moveToTrashAfterUndo_isTrashedAgain() {
        Item a = store.add("Old magazines", null, null);
        ui.await(() -> titles().size() == 1);
        ui.run(() -> vm.commands().delete(a));
        ui.await(() -> count("trash") == 1 && canUndo());
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Old magazines")) && count("trash") == 0);
        assertFalse(store.get(a.id()).orElseThrow().isTrashed());
        ui.run(vm.commands()::redo);
        ui.await(() -> titles().isEmpty() && count("trash") == 1);
        assertTrue(store.get(a.id()).orElseThrow().isTrashed());
        assertEquals("Redone: Move “Old magazines” to Trash", message());
    }

    @Test
    void redo_quickAddAfterUndo_theTodoExistsAgainWithItsId() {
        ui.run(() -> vm.commands().quickAdd("Pay rent tomorrow"));
        ui.await(() -> titles().equals(List.of("Pay rent")) && canUndo());
        Item added = store.allItems().get(0);
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().isEmpty());
        assertEquals(List.of(), store.allItems());
        ui.run(vm.commands()::redo);
        ui.await(() -> titles().equals(List.of("Pay rent")));
        Item back = store.get(added.id()).orElseThrow();
        assertEquals("Pay rent", back.title());
        assertEquals(store.today().plusDays(1), back.dueDate());
        assertEquals(1, store.allItems().size());
        assertEquals("Redone: Add “Pay rent”", message());
    }

    @Test
    void redo_quickAddThatCreatedAList_bringsTheListBackToo() {
        ui.run(() -> vm.commands().quickAdd("Lemons #Groceries"));
        ui.await(() -> vm.lists().size() == 1 && canUndo());
        String listId = ui.get(() -> vm.lists().get(0).id());
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().isEmpty());
        ui.run(vm.commands()::redo);
        ui.await(() -> vm.lists().size() == 1);
        assertEquals(listId, ui.get(() -> vm.lists().get(0).id()));
        assertEquals(List.of("Lemons"), store.query(new Listing.UserListing(listId)).stream().map(Item::title).toList());
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().isEmpty());
        assertEquals(List.of(), store.allItems());
    }

    @Test
    void redo_afterANewAction_hasNothingToRedo() {
        Item a = store.add("A", null, null);
        store.add("B", null, null);
        ui.await(() -> titles().size() == 2);
        ui.run(() -> vm.commands().delete(a));
        ui.await(this::canUndo);
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().size() == 2);
        ui.run(() -> vm.commands().quickAdd("C"));
        ui.await(() -> titles().size() == 3);
        assertFalse(ui.get(() -> vm.undoManager().canRedoProperty().get()));
        ui.run(vm.commands()::redo);
        assertEquals("Nothing to redo", message());
        assertFalse(store.get(a.id()).orElseThrow().isTrashed());
    }

    @Test
    void redo_deleteForeverAndEmptyTrash_deleteTheSameItemsAgain() {
        Item a = store.add("Gone", null, null);
        store.trash(a.id());
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.TRASH)));
        // The Trash's own row: until the trash commit reaches it, the Inbox still shows "Gone", untrashed.
        ui.await(() -> titles().equals(List.of("Gone")) && vm.items().get(0).item().isTrashed());
        ItemRow trashed = ui.get(() -> vm.items().get(0));
        ui.run(() -> vm.commands().delete(trashed));
        ui.await(() -> titles().isEmpty() && canUndo());
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Gone")));
        ui.run(vm.commands()::redo);
        ui.await(() -> titles().isEmpty());
        assertTrue(store.get(a.id()).isEmpty());

        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Gone")));
        ui.run(vm.commands()::emptyTrash);
        ui.await(() -> count("trash") == 0);
        ui.run(vm.commands()::undo);
        ui.await(() -> count("trash") == 1);
        // Trashed after the Empty Trash: redoing it leaves this one alone.
        Item later = store.add("Later", null, null);
        store.trash(later.id());
        ui.await(() -> count("trash") == 2);
        ui.run(vm.commands()::redo);
        ui.await(() -> titles().equals(List.of("Later")));
        assertTrue(store.get(a.id()).isEmpty());
    }

    @Test
    void redo_newListRenameAndDeleteList_doThemAgain() {
        dialogs.textAnswers.add("Errands");
        ui.run(vm.commands().listCommands()::newList);
        ui.await(() -> vm.lists().size() == 1 && canUndo());
        String id = ui.get(() -> vm.lists().get(0).id());
        store.add("Post office", id, null);
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().isEmpty());
        assertTrue(store.allItems().get(0).isTrashed(), "deleting the list trashed its todo");
        ui.run(vm.commands()::redo);
        ui.await(() -> vm.lists().size() == 1);
        assertEquals(id, ui.get(() -> vm.lists().get(0).id()));
        assertFalse(store.allItems().get(0).isTrashed(), "redo brings the todo back with the list");

        dialogs.textAnswers.add("Chores");
        ui.run(() -> vm.commands().listCommands().renameList(id));
        ui.await(() -> "Chores".equals(ui.get(() -> vm.lists().get(0).name())));
        ui.run(vm.commands()::undo);
        ui.await(() -> "Errands".equals(ui.get(() -> vm.lists().get(0).name())));
        ui.run(vm.commands()::redo);
        ui.await(() -> "Chores".equals(ui.get(() -> vm.lists().get(0).name())));

        ui.run(() -> vm.commands().listCommands().deleteList(id));
        ui.await(() -> vm.lists().isEmpty());
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().size() == 1);
        ui.run(vm.commands()::redo);
        ui.await(() -> vm.lists().isEmpty());
        assertTrue(store.allItems().get(0).isTrashed());
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().size() == 1);
        assertFalse(store.allItems().get(0).isTrashed());
    }

    private String message() {
        return ui.get(() -> vm.commands().messageProperty().get());
    }

    private boolean canUndo() {
        return ui.get(() -> vm.undoManager().canUndoProperty().get());
    }
}
