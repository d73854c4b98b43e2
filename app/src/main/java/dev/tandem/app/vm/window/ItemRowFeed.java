package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.LiveItems;
import dev.tandem.engine.QueryTooCostlyException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hands a view's live items to the item list as rows: whole results and patches alike; a read that failed goes to
 * {@code failures}, and the list keeps its rows, but for a read too slow to finish, after which it is empty.
 */
final class ItemRowFeed implements LiveItems.Sink {
    private final LiveList.Feed<ItemRow> feed;
    private final Consumer<RuntimeException> failures;

    ItemRowFeed(LiveList.Feed<ItemRow> feed, Consumer<RuntimeException> failures) {
        this.feed = feed;
        this.failures = failures;
    }

    @Override
    public void reset(List<Item> rows, boolean complete, long total) {
        feed.reset(ItemRow.of(rows), complete, total);
    }

    @Override
    public void patch(Set<String> changed, List<Item> rows, Comparator<Item> order) {
        feed.patch(changed, ItemRow.of(rows), Comparator.comparing(ItemRow::item, order));
    }

    @Override
    public void failed(RuntimeException failure) {
        failures.accept(failure);
        if (failure instanceof QueryTooCostlyException) {
            // Rows of an earlier read would pass for this query's: the list is empty, and says why.
            feed.reset(List.of(), true, 0);
        }
    }
}
