package dev.tandem.app.text.diff;

import java.util.List;

/**
 * One row of a line diff as the conflicts view lays it out: a line both versions share, a line
 * only the old (lost) version has, a line only the new (kept) version has, or a fold standing for
 * rows that are hidden until the user expands it.
 *
 * @param segments the line's text in pieces; a piece is {@code changed} when the other version's
 *                 paired line lacks it (word-level marks inside a changed line); empty for a fold
 * @param folded   what a fold hides, in order (may itself hold folds); empty for other rows
 */
public record DiffLine(Kind kind, List<Segment> segments, List<DiffLine> folded) {
    public enum Kind { SAME, REMOVED, ADDED, FOLD }

    /** A run of a line's text; {@code changed} marks words the other version does not have. */
    public record Segment(String text, boolean changed) {
    }

    public DiffLine {
        segments = List.copyOf(segments);
        folded = List.copyOf(folded);
    }

    public static DiffLine of(Kind kind, String text) {
        return new DiffLine(kind, List.of(new Segment(text, false)), List.of());
    }

    public static DiffLine fold(List<DiffLine> hidden) {
        return new DiffLine(Kind.FOLD, List.of(), hidden);
    }

    /** The whole line's text ("" for a fold). */
    public String text() {
        if (segments.size() == 1) {
            return segments.get(0).text();
        }
        StringBuilder b = new StringBuilder();
        segments.forEach(s -> b.append(s.text()));
        return b.toString();
    }

    /** The gutter mark, so the kind reads without colour: "−" (U+2212), "+", or a blank. */
    public String mark() {
        return switch (kind) {
            case REMOVED -> "\u2212";
            case ADDED -> "+";
            default -> " ";
        };
    }

    /** How many text lines a fold stands for, counting folds inside it; 1 for a line. */
    public int lineCount() {
        if (kind != Kind.FOLD) {
            return 1;
        }
        int n = 0;
        for (DiffLine d : folded) {
            n += d.lineCount();
        }
        return n;
    }

    /** True when some word of the line is marked changed while others are not. */
    public boolean hasWordMarks() {
        return segments.size() > 1 && segments.stream().anyMatch(Segment::changed);
    }

    /** A fold's caption: "… 12 unchanged lines" or, when it hides changes too, "… 240 more lines". */
    public String foldLabel() {
        int n = lineCount();
        boolean unchanged = folded.stream().allMatch(d -> d.kind() == Kind.SAME);
        String lines = n == 1 ? "line" : "lines";
        return unchanged ? "\u2026 " + n + " unchanged " + lines : "\u2026 " + n + " more " + lines;
    }
}
