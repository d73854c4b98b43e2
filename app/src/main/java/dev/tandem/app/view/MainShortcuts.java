package dev.tandem.app.view;

import dev.tandem.app.view.calendar.CalendarView;
import dev.tandem.app.view.editor.EditorView;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.ListOrder;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.WindowViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

/**
 * The main window's keys, as one table ({@link Shortcuts}) that both installs them and lists them in the ?/F1
 * overlay, so a key and its line there never disagree. Apart from {@link MainView}, which lays the window out: this
 * only says which key does what, reaching the window's parts it was given. Actions on the selection do nothing
 * without one; redo leaves the keys to a text field that has the focus.
 */
final class MainShortcuts {
    private final MainView view;
    private final WindowViewModel window;
    private final MainViewModel vm;
    private final EditorViewModel editor;
    private final ItemListView itemList;
    private final EditorView editorView;
    private final TextField quickAdd;
    private final TextField search;

    MainShortcuts(MainView view, WindowViewModel window, ItemListView itemList, EditorView editorView,
            TextField quickAdd, TextField search) {
        this.view = view;
        this.window = window;
        this.vm = window.main();
        this.editor = window.editor();
        this.itemList = itemList;
        this.editorView = editorView;
        this.quickAdd = quickAdd;
        this.search = search;
    }

