package dev.tandem.app.vm.sharing;


import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ShareViewModel tests share: people's profiles in a temporary folder, each with its own
 * store and spaces, a share view model for one of them, and everything opened closed after each test.
 */
abstract class ShareViewModelFixture {
    @TempDir
    Path tmp;
    final List<AutoCloseable> open = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    final Async async = Async.direct(errors::add);
    final AtomicInteger resyncs = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    TodoStore profile(String name) throws Exception {
        Files.createDirectories(tmp.resolve(name));
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name).resolve("tandem.db")).build(), Clock.systemUTC());
        open.add(store);
        new Authors(store).register(name);
        return store;
    }

    Spaces sharing(String name) {
        return new Spaces(new SettingsStore(tmp.resolve(name)), Map.of());
    }

    ShareViewModel shareModel(String who, TodoStore store, TodoList list, FakeDialogs dialogs) {
        ShareViewModel vm = new ShareViewModel(sharing(who.toLowerCase(Locale.ROOT)), store, list, who, async,
                dialogs, resyncs::incrementAndGet);
        vm.load();
        return vm;
    }
}
