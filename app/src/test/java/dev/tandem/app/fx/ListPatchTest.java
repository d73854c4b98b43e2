package dev.tandem.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ListPatchTest {
    record Row(String id, int v) {
    }

    static final Comparator<Row> ORDER = Comparator.comparingInt(Row::v).thenComparing(Row::id);

    @RepeatedTest(200)
    void apply_randomPatch_sameAsSortingTheNewRows() {
        Random random = new Random();
        List<Row> rows = new ArrayList<>();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            rows.add(new Row("r" + i, random.nextInt(20)));
        }
        rows.sort(ORDER);
        ObservableList<Row> target = FXCollections.observableArrayList(rows);
        // A few or many changed keys: some edited, some deleted, some new, some unknown and still absent.
        Set<String> changed = new HashSet<>();
        List<Row> back = new ArrayList<>();
        int k = random.nextBoolean() ? 1 + random.nextInt(4) : 1 + random.nextInt(40);
        for (int j = 0; j < k; j++) {
            String id = "r" + random.nextInt(n + 10);
            if (!changed.add(id)) {
                continue;
            }
            if (random.nextInt(3) > 0) {
                back.add(new Row(id, random.nextInt(20)));
            }
        }
        List<Row> expected = new ArrayList<>(rows.stream().filter(r -> !changed.contains(r.id())).toList());
        expected.addAll(back);
        expected.sort(ORDER);

        ListPatch.apply(target, changed, back, ORDER, Row::id, r -> { });

        assertEquals(expected, target, "changed " + changed + " back " + back);
    }

    @Test
    void apply_rowStaysInPlace_setNotRemoved() {
        ObservableList<Row> target = FXCollections.observableArrayList(new Row("a", 1), new Row("b", 2), new Row("c", 3));
        List<String> events = new ArrayList<>();
        target.addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                events.add(c.wasReplaced() ? "replaced" : c.wasRemoved() ? "removed" : "added");
            }
        });
        List<Row> replaced = new ArrayList<>();
        ListDiff.Stats stats = ListPatch.apply(target, Set.of("b"), List.of(new Row("b", 2)), ORDER, Row::id, replaced::add);
        assertEquals(List.of(), events, "an unchanged row is left alone");
        ListPatch.apply(target, Set.of("b"), List.of(new Row("b", 3)), ORDER, Row::id, replaced::add);
        assertEquals(List.of("replaced"), events, "a row that still sorts between its neighbours is set in place");
        assertEquals(List.of(new Row("b", 3)), replaced);
        assertEquals(0, stats.removed() + stats.inserted() + stats.moved());
    }

    @Test
    void apply_rowMovesAndOneGoes_countsThem() {
        ObservableList<Row> target = FXCollections.observableArrayList(new Row("a", 1), new Row("b", 2), new Row("c", 3));
        ListDiff.Stats stats = ListPatch.apply(target, Set.of("a", "c", "d"), List.of(new Row("a", 9), new Row("d", 0)),
                ORDER, Row::id, r -> { });
        assertEquals(List.of(new Row("d", 0), new Row("b", 2), new Row("a", 9)), target);
        assertEquals(new ListDiff.Stats(1, 1, 1, 0), stats);
        assertTrue(target.size() == 3);
    }
}
