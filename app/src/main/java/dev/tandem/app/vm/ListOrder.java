package dev.tandem.app.vm;

import dev.tandem.app.model.View;

/** How the item list is ordered, as the sort control offers it. */
public enum ListOrder {
    DEFAULT("Default order", View.Sort.DEFAULT),
    PRIORITY("Priority", View.Sort.PRIORITY),
    DUE("Due date", View.Sort.DUE),
    TITLE("Title", View.Sort.TITLE);

    private final String label;
    private final View.Sort sort;

    ListOrder(String label, View.Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    View.Sort sort() {
        return sort;
    }

    @Override
    public String toString() {
        return label;
    }
}
