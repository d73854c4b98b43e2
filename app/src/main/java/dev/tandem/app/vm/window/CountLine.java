package dev.tandem.app.vm.window;

import dev.tandem.ui.messages.Messages;

/** The line under the view's title that says how many todos (and notes) it shows. */
final class CountLine {
    private CountLine() {
    }

    /**
     * {@code shown} rows of {@code total} matches (-1 while only a first page is shown: the line
     * stays empty rather than show the page's size as the count).
     */
    static String of(int shown, long total) {
        if (total < 0) {
            return "";
        }
        // No rows shown means no matches, whatever an index count from before the view emptied says
        // (an edit or Empty Trash that took its last rows).
        if (total > shown && shown > 0) {
            // The number of matches comes from the search index alone, which counts trashed todos too.
            return Messages.text("main.count.newest", shown, total);
        }
        return Messages.text("main.count.todos", shown);
    }

    /** As {@link #of(int, long)}, saying how many of the rows are notes: "3 todos · 2 notes", "1 note". */
    static String of(int shown, int notes, long total) {
        if (notes <= 0 || total < 0 || total > shown) {
            return of(shown, total);
        }
        String n = Messages.text("main.count.notes", notes);
        int todos = shown - notes;
        return todos == 0 ? n : Messages.text("main.count.todosAndNotes", of(todos, todos), n);
    }
}
