package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Completing a repeating todo copies its subtasks fresh under the next occurrence, from rows other devices wrote:
 * a loop of parents, a tree deeper than this device ever writes, a todo with thousands of subtasks. The rows are
 * written here as a merged batch leaves them, straight to the table: the tree's repair runs only after a sync's
 * commit and on a thread of its own (a completion can come first; the command line repairs only after its own
 * sync), it never shortens a chain, and it leaves a loop through another list alone. So the copy bounds itself
 * as the page's does ({@code series.js}): each todo copied once, at most {@link Outline#MAX_DEPTH} levels and
 * {@link SeriesStore#MAX_COPIES} rows, the same bounds as the page's.
 */
@Tag("unit")
class SeriesFreshChildrenAttackTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);

    @AfterEach
    void close() {
        store.close();
    }

    private Item weekly() {
        return store.add("Water plants", null, null, LocalDate.of(2026, 11, 23),
                new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
    }

    /** Rows as sync writes them: no depth check, no loop check, one transaction. */
    private List<Item> chainUnder(String parentId, int length) {
        return store.db().transactionResult(tx -> {
            List<Item> out = new ArrayList<>();
            String above = parentId;
            for (int i = 1; i <= length; i++) {
                Item saved = tx.save(Item.create("Level " + i, null, null, 1L).withParentId(above));
                out.add(saved);
                above = saved.id();
            }
            return out;
        });
    }

    private Item next(Item done) {
        return store.series().complete(done.id()).orElseThrow().next().orElseThrow();
    }

    /** The fresh copies of {@code chain} under {@code next}, level by level, as far as they go. */
    private int levelsCopied(Item next, List<Item> chain) {
        String at = next.id();
        int n = 0;
        for (Item original : chain) {
            String copy = DerivedIds.freshChild(at, original.id());
            if (store.get(copy).isEmpty()) {
                break;
            }
            at = copy;
            n++;
        }
        return n;
    }

    @Test
    void complete_syncedParentLoop_copiesEachSubtaskOnce() {
        Item plants = weekly();
        Item fern = chainUnder(plants.id(), 1).get(0);
        // Another device put the todo under its own subtask: plants -> fern -> plants.
        store.db().transaction(tx -> tx.save(tx.get(Item.class, plants.id()).orElseThrow().withParentId(fern.id())));

        Item next = next(plants);

        String freshFern = DerivedIds.freshChild(next.id(), fern.id());
        assertTrue(store.get(freshFern).isPresent());
        // Nothing under the copy: not the todo again, nor its next occurrence (which sits under the fern too).
        assertEquals(List.of(), store.db().query(Item.class, "SELECT * FROM items WHERE parentId = ?", freshFern));
    }

    @Test
    void complete_chainDeeperThanTheLimit_copiesMaxDepthLevels() {
        Item plants = weekly();
        List<Item> chain = chainUnder(plants.id(), Outline.MAX_DEPTH + 8);

        assertEquals(Outline.MAX_DEPTH, levelsCopied(next(plants), chain));
    }

    @Test
    void createNext_moreSubtasksThanTheBudget_copiesAsManyAsItAllows() {
        // The bound itself is 5,000 rows; a budget of 3 shows it is kept without writing thousands here.
        Item plants = weekly();
        for (int i = 0; i < 4; i++) {
            chainUnder(plants.id(), 2); // 8 subtasks in all, at two levels
        }

        Item next = store.writeAll(tx -> SeriesStore.createNext(tx, tx.get(Item.class, plants.id()).orElseThrow(),
                1_800_000_000_000L, 3));

        List<Item> copied = store.db().query(Item.class, "SELECT * FROM items WHERE parentId = ?", next.id());
        List<Item> under = store.db().query(Item.class, "SELECT * FROM items WHERE parentId IN (SELECT id FROM items"
                + " WHERE parentId = ?)", next.id());
        assertEquals(3, copied.size() + under.size(), "copies made");
    }

    @Test
    void maxCopies_isThePagesBound() throws IOException {
        // The page copies as the desktop does (vectors hold the rows alike): a bound changed on one side alone
        // would make a big tree complete differently on the phone.
        String js = Files.readString(Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "app",
                "series.js"), StandardCharsets.UTF_8);
        assertTrue(js.contains("export const MAX_COPIES = " + SeriesStore.MAX_COPIES + ";"), "series.js MAX_COPIES");
        assertTrue(js.contains("export const MAX_DEPTH = " + Outline.MAX_DEPTH + ";"), "series.js MAX_DEPTH");
    }
}
