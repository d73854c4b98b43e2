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
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Notes in the main window's list, without a toolkit: quick add, the count line, completing does nothing. */
@Tag("unit")
class NotesInListViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private MainViewModel vm;
    private Locale before;

    @BeforeEach
    void start() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        Async async = new Async(Runnable::run, ui, e -> {
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
        Locale.setDefault(before);
    }

    private ItemRow row(String title) {
        return ui.get(() -> vm.items().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow());
    }

    private Item stored(String title) {
        return store.allItems().stream().filter(i -> title.equals(i.title())).findFirst().orElseThrow();
    }

    @Test
    void quickAdd_notePrefix_addsANote_countLineSaysSo() {
        ui.run(() -> assertTrue(vm.commands().quickAdd("Buy milk")));
        ui.run(() -> assertTrue(vm.commands().quickAdd("note: Packing list @trip")));
        ui.await(() -> vm.items().size() == 2);
        assertTrue(row("Packing list").isNote());
        assertEquals(List.of("trip"), row("Packing list").tags());
        ui.await(() -> vm.chrome().countTextProperty().get().equals("1 todo · 1 note"));
        ui.await(() -> vm.sidebar().stream().anyMatch(e -> e.key().equals("inbox") && e.count() == 1));
    }

    @Test
    void quickAdd_noteInToday_goesToTheInboxAndSaysWhere() {
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.TODAY)));
        ui.run(() -> assertTrue(vm.commands().quickAdd("note: Standup notes")));
        ui.await(() -> vm.messageProperty().get().equals("Added the note “Standup notes” to the Inbox"));
        Item n = stored("Standup notes");
        assertTrue(n.isNote());
        assertEquals(null, n.due(), "a note added in Today gets no date");
        assertTrue(ui.get(() -> vm.items().isEmpty()), "Today never lists notes");
    }

    @Test
    void completeShortcut_onANote_doesNothing_bulkCompleteSkipsIt() {
        ui.run(() -> vm.commands().quickAdd("note: Recipe"));
        ui.run(() -> vm.commands().quickAdd("Cook dinner"));
        ui.await(() -> vm.items().size() == 2);
        ItemRow note = row("Recipe");
        ui.run(() -> vm.commands().toggleDone(note));
        ui.flush();
        assertFalse(stored("Recipe").isDone());
        assertEquals(1, store.history().changes("items", note.id()).size(), "nothing written");
        ItemRow cook = row("Cook dinner");
        ui.run(() -> vm.bulk().complete(List.of(note, cook)));
        ui.await(() -> vm.items().size() == 1);
        assertFalse(stored("Recipe").isDone());
        assertTrue(stored("Cook dinner").isDone());
        assertEquals("Done: Complete 1 todo", ui.get(() -> vm.messageProperty().get()));
    }

    @Test
    void setNote_fromTheMenu_isOneUndoStep() {
        ui.run(() -> vm.commands().quickAdd("Ideas"));
        ui.await(() -> vm.items().size() == 1);
        ItemRow ideas = row("Ideas");
        ui.run(() -> vm.commands().setNote(ideas, true));
        ui.await(() -> row("Ideas").isNote());
        ui.await(() -> vm.chrome().countTextProperty().get().equals("1 note"));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> !row("Ideas").isNote());
        assertFalse(stored("Ideas").isNote());
    }

    @Test
    void row_checklistProgress_readFromTheNotes() {
        Item it = store.add("Groceries", null, null);
        store.update(it.id(), x -> x.withNotes("- [x] Milk\n- [ ] Eggs\n- [x] Bread\n- [ ] Tea\n- [ ] Jam\n"));
        ui.await(() -> vm.items().size() == 1 && row("Groceries").checklistTotal() == 5);
        assertEquals("2/5", row("Groceries").checklistText());
        assertEquals(2, row("Groceries").checklistDone());
    }
}
