package dev.tandem.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editor's Time and Length fields, without a toolkit. */
class TimeViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);
    private final SimpleObjectProperty<Item> shown = new SimpleObjectProperty<>();

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    private Item stored(Item it) {
        return store.get(it.id()).orElseThrow();
    }

    @Test
    void commit_timeAndLength_saveShowAndUndo() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Call the bank", null, LocalDate.of(2026, 11, 20));
        TimeViewModel vm = ui.get(() -> new TimeViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        ui.run(() -> {
            vm.timeTextProperty().set("2pm");
            vm.commitTime();
        });
        ui.await(() -> "14:00".equals(stored(it).dueTime()));
        assertEquals("14:00", ui.get(() -> vm.timeTextProperty().get()), "shown as stored");
        ui.run(() -> {
            vm.lengthTextProperty().set("1h30");
            vm.commitLength();
        });
        ui.await(() -> Long.valueOf(90).equals(stored(it).durationMinutes()));
        assertEquals("1 h 30 min", ui.get(() -> vm.lengthTextProperty().get()));
        ui.run(() -> {
            vm.timeTextProperty().set("teatime");
            vm.commitTime();
        });
        assertEquals("14:00", ui.get(() -> vm.timeTextProperty().get()), "text that is no time is not saved");
        ui.run(undo::undo);
        ui.await(() -> stored(it).durationMinutes() == null);
        ui.run(undo::undo);
        ui.await(() -> stored(it).dueTime() == null);
        assertEquals(LocalDate.of(2026, 11, 20), stored(it).dueDate());
    }

    @Test
    void commitTime_onUndatedTodo_givesItTheNextDayThatTimeComes() {
        clock.set(Instant.parse("2026-11-18T15:00:00Z")); // 16:00 in Berlin
        Item it = store.add("Call the bank", null, null);
        TimeViewModel vm = ui.get(() -> new TimeViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        ui.run(() -> {
            vm.timeTextProperty().set("14:00");
            vm.commitTime();
        });
        ui.await(() -> "14:00".equals(stored(it).dueTime()));
        assertEquals(LocalDate.of(2026, 11, 19), stored(it).dueDate(), "14:00 has passed today: tomorrow");
        ui.run(undo::undo);
        ui.await(() -> stored(it).dueDate() == null && stored(it).dueTime() == null);
    }

    @Test
    void liveUpdate_fromSync_refreshesAnUntouchedField() {
        Item it = store.add("Call the bank", null, LocalDate.of(2026, 11, 20));
        TimeViewModel vm = ui.get(() -> new TimeViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        Item synced = it.withDueTime(java.time.LocalTime.of(9, 30)).withDuration(15L);
        ui.run(() -> shown.set(synced));
        assertEquals("09:30", ui.get(() -> vm.timeTextProperty().get()));
        assertEquals("15 min", ui.get(() -> vm.lengthTextProperty().get()));
    }
}
