package dev.tandem.app.vm.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SelectionOrderTest {
    @Test
    void indicesInAnyOrder_giveTheItemsInListOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int size = 1 + random.nextInt(200);
            List<String> items = IntStream.range(0, size).mapToObj(i -> "item " + i).toList();
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (random.nextBoolean()) {
                    indices.add(i);
                }
            }
            List<String> expected = indices.stream().map(items::get).toList();
            Collections.shuffle(indices, random);
            assertEquals(expected, SelectionOrder.inListOrder(indices, items));
            // The order the view used to compute: each selected item's position found by search.
            List<String> bySearch = new ArrayList<>(indices.stream().map(items::get).toList());
            bySearch.sort(Comparator.comparingInt(items::indexOf));
            assertEquals(bySearch, SelectionOrder.inListOrder(indices, items));
        }
    }

    @Test
    void nullAndOutOfRangeIndicesAreSkipped_andTheResultIsACopy() {
        List<String> items = List.of("a", "b", "c", "d");
        List<String> out = SelectionOrder.inListOrder(Arrays.asList(3, null, -1, 0, 4, 2), items);
        assertEquals(List.of("a", "c", "d"), out);
        out.add("e");
        assertEquals(List.of("a", "b", "c", "d"), items);
        assertEquals(List.of(), SelectionOrder.inListOrder(List.of(), items));
    }

    @Test
    void everyRowOfALargeList() {
        List<Integer> items = IntStream.range(0, 90_000).boxed().toList();
        List<Integer> indices = new ArrayList<>(items);
        Collections.shuffle(indices, new Random(7));
        assertEquals(items, SelectionOrder.inListOrder(indices, items));
    }
}
