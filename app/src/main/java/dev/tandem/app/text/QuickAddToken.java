package dev.tandem.app.text;

import dev.tandem.ui.messages.Messages;

/**
 * One piece of the quick-add text that was understood: its kind, where it stands in the typed text
 * ({@code start} inclusive, {@code end} exclusive, as typed, with the words between if the piece has
 * several) and what it was read as ({@code shown}: "Tomorrow", "every Monday", "p2", "@home", "#Garden",
 * "9:00", "30 min", "note:").
 */
public record QuickAddToken(Kind kind, int start, int end, String shown) {
    /** What a Someday token shows; its chip's words come from {@link #label}. */
    public static final String SOMEDAY = "someday";

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
            case DATE -> Messages.text("text.chip.due", shown);
            case START -> Messages.text("text.chip.start", shown);
            case SOMEDAY -> Messages.text("text.chip.someday");
            case REPEAT -> Messages.text("text.chip.repeat", shown);
            case REMINDER -> Messages.text("text.chip.reminder", shown);
            case TIME -> Messages.text("text.chip.time", shown);
            case LENGTH -> Messages.text("text.chip.length", shown);
            case NOTE -> Messages.text("text.chip.note");
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
