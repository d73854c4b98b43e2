package dev.tandem.app.view;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** The context menu for several selected rows: each action applies to all of them as one undo step. */
final class BulkMenu {
    private BulkMenu() {
    }

    /** {@code n} is how many rows are selected (for the labels); {@code rows} gives them, in list order, when an action runs. */
    static ContextMenu create(MainViewModel vm, int n, Supplier<List<ItemRow>> rows) {
        MenuItem complete = new MenuItem(Messages.text("main.bulkMenu.complete", n));
        complete.setOnAction(e -> vm.bulk().complete(rows.get()));
        Menu move = new Menu(Messages.text("main.menu.moveTo"));
        MenuItem inbox = new MenuItem(Messages.text("main.menu.inbox"));
        inbox.setOnAction(e -> vm.bulk().moveToList(rows.get(), null));
        move.getItems().add(inbox);
        for (String listId : vm.listIds()) {
            MenuItem mi = new MenuItem(vm.listName(listId));
            mi.setOnAction(e -> vm.bulk().moveToList(rows.get(), listId));
            move.getItems().add(mi);
        }
        Menu date = new Menu(Messages.text("main.bulkMenu.setDue"));
        LocalDate today = vm.todayProperty().get();
        date.getItems().addAll(dateItem(vm, rows, Messages.text("main.bulkMenu.today"), today),
                dateItem(vm, rows, Messages.text("main.bulkMenu.tomorrow"), today.plusDays(1)),
                dateItem(vm, rows, Messages.text("main.bulkMenu.inAWeek"), today.plusWeeks(1)),
                dateItem(vm, rows, Messages.text("main.bulkMenu.noDate"), null));
        Menu priority = new Menu(Messages.text("main.bulkMenu.priority"));
        for (int p = 1; p <= 4; p++) {
            int level = p;
            MenuItem mi = new MenuItem(Messages.text("main.bulkMenu.priorityLevel", String.valueOf(p)));
            mi.setOnAction(e -> vm.bulk().setPriority(rows.get(), level));
            priority.getItems().add(mi);
        }
        MenuItem none = new MenuItem(Messages.text("main.bulkMenu.noPriority"));
        none.setOnAction(e -> vm.bulk().setPriority(rows.get(), null));
        priority.getItems().add(none);
        MenuItem tag = new MenuItem(Messages.text("main.bulkMenu.addTag"));
        tag.setOnAction(e -> vm.commands().questions().askTag(n).ifPresent(t -> vm.bulk().tag(rows.get(), t)));
        MenuItem trash = new MenuItem(Messages.text("main.bulkMenu.trash", n));
        trash.setOnAction(e -> vm.bulk().trash(rows.get()));
        return new ContextMenu(complete, move, date, priority, tag, trash);
    }

    private static MenuItem dateItem(MainViewModel vm, Supplier<List<ItemRow>> rows, String label, LocalDate d) {
        MenuItem mi = new MenuItem(label);
        mi.setOnAction(e -> vm.bulk().setDue(rows.get(), d));
        return mi;
    }
}
