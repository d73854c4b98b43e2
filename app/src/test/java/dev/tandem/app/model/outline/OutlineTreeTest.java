package dev.tandem.app.model.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tree kept between changes flattens to what Outline.of makes of the same todos, whatever the changes. */
@Tag("unit")
class OutlineTreeTest {
    private static Item todo(Random random, String id, int n) {
        String parent = random.nextInt(4) == 0 ? null : "t" + random.nextInt(n + 3); // some parents never exist
        // One in eight in another list: a parent across a list's edge is no parent (Outline.of).
        String list = random.nextInt(8) == 0 ? "M" : "L";
        return new Item(id, list, id, null, null, 0L, null, null, (long) random.nextInt(5))
                .withParentId(parent)
                .withSectionId(random.nextInt(3) == 0 ? "s" + random.nextInt(3) : null) // s2 is no section of the list
                .withRank(random.nextInt(4) == 0 ? null : String.valueOf((char) ('a' + random.nextInt(6))))
                .withCollapsed(random.nextInt(6) == 0);
    }

    @RepeatedTest(200)
    void lines_randomPutsAndRemoves_sameAsOutlineOf() {
        Random random = new Random();
        int n = 1 + random.nextInt(40);
        List<Section> sections = List.of(new Section("s0", "L", "Zero", "b", null, 1L),
                new Section("s1", "L", "One", "a", random.nextBoolean() ? 1L : null, 2L));
        Map<String, Integer> done = random.nextBoolean() ? Map.of() : Map.of("t1", 2, "t3", 1);
        OutlineTree tree = new OutlineTree();
        Map<String, Item> items = new HashMap<>();
        for (int step = 0; step < 60; step++) {
            String id = "t" + random.nextInt(n);
            if (random.nextInt(4) == 0) {
                assertEquals(items.remove(id), tree.remove(id));
            } else {
                Item i = todo(random, id, n);
                items.put(id, i);
                tree.put(i);
            }
            assertEquals(Outline.of(new ArrayList<>(items.values()), sections, done), tree.lines(sections, done),
                    "after step " + step + ": " + items.values());
            // Kept as todos come and go; too high would only make every flattening take the slow way.
            assertEquals(crossings(items), tree.crossings(), "after step " + step + ": " + items.values());
        }
    }

    /** Todos whose parent is here and names another list, counted afresh. */
    private static long crossings(Map<String, Item> items) {
        return items.values().stream().filter(i -> i.hasParent() && items.containsKey(i.parentId())
                && !items.get(i.parentId()).listId().equals(i.listId())).count();
    }

    @Test
    void lines_todoThatIsItsOwnParent_shownOnceAtTheTop_andRemovable() {
        OutlineTree tree = new OutlineTree();
        Item self = new Item("a", "L", "A", null, null, 0L, null, null, 1L).withParentId("a");
        tree.put(self);
        assertEquals(List.of("a"), tree.lines(List.of(), Map.of()).stream().map(Outline.Line::key).toList());
        assertEquals(self, tree.remove("a"));
        assertEquals(List.of(), tree.lines(List.of(), Map.of()));
    }

    @Test
    void lines_sectionWithSubtasks_headerCountsThemFoldedOrNot() {
        for (Long collapsed : new Long[] {null, 1L}) {
            Section later = new Section("s0", "L", "Later", "a", collapsed, 1L);
            List<Item> items = List.of(
                    new Item("a", "L", "Pack", null, null, 0L, null, null, 1L).withSectionId("s0"),
                    new Item("b", "L", "Books", null, null, 0L, null, null, 2L).withParentId("a"),
                    new Item("c", "L", "Mugs", null, null, 0L, null, null, 3L).withParentId("b"),
                    new Item("d", "L", "Tape", null, null, 0L, null, null, 4L).withSectionId("s0"),
                    new Item("e", "L", "Call", null, null, 0L, null, null, 5L));
            OutlineTree tree = new OutlineTree();
            items.forEach(tree::put);
            for (List<Outline.Line> lines : List.of(Outline.of(items, List.of(later), Map.of()),
                    tree.lines(List.of(later), Map.of()))) {
                Outline.Line header = lines.stream().filter(Outline.Line::isSection).findFirst().orElseThrow();
                assertEquals(4, header.open(), "Pack, Books, Mugs and Tape" + (collapsed == null ? "" : ", folded"));
            }
        }
    }
}
