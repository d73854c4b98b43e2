package dev.tandem.app.vm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UndoManagerTest {
    /** What ran on the background executor, in order. */
    private final List<String> ran = new ArrayList<>();
    /** Background work waits here until {@link #runBackground}, to show undo and redo do not run it on the UI thread. */
    private final List<Runnable> background = new ArrayList<>();
    private final Executor io = background::add;
    private final UndoManager undo = new UndoManager(new Async(io, Runnable::run, e -> {
        throw new AssertionError(e);
    }));

    private void runBackground() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    private void push(String name) {
        undo.push(name, () -> ran.add("undo " + name), () -> ran.add("redo " + name));
    }

    @Test
    void undo_thenRedo_runsBothOnTheBackgroundAndMovesTheEntryBack() {
        push("Complete “Buy milk”");
        assertEquals("Complete “Buy milk”", undo.undo());
        assertEquals(List.of(), ran, "not on the calling thread");
        runBackground();
        assertEquals(List.of("undo Complete “Buy milk”"), ran);
        assertFalse(undo.canUndoProperty().get());
        assertTrue(undo.canRedoProperty().get());

        assertEquals("Complete “Buy milk”", undo.redo());
        runBackground();
        assertEquals(List.of("undo Complete “Buy milk”", "redo Complete “Buy milk”"), ran);
        assertTrue(undo.canUndoProperty().get(), "back on the undo stack");
        assertFalse(undo.canRedoProperty().get());

        assertEquals("Complete “Buy milk”", undo.undo(), "it can be undone again");
        runBackground();
        assertEquals("undo Complete “Buy milk”", ran.get(2));
    }

    @Test
    void undoTwice_thenRedoTwice_redoesInTheOrderTheyWereDone() {
        push("A");
        push("B");
        undo.undo();
        undo.undo();
        assertEquals("A", undo.redo());
        assertEquals("B", undo.redo());
        assertNull(undo.redo());
        runBackground();
        assertEquals(List.of("undo B", "undo A", "redo A", "redo B"), ran);
        assertEquals("Undo B", undo.labelProperty().get());
    }

    @Test
    void push_afterUndo_clearsTheRedoStack() {
        push("A");
        push("B");
        undo.undo();
        assertTrue(undo.canRedoProperty().get());
        push("C");
        assertFalse(undo.canRedoProperty().get());
        assertEquals("", undo.redoLabelProperty().get());
        assertNull(undo.redo(), "B is gone for good");
        runBackground();
        assertEquals(List.of("undo B"), ran);
        assertEquals("C", undo.undo());
        assertEquals("A", undo.undo());
    }

    @Test
    void labels_nameTheTopOfEachStack_emptyWhenNone() {
        assertEquals("", undo.labelProperty().get());
        assertEquals("", undo.redoLabelProperty().get());
        push("Complete “Buy milk”");
        push("Move “Call mum” to Trash");
        assertEquals("Undo Move “Call mum” to Trash", undo.labelProperty().get());
        assertEquals("", undo.redoLabelProperty().get());
        undo.undo();
        assertEquals("Undo Complete “Buy milk”", undo.labelProperty().get());
        assertEquals("Redo Move “Call mum” to Trash", undo.redoLabelProperty().get());
        undo.undo();
        assertEquals("", undo.labelProperty().get());
        assertEquals("Redo Complete “Buy milk”", undo.redoLabelProperty().get());
        undo.redo();
        assertEquals("Undo Complete “Buy milk”", undo.labelProperty().get());
        assertEquals("Redo Move “Call mum” to Trash", undo.redoLabelProperty().get());
    }

    @Test
    void canRedo_falseUntilAnUndo_falseAgainOnceAllRedone() {
        assertFalse(undo.canRedoProperty().get());
        push("A");
        assertFalse(undo.canRedoProperty().get(), "nothing undone yet");
        undo.undo();
        assertTrue(undo.canRedoProperty().get());
        undo.redo();
        assertFalse(undo.canRedoProperty().get());
    }

    @Test
    void undoAndRedo_emptyStacks_returnNullAndRunNothing() {
        assertNull(undo.undo());
        assertNull(undo.redo());
        runBackground();
        assertEquals(List.of(), ran);
    }

    @Test
    void clear_afterUndo_emptiesBothStacks() {
        push("A");
        push("B");
        undo.undo();
        undo.clear();
        assertFalse(undo.canUndoProperty().get());
        assertFalse(undo.canRedoProperty().get());
        assertEquals("", undo.labelProperty().get());
        assertEquals("", undo.redoLabelProperty().get());
        assertNull(undo.redo());
    }

    @Test
    void push_withoutRedo_isRefused() {
        assertThrows(NullPointerException.class, () -> undo.push("A", () -> { }, null));
        assertFalse(undo.canUndoProperty().get());
    }

    @Test
    void push_overFiftyEntries_dropsTheOldest() {
        for (int i = 1; i <= 51; i++) {
            push("#" + i);
        }
        for (int i = 51; i >= 2; i--) {
            assertEquals("#" + i, undo.undo());
        }
        assertNull(undo.undo(), "#1 fell off");
        assertEquals("#2", undo.redo());
    }
}
