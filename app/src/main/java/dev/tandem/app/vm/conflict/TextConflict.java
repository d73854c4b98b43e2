package dev.tandem.app.vm.conflict;

import dev.tandem.app.text.diff.DiffLine.Segment;
import dev.tandem.app.text.diff.DiffLine;
import dev.tandem.app.text.diff.LineDiff;
import dev.tandem.app.text.diff.TextLines;
import dev.tandem.app.text.diff.WordDiff;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What differs between the kept and the lost version of a text field, as the conflicts view shows
 * it. The diff runs from the lost version to the kept one: "−" lines are the lost version's, "+"
 * lines the kept one's, and shared lines show once. Two one-line values (a title) show as an inline
 * before and after with the changed words marked instead.
 *
 * <p>Built off the UI thread (the diff of a long note takes time); after that, {@link #lines()} and
 * {@link #expand} belong to the UI thread. One instance lives as long as its conflict is listed, so
 * folds the user opened stay open when the list refreshes.
 */
public final class TextConflict {
    private final String kept;
    private final String lost;
    private final LineDiff diff;
    private final boolean inline;
    private final WordDiff.Pair words;
    private final List<String> notes;
    private final ObservableList<DiffLine> lines;
    private final ObservableList<DiffLine> readOnlyLines;

    private TextConflict(String kept, String lost) {
        this.kept = kept;
        this.lost = lost;
        this.diff = LineDiff.of(lost, kept);
        this.inline = !diff.oldText().multiLine() && !diff.newText().multiLine();
        this.words = inline ? WordDiff.of(lost, kept) : null;
        this.notes = notes(diff, kept.equals(lost));
        this.lines = FXCollections.observableArrayList(inline ? List.of() : diff.display());
        this.readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    }

    /** Null values count as empty text. */
    public static TextConflict of(String kept, String lost) {
        return new TextConflict(kept == null ? "" : kept, lost == null ? "" : lost);
    }

    private static List<String> notes(LineDiff d, boolean identical) {
        List<String> out = new ArrayList<>();
        TextLines l = d.oldText();
        TextLines k = d.newText();
        if (identical) {
            out.add(Messages.text("main.conflicts.text.same"));
            return out;
        }
        if (d.coarse()) {
            out.add(Messages.text("main.conflicts.text.tooDifferent"));
        }
        if (l.multiLine() && k.multiLine() && !l.lineEnding().equals(k.lineEnding())) {
            out.add(Messages.text("main.conflicts.text.endings", k.endingName(), l.endingName()));
        }
        if (l.finalNewline() != k.finalNewline() && !l.lines().isEmpty() && !k.lines().isEmpty()) {
            out.add(Messages.text(k.finalNewline() ? "main.conflicts.text.keptEndsWithBreak"
                    : "main.conflicts.text.lostEndsWithBreak"));
        }
        if (out.isEmpty() && d.sameLines()) {
            out.add(Messages.text("main.conflicts.text.onlyBreaks"));
        }
        return out;
    }

    public String kept() {
        return kept;
    }

    public String lost() {
        return lost;
    }

    /** From the lost version (old) to the kept one (new). */
    public LineDiff diff() {
        return diff;
    }

    /** True when both versions are one line each: shown as before and after, not as a line diff. */
    public boolean inline() {
        return inline;
    }

    /** The lost value in segments, its changed words marked (inline only; empty otherwise). */
    public List<Segment> lostWords() {
        return inline ? words.old() : List.of();
    }

    /** The kept value in segments, its changed words marked (inline only; empty otherwise). */
    public List<Segment> keptWords() {
        return inline ? words.neu() : List.of();
    }

    /** Differences a line diff does not show: line breaks, a final newline, a diff too costly to refine. */
    public List<String> notes() {
        return notes;
    }

    /** The rows to lay out, folds included; empty when {@link #inline()}. UI thread. */
    public ObservableList<DiffLine> lines() {
        return readOnlyLines;
    }

    /** Lines only the lost version has. */
    public int lostOnly() {
        return diff.removedLines();
    }

    /** Lines only the kept version has. */
    public int keptOnly() {
        return diff.addedLines();
    }

    /** Opens a fold: its lines take its place (a long one shows a page and folds the rest again). UI thread. */
    public void expand(DiffLine fold) {
        if (fold.kind() != DiffLine.Kind.FOLD) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            // Identity: two folds can hide equal lines.
            if (lines.get(i) == fold) {
                lines.remove(i);
                lines.addAll(i, LineDiff.page(fold.folded()));
                return;
            }
        }
    }

}
