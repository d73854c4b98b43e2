package dev.tandem.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.LiveListTest.FakeSub;
import dev.tandem.app.fx.LiveListTest.ManualUi;
import dev.tandem.app.fx.LiveListTest.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ListSpliceTest {
    private static List<Row> rows(int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Row("r" + i, i));
        }
        return out;
    }

    private static LiveList.Feed<Row> feed(LiveList<Row> live) {
        List<LiveList.Feed<Row>> feeds = new ArrayList<>();
        live.bindFeed(f -> {
            feeds.add(f);
            return new FakeSub();
        });
        return feeds.get(0);
    }

    @RepeatedTest(200)
    void apply_randomSplices_sameAsSplicingAPlainList() {
        Random random = new Random();
        List<Row> expected = rows(random.nextInt(40));
        ObservableList<Row> target = FXCollections.observableArrayList(expected);
        List<ListSplice<Row>> splices = new ArrayList<>();
        for (int k = random.nextInt(4); k >= 0; k--) {
            int from = random.nextInt(expected.size() + 1);
            int removed = random.nextInt(expected.size() - from + 1);
            List<Row> in = new ArrayList<>();
            for (int j = random.nextInt(5); j > 0; j--) {
                in.add(new Row("n" + k + "." + j, random.nextInt(9)));
            }
            splices.add(new ListSplice<>(from, removed, in));
            expected.subList(from, from + removed).clear();
            expected.addAll(from, in);
        }

        ListSplice.apply(target, splices, Row::id, r -> { });

        assertEquals(expected, target);
    }

    private static List<String> events(ObservableList<Row> list) {
        List<String> events = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                events.add(c.getFrom() + (c.wasReplaced() ? " replaced" : "") + (c.wasRemoved() ? " -" + c.getRemovedSize() : "")
                        + (c.wasAdded() ? " +" + c.getAddedSize() : ""));
            }
        });
        return events;
    }

    /** A list view redraws the cells of a replaced range only; after a removal or an insertion, every cell below. */
    @Test
    void apply_rowsOutsideTheSplice_untouched_oneReplacement() {
        List<Row> start = rows(10);
        RowList<Row> target = new RowList<>();
        target.addAll(start);
        List<String> events = events(target);
        List<Row> replaced = new ArrayList<>();
        // Rows 3 and 4 swap places, and 4 changed on the way.
        ListDiff.Stats stats = ListSplice.apply(target, List.of(new ListSplice<>(3, 2,
                List.of(new Row("r4", 40), new Row("r3", 3)))), Row::id, replaced::add);

        assertEquals(List.of("3 replaced -2 +2"), events);
        assertEquals(List.of(new Row("r4", 40)), replaced);
        assertEquals(new ListDiff.Stats(0, 1, 0, 1), stats);
        for (int i : new int[] {0, 1, 2, 5, 6, 7, 8, 9}) {
            assertSame(start.get(i), target.get(i));
        }
    }

    @Test
    void apply_moreRowsGoThanCome_replacesAsManyAsCome_removesTheRest() {
        RowList<Row> target = new RowList<>();
        target.addAll(rows(8));
        List<String> events = events(target);

        ListSplice.apply(target, List.of(new ListSplice<>(2, 4, List.of(new Row("r2", 20))),
                new ListSplice<>(3, 0, List.of(new Row("x", 1), new Row("y", 2)))), Row::id, r -> { });

        assertEquals(List.of("2 replaced -1 +1", "3 -3", "3 +2"), events);
        assertEquals(List.of(new Row("r0", 0), new Row("r1", 1), new Row("r2", 20), new Row("x", 1), new Row("y", 2),
                new Row("r6", 6), new Row("r7", 7)), target);
    }

    /** The row list the live list keeps behaves as an array list under the diffs and patches of other views. */
    @RepeatedTest(100)
    void rowList_randomDiffs_sameAsAnArrayList() {
        Random random = new Random();
        RowList<Row> target = new RowList<>();
        ObservableList<Row> plain = FXCollections.observableArrayList();
        for (int round = 0; round < 5; round++) {
            List<Row> next = new ArrayList<>();
            for (int i = 0; i < random.nextInt(30); i++) {
                next.add(new Row("r" + random.nextInt(40), random.nextInt(3)));
            }
            ListDiff.apply(target, next, Row::id);
            ListDiff.apply(plain, next, Row::id);
            assertEquals(plain, target);
        }
        target.setAll(rows(3));
        target.remove(1, 2);
        target.subList(0, 1).clear();
        assertEquals(List.of(new Row("r2", 2)), target);
    }

    @Test
    void bindFeed_splicesQueuedWithoutAResetAfter_allAppliedInOrder() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        List<ListDiff.Stats> applied = new ArrayList<>();
        int[] before = {0};
        live.onBeforeApply(() -> before[0]++);
        live.onAfterApply(applied::add);
        List<Row> replaced = new ArrayList<>();
        live.onReplaced(replaced::add);
        LiveList.Feed<Row> feed = feed(live);
        feed.reset(rows(5), true, 5);
        ui.runAll();
        // r1 moves to the end (two splices in one change), then r2 is edited, then r0 goes: three changes, one UI task.
        feed.splice(List.of(new ListSplice<>(1, 1, List.of()), new ListSplice<>(4, 0, List.of(new Row("r1", 1)))), 5);
        feed.splice(List.of(new ListSplice<>(1, 1, List.of(new Row("r2", 22)))), 5);
        feed.splice(List.of(new ListSplice<>(0, 1, List.of())), 4);
        assertEquals(1, ui.queue.size());
        ui.runAll();

        assertEquals(List.of(new Row("r2", 22), new Row("r3", 3), new Row("r4", 4), new Row("r1", 1)), live.items());
        assertEquals(List.of(new Row("r2", 22)), replaced);
        assertEquals(2, before[0], "one before and one after per UI task");
        assertEquals(2, applied.size());
        assertEquals(new ListDiff.Stats(1, 1, 0, 1), applied.get(1));
        assertEquals(4, live.total());
    }

    @Test
    void bindFeed_splicesBeforeAReset_skipped_splicesAfterIt_applied() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        LiveList.Feed<Row> feed = feed(live);
        feed.reset(rows(3), true, 3);
        ui.runAll();
        feed.splice(List.of(new ListSplice<>(0, 3, List.of())), 0);
        feed.reset(List.of(new Row("a", 1), new Row("b", 2)), true, 2);
        feed.splice(List.of(new ListSplice<>(1, 0, List.of(new Row("c", 3)))), 3);
        ui.runAll();

        assertEquals(List.of(new Row("a", 1), new Row("c", 3), new Row("b", 2)), live.items());
        assertEquals(3, live.total());
        assertTrue(live.isComplete());
    }

    /** An outline's count is its todos' and not its section headers': the splice's count stands, not the rows'. */
    @Test
    void total_spliceCarriesTheCount_listenersReadItWithTheRows() {
        ManualUi ui = new ManualUi();
        LiveList<Row> live = new LiveList<>(Row::id, ui);
        LiveList.Feed<Row> feed = feed(live);
        feed.reset(rows(4), true, 3);
        ui.runAll();
        List<String> seen = new ArrayList<>();
        live.items().addListener((ListChangeListener<Row>) c -> seen.add(live.items().size() + " of " + live.total()));
        feed.splice(List.of(new ListSplice<>(4, 0, List.of(new Row("x", 9)))), 4);
        ui.runAll();

        assertEquals(List.of("5 of 4"), seen);
        assertEquals(4, live.total());
    }
}
