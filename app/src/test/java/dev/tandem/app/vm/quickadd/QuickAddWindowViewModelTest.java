package dev.tandem.app.vm.quickadd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick-add window's model: done once saved; text kept with the reason when the save fails; Escape. */
@Tag("unit")
class QuickAddWindowViewModelTest {
    @TempDir
    Path tmp;

    private final Async direct = new Async(Runnable::run, Runnable::run, e -> { });

    private TodoStore store() {
        return new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemUTC());
    }

    @Test
    void submit_saved_doneAndAddedWithQuickAddsGrammar() {
        try (TodoStore store = store()) {
            QuickAddWindowViewModel vm = new QuickAddWindowViewModel(store, direct);
            vm.quickAdd().textProperty().set("Call the bank p2 @work");
            assertTrue(vm.quickAdd().submit());
            assertTrue(vm.doneProperty().get());
            assertTrue(vm.addedProperty().get());
            List<Item> all = store.allItems();
            assertEquals(1, all.size());
            assertEquals("Call the bank", all.get(0).title());
        }
    }

    @Test
    void submit_saveFails_textKeptReasonShownWindowStays() {
        TodoStore store = store();
        QuickAddWindowViewModel vm = new QuickAddWindowViewModel(store, direct);
        vm.quickAdd().textProperty().set("Buy milk tomorrow");
        store.close(); // The save meets a closed database.
        assertTrue(vm.quickAdd().submit());
        assertFalse(vm.doneProperty().get());
        assertFalse(vm.addedProperty().get());
        assertEquals("Buy milk tomorrow", vm.quickAdd().textProperty().get());
        assertTrue(vm.quickAdd().failureProperty().get().startsWith("“Buy milk tomorrow” was not added"),
                vm.quickAdd().failureProperty().get());
    }

    @Test
    void submit_noTitle_problemSaidNothingAdded() {
        try (TodoStore store = store()) {
            QuickAddWindowViewModel vm = new QuickAddWindowViewModel(store, direct);
            vm.quickAdd().textProperty().set("p1 @home");
            assertFalse(vm.quickAdd().submit());
            assertFalse(vm.problemProperty().get().isEmpty());
            assertFalse(vm.doneProperty().get());
            assertTrue(store.allItems().isEmpty());
            vm.quickAdd().textProperty().set("Water plants tomorrow p1");
            assertEquals("", vm.problemProperty().get(), "typing clears it");
        }
    }

    @Test
    void cancel_nothingSaving_doneNothingAdded() {
        try (TodoStore store = store()) {
            QuickAddWindowViewModel vm = new QuickAddWindowViewModel(store, direct);
            vm.quickAdd().textProperty().set("Half typed");
            vm.cancel();
            assertTrue(vm.doneProperty().get());
            assertFalse(vm.addedProperty().get());
            assertTrue(store.allItems().isEmpty());
        }
    }
}
