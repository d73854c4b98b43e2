package dev.tandem.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConflictsViewModelTest {
    private final TestUi ui = new TestUi();
    private final SyncStorage shared = SyncStorage.memory();
    private final TodoStore laptop = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final TodoStore phone = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final SyncEngine e1 = SyncEngine.builder().storage(shared).build();
    private final SyncEngine e2 = SyncEngine.builder().storage(shared).build();

    @AfterEach
    void close() {
        e1.close();
        e2.close();
        laptop.close();
        phone.close();
        ui.close();
    }

    /** Both devices retitle one todo before syncing; the later edit (the laptop's) wins on both. */
    private Item conflictOnTitle() throws InterruptedException {
        phone.registerDevice("Pixel 8");
        Item it = laptop.add("Book flights", null, null);
        e1.sync(laptop.db());
        e2.sync(phone.db());
        phone.update(it.id(), x -> x.withTitle("Book flights to Porto"));
        Thread.sleep(3);
        laptop.update(it.id(), x -> x.withTitle("Book flights to Lisbon"));
        e2.sync(phone.db());
        e1.sync(laptop.db());
        return it;
    }

    @Test
    void conflicts_afterConcurrentEdits_showKeptLostAndDevices() throws Exception {
        Item it = conflictOnTitle();
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        ConflictsViewModel vm = new ConflictsViewModel(laptop, async);
        AtomicInteger unseen = new AtomicInteger(-1);
        vm.onCounts((total, u) -> unseen.set(u));
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertEquals("Book flights to Lisbon", row.itemTitle());
        assertEquals("Title", row.field());
        assertEquals("Book flights to Lisbon", row.kept());
        assertEquals("This device", row.keptDevice());
        assertEquals("Book flights to Porto", row.lost());
        assertEquals("Pixel 8", row.lostDevice());
        ui.await(() -> unseen.get() == 1);

        ui.run(vm::markSeen);
        ui.await(() -> unseen.get() == 0);

        ui.run(() -> vm.useLostValue(row));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Book flights to Porto", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }

    @Test
    void dismiss_hidesConflictAndKeepsValue() throws Exception {
        Item it = conflictOnTitle();
        ConflictsViewModel vm = new ConflictsViewModel(laptop, new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        }));
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        ui.run(() -> vm.dismiss(row));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Book flights to Lisbon", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }
}
