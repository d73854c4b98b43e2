package dev.tandem.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LiveListTest {
    record Row(String id, int v) {
    }

    /** A UI executor that queues tasks until run by hand. */
    static final class ManualUi implements Executor {
        final List<Runnable> queue = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
        }
    }

    static final class FakeSub implements Subscription {
        boolean active = true;

        @Override
        public void close() {
            active = false;
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }

    @Test
    void offer_burstBeforeUiRuns_appliesOnlyNewest() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<ListDiff.Stats> applied = new ArrayList<>();
        live.onAfterApply(applied::add);
        live.offer(List.of(new Row("a", 1)));
        live.offer(List.of(new Row("a", 2)));
        live.offer(List.of(new Row("a", 3), new Row("b", 1)));
        assertEquals(1, ui.queue.size(), "one UI task for the burst");
        ui.runAll();
        assertEquals(List.of(new Row("a", 3), new Row("b", 1)), live.items());
        assertEquals(1, applied.size());
        assertTrue(live.isLoaded());
    }

    @Test
    void bind_newQuery_closesOldAndDropsItsLateResults() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<Consumer<List<Row>>> sinks = new ArrayList<>();
        FakeSub first = new FakeSub();
        live.bind((sink, ex) -> {
            sinks.add(sink);
            return first;
        });
        live.bind((sink, ex) -> {
            sinks.add(sink);
            return new FakeSub();
        });
        assertTrue(!first.active);
        sinks.get(0).accept(List.of(new Row("old", 1)));
        sinks.get(1).accept(List.of(new Row("new", 1)));
        ui.runAll();
        assertEquals(List.of(new Row("new", 1)), live.items());
    }

    private static final Comparator<Row> BY_V = Comparator.comparingInt(Row::v)
            .thenComparing(Row::id);

    @Test
    void bindFeed_firstPageThenWhole_flagsFollowAndListOnlyGrows() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<LiveList.Feed<Row>> feeds = new ArrayList<>();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        feeds.get(0).reset(List.of(new Row("a", 1)), false, -1);
        ui.runAll();
        assertTrue(live.isLoaded());
        assertEquals(false, live.isComplete());
        assertEquals(-1, live.total());
        Row first = live.items().get(0);
        feeds.get(0).reset(List.of(new Row("a", 1), new Row("b", 2)), true, 2);
        ui.runAll();
        assertTrue(live.isComplete());
        assertEquals(2, live.total());
        assertTrue(first == live.items().get(0), "the first page's rows stay, the rest is appended");
    }

    /**
     * A delete, a bulk complete or a change from CalDAV reaches the rows as a patch: the count read by
     * the rows' own listeners (the count line) follows it, never the count of the result before.
     */
    @Test
    void total_patchesRemoveAndAddRows_followsTheRowsAsTheirListenersSeeThem() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<LiveList.Feed<Row>> feeds = new ArrayList<>();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        LiveList.Feed<Row> feed = feeds.get(0);
        feed.reset(List.of(new Row("a", 1), new Row("b", 2), new Row("c", 3), new Row("d", 4)), true, 4);
        ui.runAll();
        List<String> seen = new ArrayList<>();
        live.items().addListener((ListChangeListener<Row>) c ->
                seen.add(live.items().size() + " of " + live.total()));
        feed.patch(Set.of("d"), List.of(), BY_V);
        ui.runAll();
        assertEquals(3, live.total());
        assertEquals(List.of("3 of 3"), seen);
        feed.patch(Set.of("a", "b"), List.of(), BY_V);
        feed.patch(Set.of("e"), List.of(new Row("e", 5)), BY_V);
        ui.runAll();
        assertEquals(2, live.total());

        // A search's newest 2 of 50 matches, whole but capped: its count stays the matches', moved by patches.
        feed.reset(List.of(new Row("a", 1), new Row("b", 2)), true, 50);
        ui.runAll();
        assertEquals(50, live.total());
        feed.patch(Set.of("b"), List.of(), BY_V);
        ui.runAll();
        assertEquals(49, live.total());

        // A first page of a long result: its count is the index's estimate, moved by what patches remove.
        feed.reset(List.of(new Row("a", 1), new Row("b", 2)), false, 100);
        ui.runAll();
        feed.patch(Set.of("a"), List.of(), BY_V);
        ui.runAll();
        assertEquals(99, live.total());
    }

    @Test
    void bindFeed_patchesQueuedBeforeAReset_areSkipped() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<LiveList.Feed<Row>> feeds = new ArrayList<>();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        LiveList.Feed<Row> feed = feeds.get(0);
        feed.reset(List.of(new Row("a", 1), new Row("b", 5)), true, 2);
        ui.runAll();
        feed.patch(Set.of("c"), List.of(new Row("c", 3)), BY_V);
        feed.patch(Set.of("a"), List.of(new Row("a", 9)), BY_V);
        ui.runAll();
        assertEquals(List.of(new Row("c", 3), new Row("b", 5), new Row("a", 9)), live.items(), "patches in order, each in place");
        feed.patch(Set.of("b"), List.of(), BY_V);
        feed.reset(List.of(new Row("z", 0)), true, 1);
        ui.runAll();
        assertEquals(List.of(new Row("z", 0)), live.items(), "the newest whole result wins over what came before it");
    }

    @Test
    void bindFeed_newQuery_dropsTheOldOnesLateResults() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<LiveList.Feed<Row>> feeds = new ArrayList<>();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        feeds.get(0).reset(List.of(new Row("a", 1)), true, 1);
        ui.runAll();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        assertEquals(false, live.isLoaded());
        feeds.get(0).patch(Set.of("x"), List.of(new Row("x", 1)), BY_V);
        feeds.get(1).reset(List.of(new Row("b", 2)), true, 1);
        ui.runAll();
        assertEquals(List.of(new Row("b", 2)), live.items());
    }
}
