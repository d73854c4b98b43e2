package dev.tandem.app.vm;

import dev.tandem.app.model.Listing;

/** How the item list is ordered, as the sort control offers it. */
public enum ListOrder {
    DEFAULT("Default order", Listing.Sort.DEFAULT),
    PRIORITY("Priority", Listing.Sort.PRIORITY),
    DUE("Due date", Listing.Sort.DUE),
    TITLE("Title", Listing.Sort.TITLE);

    private final String label;
    private final Listing.Sort sort;

    ListOrder(String label, Listing.Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    Listing.Sort sort() {
        return sort;
    }

    @Override
    public String toString() {
        return label;
    }
}
