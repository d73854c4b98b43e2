package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the MainViewModel tests share: a store on an in-memory database in a zone not the machine's,
 * with a test clock, a view model over it on a test UI with fake dialogs, and reads of what it shows.
 */
abstract class MainViewModelFixture {
    /** Not the machine's zone, so midnight here is the store's zone's, whatever the machine. */
    static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
    final TestUi ui = new TestUi();
    final TestClock clock = new TestClock(ZONE);
    final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    final FakeDialogs dialogs = new FakeDialogs();
    MainViewModel vm;

    @BeforeEach
    void start() {
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(vm::start);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    List<String> titles() {
        return ui.get(() -> vm.items().stream().map(ItemRow::title).toList());
    }

    long count(String key) {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.key().equals(key)).findFirst().map(SidebarEntry::count).orElse(-1L));
    }

    boolean canUndo() {
        return ui.get(() -> vm.undoManager().canUndoProperty().get());
    }
}
