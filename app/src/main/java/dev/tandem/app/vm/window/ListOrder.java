package dev.tandem.app.vm.window;

import dev.tandem.app.model.Listing;
import dev.tandem.ui.messages.Messages;

/** How the item list is ordered, as the sort control offers it. */
public enum ListOrder {
    DEFAULT("main.order.default", Listing.Sort.DEFAULT),
    PRIORITY("main.order.priority", Listing.Sort.PRIORITY),
    DUE("main.order.due", Listing.Sort.DUE),
    TITLE("main.order.title", Listing.Sort.TITLE);

    private final String key;
    private final Listing.Sort sort;

    ListOrder(String key, Listing.Sort sort) {
        this.key = key;
        this.sort = sort;
    }

    public String label() {
        return Messages.text(key);
    }

    Listing.Sort sort() {
        return sort;
    }

    @Override
    public String toString() {
        return label();
    }
}
