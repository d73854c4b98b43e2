package dev.tandem.app.vm.outline;

import dev.tandem.app.fx.Async;



import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.Placement;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The user's own order in a list's outline: moving todos up and down, in and out, by drag and drop; folding
 * subtasks and sections; making, renaming, deleting and ordering sections; ordering lists in the sidebar.
 * Every move is one undo step that writes back the placements it changed ({@link OutlineStore.Moved}); store
 * calls run on the background executor. Section rows are never moved as todos, whatever the selection holds.
 */
public final class OutlineCommands {
    private final OutlineStore outline;
    private final SectionStore sections;
    private final Async async;
    private final UndoManager undo;
    private final Questions dialogs;
    private final Consumer<String> say;
    private final Supplier<String> listId;
    private final List<Consumer<String>> moved = new CopyOnWriteArrayList<>();

    /** {@code listId}: the list the outline shows (null: the Inbox). */
    public OutlineCommands(TodoStore store, Async async, UndoManager undo, Questions dialogs, Consumer<String> say,
            Supplier<String> listId) {
        this.outline = new OutlineStore(store);
        this.sections = new SectionStore(store);
        this.async = async;
        this.undo = undo;
        this.dialogs = dialogs;
        this.say = say;
        this.listId = listId;
    }

    /** Runs on the UI executor with a moved row's key once its move is written, so the list can keep it in view. */
    public void onMoved(Consumer<String> c) {
        moved.add(c);
    }

    /**
     * One place up ({@code -1}) or down ({@code 1}) among its siblings ({@code shown}: all rows). A todo at the
     * top level moved down past the last of its section goes first into the next section, moved up past the
     * first last into the one above; where there is nowhere to go, the message line says so.
     */
    public void shift(ItemRow row, int direction, List<ItemRow> shown) {
        if (row == null || row.isSection()) {
            return;
        }
        String id = row.id();
        String labelKey = direction < 0 ? "main.undo.moveUp" : "main.undo.moveDown";
        int at = OutlineDrop.indexOf(shown, id);
        if (at < 0) {
            run(labelKey, row, () -> List.of(outline.shift(id, direction)));
            return;
        }
        int next = direction > 0 ? after(shown, at) : at - 1;
        boolean edge = next < 0 || next >= shown.size() || shown.get(next).isSection()
                || shown.get(next).depth() < row.depth();
        if (!edge) {
            run(labelKey, row, () -> List.of(outline.shift(id, direction)));
            return;
        }
        OutlineStore.Target into = row.depth() == 0 ? neighbourSection(shown, next, direction, row.listId()) : null;
        if (into == null) {
            say.accept(Messages.text(row.depth() > 0 ? (direction > 0 ? "main.outline.lastSubtask" : "main.outline.firstSubtask")
                    : direction > 0 ? "main.outline.lastTodo" : "main.outline.firstTodo", row.title()));
            return;
        }
        run(labelKey, row, () -> List.of(outline.move(id, into)));
    }

    /** The index of the first row after row {@code at} that is not under it. */
    private static int after(List<ItemRow> shown, int at) {
        int depth = shown.get(at).depth();
        int k = at + 1;
        while (k < shown.size() && !shown.get(k).isSection() && shown.get(k).depth() > depth) {
            k++;
        }
        return k;
    }

    /**
     * Where a top-level todo at the edge of its section goes: first in the next section (down), or last in the
     * one above (up: the section before the header at {@code next}, or the part before the first header);
     * null when there is none.
     */
    private static OutlineStore.Target neighbourSection(List<ItemRow> shown, int next, int direction, String listId) {
        if (direction > 0) {
            if (next >= shown.size() || !shown.get(next).isSection()) {
                return null;
            }
            ItemRow first = next + 1 < shown.size() && !shown.get(next + 1).isSection() ? shown.get(next + 1) : null;
            return new OutlineStore.Target(listId, null, shown.get(next).sectionId(), first == null ? null : first.id());
        }
        if (next < 0 || !shown.get(next).isSection()) {
            return null;
        }
        for (int k = next - 1; k >= 0; k--) {
            if (shown.get(k).isSection()) {
                return new OutlineStore.Target(listId, null, shown.get(k).sectionId(), null);
            }
        }
        return new OutlineStore.Target(listId, null, null, null);
    }

    /** Each selected todo under the sibling above it (subtasks of a selected todo move with it); {@code shown}: all rows. */
    public void indent(List<ItemRow> rows, List<ItemRow> shown) {
        List<String> ids = roots(rows, shown);
        if (!ids.isEmpty()) {
            run("main.undo.indent", first(rows), () -> ids.stream().map(outline::indent).toList());
        }
    }

    /** Each selected todo out of its parent, right after it, in their order. */
    public void outdent(List<ItemRow> rows, List<ItemRow> shown) {
        List<String> ids = new ArrayList<>(roots(rows, shown));
        if (!ids.isEmpty()) {
            // Last first: each lands right after the parent, so the first one done would end up last.
            Collections.reverse(ids);
            run("main.undo.outdent", first(rows), () -> ids.stream().map(outline::outdent).toList());
        }
    }

    /** Carries out a drop ({@link OutlineDrop}) of the row {@code dragged} on row {@code at} of {@code rows}. */
    public void drop(List<ItemRow> rows, String dragged, int at, OutlineDrop.Zone zone) {
        OutlineDrop.plan(rows, listId.get(), dragged, at, zone).ifPresent(p -> {
            ItemRow row = rows.get(OutlineDrop.indexOf(rows, dragged));
            if (p.section()) {
                moveSection(row, p.id(), p.beforeSection());
            } else {
                run("main.undo.move", row, () -> List.of(outline.move(p.id(), p.target())));
            }
        });
    }

