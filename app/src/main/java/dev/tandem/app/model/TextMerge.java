package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.util.Optional;

/**
 * The line merge sync applies to notes, for an editor holding an edit of its own: when the stored
 * notes change underneath it, the other device's lines join the text being typed just as sync would
 * have joined them. Here, not in the view-model, so view-models never reach the database API.
 */
public final class TextMerge {
    private TextMerge() {
    }

    /**
     * The merge of two texts that both started from {@code ancestor}, or empty when they changed the
     * same lines (or are too large to merge). Where both inserted at one place, {@code older}'s lines
     * go first. Null counts as the empty text.
     */
    public static Optional<String> lines(String ancestor, String older, String newer) {
        return Db.mergeLines(ancestor, older, newer);
    }
}
