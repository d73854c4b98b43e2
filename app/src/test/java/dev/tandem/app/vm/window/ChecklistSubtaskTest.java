package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.Checklist;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A check box line of the notes becomes a subtask, and a subtask becomes a line again. */
@Tag("unit")
class ChecklistSubtaskTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TodoStore store = new TodoStore(Db.openMemory(), new TestClock(ZONE), ZONE);
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final MainViewModel main = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));

    @AfterEach
    void close() {
        main.close();
        store.close();
        ui.close();
    }

    @Test
    void withoutLineAndWords_aBoxLine_leaveTheRestAsItWas() {
        String notes = "Plan:\n- [ ] Book the van\n- [x] Pack\n";
        Checklist.Box van = Checklist.boxes(notes).get(0);
        assertEquals("Book the van", Checklist.words(notes, van).orElseThrow());
        assertEquals("Plan:\n- [x] Pack\n", Checklist.withoutLine(notes, van).orElseThrow());
        Checklist.Box pack = Checklist.boxes("a\n- [x] Pack").get(0);
        assertEquals("a", Checklist.withoutLine("a\n- [x] Pack", pack).orElseThrow());
        assertEquals("a\n- [ ] Call", Checklist.withLine("a", "Call", false));
    }

    @Test
    void toChecklistLine_subtask_becomesALineOfItsParent_undoBringsItBack() {
        Item move = store.add("Move house", null, null, null, TodoDetails.NONE).item();
        store.update(move.id(), i -> i.withNotes("Boxes from the shop"));
        Item van = store.add("Book the van", null, null, move.id(), null, TodoDetails.NONE).item();
        ui.run(() -> main.commands().toChecklistLine(new ItemRow(van)));
        ui.flush();
        assertEquals("Boxes from the shop\n- [ ] Book the van", store.get(move.id()).orElseThrow().notes());
        assertTrue(store.get(van.id()).orElseThrow().isTrashed());
        ui.run(main.commands()::undo);
        ui.flush();
        assertEquals("Boxes from the shop", store.get(move.id()).orElseThrow().notes());
        assertTrue(!store.get(van.id()).orElseThrow().isTrashed());
    }

    @Test
    void addSubtask_fromATickedLine_isADoneSubtask() {
        Item move = store.add("Move house", null, null, null, TodoDetails.NONE).item();
        ui.run(() -> main.commands().addSubtask(move.id(), "Pack", true));
        ui.flush();
        List<Item> kids = store.allItems().stream().filter(i -> move.id().equals(i.parentId())).toList();
        assertEquals(1, kids.size());
        assertTrue(kids.get(0).isDone());
    }
}
