package dev.tandem.app.view;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The item list's context menus: a todo's (or note's, or a trashed one's) and a section header's. */
final class RowMenus {
    private RowMenus() {
    }

    /** A single todo's menu; {@code attachments} adds Messages.text("main.menu.attach") when set. */
    static ContextMenu todo(MainViewModel vm, ItemRow it, AttachmentsViewModel attachments) {
        ContextMenu m = new ContextMenu();
        if (it.isTrashed()) {
            MenuItem r = new MenuItem(Messages.text("main.menu.restore"));
            r.setOnAction(e -> vm.commands().restore(it));
            MenuItem d = new MenuItem(Messages.text("main.menu.deleteForGood"));
            d.setOnAction(e -> vm.commands().delete(it));
            m.getItems().addAll(r, d);
            return m;
        }
        MenuItem done = new MenuItem(it.isDone() ? Messages.text("main.menu.reopen") : Messages.text("main.menu.complete"));
        done.setOnAction(e -> vm.commands().toggleDone(it));
        MenuItem kind = new MenuItem(it.isNote() ? Messages.text("main.menu.makeTodo") : Messages.text("main.menu.makeNote"));
        kind.setOnAction(e -> vm.commands().setNote(it, !it.isNote()));
        Menu move = new Menu(Messages.text("main.menu.moveTo"));
        MenuItem inbox = new MenuItem(Messages.text("main.menu.inbox"));
        inbox.setOnAction(e -> vm.commands().moveToList(it, null));
        move.getItems().add(inbox);
        for (String listId : vm.listIds()) {
            MenuItem mi = new MenuItem(vm.listName(listId));
            mi.setOnAction(e -> vm.commands().moveToList(it, listId));
            move.getItems().add(mi);
        }
        MenuItem del = new MenuItem(Messages.text("main.menu.trash"));
        del.setOnAction(e -> vm.commands().delete(it));
        if (attachments != null) {
            MenuItem attach = new MenuItem(Messages.text("main.menu.attach"));
            attach.setOnAction(e -> attachments.chooseAndAttach(it.id()));
            m.getItems().add(attach);
        }
        if (it.isNote()) {
            m.getItems().addAll(kind, move, del);
        } else {
            // Quick add takes the new subtask's title (and its dates and details) under this todo.
            MenuItem sub = new MenuItem(Messages.text("main.menu.addSubtask"));
            sub.setOnAction(e -> vm.quickAdd().addUnder(it.id(), it.title()));
            m.getItems().addAll(done, sub, kind, move, del);
            if (it.hasParent()) {
                MenuItem line = new MenuItem(Messages.text("main.menu.checklistLine"));
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
        Menu m = new Menu(Messages.text("main.menu.arrange"));
        MenuItem up = new MenuItem(Messages.text("main.menu.moveUp"));
        up.setOnAction(e -> vm.outline().shift(it, -1, vm.items()));
        MenuItem down = new MenuItem(Messages.text("main.menu.moveDown"));
        down.setOnAction(e -> vm.outline().shift(it, 1, vm.items()));
        MenuItem indent = new MenuItem(Messages.text("main.menu.indent"));
        indent.setOnAction(e -> vm.outline().indent(List.of(it), vm.items()));
        MenuItem outdent = new MenuItem(Messages.text("main.menu.outdent"));
        outdent.setOnAction(e -> vm.outline().outdent(List.of(it), vm.items()));
        outdent.setDisable(it.depth() == 0);
        m.getItems().addAll(up, down, indent, outdent);
        if (vm.outline().canHaveSections()) {
            MenuItem section = new MenuItem(Messages.text("main.menu.newSection"));
            section.setOnAction(e -> vm.outline().newSection());
            m.getItems().add(section);
        }
        return m;
    }

    /** A section header's menu: rename, delete (its todos stay), fold, and a new section. */
    static ContextMenu section(MainViewModel vm, ItemRow it) {
        MenuItem rename = new MenuItem(Messages.text("main.menu.renameSection"));
        rename.setId("rename-section");
        rename.setOnAction(e -> vm.outline().renameSection(it));
        MenuItem delete = new MenuItem(Messages.text("main.menu.deleteSection"));
        delete.setId("delete-section");
        delete.setOnAction(e -> vm.outline().deleteSection(it));
        MenuItem fold = new MenuItem(Messages.text(it.isCollapsed() ? "main.menu.showSection" : "main.menu.foldSection"));
        fold.setOnAction(e -> vm.outline().toggleCollapsed(it));
        fold.setDisable(!it.hasChildren() && !it.isCollapsed());
        MenuItem add = new MenuItem(Messages.text("main.menu.newSection"));
        add.setOnAction(e -> vm.outline().newSection());
        return new ContextMenu(rename, delete, fold, new SeparatorMenuItem(), add);
    }
}
