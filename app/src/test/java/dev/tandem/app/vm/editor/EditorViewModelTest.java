package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EditorViewModelTest {
    private final TestUi ui = new TestUi();
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);
    private final EditorViewModel vm = new EditorViewModel(store, async, undo);

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    private Item reload(Item it) {
        return store.get(it.id()).orElseThrow();
    }

    @Test
    void show_item_loadsAllFields() {
        Item it = store.add("Title", null, LocalDate.of(2026, 12, 1));
        ui.run(() -> vm.show(it));
        assertEquals("Title", ui.get(() -> vm.titleProperty().get()));
        assertEquals(LocalDate.of(2026, 12, 1), ui.get(() -> vm.dueProperty().get()));
        assertTrue(ui.get(() -> vm.showingProperty().get()));
        ui.await(() -> !vm.history().isEmpty());
    }

    @Test
    void commit_touchedTitle_savesIt() {
        Item it = store.add("Old", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.titleProperty().set("New"));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("New", reload(it).title());
    }

    @Test
    void commit_notesOverTheLimit_saysWhyKeepsTheTextAndSavesNothingUntilShortened() {
        Item it = store.add("Long notes", null, null);
        ui.run(() -> vm.show(it));
        String typed = "x".repeat(TextLimits.MAX_NOTES_CHARS + 1);
        ui.run(() -> vm.notesProperty().set(typed));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("The notes are 1,000,001 characters long; Tandem takes at most 1,000,000.",
                ui.get(() -> vm.tooLongProperty().get()));
        assertEquals(typed, ui.get(() -> vm.notesProperty().get()), "the typed text stays in the editor");
        assertEquals(null, reload(it).notes(), "nothing over the limit is saved, so every backup restores");
        ui.run(() -> vm.notesProperty().set(typed.substring(1)));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("", ui.get(() -> vm.tooLongProperty().get()));
        assertEquals(TextLimits.MAX_NOTES_CHARS, reload(it).notes().length(), "exactly the limit is taken");
    }

    @Test
    void dueChange_savesAtOnce() {
        Item it = store.add("x", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.dueProperty().set(LocalDate.of(2027, 1, 2)));
        ui.flush();
        assertEquals("2027-01-02", reload(it).due());
    }

    @Test
    void liveUpdate_whileEditingTitle_keepsTheEditAndTakesOtherFields() {
        Item it = store.add("Draft", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.titleProperty().set("Draft, being typed"));
        // Another device changes the notes and the title meanwhile.
        store.update(it.id(), x -> x.withNotes("from the other device").withTitle("Remote title"));
        Item remote = reload(it);
        ui.run(() -> vm.show(remote));
        assertEquals("Draft, being typed", ui.get(() -> vm.titleProperty().get()), "edit in progress survives");
        assertEquals("from the other device", ui.get(() -> vm.notesProperty().get()), "untouched field follows");
        ui.run(vm::commit);
        ui.flush();
        Item saved = reload(it);
        assertEquals("Draft, being typed", saved.title());
        assertEquals("from the other device", saved.notes(), "commit does not revert the remote notes");
    }

    @Test
    void liveUpdate_whileTypingNotes_mergesTheOtherDevicesLinesIn() {
        Item it = store.add("Trip", null, null);
        store.update(it.id(), x -> x.withNotes("Flights: ?\nHotel: Alfama\nCar: ?"));
        ui.run(() -> vm.show(reload(it)));
        ui.run(() -> vm.notesProperty().set("Flights: LH 123\nHotel: Alfama\nCar: ?"));
        store.update(it.id(), x -> x.withNotes("Flights: ?\nHotel: Alfama\nCar: Hertz"));
        ui.run(() -> vm.show(reload(it)));
        assertEquals("Flights: LH 123\nHotel: Alfama\nCar: Hertz", ui.get(() -> vm.notesProperty().get()));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("Flights: LH 123\nHotel: Alfama\nCar: Hertz", reload(it).notes());
    }

    @Test
    void liveUpdate_whileTypingTheSameLine_keepsTheTypedText() {
        Item it = store.add("Trip", null, null);
        store.update(it.id(), x -> x.withNotes("Hotel: ?"));
        ui.run(() -> vm.show(reload(it)));
        ui.run(() -> vm.notesProperty().set("Hotel: Baixa"));
        store.update(it.id(), x -> x.withNotes("Hotel: Chiado"));
        ui.run(() -> vm.show(reload(it)));
        assertEquals("Hotel: Baixa", ui.get(() -> vm.notesProperty().get()));
    }

    @Test
    void commit_staleBase_doesNotRevertConcurrentChange() {
        Item it = store.add("T", null, null);
        ui.run(() -> vm.show(it));
        store.update(it.id(), x -> x.withNotes("concurrent"));
        ui.run(() -> vm.titleProperty().set("T2"));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("concurrent", reload(it).notes());
        assertEquals("T2", reload(it).title());
    }

    @Test
    void undo_afterEdit_putsOldValueBack() {
        Item it = store.add("Before", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.titleProperty().set("After"));
        ui.run(vm::commit);
        ui.await(() -> undo.canUndoProperty().get());
        ui.run(undo::undo);
        ui.flush();
        assertEquals("Before", reload(it).title());
    }

    @Test
    void show_otherItem_commitsPendingEditFirst() {
        Item a = store.add("A", null, null);
        Item b = store.add("B", null, null);
        ui.run(() -> vm.show(a));
        ui.run(() -> vm.notesProperty().set("note for A"));
        ui.run(() -> vm.show(b));
        ui.flush();
        assertEquals("note for A", reload(a).notes());
        assertEquals("B", ui.get(() -> vm.titleProperty().get()));
        assertFalse(ui.get(vm::isDirty));
    }

    @Test
    void blankTitle_isNotSaved() {
        Item it = store.add("Keep", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.titleProperty().set("   "));
        ui.run(vm::commit);
        ui.flush();
        assertEquals("Keep", reload(it).title());
    }

    /** The Done box completes as the list's Done does (TodoVerbs): a repeating todo gets its next occurrence. */
    @Test
    void doneTicked_repeatingTodo_completesWithTheNextOccurrenceAndUndoTakesBoth() {
        Item it = store.add("Bins", null, LocalDate.of(2026, 12, 1));
        SeriesStore series = new SeriesStore(store);
        series.setRepeat(it.id(), Recurrence.every(Freq.WEEKLY, 1));
        Item shown = reload(it);
        ui.run(() -> vm.show(shown));
        ui.run(() -> vm.doneProperty().set(true));
        ui.await(() -> undo.canUndoProperty().get());
        ui.flush();
        assertTrue(reload(it).isDone());
        List<Item> open = series.openOccurrences(shown.seriesId());
        assertEquals(1, open.size(), open.toString());
        assertEquals(LocalDate.of(2026, 12, 8), open.get(0).dueDate());
        assertFalse(ui.get(vm::isDirty), "the saved Done is the editor's base");

        ui.run(undo::undo);
        ui.flush();
        assertFalse(reload(it).isDone());
        assertEquals(List.of(it.id()), series.openOccurrences(shown.seriesId()).stream().map(Item::id).toList(),
                "undo removes the occurrence the Done made");

        ui.run(undo::redo);
        ui.flush();
        assertTrue(reload(it).isDone());
        assertEquals(1, series.openOccurrences(shown.seriesId()).size(), "redo makes the next occurrence once");
    }

    @Test
    void doneUnticked_doneTodo_reopensAndUndoCompletesAgain() {
        Item it = store.add("Call Sam", null, null);
        new TodoVerbs(store).complete(it.id(), false);
        long doneAt = reload(it).doneAt();
        ui.run(() -> vm.show(reload(it)));
        assertTrue(ui.get(() -> vm.doneProperty().get()));
        ui.run(() -> vm.titleProperty().set("Call Sam back"));
        ui.run(() -> vm.doneProperty().set(false));
        ui.await(() -> undo.canUndoProperty().get());
        ui.flush();
        assertFalse(reload(it).isDone());
        assertEquals("Call Sam back", reload(it).title(), "the typed title is saved with the Done box");

        ui.run(undo::undo);
        ui.flush();
        assertTrue(reload(it).isDone());
        assertEquals(doneAt, reload(it).doneAt(), "undo gives back when it was done");
        assertEquals("Call Sam", reload(it).title());
    }

    /** Ticked and unticked before anything reached the database: one edit each way, nothing left behind. */
    @Test
    void doneTickedThenUnticked_plainTodo_endsOpen() {
        Item it = store.add("Water plants", null, null);
        ui.run(() -> vm.show(it));
        ui.run(() -> vm.doneProperty().set(true));
        ui.run(() -> vm.doneProperty().set(false));
        ui.flush();
        assertFalse(reload(it).isDone());
        assertFalse(ui.get(vm::isDirty));
    }
}
