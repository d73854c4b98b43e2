package dev.tandem.app.vm.conflict;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.ConflictStore;
import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Subscription;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;

/**
 * The attribute conflicts last-write-wins resolved: what was kept, what was lost, by which device.
 * A text field (a title, notes, a list's name) edited on two devices also gets what differs
 * between the two versions ({@link TextConflict}), computed here, off the UI thread. "Use lost
 * value" writes the lost value back as a new change; "Edit merged" saves a text the user made from
 * both versions, as an undoable edit; either resolves the conflict. "Dismiss" hides it.
 */
public final class ConflictsViewModel implements AutoCloseable {
    private final TodoStore store;
    private final ConflictStore conflicts;
    private final Authors authors;
    private final Async async;
    private final UndoManager undo;
    private final Questions dialogs;
    private final LiveList<ConflictRow> rows;
    /** Per conflict id, so a refreshed list keeps each diff and the folds opened in it. */
    private final Map<Long, TextConflict> texts = new ConcurrentHashMap<>();
    private BiConsumer<Integer, Integer> countsListener = (a, b) -> { };
    private Subscription sub;

    public ConflictsViewModel(TodoStore store, Async async, UndoManager undo, Questions dialogs) {
        this.store = store;
        this.conflicts = store.conflicts();
        this.authors = new Authors(store);
        this.async = async;
        this.undo = undo;
        this.dialogs = dialogs;
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
            sub = conflicts.subscribe(list -> {
                List<ConflictRow> built = build(list);
                int unseen = (int) list.stream().filter(c -> !c.seen()).count();
                rows.offer(built);
                async.ui().execute(() -> countsListener.accept(list.size(), unseen));
            });
            return null;
        }, r -> { });
    }

    /** Runs on the engine's callback thread: the diffs of long notes are computed here, not on the UI thread. */
    private List<ConflictRow> build(List<Conflict> list) {
        Map<String, String> titles = new HashMap<>();
        Map<String, String> devices = new HashMap<>();
        List<ConflictRow> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Conflict c : list) {
            ConflictWords.Said said = ConflictWords.say(store, c);
            String title = titles.computeIfAbsent(c.table() + "/" + c.entity(), k -> said.title());
            ids.add(c.id());
            TextConflict text = isText(c)
                    ? texts.computeIfAbsent(c.id(), id -> TextConflict.of(str(c.keptValue()), str(c.lostValue())))
                    : null;
            // An edit of a deleted todo lost to the delete: the kept side reads "deleted", by the deleting device.
            out.add(new ConflictRow(c, title, said.field(), said.kept(),
                    devices.computeIfAbsent(String.valueOf(c.keptAuthor()), authors::label),
                    said.lost(),
                    devices.computeIfAbsent(String.valueOf(c.lostAuthor()), authors::label), text));
        }
        texts.keySet().retainAll(ids);
        return out;
    }

    /** Two edits of a text field: a todo's title or notes, a list's name. */
    static boolean isText(Conflict c) {
        if (c.kind() != Conflict.Kind.EDIT_EDIT || !isTextValue(c.keptValue()) || !isTextValue(c.lostValue())) {
            return false;
        }
        return "items".equals(c.table()) && ("title".equals(c.field()) || "notes".equals(c.field()))
                || "lists".equals(c.table()) && "name".equals(c.field());
    }

    private static boolean isTextValue(Object v) {
        return v == null || v instanceof String;
    }

    private static String str(Object v) {
        return v == null ? "" : v.toString();
    }

    /** "Use lost value", or for an edit of a deleted todo "Restore": through the store, so it syncs. */
    public void useLostValue(ConflictRow row) {
        Conflict c = row.conflict();
        async.run(() -> {
            store.conflicts().useLostValue(c);
            return null;
        }, r -> { });
    }

    /**
     * "Edit merged": an editor over both versions of a text conflict; empty for other conflicts.
     * Saving it writes the field as an undoable edit and resolves the conflict.
     */
    public Optional<MergeEditorViewModel> editMerged(ConflictRow row) {
        if (!row.isText()) {
            return Optional.empty();
        }
        boolean notes = "notes".equals(row.conflict().field());
        return Optional.of(new MergeEditorViewModel(Messages.text("main.conflicts.editMergedTitle", inSentence(row.field())),
                row.itemTitle(), row.field(),
                !notes, row.text(), row.keptDevice(), row.lostDevice(), dialogs, value -> saveMerged(row, value)));
    }

    private void saveMerged(ConflictRow row, String value) {
        Conflict c = row.conflict();
        async.run(() -> {
            Optional<Runnable> back = write(c, value);
            // As "use lost value" does: the conflict is resolved once the field holds the chosen text.
            back.ifPresent(b -> conflicts.dismiss(c.id()));
            return back;
        }, back -> {
            if (back.isPresent()) {
                // A list's title already reads "List “Errands”"; a todo's is quoted here.
                String of = "items".equals(c.table()) ? Messages.text("main.conflicts.quoted", row.itemTitle()) : row.itemTitle();
                // Redo writes the merged text again (the conflict stays resolved either way).
                undo.push(Messages.text("main.undo.merge", inSentence(row.field()), of), back.get(), () -> write(c, value));
            } else {
                dialogs.notify(Messages.text("main.conflicts.notSaved"), Messages.text("main.conflicts.gone", row.itemTitle()),
                        true);
            }
        });
    }

    /** A field's name inside a sentence: lower case ("title"), but German writes its nouns capitalised. */
    private static String inSentence(String field) {
        Language l = Messages.language();
        return l == Language.GERMAN ? field : field.toLowerCase(l.locale());
    }

    /** Writes the field through the store's normal save; returns how to put the old value back, or empty when the row is gone. */
    private Optional<Runnable> write(Conflict c, String value) {
        String entity = c.entity();
        if ("lists".equals(c.table())) {
            return store.renameList(entity, value).map(old -> () -> store.renameList(entity, old));
        }
        boolean title = "title".equals(c.field());
        String stored = title || !value.isEmpty() ? value : null;
        return store.update(entity, it -> title ? it.withTitle(stored) : it.withNotes(stored))
                .map(before -> () -> store.update(entity, it -> title ? it.withTitle(before.title()) : it.withNotes(before.notes())));
    }

    public void dismiss(ConflictRow row) {
        long id = row.id();
        async.run(() -> {
            conflicts.dismiss(id);
            return null;
        }, r -> { });
    }

    public void markSeen() {
        async.run(() -> {
            conflicts.markSeen();
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
