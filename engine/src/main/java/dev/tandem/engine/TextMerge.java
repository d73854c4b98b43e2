package dev.tandem.engine;

import dev.tandem.engine.internal.merge.LineMerge;
import java.util.Optional;

/**
 * The line-level three-way merge that sync uses for mergeable text ({@link Db.Builder#mergeText}),
 * for an app that holds an edit of its own: an editor whose text changed underneath it merges the
 * stored version into the one being typed the same way sync would.
 */
public final class TextMerge {
    private TextMerge() {
    }

    /**
     * The merge of two texts that both started from {@code ancestor}, or empty when they changed
     * the same lines (or are over the merge's size bounds). {@code older} is the side whose edit came
     * first: where both inserted at one place, its lines go first. Null counts as the empty text.
     */
    public static Optional<String> merge(String ancestor, String older, String newer) {
        return LineMerge.merge(ancestor, older, newer);
    }
}
