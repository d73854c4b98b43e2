package dev.tandem.app.vm;

/** What an empty item list says; the view picks the picture. */
public enum EmptyState {
    SEARCH("Nothing matches your search."),
    TRASH("The Trash is empty."),
    COMPLETED("Completed todos show up here."),
    ALL_CLEAR("All clear. Add a todo above — try “Call Sam tomorrow”.");

    private final String text;

    EmptyState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
