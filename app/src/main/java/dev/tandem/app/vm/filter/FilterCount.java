package dev.tandem.app.vm.filter;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Count;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.filter.UnknownNames;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How many todos a filter finds now, counted off the UI thread, latest wins: while one count runs, a
 * newer filter waits for it rather than queuing behind it, and only the newest filter's count is
 * shown. So a person typing a query runs at most one count at a time and one after it, whatever the
 * typing speed. Everything but the count itself runs on the UI thread.
 */
final class FilterCount {
    private final TodoStore store;
    private final Async async;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    /** Bumped for each filter asked about; a count of an older one is dropped. */
    private int generation;
    private boolean running;
    private Filter wanted;

    FilterCount(TodoStore store, Async async) {
        this.store = store;
        this.async = async;
    }

    /**
     * "Finds 12 todos now" (with "No tag is called “ofice”." for a list or tag no one has), "Counting…", why it
     * could not count, or empty while there is no filter.
     */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Counts what {@code filter} finds (null: no filter, nothing to count). */
    void count(Filter filter) {
        generation++;
        wanted = filter;
        if (filter == null) {
            text.set("");
            return;
        }
        text.set(Messages.text("filter.builder.counting"));
        if (!running) {
            start();
        }
    }

    /** A count, and the sentences saying which list or tag the filter names that no one has. */
    private record Counted(long n, List<String> unknown) {
    }

    private List<String> listNames() {
        return store.lists().stream().map(TodoList::name).filter(Objects::nonNull).toList();
    }

    /** The tags on open todos and notes, as the sidebar lists them: a few rows, whatever the profile holds. */
    private List<String> tagNames() {
        return store.tags().counts().stream().map(Count::id).toList();
    }

    private void start() {
        int asked = generation;
        Filter f = wanted;
        if (f == null) {
            return;
        }
        running = true;
        async.run(() -> new Counted(FilteredItems.count(store, f), UnknownNames.of(f, listNames(), tagNames())), c -> {
            running = false;
            if (asked == generation) {
                String count = Messages.text("filter.builder.count", c.n());
                text.set(c.unknown().isEmpty() ? count
                        : Messages.text("filter.builder.countAndHints", count, String.join(" ", c.unknown())));
            } else {
                start();
            }
        }, e -> {
            running = false;
            if (asked == generation) {
                // Counted as the sidebar counts it: what the sidebar will show, said before the list is saved.
                text.set(e instanceof QueryTooCostlyException ? Messages.text("filter.builder.tooSlow")
                        : Messages.text("filter.builder.countFailed", Feedback.why(e)));
            } else {
                start();
            }
        });
    }
}
