package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SavedFiltersTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final SavedFilters filters = store.savedFilters();

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> names() {
        return filters.all().stream().map(SavedFilter::name).toList();
    }

    private String id(String name) {
        return filters.named(name).orElseThrow().id();
    }

    @Test
    void move_beforeAnotherOrLast_changesOnlyTheOrderAndSaysWhereItWas() {
        for (String n : List.of("A", "B", "C")) {
            filters.save(n, new Filter.Priority(1), "");
        }
        assertEquals(id("B"), filters.move(id("A"), id("C")).orElseThrow().wasBefore());
        assertEquals(List.of("B", "A", "C"), names());
        assertEquals(null, filters.move(id("C"), id("B")).orElseThrow().wasBefore());
        assertEquals(List.of("C", "B", "A"), names());
        filters.move(id("C"), null);
        assertEquals(List.of("B", "A", "C"), names());
        assertTrue(filters.move("no-such-id", null).isEmpty());
    }

    @Test
    void move_rowsWithoutOrTiedPlaces_numbersThemAfreshInTheOrderShown() {
        // As rows from an older device or another program could be: no rank, a rank that is no rank, a tie.
        store.db().transaction(tx -> {
            tx.save(new SavedFilter("a", "A", "p1", "", null, 1L));
            tx.save(new SavedFilter("b", "B", "p2", "", "not a rank!", 2L));
            tx.save(new SavedFilter("c", "C", "p3", "", "V", 3L));
            tx.save(new SavedFilter("d", "D", "p4", "", "V", 4L));
        });
        filters.move("a", null);
        assertEquals("A", names().get(3), names().toString());
        filters.move("d", "c");
        List<String> now = names();
        assertEquals(now.indexOf("D") + 1, now.indexOf("C"), now.toString());
        assertTrue(filters.all().stream().allMatch(f -> Rank.isValid(f.rank())), "every place is a rank again");
    }

    @Test
    void move_rowHoldingMoreThanIsRead_keepsItWhole() {
        // The sidebar reads a query up to 1,001 characters; moving a longer one synced from elsewhere must not cut it.
        String longQuery = "search: " + "word ".repeat(1_000);
        store.db().transaction(tx -> tx.save(new SavedFilter("x", "Long", longQuery, "", null, 1L)));
        filters.save("Short", new Filter.Priority(1), "");
        filters.move("x", null);
        assertEquals(List.of("Short", "Long"), names());
        assertEquals(longQuery, store.db().get(SavedFilter.class, "x").orElseThrow().query());
        assertEquals(Filter.MAX_CHARS + 1, filters.all().get(1).query().length());
    }

    @Test
    void save_afterASyncedRowWhoseRankIsNoRank_savesTheNewOneLast() {
        // Another device (or program) wrote a rank that is no rank: saving a filter here must still work.
        store.db().transaction(tx -> tx.save(new SavedFilter("z", "Z", "p1", "", "~not a rank~", 1L)));
        SavedFilter mine = filters.save("Mine", new Filter.Priority(2), "");
        assertTrue(Rank.isValid(mine.rank()), mine.rank());
        assertEquals(2, filters.all().size());
    }
}
