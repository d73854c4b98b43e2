package dev.tandem.app.vm.shared;

import dev.tandem.ui.messages.Messages;

/** What an empty item list says; the view picks the picture. */
public enum EmptyState {
    SEARCH("main.empty.search"),
    FILTER("main.empty.filter"),
    TRASH("main.empty.trash"),
    COMPLETED("main.empty.completed"),
    ALL_CLEAR("main.empty.allClear");

    private final String key;

    EmptyState(String key) {
        this.key = key;
    }

    public String text() {
        return Messages.text(key);
    }
}
