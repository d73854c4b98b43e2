package dev.tandem.app.view;

import dev.tandem.app.vm.AttachmentsViewModel;
import dev.tandem.app.vm.ItemRow;
import dev.tandem.app.vm.MainViewModel;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The item list's context menus: a todo's (or note's, or a trashed one's) and a section header's. */
final class RowMenus {
    private RowMenus() {
    }

    /** A single todo's menu; {@code attachments} adds "Attach file…" when set. */
    static ContextMenu todo(MainViewModel vm, ItemRow it, AttachmentsViewModel attachments) {
        ContextMenu m = new ContextMenu();
        if (it.isTrashed()) {
            MenuItem r = new MenuItem("Restore");
            r.setOnAction(e -> vm.commands().restore(it));
            MenuItem d = new MenuItem("Delete for good…");
            d.setOnAction(e -> vm.commands().delete(it));
            m.getItems().addAll(r, d);
            return m;
        }
        MenuItem done = new MenuItem(it.isDone() ? "Mark as not done" : "Complete");
        done.setOnAction(e -> vm.commands().toggleDone(it));
        MenuItem kind = new MenuItem(it.isNote() ? "Make a todo" : "Make a note");
        kind.setOnAction(e -> vm.commands().setNote(it, !it.isNote()));
        Menu move = new Menu("Move to");
        MenuItem inbox = new MenuItem("Inbox");
        inbox.setOnAction(e -> vm.commands().moveToList(it, null));
        move.getItems().add(inbox);
        for (String listId : vm.listIds()) {
            MenuItem mi = new MenuItem(vm.listName(listId));
            mi.setOnAction(e -> vm.commands().moveToList(it, listId));
            move.getItems().add(mi);
        }
        MenuItem del = new MenuItem("Move to Trash");
        del.setOnAction(e -> vm.commands().delete(it));
        if (attachments != null) {
            MenuItem attach = new MenuItem("Attach file…");
            attach.setOnAction(e -> attachments.chooseAndAttach(it.id()));
            m.getItems().add(attach);
        }
        if (it.isNote()) {
            m.getItems().addAll(kind, move, del);
        } else {
            // Quick add takes the new subtask's title (and its dates and details) under this todo.
            MenuItem sub = new MenuItem("Add a subtask…");
            sub.setOnAction(e -> vm.quickAdd().addUnder(it.id(), it.title()));
            m.getItems().addAll(done, sub, kind, move, del);
            if (it.hasParent()) {
                MenuItem line = new MenuItem("Make a check box line of its parent");
                line.setOnAction(e -> vm.commands().toChecklistLine(it));
                m.getItems().add(m.getItems().indexOf(kind), line);
            }
        }
        if (it.isOutlined()) {
            m.getItems().addAll(new SeparatorMenuItem(), outlineMenu(vm, it));
        }
        return m;
    }

    /** In a list's outline: the moves the keys also do, and a new section. */
    private static Menu outlineMenu(MainViewModel vm, ItemRow it) {
        Menu m = new Menu("Arrange");
        MenuItem up = new MenuItem("Move up");
        up.setOnAction(e -> vm.outline().shift(it, -1, vm.items()));
        MenuItem down = new MenuItem("Move down");
        down.setOnAction(e -> vm.outline().shift(it, 1, vm.items()));
        MenuItem indent = new MenuItem("Make a subtask of the todo above");
        indent.setOnAction(e -> vm.outline().indent(List.of(it), vm.items()));
        MenuItem outdent = new MenuItem("Move out of its parent");
        outdent.setOnAction(e -> vm.outline().outdent(List.of(it), vm.items()));
        outdent.setDisable(it.depth() == 0);
        m.getItems().addAll(up, down, indent, outdent);
        if (vm.outline().canHaveSections()) {
            MenuItem section = new MenuItem("New section…");
            section.setOnAction(e -> vm.outline().newSection());
            m.getItems().add(section);
        }
        return m;
    }

    /** A section header's menu: rename, delete (its todos stay), fold, and a new section. */
    static ContextMenu section(MainViewModel vm, ItemRow it) {
        MenuItem rename = new MenuItem("Rename section…");
        rename.setId("rename-section");
        rename.setOnAction(e -> vm.outline().renameSection(it));
        MenuItem delete = new MenuItem("Delete section");
        delete.setId("delete-section");
        delete.setOnAction(e -> vm.outline().deleteSection(it));
        MenuItem fold = new MenuItem(it.isCollapsed() ? "Show its todos" : "Fold its todos");
        fold.setOnAction(e -> vm.outline().toggleCollapsed(it));
        fold.setDisable(!it.hasChildren() && !it.isCollapsed());
        MenuItem add = new MenuItem("New section…");
        add.setOnAction(e -> vm.outline().newSection());
        return new ContextMenu(rename, delete, fold, new SeparatorMenuItem(), add);
    }
}
