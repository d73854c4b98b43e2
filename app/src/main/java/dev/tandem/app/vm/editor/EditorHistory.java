package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.vm.history.HistoryLine;
import dev.tandem.ui.messages.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor's "History": the shown item's changes as lines, read on the background executor. Apart from the
 * fields because it only reads: an answer that arrives after another item is shown is dropped (the id it was asked
 * for is compared with the one shown then), and a failed read leaves no lines rather than stale ones.
 */
final class EditorHistory {
    private final TodoStore store;
    private final Authors authors;
    private final Async async;
    private final Supplier<String> shownId;
    private final ObservableList<HistoryLine> lines = FXCollections.observableArrayList();

    /** {@code shownId} answers, on the UI executor, which item the editor shows now (null for none). */
    EditorHistory(TodoStore store, Authors authors, Async async, Supplier<String> shownId) {
        this.store = store;
        this.authors = authors;
        this.async = async;
        this.shownId = shownId;
    }

    ObservableList<HistoryLine> lines() {
        return lines;
    }

    void clear() {
        lines.clear();
    }

    /** Reads item {@code id}'s history again; the lines change once it is read, if that item is still shown. */
    void load(String id) {
        async.run(() -> {
            Map<String, String> names = new HashMap<>();
            store.lists().forEach(l -> names.put(l.id(), l.name()));
            // Reminder times in the store's zone, as the reminder itself fires; a parent by its title now.
            return HistoryLine.describe(authors.history(id), new HistoryLine.Names(
                    lid -> names.containsKey(lid) ? names.get(lid) : Messages.text("editor.deleted.list"),
                    pid -> store.get(pid).map(Item::titleOrEmpty).orElseGet(() -> Messages.text("editor.deleted.todo")),
                    sid -> new SectionStore(store).section(sid).map(Section::name)
                            .orElseGet(() -> Messages.text("editor.deleted.section"))),
                    store.dateClock().getZone());
        }, read -> {
            if (id.equals(shownId.get())) {
                lines.setAll(read);
            }
        }, e -> lines.clear());
    }
}
