package dev.tandem.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

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
}
