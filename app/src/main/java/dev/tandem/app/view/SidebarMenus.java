package dev.tandem.app.view;

import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.SidebarEntry;
import dev.tandem.ui.messages.Messages;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/**
 * The context menus of the sidebar's entries: rename, new section, share, keep private, delete or leave for a
 * list; edit and delete for a smart list; Empty Trash. Apart from {@link SidebarView} because a menu is made only
 * when asked for, from the entry shown then, and what it offers is the view model's commands, not the row's look.
 */
final class SidebarMenus {
    private SidebarMenus() {
    }

    /** The menu of entry {@code e}: a list's, a smart list's or the Trash's; null for an entry with none. */
    static ContextMenu menuFor(MainViewModel vm, SidebarEntry e) {
        if (e.kind() == SidebarEntry.Kind.LIST) {
            MenuItem rename = new MenuItem(Messages.text("main.sidebar.menu.rename"));
            rename.setOnAction(a -> vm.commands().listCommands().renameList(e.listId()));
            MenuItem section = new MenuItem(Messages.text("main.sidebar.menu.newSection"));
            section.setId("new-section");
            section.setOnAction(a -> {
                vm.select(e);
                vm.outline().newSection(e.listId());
            });
            ContextMenu menu = new ContextMenu(rename, section);
            if (vm.listSharing().sharing().isPresent()) {
                MenuItem share = new MenuItem(Messages.text(e.shared() ? "main.sidebar.menu.members"
                        : "main.sidebar.menu.share"));
                share.setId("share-list");
                share.setOnAction(a -> vm.listSharing().share(e.listId()));
                menu.getItems().add(share);
            }
            if (e.shared()) {
                // After a removal (or to stop sharing here): the list and its todos stay, private.
                MenuItem keep = new MenuItem(Messages.text("main.sidebar.menu.keepPrivate"));
                keep.setId("keep-private-list");
                keep.setOnAction(a -> vm.listSharing().keepPrivate(e.listId()));
                menu.getItems().add(keep);
            }
            // Deleting a shared list would delete it for everyone; leaving deletes it here only.
            MenuItem delete = new MenuItem(Messages.text(e.shared() ? "main.sidebar.menu.leave"
                    : "main.sidebar.menu.delete"));
            delete.setId(e.shared() ? "leave-list" : "delete-list");
            delete.setOnAction(a -> {
                if (e.shared()) {
                    vm.listSharing().leave(e.listId());
                } else {
                    vm.commands().listCommands().deleteList(e.listId());
                }
            });
            menu.getItems().add(delete);
            return menu;
        } else if (e.kind() == SidebarEntry.Kind.FILTER) {
            MenuItem edit = new MenuItem(Messages.text("main.sidebar.menu.editSmartList"));
            edit.setId("edit-smart-list");
            edit.setOnAction(a -> vm.smartLists().edit(e.filterId()));
            MenuItem delete = new MenuItem(Messages.text("main.sidebar.menu.deleteSmartList"));
            delete.setId("delete-smart-list");
            delete.setOnAction(a -> vm.smartLists().delete(e.filterId(), e.name()));
            return new ContextMenu(edit, delete);
        } else if (e.icon() == SidebarEntry.Icon.TRASH) {
            MenuItem empty = new MenuItem(Messages.text("main.sidebar.menu.emptyTrash"));
            empty.setOnAction(a -> vm.commands().emptyTrash());
            return new ContextMenu(empty);
        }
        return null;
    }
}
