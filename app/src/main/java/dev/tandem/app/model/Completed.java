package dev.tandem.app.model;

import java.util.List;
import java.util.Optional;

/**
 * What completing a todo did ({@link TodoVerbs#complete}), which is what its undo needs: the todo as it was, the
 * ids of the open subtasks completed with it, and the next occurrence it created (null when the todo does not
 * repeat or that occurrence existed already).
 */
public record Completed(Item before, List<String> subtasks, Item created) {
    public Completed {
        subtasks = List.copyOf(subtasks);
    }

    /** Whether anything changed: a done todo or a note is left as it was. */
    public boolean changed() {
        return !before.isDone() && !before.isNote();
    }

    public Optional<Item> next() {
        return Optional.ofNullable(created);
    }

    /** As the series' step ({@link SeriesStore.Step}), for code that undoes a completion that way. */
    public SeriesStore.Step step() {
        return new SeriesStore.Step(before, created);
    }
}
