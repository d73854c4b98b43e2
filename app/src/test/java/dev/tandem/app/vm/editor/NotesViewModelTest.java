package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.note.NoteBlock;
import dev.tandem.app.text.note.NoteDocument;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The editor's notes: rendered or text, ticking a box saves one character, links open only on the web. */
@Tag("unit")
class NotesViewModelTest {
    private final TestUi ui = new TestUi();
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());
    /** The background executor; a test that holds it back sees what happens before a parse finishes. */
    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private final Executor io = r -> {
        if (holding) {
            held.add(r);
        } else {
            r.run();
        }
    };
    private final Async async = new Async(io, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);
    private final List<String> opened = new ArrayList<>();
    private final EditorViewModel editor = new EditorViewModel(store, async, undo, opened::add);
    private final NotesViewModel vm = editor.notes();

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    private Item withNotes(String title, String notes) {
        Item it = store.add(title, null, null);
        store.update(it.id(), x -> x.withNotes(notes));
        return store.get(it.id()).orElseThrow();
    }

    private NoteDocument doc() {
        return ui.get(() -> vm.documentProperty().get());
    }

    @Test
    void itemShown_withNotes_isRendered_emptyNotesOpenAsText_choiceHolds() {
        Item full = withNotes("Full", "# Plan\n\n- [ ] one\n");
        Item empty = store.add("Empty", null, null);
        ui.run(() -> editor.show(full));
        assertTrue(ui.get(() -> vm.renderedProperty().get()));
        assertEquals(1, doc().boxes().size());
        ui.run(() -> editor.show(empty));
        assertFalse(ui.get(() -> vm.renderedProperty().get()), "nothing to render: type at once");
        ui.run(() -> editor.show(full));
        ui.run(vm::toggle);
        assertFalse(ui.get(() -> vm.renderedProperty().get()));
        assertTrue(doc().isEmpty(), "no document kept while the text is shown");
        Item other = withNotes("Other", "text");
        ui.run(() -> editor.show(other));
        assertFalse(ui.get(() -> vm.renderedProperty().get()), "the text choice holds for the next notes");
    }

    @Test
    void setChecked_lineThree_changesOnlyThatCharacterInTheStore_undoPutsItBack() {
        String notes = "Groceries\r\n\r\n- [ ] Milk\r\n- [ ] Eggs\r\n- [x] Bread\r\n";
        Item it = withNotes("Shopping", notes);
        ui.run(() -> editor.show(it));
        NoteBlock.Entry eggs = doc().boxes().get(1);
        ui.run(() -> vm.setChecked(eggs, true));
        ui.flush();
        assertEquals("Groceries\r\n\r\n- [ ] Milk\r\n- [x] Eggs\r\n- [x] Bread\r\n", store.get(it.id()).orElseThrow().notes());
        assertEquals("2/3", ui.get(() -> vm.progressProperty().get()));
        assertTrue(doc().boxes().get(1).checked(), "the rendered view shows the tick");
        ui.run(() -> undo.undo());
        ui.flush();
        assertEquals(notes, store.get(it.id()).orElseThrow().notes());
    }

    @Test
    void setChecked_boxGoneMeanwhile_writesNothingAndSaysSo() {
        Item it = withNotes("List", "- [ ] a\n- [ ] b\n");
        ui.run(() -> editor.show(it));
        NoteBlock.Entry b = doc().boxes().get(1);
        ui.run(() -> editor.notesProperty().set("- [ ] a\n"));
        ui.run(() -> vm.setChecked(b, true));
        ui.flush();
        assertFalse(ui.get(() -> vm.messageProperty().get()).isEmpty());
        assertEquals(1, doc().boxes().size());
    }

    @Test
    void open_webAndMailLinks_goToTheOpener_othersAreRefused() {
        assertTrue(vm.opens("https://example.com/a?b=c"));
        assertTrue(vm.opens("mailto:sam@example.com"));
        assertFalse(vm.opens("file:///etc/passwd"));
        assertFalse(vm.opens("javascript:alert(1)"));
        assertFalse(vm.opens("relative/page.md"));
        ui.run(() -> vm.open("https://example.com/a?b=c"));
        ui.run(() -> vm.open("file:///etc/passwd"));
        assertEquals(List.of("https://example.com/a?b=c"), opened);
        assertFalse(ui.get(() -> vm.messageProperty().get()).isEmpty());
    }

    @Test
    void longNote_isParsedInTheBackground_aLaterEditWins() {
        String big = "# Big\n\n" + "Some line of text that goes on.\n".repeat(1_000);
        Item it = store.add("Big", null, null);
        ui.run(() -> editor.show(store.get(it.id()).orElseThrow()));
        ui.run(vm::toggle);
        holding = true;
        ui.run(() -> editor.notesProperty().set(big));
        assertTrue(doc().isEmpty(), "the FX thread did not parse it");
        ui.run(() -> editor.notesProperty().set(big + "\nlast words\n"));
        holding = false;
        Runnable first = held.poll();
        Runnable second = held.poll();
        second.run();
        ui.flush();
        NoteDocument latest = doc();
        first.run();
        ui.flush();
        assertSame(latest, doc(), "the earlier, slower parse is dropped");
        NoteBlock last = latest.blocks().get(latest.blocks().size() - 1);
        assertTrue(last.toString().contains("last words"), last.toString());
    }

    @Test
    void noteProperty_savesAtOnce_undoMakesItATodoAgain() {
        Item it = store.add("Ideas", null, null);
        ui.run(() -> editor.show(it));
        ui.run(() -> editor.noteProperty().set(true));
        ui.flush();
        assertTrue(store.get(it.id()).orElseThrow().isNote());
        ui.run(() -> undo.undo());
        ui.flush();
        assertFalse(store.get(it.id()).orElseThrow().isNote());
    }

    @Test
    void progress_whileTypingTheText_isCountedWhenSaved() {
        Item it = withNotes("Todo list", "- [x] a\n");
        ui.run(() -> editor.show(it));
        assertEquals("1/1", ui.get(() -> vm.progressProperty().get()));
        ui.run(vm::toggle);
        ui.run(() -> editor.notesProperty().set("- [x] a\n- [ ] b\n"));
        assertEquals("1/1", ui.get(() -> vm.progressProperty().get()), "no parse on every key");
        ui.run(editor::commit);
        assertEquals("1/2", ui.get(() -> vm.progressProperty().get()));
    }
}
