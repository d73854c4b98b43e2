package dev.tandem.app.vm;

import dev.tandem.app.model.Item;
import dev.tandem.app.testing.TestUi;
import java.util.function.Consumer;

/** Runs a command that takes a row on the test UI thread with the row of {@code item}. */
final class ItemRowProbe {
    private ItemRowProbe() {
    }

    static void run(TestUi ui, MainViewModel main, Item item, Consumer<ItemRow> command) {
        ui.run(() -> command.accept(new ItemRow(item)));
    }
}