    /** The window's shortcuts, one table for the keys and the ?/F1 overlay (see {@link Shortcuts}). */
    Shortcuts table() {
        Shortcuts t = new Shortcuts();
        t.window("Shortcut+N", Messages.text("main.shortcut.newTodo"), () -> {
            if (!quickAdd.isVisible()) {
                vm.selectInbox();
            }
            quickAdd.requestFocus();
        });
        t.window("Shortcut+Alt+N", Messages.text("main.shortcut.newSubtask"), () -> withSelection(rows -> {
            ItemRow parent = rows.get(0);
            if (!parent.isNote() && !parent.isSection()) {
                vm.quickAdd().addUnder(parent.id(), parent.title());
            }
        }));
        t.window("Shortcut+F", Messages.text("main.shortcut.search"), () -> {
            search.requestFocus();
            search.selectAll();
        });
        t.window("Shortcut+D", Messages.text("main.shortcut.complete"), itemList::completeSelected);
        t.window("Shortcut+Enter", Messages.text("main.shortcut.complete"), itemList::completeSelected);
        t.window("Shortcut+E", Messages.text("main.shortcut.edit"), () -> editorView.titleField().requestFocus());
        t.window("Shortcut+L", Messages.text("main.shortcut.goToList"), view::focusList);
        t.window("Shortcut+Z", Messages.text("main.shortcut.undo"), vm.commands()::undo);
        t.window("Shortcut+Shift+Z", Messages.text("main.shortcut.redo"), this::redo);
        t.window("Shortcut+Y", Messages.text("main.shortcut.redo"), this::redo);
        t.window("Shortcut+T", Messages.text("main.shortcut.tag"), () -> withSelection(rows ->
                vm.commands().questions().askTag(rows.size()).ifPresent(tag -> vm.bulk().tag(rows, tag))));
        t.window("Shortcut+M", Messages.text("main.shortcut.move"), () -> withSelection(rows ->
                vm.commands().questions().askList().ifPresent(l -> vm.bulk().moveToList(rows, l.orElse(null)))));
        t.window("Shortcut+Shift+D", Messages.text("main.shortcut.due"), () -> withSelection(rows ->
                vm.commands().questions().askDue().ifPresent(d -> vm.bulk().setDue(rows, d.orElse(null)))));
        for (int p = 1; p <= 4; p++) {
            int level = p;
            t.window("Alt+" + p, Messages.text("main.shortcut.priority", String.valueOf(p)), () -> withSelection(rows ->
                    vm.bulk().setPriority(rows, level)));
        }
        t.window("Alt+0", Messages.text("main.shortcut.noPriority"),
                () -> withSelection(rows -> vm.bulk().setPriority(rows, null)));
        t.window("Shortcut+Shift+S", Messages.text("main.shortcut.skip"), editor.details()::skip);
        t.window("Shortcut+Shift+M", Messages.text("main.shortcut.notesMode"), editorView::toggleNotes);
        editor.attachments().ifPresent(a -> t.window("Shortcut+Shift+F", Messages.text("main.shortcut.attach"),
                a::chooseAndAttach));
        t.window("Shortcut+Shift+O", Messages.text("main.shortcut.sort"), () -> {
            ListOrder[] all = ListOrder.values();
            vm.sortProperty().set(all[(vm.sortProperty().get().ordinal() + 1) % all.length]);
        });
        t.window("Shortcut+Shift+A", Messages.text("main.shortcut.agenda"), view::showAgenda);
        t.window("Shortcut+Shift+W", Messages.text("main.shortcut.week"),
                () -> view.showCalendar(CalendarRange.Mode.WEEK));
        t.window("Shortcut+Shift+K", Messages.text("main.shortcut.month"),
                () -> view.showCalendar(CalendarRange.Mode.MONTH));
        t.window("Shortcut+Up", Messages.text("main.shortcut.previousList"), () -> vm.selectRelative(-1));
        t.window("Shortcut+Down", Messages.text("main.shortcut.nextList"), () -> vm.selectRelative(1));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int idx = i;
            // One line in the overlay for the nine, naming the entries rather than numbering them.
            if (i == 0) {
                t.window("Shortcut+1", Messages.text("main.shortcut.sidebarEntries"), () -> vm.selectSidebarEntry(idx));
            } else {
                t.windowUnlisted("Shortcut+" + (i + 1), Messages.text("main.shortcut.sidebarEntry", String.valueOf(i + 1)),
                        () -> vm.selectSidebarEntry(idx));
            }
        }
        t.window("Shortcut+Shift+N", Messages.text("main.shortcut.newList"), vm.commands().listCommands()::newList);
        t.window("Shortcut+Shift+H", Messages.text("main.shortcut.newSection"), vm.outline()::newSection);
        t.window("Shortcut+R", Messages.text("main.shortcut.syncNow"), window::syncNow);
        t.window("Shortcut+Comma", Messages.text("main.shortcut.syncSettings"), window::openSyncSettings);
        t.window("Shortcut+Shift+L", Messages.text("main.shortcut.theme"), view::toggleTheme);
        t.window("F1", Messages.text("main.shortcut.showShortcuts"), view::toggleShortcuts);
        t.list("Space", Messages.text("main.shortcut.completeOrReopen"), itemList::completeSelected);
        t.list("Enter", Messages.text("main.shortcut.open"), itemList::open);
        t.list("Delete", Messages.text("main.shortcut.trash"), itemList::deleteSelected);
        t.list("Shortcut+Backspace", Messages.text("main.shortcut.trash"), itemList::deleteSelected);
        t.list("Shift+F10", Messages.text("main.shortcut.rowMenu"), this::showRowMenu);
        t.list("?", Messages.text("main.shortcut.showShortcuts"), view::toggleShortcuts);
        t.list("Alt+Shift+Up", Messages.text("main.shortcut.moveUp"), () -> itemList.outline().moveFocused(-1));
        t.list("Alt+Shift+Down", Messages.text("main.shortcut.moveDown"), () -> itemList.outline().moveFocused(1));
        t.list("Shortcut+Close Bracket", Messages.text("main.shortcut.indent"), () -> itemList.outline().indentSelected());
        t.list("Shortcut+Open Bracket", Messages.text("main.shortcut.outdent"), () -> itemList.outline().outdentSelected());
        t.list("Left", Messages.text("main.shortcut.fold"), () -> itemList.outline().foldFocused(true));
        t.list("Right", Messages.text("main.shortcut.unfold"), () -> itemList.outline().foldFocused(false));
        t.list("Shortcut+Period", Messages.text("main.shortcut.toggleFold"), () -> itemList.outline().foldFocused(null));
        t.builtIn("Shift+Down", Messages.text("main.shortcut.selectNext"));
        t.builtIn("Shift+Up", Messages.text("main.shortcut.selectPrevious"));
        t.builtIn("Shortcut+A", Messages.text("main.shortcut.selectAll"));
        for (String[] k : CalendarView.KEYS) {
            t.builtIn(k[0], Messages.text(k[1]));
        }
        t.builtIn("Esc", Messages.text("main.shortcut.escape"));
        t.builtIn("Tab", Messages.text("main.shortcut.tab"));
        return t;
    }

    /**
     * Redo, unless a text field has the focus. As for Ctrl+Z (which a text field takes for its own undo),
     * the redo keys there belong to the text: the field redoes its typing where the platform binds that
     * key (Ctrl+Shift+Z on Linux, Ctrl+Y on Windows) and the other key does nothing, rather than redo an
     * action elsewhere while the user is typing.
     */
    private void redo() {
        if (!(view.getScene() != null && view.getScene().getFocusOwner() instanceof TextInputControl)) {
            vm.commands().redo();
        }
    }

    private void withSelection(Consumer<List<ItemRow>> action) {
        List<ItemRow> rows = itemList.selectedRows();
        if (!rows.isEmpty()) {
            action.accept(rows);
        }
    }

    private void showRowMenu() {
        int i = itemList.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        itemList.showMenuOfRow(i);
    }
}
