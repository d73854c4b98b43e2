package dev.tandem.app.vm.conflict;


import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/**
 * What the ConflictsViewModel tests share: a laptop and a phone syncing through one in-memory remote,
 * the title and notes conflicts they make, and a conflicts view model over the laptop's.
 */
abstract class ConflictsViewModelFixture {
    final TestUi ui = new TestUi();
    final SyncStorage shared = SyncStorage.memory();
    final TodoStore laptop = new TodoStore(Db.openMemory(), Clock.systemUTC());
    final TodoStore phone = new TodoStore(Db.openMemory(), Clock.systemUTC());
    final SyncEngine e1 = SyncEngine.builder().storage(shared).build();
    final SyncEngine e2 = SyncEngine.builder().storage(shared).build();
    final FakeDialogs dialogs = new FakeDialogs();
    final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    final UndoManager undo = new UndoManager(async);

    @AfterEach
    void close() {
        e1.close();
        e2.close();
        laptop.close();
        phone.close();
        ui.close();
    }

    /** Both devices retitle one todo before syncing; the later edit (the laptop's) wins on both. */
    Item conflictOnTitle() {
        new Authors(phone).register("Pixel 8");
        Item it = laptop.add("Book flights", null, null);
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.update(it.id(), x -> x.withTitle("Book flights to Porto"));
        Await.pastThisMillisecond();
        laptop.update(it.id(), x -> x.withTitle("Book flights to Lisbon"));
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        return it;
    }

    /** Both devices edit one line of a todo's notes before syncing; the laptop's later edit wins. */
    Item conflictOnNotes(String base, String onPhone, String onLaptop) {
        new Authors(phone).register("Pixel 8");
        new Authors(laptop).register("MacBook Air");
        Item it = laptop.add("Fix the squeaky door hinge", null, null);
        laptop.update(it.id(), x -> x.withNotes(base));
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.update(it.id(), x -> x.withNotes(onPhone));
        Await.pastThisMillisecond();
        laptop.update(it.id(), x -> x.withNotes(onLaptop));
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        return it;
    }

    ConflictsViewModel started() {
        ConflictsViewModel vm = new ConflictsViewModel(laptop, async, undo, dialogs);
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        return vm;
    }
}
