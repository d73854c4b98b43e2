package dev.tandem.app.vm.filter;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.DerivedIds;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.SavedFilters;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.ui.messages.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

/**
 * Saving the smart list the builder shows under its name. Names work everywhere (docs/FILTERS.md), so a name in
 * use is another smart list's id: saving replaces it, and {@link #replacesProperty()} says so as soon as the name is
 * typed. Renaming the smart list being edited saves the new name first, then removes the old one, so a failure
 * between the two leaves a copy, never a loss. The name and the query are checked before anything is written.
 */
final class FilterSaving {
    private final TodoStore store;
    private final Async async;
    private final Feedback feedback;
    /** The smart list being edited; null for a new one. */
    private final SavedFilter editing;
    private final StringProperty name;
    private final ReadOnlyBooleanWrapper replaces = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SavedFilter> saved = new ReadOnlyObjectWrapper<>();
    /** The saved filters' names by id, to say when a name is in use; read when the dialog opens. */
    private final Map<String, String> savedNames = new HashMap<>();

    FilterSaving(TodoStore store, Async async, Feedback feedback, SavedFilter editing, StringProperty name) {
        this.store = store;
        this.async = async;
        this.feedback = feedback;
        this.editing = editing;
        this.name = name;
        name.addListener((x, was, now) -> replaces.set(inUse()));
    }

    /** The saved filters as read when the dialog opened. */
    void known(List<SavedFilter> filters) {
        filters.forEach(f -> savedNames.put(f.id(), f.name()));
        replaces.set(inUse());
    }

    ReadOnlyBooleanProperty replacesProperty() {
        return replaces.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SavedFilter> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Whether the name typed is another saved filter's (not the one being edited): saving replaces it. */
    private boolean inUse() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty() || n.length() > SavedFilters.MAX_NAME_CHARS) {
            return false;
        }
        String id = DerivedIds.savedFilter(n);
        return savedNames.containsKey(id) && (editing == null || !editing.id().equals(id));
    }

    /**
     * Saves {@code f} in colour {@code color} under the name, off the UI thread; {@code problem} is why there is no
     * filter when {@code f} is null. A name of 1 to {@link SavedFilters#MAX_NAME_CHARS} characters and a query that
     * reads, else the message says which is wrong and nothing is written.
     */
    void save(Filter f, String problem, String color) {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            feedback.fail(Messages.text("filter.builder.error.noName"));
            return;
        }
        if (n.length() > SavedFilters.MAX_NAME_CHARS) {
            feedback.fail(Messages.text("filter.builder.error.nameTooLong", SavedFilters.MAX_NAME_CHARS, n.length()));
            return;
        }
        if (f == null) {
            feedback.fail(Messages.text("filter.builder.error.query", problem));
            return;
        }
        if (!feedback.begin()) {
            return;
        }
        String c = color == null ? "" : color;
        SavedFilter old = editing;
        async.run(() -> {
            SavedFilter s = store.savedFilters().save(n, f, c);
            if (old != null && !old.id().equals(s.id())) {
                store.savedFilters().remove(old.name());
            }
            return s;
        }, s -> {
            feedback.end(Messages.text("filter.builder.saved", s.name()));
            savedNames.put(s.id(), s.name());
            saved.set(s);
        }, e -> feedback.failed(Messages.text("filter.builder.couldNotSave", Feedback.why(e))));
    }
}
