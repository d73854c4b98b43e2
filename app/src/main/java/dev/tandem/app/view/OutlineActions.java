package dev.tandem.app.view;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.outline.OutlineDrop;
import java.util.List;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;

/**
 * What the item list does in a list's own order, beyond its rows: the keys that move, indent and fold, the
 * drop of a dragged row, and keeping a moved row selected and in view while its move arrives (the selection
 * otherwise follows the row by id, {@link ItemListView}). The commands themselves are the view-model's
 * ({@link dev.tandem.app.vm.outline.OutlineCommands}); nothing here waits on the store.
 */
public final class OutlineActions {
    private final ItemListView list;
    private final MainViewModel vm;
    /** A row just moved: kept selected and scrolled into view as the outline's next results arrive. */
    private String revealId;
    private long revealUntil;

    OutlineActions(ItemListView list, MainViewModel vm) {
        this.list = list;
        this.vm = vm;
        vm.outline().onMoved(this::reveal);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && revealId != null && !b.id().equals(revealId)) {
                revealId = null; // the user went on elsewhere
            }
        });
        vm.liveItems().onAfterApply(stats -> {
            if (revealId != null) {
                showMoved();
            }
        });
    }

    /** The row with the focus (a section header too), or null. */
    private ItemRow focusedRow() {
        int i = list.getFocusModel().getFocusedIndex();
        return i >= 0 && i < list.getItems().size() ? list.getItems().get(i) : list.getSelectionModel().getSelectedItem();
    }

    /** Alt+Shift+Up/Down: the focused todo (or section) one place up or down in the list's own order. */
    public void moveFocused(int direction) {
        ItemRow r = focusedRow();
        if (r == null || !vm.outlinedProperty().get()) {
            return;
        }
        if (r.isSection()) {
            int at = list.getItems().indexOf(r);
            int target = direction < 0 ? previousSection(at) : nextSection(at);
            if (target >= 0) {
                vm.outline().drop(List.copyOf(list.getItems()), r.id(), target,
                        direction < 0 ? OutlineDrop.Zone.ABOVE : OutlineDrop.Zone.BELOW);
            }
            return;
        }
        vm.outline().shift(r, direction, List.copyOf(list.getItems()));
    }

    private int previousSection(int at) {
        for (int k = at - 1; k >= 0; k--) {
            if (list.getItems().get(k).isSection()) {
                return k;
            }
        }
        return -1;
    }

    private int nextSection(int at) {
        for (int k = at + 1; k < list.getItems().size(); k++) {
            if (list.getItems().get(k).isSection()) {
                return k;
            }
        }
        return -1;
    }

    /** Ctrl+]: the selected todos under the todo above each. */
    public void indentSelected() {
        if (vm.outlinedProperty().get()) {
            vm.outline().indent(list.selectedRows(), list.getItems());
        }
    }

    /** Ctrl+[: the selected subtasks out of their parents. */
    public void outdentSelected() {
        if (vm.outlinedProperty().get()) {
            vm.outline().outdent(list.selectedRows(), list.getItems());
        }
    }

    /**
     * Left folds the focused row's subtasks (a section's todos); on a row with nothing to fold it goes to the
     * parent's row. Right shows them. Ctrl+. ({@code null}) switches.
     */
    public void foldFocused(Boolean fold) {
        ItemRow r = focusedRow();
        if (r == null || !vm.outlinedProperty().get()) {
            return;
        }
        if (fold == null) {
            vm.outline().toggleCollapsed(r);
        } else if (fold && (!r.hasChildren() || r.isCollapsed()) && r.parentId() != null) {
            int at = list.getItems().indexOf(r);
            for (int k = at - 1; k >= 0; k--) {
                if (list.getItems().get(k).id().equals(r.parentId())) {
                    list.getSelectionModel().clearAndSelect(k);
                    list.getFocusModel().focus(k);
                    scrollIntoView(k);
                    return;
                }
            }
        } else {
            vm.outline().setCollapsed(r, fold);
        }
    }

    void dropped(int from, int at, OutlineDrop.Zone zone) {
        if (from < 0 || from >= list.getItems().size()) {
            return;
        }
        ItemRow moving = list.getItems().get(from);
        list.getSelectionModel().clearAndSelect(from);
        vm.outline().drop(List.copyOf(list.getItems()), moving.id(), at, zone);
    }

    /** Keeps {@code key}'s row selected and in view for the next second's results (its move arriving). */
    void reveal(String key) {
        revealId = key;
        revealUntil = System.nanoTime() + 1_000_000_000L;
        showMoved();
    }

    void showMoved() {
        if (System.nanoTime() > revealUntil) {
            revealId = null;
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).id().equals(revealId)) {
                if (!list.getSelectionModel().isSelected(i)) {
                    list.getSelectionModel().clearAndSelect(i);
                }
                list.getFocusModel().focus(i);
                scrollIntoView(i);
                return;
            }
        }
    }

    /** Scrolls so row {@code i} is on screen, only when it is not. */
    private void scrollIntoView(int i) {
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null) {
            list.scrollTo(i);
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || i <= first.getIndex() || i >= last.getIndex()) {
            flow.scrollTo(i);
        }
    }
}
