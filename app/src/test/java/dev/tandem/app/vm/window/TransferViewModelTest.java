package dev.tandem.app.vm.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class TransferViewModelTest {
    @TempDir
    Path tmp;
    private final TestUi ui = new TestUi();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final TransferViewModel vm = new TransferViewModel(store, new Async(io, ui, e -> {
        throw new AssertionError(e);
    }), dialogs);

    @AfterEach
    void close() {
        io.shutdownNow();
        ui.close();
        store.close();
    }

    private List<String> notifications() {
        return ui.get(() -> List.copyOf(dialogs.notifications));
    }

    @Test
    void importFile_chosenCsv_addsTodosAndSaysSo() throws Exception {
        Path csv = Files.writeString(tmp.resolve("Errands.csv"), "TYPE,CONTENT,PRIORITY,INDENT\ntask,Post the letter,1,1\n");
        dialogs.pathAnswers.add(csv);
        // Read busy in the same UI task that started the import: the result can only come back in a later one.
        boolean busyAtStart = ui.get(() -> {
            vm.importFile();
            return vm.busyProperty().get();
        });
        assertTrue(busyAtStart, "busy while the import runs");
        ui.await(() -> !notifications().isEmpty());
        assertEquals(List.of("Import finished: Imported 1 todo and 1 new list from Errands.csv."), notifications());
        assertEquals(List.of("Post the letter"), store.allItems().stream().map(Item::title).toList());
        assertFalse(ui.get(() -> vm.busyProperty().get()));
        assertEquals("", ui.get(() -> vm.statusProperty().get()));
    }

    @Test
    void importPaths_badFile_notifiesWithTheLineAndWritesNothing() throws Exception {
        Path csv = Files.writeString(tmp.resolve("Bad.csv"), "TYPE,CONTENT,PRIORITY,INDENT\ntask,Fine,1,1\ntask,Odd,1,0\n");
        ui.run(() -> vm.importPaths(List.of(csv)));
        ui.await(() -> !notifications().isEmpty());
        assertEquals(List.of("Import failed: Bad.csv, line 3: INDENT '0' must be 1 to 5\nNothing was imported."), notifications());
        assertEquals(List.of(), store.allItems());
    }

    @Test
    void exportJson_cancelled_doesNothing_chosen_writesTheFile() {
        ui.run(vm::exportJson);
        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.get(0).startsWith("save: Export a backup (JSON) (tandem-"), dialogs.asked.toString());
        assertFalse(ui.get(() -> vm.busyProperty().get()));
        store.add("Keep me", null, null);
        Path target = tmp.resolve("backup.json");
        dialogs.pathAnswers.add(target);
        ui.run(vm::exportJson);
        ui.await(() -> !notifications().isEmpty());
        assertEquals(List.of("Export finished: Exported 1 todo in 0 lists to " + target + " (Tandem JSON backup)."),
                notifications());
        assertTrue(Files.isRegularFile(target));
    }
}
