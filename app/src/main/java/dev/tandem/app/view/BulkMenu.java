package dev.tandem.app.view;

import dev.tandem.app.vm.ItemRow;
import dev.tandem.app.vm.MainViewModel;
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
        MenuItem complete = new MenuItem("Complete " + n + " todos");
        complete.setOnAction(e -> vm.bulk().complete(rows.get()));
        Menu move = new Menu("Move to");
        MenuItem inbox = new MenuItem("Inbox");
        inbox.setOnAction(e -> vm.bulk().moveToList(rows.get(), null));
        move.getItems().add(inbox);
        for (String listId : vm.listIds()) {
            MenuItem mi = new MenuItem(vm.listName(listId));
            mi.setOnAction(e -> vm.bulk().moveToList(rows.get(), listId));
            move.getItems().add(mi);
        }
        Menu date = new Menu("Set due date");
        LocalDate today = vm.todayProperty().get();
        date.getItems().addAll(dateItem(vm, rows, "Today", today), dateItem(vm, rows, "Tomorrow", today.plusDays(1)),
                dateItem(vm, rows, "In a week", today.plusWeeks(1)), dateItem(vm, rows, "No date", null));
        Menu priority = new Menu("Priority");
        for (int p = 1; p <= 4; p++) {
            int level = p;
            MenuItem mi = new MenuItem("Priority " + p);
            mi.setOnAction(e -> vm.bulk().setPriority(rows.get(), level));
            priority.getItems().add(mi);
        }
        MenuItem none = new MenuItem("No priority");
        none.setOnAction(e -> vm.bulk().setPriority(rows.get(), null));
        priority.getItems().add(none);
        MenuItem tag = new MenuItem("Add tag…");
        tag.setOnAction(e -> vm.commands().askTag(n).ifPresent(t -> vm.bulk().tag(rows.get(), t)));
        MenuItem trash = new MenuItem("Move " + n + " todos to Trash");
        trash.setOnAction(e -> vm.bulk().trash(rows.get()));
        return new ContextMenu(complete, move, date, priority, tag, trash);
    }

    private static MenuItem dateItem(MainViewModel vm, Supplier<List<ItemRow>> rows, String label, LocalDate d) {
        MenuItem mi = new MenuItem(label);
        mi.setOnAction(e -> vm.bulk().setDue(rows.get(), d));
        return mi;
    }
}
