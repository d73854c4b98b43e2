package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;

/**
 * The attribute conflicts last-write-wins resolved: what was kept, what was lost, by which device.
 * "Use this value" writes the lost value back as a new change; "Dismiss" hides the conflict.
 */
public final class ConflictsViewModel implements AutoCloseable {
    private final TodoStore store;
    private final Async async;
    private final LiveList<ConflictRow> rows;
    private BiConsumer<Integer, Integer> countsListener = (a, b) -> { };
    private Subscription sub;

    public ConflictsViewModel(TodoStore store, Async async) {
        this.store = store;
        this.async = async;
        this.rows = new LiveList<>(ConflictRow::id, async.ui());
    }

    public ObservableList<ConflictRow> conflicts() {
        return rows.items();
    }

    /** Receives (total, unseen) on the UI executor whenever the conflicts change. */
    public void onCounts(BiConsumer<Integer, Integer> listener) {
        this.countsListener = listener;
    }

    public void start() {
        async.run(() -> {
            sub = store.db().subscribeConflicts(list -> {
                List<ConflictRow> built = build(list);
                int unseen = (int) list.stream().filter(c -> !c.seen()).count();
                rows.offer(built);
                async.ui().execute(() -> countsListener.accept(list.size(), unseen));
            });
            return null;
        }, r -> { });
    }

    private List<ConflictRow> build(List<Conflict> list) {
        Map<String, String> titles = new HashMap<>();
        Map<String, String> devices = new HashMap<>();
        List<ConflictRow> out = new ArrayList<>();
        for (Conflict c : list) {
            String title = titles.computeIfAbsent(c.table() + "/" + c.entity(), k -> titleOf(c));
            out.add(new ConflictRow(c, title, fieldLabel(c.field()),
                    valueText(c.field(), c.keptValue(), c.kind() == Conflict.Kind.EDIT_DELETE && "_deleted".equals(c.field())),
                    devices.computeIfAbsent(String.valueOf(c.keptAuthor()), store::deviceLabel),
                    valueText(c.field(), c.lostValue(), false),
                    devices.computeIfAbsent(String.valueOf(c.lostAuthor()), store::deviceLabel)));
        }
        return out;
    }

    private String titleOf(Conflict c) {
        try {
            if ("items".equals(c.table())) {
                Optional<Item> it = store.get(c.entity());
                return it.map(Item::titleOrEmpty).orElse("A deleted item");
            }
            if ("lists".equals(c.table())) {
                return store.db().get(TodoList.class, c.entity()).map(l -> "List “" + l.name() + "”").orElse("A deleted list");
            }
        } catch (RuntimeException e) {
            // fall through
        }
        return c.table() + " " + c.entity();
    }

    /** A readable name for a column. */
    public static String fieldLabel(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "title" -> "Title";
            case "notes" -> "Notes";
            case "due" -> "Due date";
            case "done" -> "Done";
            case "doneAt" -> "Completed at";
            case "listId" -> "List";
            case "trashedAt" -> "Trash";
            case "name" -> "Name";
            case "_deleted" -> "Deleted";
            default -> field;
        };
    }

    /** A readable value. */
    public static String valueText(String field, Object value, boolean deleted) {
        if ("_deleted".equals(field)) {
            return value != null && !"0".equals(String.valueOf(value)) ? "deleted" : "kept";
        }
        if (value == null) {
            return "(empty)";
        }
        if ("done".equals(field)) {
            return "0".equals(String.valueOf(value)) ? "not done" : "done";
        }
        if ("trashedAt".equals(field)) {
            return "in Trash";
        }
        String s = String.valueOf(value);
        return s.isBlank() ? "(empty)" : s;
    }

    public void useLostValue(ConflictRow row) {
        long id = row.id();
        async.run(() -> {
            store.db().useLostValue(id);
            return null;
        }, r -> { });
    }

    public void dismiss(ConflictRow row) {
        long id = row.id();
        async.run(() -> {
            store.db().dismissConflict(id);
            return null;
        }, r -> { });
    }

    public void markSeen() {
        async.run(() -> {
            store.db().markConflictsSeen();
            return null;
        }, r -> { });
    }

    @Override
    public void close() {
        rows.close();
        if (sub != null) {
            sub.close();
        }
    }
}
