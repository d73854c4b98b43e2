package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.history.HistoryLine;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The editor's history names a reminder's time in the store's zone, where the reminder fires, not the machine's. */
@Tag("unit")
class EditorHistoryZoneTest {
    /** Far from any CI machine's zone, so the machine's zone would show another hour. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");
    private final TestUi ui = new TestUi();
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZONE);
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final EditorViewModel vm = new EditorViewModel(store, async, new UndoManager(async));

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    @Test
    void history_reminderSet_namesItsTimeInTheStoresZone() {
        Item it = store.add("Call Sam", null, null);
        long nineThere = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZONE).toInstant().toEpochMilli();
        store.update(it.id(), x -> x.withRemindAt(nineThere));
        ui.run(() -> vm.show(store.get(it.id()).orElseThrow()));
        ui.await(() -> vm.history().stream().anyMatch(h -> h.what().startsWith("Reminder set for")));
        String line = ui.get(() -> vm.history().stream().map(HistoryLine::what)
                .filter(w -> w.startsWith("Reminder set for")).findFirst().orElseThrow());
        assertTrue(line.endsWith(", 9:00"), line);
    }
}
