package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move or an indent reads the moved todo's subtree inside its write (the depth limit, a move to another list):
 * SQLite must find it through the parent index from the todo's row, never by reading every todo of its list,
 * which in a list of 10,000 todos made each move's write read all of them.
 */
@Tag("unit")
class SubtreeQueryPlanTest {
    @TempDir
    Path dir;

    /** One line of SQLite's plan. */
    record Step(String id, String detail) {
    }

    private static List<String> plan(Db db, String sql, Object... params) {
        return db.transactionResult(tx -> tx.query(Step.class, "EXPLAIN QUERY PLAN " + sql, params)).stream()
                .map(Step::detail).toList();
    }

    private static void assertReadsByParent(List<String> plan) {
        assertFalse(plan.stream().anyMatch(s -> s.contains("items_list") || s.startsWith("SCAN items")
                || s.startsWith("SCAN c") || s.startsWith("SCAN i ")), "reads the whole list: " + plan);
        assertEquals(2, plan.stream().filter(s -> s.contains("USING INDEX items_parent")).count(),
                "the first level and each step by the parent index: " + plan);
    }

    @Test
    void levelsUnderAndDescendants_inABigList_readTheSubtreeByItsParentIndex() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("plan.db")), Clock.systemUTC())) {
            String list = store.createList("Big").id();
            String top = store.add("top", null, list, null, TodoDetails.NONE).item().id();
            String step = store.add("step", null, list, top, null, TodoDetails.NONE).item().id();
            store.add("part", null, list, step, null, TodoDetails.NONE);
            for (int i = 0; i < 300; i++) {
                store.add("other " + i, null, list, null, TodoDetails.NONE);
            }
            assertReadsByParent(plan(store.db(), TreeDepth.LEVELS_UNDER, top, Outline.MAX_DEPTH));
            assertReadsByParent(plan(store.db(), ItemTree.DESCENDANTS, top, top));
            assertEquals(Integer.valueOf(2), store.db().<Integer>transactionResult(tx -> TreeDepth.levelsUnder(tx, top)));
            assertEquals(List.of("part", "step"), store.db().transactionResult(tx -> ItemTree.descendants(tx, top))
                    .stream().map(Item::title).sorted().toList());
            assertEquals(Integer.valueOf(1), store.db().<Integer>transactionResult(tx -> TreeDepth.levelsUnder(tx, step)));
        }
    }
}
