package dev.tandem.app.model;

import dev.tandem.ui.messages.Messages;
import java.util.Objects;

/**
 * The longest text Tandem takes: one limit per field, checked wherever text enters (the editor,
 * quick add, the command line, a list rename, an import), each with a message that says how long
 * the text is and what the limit is. Far above what a person types (a novel fits in the notes),
 * and low enough that one pasted or hostile text cannot make the app crawl.
 *
 * <p>Why one limit: a backup must always restore. When the editor took more than the importer
 * did, a profile's own backup was refused as a whole. Now every write through {@link TodoStore}
 * checks the fields it changes against these limits, and the importers check the same ones, so
 * whatever Tandem stores now, Tandem's export carries back in. Text over a limit that is already
 * stored (written by a Tandem from before the limit, here or on another device) is kept, and
 * checked only when that field is edited; an import names such an entry and imports nothing.
 */
public final class TextLimits {
    public static final int MAX_TITLE_CHARS = 10_000;
    public static final int MAX_NOTES_CHARS = 1_000_000;
    public static final int MAX_NAME_CHARS = 1_000;

    private TextLimits() {
    }

    /** Text over its limit: the message names the field, its length and the limit. */
    public static final class TooLongException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLongException(String message) {
            super(message);
        }
    }

    /** The problem with {@code value} as the field {@code what} (title, notes, listName), or null when it fits. */
    public static String problem(String what, String value, int max) {
        if (value == null || value.length() <= max) {
            return null;
        }
        return Messages.text("common.limits.tooLong", what, value.length(), max);
    }

    public static String title(String title) {
        return check("title", title, MAX_TITLE_CHARS);
    }

    public static String notes(String notes) {
        return check("notes", notes, MAX_NOTES_CHARS);
    }

    public static String listName(String name) {
        return check("listName", name, MAX_NAME_CHARS);
    }

    /**
     * The problem with the title or notes of {@code after} where they differ from {@code before}, or
     * null: text already stored over a limit stays editable in its other fields.
     */
    public static String problemOfChange(Item before, Item after) {
        String title = Objects.equals(before.title(), after.title()) ? null
                : problem("title", after.title(), MAX_TITLE_CHARS);
        return title != null || Objects.equals(before.notes(), after.notes()) ? title
                : problem("notes", after.notes(), MAX_NOTES_CHARS);
    }

    /** {@link #problemOfChange}, thrown. */
    public static void checkChange(Item before, Item after) {
        String problem = problemOfChange(before, after);
        if (problem != null) {
            throw new TooLongException(problem);
        }
    }

    private static String check(String what, String value, int max) {
        String problem = problem(what, value, max);
        if (problem != null) {
            throw new TooLongException(problem);
        }
        return value;
    }
}
