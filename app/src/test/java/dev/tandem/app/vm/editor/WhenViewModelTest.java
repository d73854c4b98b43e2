package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WhenViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TodoStore store = new TodoStore(Db.openMemory(), new TestClock(ZONE), ZONE);
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    @Test
    void start_setOnASomedayTodo_savesItAndTakesItOutOfSomeday_undoPutsBoth() {
        Item it = store.add("Learn Italian", null, null);
        store.update(it.id(), x -> x.withSomeday(true));
        SimpleObjectProperty<Item> shown = new SimpleObjectProperty<>(store.get(it.id()).orElseThrow());
        WhenViewModel vm = new WhenViewModel(store, async, undo, shown);
        assertTrue(vm.somedayProperty().get());
        ui.run(() -> vm.startProperty().set(LocalDate.of(2026, 12, 7)));
        ui.flush();
        Item saved = store.get(it.id()).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 7), saved.startDate());
        assertFalse(saved.isSomeday());
        ui.run(undo::undo);
        ui.flush();
        assertNull(store.get(it.id()).orElseThrow().startDate());
        assertTrue(store.get(it.id()).orElseThrow().isSomeday());
    }

    @Test
    void someday_ticked_saves() {
        Item it = store.add("Learn Italian", null, null);
        SimpleObjectProperty<Item> shown = new SimpleObjectProperty<>(it);
        WhenViewModel vm = new WhenViewModel(store, async, undo, shown);
        ui.run(() -> vm.somedayProperty().set(true));
        ui.flush();
        assertTrue(store.get(it.id()).orElseThrow().isSomeday());
    }
}