    /** Folds a todo's subtasks (or a section's todos) away, or shows them. */
    public void setCollapsed(ItemRow row, boolean collapsed) {
        if (row == null || (!row.hasChildren() && collapsed) || row.isCollapsed() == collapsed) {
            return;
        }
        if (row.isSection()) {
            String id = row.sectionId();
            async.run(() -> sections.setCollapsed(id, collapsed));
        } else {
            String id = row.id();
            async.run(() -> outline.setCollapsed(id, collapsed));
        }
    }

    public void toggleCollapsed(ItemRow row) {
        if (row != null) {
            setCollapsed(row, !row.isCollapsed());
        }
    }

    /** Whether the outline shown is a user list's, which can have sections (the Inbox has none). */
    public boolean canHaveSections() {
        return listId.get() != null;
    }

    /** Asks for a name and adds a section at the end of the list shown; nothing outside a user list. */
    public void newSection() {
        newSection(listId.get());
    }

    /** Asks for a name and adds a section at the end of {@code list}. */
    public void newSection(String list) {
        if (list == null) {
            say.accept(Messages.text("main.outline.sectionsNeedList"));
            return;
        }
        dialogs.askText(Messages.text("main.section.newTitle"), Messages.text("main.list.nameLabel"), "").map(String::strip)
                .filter(n -> !n.isEmpty()).ifPresent(name ->
                async.run(() -> sections.create(list, name), s -> {
                    AtomicReference<SectionStore.Deleted> gone = new AtomicReference<>();
                    undo.push(Messages.text("main.undo.newSection", s.name()), () -> sections.delete(s.id()).ifPresent(gone::set),
                            () -> sections.undelete(gone.get()));
                    say.accept(Messages.text("main.done.addedSection", s.name()));
                }));
    }

    public void renameSection(ItemRow row) {
        if (row == null || !row.isSection()) {
            return;
        }
        String id = row.sectionId();
        dialogs.askText(Messages.text("main.section.renameTitle"), Messages.text("main.list.nameLabel"), row.title())
                .map(String::strip).filter(n -> !n.isEmpty())
                .ifPresent(name -> async.run(() -> sections.rename(id, name), was -> was.ifPresent(w ->
                        undo.push(Messages.text("main.undo.renameSection", w.name()), () -> sections.rename(id, w.name()),
                                () -> sections.rename(id, name)))));
    }

    /** Deletes the section; its todos stay in the list, at its top. */
    public void deleteSection(ItemRow row) {
        if (row == null || !row.isSection()) {
            return;
        }
        String id = row.sectionId();
        async.run(() -> sections.delete(id), d -> d.ifPresent(deleted -> {
            AtomicReference<SectionStore.Deleted> last = new AtomicReference<>(deleted);
            undo.push(Messages.text("main.undo.deleteSection", deleted.section().name()), () -> sections.undelete(last.get()),
                    () -> sections.delete(id).ifPresent(last::set));
            say.accept(Messages.text("main.done.deletedSection", deleted.section().name()));
        }));
    }

    private void moveSection(ItemRow row, String id, String before) {
        async.run(() -> sections.move(id, before), was -> {
            if (!was.isEmpty()) {
                undo.push(Messages.text("main.undo.moveSection", row.title()), () -> sections.setRanks(was),
                        () -> sections.move(id, before));
                moved.forEach(c -> c.accept(row.id()));
            }
        });
    }

    /** Puts a list before {@code beforeId} (null: last) in the sidebar. */
    public void moveList(String id, String name, String beforeId) {
        if (id == null || id.equals(beforeId)) {
            return;
        }
        async.run(() -> sections.moveList(id, beforeId), was -> {
            if (!was.isEmpty()) {
                undo.push(Messages.text("main.undo.moveList", name), () -> sections.setListRanks(was),
                        () -> sections.moveList(id, beforeId));
            }
        });
    }

    /** Runs the moves and pushes them as one undo step, when they changed anything. */
    private void run(String labelKey, ItemRow row, Supplier<List<OutlineStore.Moved>> moves) {
        String key = row.id();
        async.run(moves::get, done -> {
            Map<String, Placement> before = new LinkedHashMap<>();
            Map<String, Placement> after = new LinkedHashMap<>();
            for (OutlineStore.Moved m : done) {
                m.before().forEach(p -> before.putIfAbsent(p.id(), p));
                m.after().forEach(p -> after.put(p.id(), p));
            }
            if (before.isEmpty()) {
                return;
            }
            List<Placement> was = List.copyOf(before.values());
            List<Placement> now = List.copyOf(after.values());
            undo.push(Messages.text(labelKey, row.title()), () -> outline.place(was), () -> outline.place(now));
            moved.forEach(c -> c.accept(key));
        });
    }

    /** The todo rows' keys in list order, without those under another of them (they move with it). */
    static List<String> roots(List<ItemRow> rows, List<ItemRow> shown) {
        Set<String> picked = new HashSet<>();
        rows.stream().filter(r -> !r.isSection()).forEach(r -> picked.add(r.id()));
        Map<String, String> parents = new HashMap<>();
        if (picked.size() > 1) {
            shown.forEach(r -> parents.put(r.id(), r.parentId()));
        }
        List<String> out = new ArrayList<>();
        for (ItemRow r : rows) {
            if (r.isSection()) {
                continue;
            }
            boolean under = false;
            Set<String> seen = new HashSet<>();
            for (String p = r.parentId(); p != null && !under && seen.add(p); p = parents.get(p)) {
                under = picked.contains(p);
            }
            if (!under) {
                out.add(r.id());
            }
        }
        return out;
    }

    private static ItemRow first(List<ItemRow> rows) {
        return rows.stream().filter(r -> !r.isSection()).findFirst().orElse(rows.get(0));
    }
}
