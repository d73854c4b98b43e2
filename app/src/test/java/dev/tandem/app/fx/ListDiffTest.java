package dev.tandem.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ListDiffTest {
    record Row(String id, String text) {
    }

    private static Row r(String id) {
        return new Row(id, "v");
    }

    private static List<Row> rows(String... ids) {
        List<Row> out = new ArrayList<>();
        for (String id : ids) {
            out.add(r(id));
        }
        return out;
    }

    /** Records every removed element, to check that unchanged rows are never removed. */
    private static List<Row> removedDuring(ObservableList<Row> list, Runnable r) {
        List<Row> removed = new ArrayList<>();
        ListChangeListener<Row> l = c -> {
            while (c.next()) {
                if (c.wasRemoved() && !c.wasReplaced()) {
                    removed.addAll(c.getRemoved());
                }
            }
        };
        list.addListener(l);
        r.run();
        list.removeListener(l);
        return removed;
    }

    @Test
    void apply_changedRow_replacesOnlyThatRowInPlace() {
        ObservableList<Row> list = FXCollections.observableArrayList(rows("a", "b", "c"));
        Row a = list.get(0);
        Row c = list.get(2);
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) ch -> {
            while (ch.next()) {
                changes.add((ch.wasReplaced() ? "replace " : ch.wasAdded() ? "add " : "remove ") + ch.getFrom());
            }
        });
        ListDiff.Stats s = ListDiff.apply(list, List.of(r("a"), new Row("b", "new"), r("c")), Row::id);
        assertEquals(List.of("replace 1"), changes);
        assertEquals(new ListDiff.Stats(0, 0, 0, 1), s);
        assertSame(a, list.get(0), "unchanged rows are the same objects");
        assertSame(c, list.get(2));
        assertEquals("new", list.get(1).text());
    }

    @Test
    void apply_insertAndRemove_keepsOtherRows() {
        ObservableList<Row> list = FXCollections.observableArrayList(rows("a", "b", "c", "d"));
        List<Row> removed = removedDuring(list, () -> ListDiff.apply(list, rows("a", "x", "c", "d", "y"), Row::id));
        assertEquals(rows("a", "x", "c", "d", "y"), list);
        assertEquals(rows("b"), removed);
    }

    @Test
    void apply_oneRowMovedToEnd_movesOnlyThatRow() {
        ObservableList<Row> list = FXCollections.observableArrayList(rows("a", "b", "c", "d", "e"));
        List<Row> removed = removedDuring(list, () -> ListDiff.apply(list, rows("b", "c", "d", "e", "a"), Row::id));
        assertEquals(rows("b", "c", "d", "e", "a"), list);
        assertEquals(rows("a"), removed, "only the moved row leaves and comes back");
    }

    @Test
    void apply_emptyTarget_insertsAll() {
        ObservableList<Row> list = FXCollections.observableArrayList();
        ListDiff.Stats s = ListDiff.apply(list, rows("a", "b"), Row::id);
        assertEquals(rows("a", "b"), list);
        assertEquals(2, s.inserted());
    }

    @Test
    void apply_firstLoadAndBlockInsert_fireOneChangeEach() {
        ObservableList<Row> list = FXCollections.observableArrayList();
        List<Integer> events = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) c -> events.add(1));
        List<Row> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(r("k" + i));
        }
        ListDiff.apply(list, many, Row::id);
        assertEquals(1, events.size(), "first load is one change");
        List<Row> withBlock = new ArrayList<>(many.subList(0, 10));
        for (int i = 0; i < 500; i++) {
            withBlock.add(r("new" + i));
        }
        withBlock.addAll(many.subList(10, many.size()));
        events.clear();
        ListDiff.apply(list, withBlock, Row::id);
        assertEquals(1, events.size(), "a block of inserts is one change");
        assertEquals(withBlock, list);
        events.clear();
        ListDiff.apply(list, many, Row::id);
        assertEquals(1, events.size(), "a block of removals is one change");
        assertEquals(many, list);
    }

    @Test
    void apply_emptyNext_removesAll() {
        ObservableList<Row> list = FXCollections.observableArrayList(rows("a", "b"));
        ListDiff.apply(list, List.of(), Row::id);
        assertTrue(list.isEmpty());
    }

    @Test
    void apply_duplicateKeysInNext_keepsFirst() {
        ObservableList<Row> list = FXCollections.observableArrayList();
        ListDiff.apply(list, List.of(new Row("a", "1"), new Row("a", "2"), r("b")), Row::id);
        assertEquals(List.of(new Row("a", "1"), r("b")), list);
    }

    @Test
    void apply_randomEdits_endsEqualToNextAndOnlyMovedRowsLeaveAndComeBack() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<Row> before = randomRows(random, random.nextInt(60));
            List<Row> next = randomRows(random, random.nextInt(60));
            ObservableList<Row> list = FXCollections.observableArrayList();
            ListDiff.apply(list, before, Row::id);
            List<String> oldKeys = list.stream().map(Row::id).toList();
            List<Row> removed = removedDuring(list, () -> ListDiff.apply(list, next, Row::id));
            List<Row> expected = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Row row : next) {
                if (seen.add(row.id())) {
                    expected.add(row);
                }
            }
            assertEquals(expected, list, "round " + round);
            // Rows whose key survives leave only if they moved: all but a longest run already in order.
            List<String> newKeys = expected.stream().map(Row::id).toList();
            List<Integer> survivorsNewOrder = new ArrayList<>();
            for (String k : oldKeys) {
                if (newKeys.contains(k)) {
                    survivorsNewOrder.add(newKeys.indexOf(k));
                }
            }
            long survivorsRemoved = removed.stream().filter(r -> newKeys.contains(r.id())).count();
            assertEquals(survivorsNewOrder.size() - longestIncreasingLength(survivorsNewOrder), survivorsRemoved,
                    "round " + round + ": only moved rows may leave and come back");
            long goneRemoved = removed.stream().filter(r -> !newKeys.contains(r.id())).count();
            assertEquals(oldKeys.stream().filter(k -> !newKeys.contains(k)).count(), goneRemoved, "round " + round);
        }
    }

    private static List<Row> randomRows(Random random, int size) {
        List<Row> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new Row("k" + random.nextInt(80), "v" + random.nextInt(3)));
        }
        return rows;
    }

    /** Quadratic and obviously right: the oracle for ListDiff's own n log n version. */
    private static int longestIncreasingLength(List<Integer> a) {
        int[] best = new int[a.size()];
        int max = 0;
        for (int i = 0; i < a.size(); i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (a.get(j) < a.get(i)) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            max = Math.max(max, best[i]);
        }
        return max;
    }

    @Test
    void longestIncreasing_mixedSequence_marksOneLongestRun() {
        boolean[] keep = ListDiff.longestIncreasing(new int[] {4, 0, 1, 2, 3});
        assertEquals(List.of(false, true, true, true, true), toList(keep));
    }

    private static List<Boolean> toList(boolean[] a) {
        List<Boolean> l = new ArrayList<>();
        for (boolean b : a) {
            l.add(b);
        }
        return l;
    }
}
