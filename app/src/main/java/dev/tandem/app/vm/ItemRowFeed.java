package dev.tandem.app.vm;

import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.LiveItems;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Hands a view's live items to the item list as rows: whole results and patches alike. */
final class ItemRowFeed implements LiveItems.Sink {
    private final LiveList.Feed<ItemRow> feed;

    ItemRowFeed(LiveList.Feed<ItemRow> feed) {
        this.feed = feed;
    }

    @Override
    public void reset(List<Item> rows, boolean complete, long total) {
        feed.reset(ItemRow.of(rows), complete, total);
    }

    @Override
    public void patch(Set<String> changed, List<Item> rows, Comparator<Item> order) {
        feed.patch(changed, ItemRow.of(rows), Comparator.comparing(ItemRow::item, order));
    }
}
