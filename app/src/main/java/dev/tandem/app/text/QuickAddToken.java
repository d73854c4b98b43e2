package dev.tandem.app.text;

/**
 * One piece of the quick-add text that was understood: its kind, where it stands in the typed text
 * ({@code start} inclusive, {@code end} exclusive, as typed, with the words between if the piece has
 * several) and what it was read as ({@code shown}: "Tomorrow", "every Monday", "p2", "@home", "#Garden",
 * "9:00", "30 min", "note:").
 */
public record QuickAddToken(Kind kind, int start, int end, String shown) {
    /** What a token sets, in the order chips read best when two start at the same place. */
    public enum Kind { NOTE, DATE, START, SOMEDAY, REPEAT, PRIORITY, TAG, LIST, REMINDER, TIME, LENGTH }

    public QuickAddToken {
        if (kind == null || start < 0 || end < start) {
            throw new IllegalArgumentException("bad token " + kind + " " + start + ".." + end);
        }
    }

    /**
     * The chip's words: "Due: Tomorrow", "Repeats: every Monday", "p2", "@home", "#Garden", "Reminder 9:00",
     * "At 14:00", "For 30 min".
     */
    public String label() {
        return switch (kind) {
            case DATE -> "Due: " + shown;
            case START -> "Starts: " + shown;
            case SOMEDAY -> "Someday";
            case REPEAT -> "Repeats: " + shown;
            case REMINDER -> "Reminder " + shown;
            case TIME -> "At " + shown;
            case LENGTH -> "For " + shown;
            case NOTE -> "Note";
            case PRIORITY, TAG, LIST -> shown;
        };
    }

    /** The words of this token in {@code typed}, the text it was read from. */
    public String in(String typed) {
        return typed.substring(start, end);
    }

    /** This token's span as a mark that keeps its words plain title text. */
    public PlainSpan plain(String typed) {
        return new PlainSpan(start, in(typed));
    }
}
