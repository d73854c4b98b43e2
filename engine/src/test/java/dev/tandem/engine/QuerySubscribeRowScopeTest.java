package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.QuerySubscribeTest.Results;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row scoping: a subscribed query over one table whose result cannot contain the rows a commit
 * changed gets its last result again (the same list) instead of a re-run; every query whose
 * result may differ is re-run. The cases below are the ways a skip could go wrong.
 */
@Tag("unit")
class QuerySubscribeRowScopeTest {
    static final String LIST_VIEW = "SELECT * FROM item WHERE list_id = ? ORDER BY title";

    @TempDir
    Path dir;
    Db db;

    /** A result row whose {@code id} is whatever the query named so. */
    public record Labelled(String id, String title) {
    }

    @BeforeEach
    void open() {
        db = Db.open(dir.resolve("scope.db"));
        db.migrate(Fixtures.MIGRATIONS);
        db.save(new TodoList("home", "Home"));
        db.save(new TodoList("work", "Work"));
        db.save(new Item("h1", "home", "milk", false, 1L, null));
        db.save(new Item("h2", "home", "bread", false, 2L, null));
        db.save(new Item("w1", "work", "report", false, 3L, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void querySubscribe_rowOfAnotherListEdited_deliversTheSameResultAgain() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        List<Item> first = home.next();
        db.save(new Item("w1", "work", "report v2", false, 3L, null));
        List<Item> again = home.next();
        assertSame(first, again, "an edit outside the result must not re-run the query");
    }

    @Test
    void querySubscribe_rowOfTheResultEdited_reRuns() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        home.next();
        db.save(new Item("h1", "home", "oat milk", false, 1L, null));
        assertEquals(List.of("bread", "oat milk"), titles(home.next()));
    }

    @Test
    void querySubscribe_rowMovedIntoTheResult_reRuns() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        home.next();
        db.save(new Item("w1", "home", "report", false, 3L, null));
        assertEquals(List.of("bread", "milk", "report"), titles(home.next()));
    }

    @Test
    void querySubscribe_rowInsertedIntoTheResult_reRuns() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        home.next();
        db.save(new Item(null, "home", "apples", false, null, null));
        assertEquals(List.of("apples", "bread", "milk"), titles(home.next()));
    }

    @Test
    void querySubscribe_rowOfTheResultDeleted_reRuns() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        home.next();
        db.delete(Item.class, "h2");
        assertEquals(List.of("milk"), titles(home.next()));
    }

    @Test
    void querySubscribe_limitAndAnEditThatEntersTheTop_reRuns() throws Exception {
        Results<Item> top = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM item ORDER BY title LIMIT 2", List.of(), top::accept);
        assertEquals(List.of("bread", "milk"), titles(top.next()));
        db.save(new Item("w1", "work", "apples", false, 3L, null));
        assertEquals(List.of("apples", "bread"), titles(top.next()));
    }

    @Test
    void querySubscribe_triggerEditsAnotherRowOfTheTable_reRuns() throws Exception {
        db.migrate(append("CREATE TRIGGER item_poke AFTER UPDATE OF title ON item WHEN new.title = 'poke' BEGIN"
                + " UPDATE item SET notes = 'poked' WHERE id = 'h1'; END;"));
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        home.next();
        db.save(new Item("w1", "work", "poke", false, 3L, null));
        Item h1 = home.next().stream().filter(i -> i.id().equals("h1")).findFirst().orElseThrow();
        assertEquals("poked", h1.notes(), "the trigger's write must reach the view");
    }

    @Test
    void querySubscribe_idIsAnotherColumn_reRuns() throws Exception {
        Results<Labelled> byList = new Results<>();
        db.querySubscribe(Labelled.class, "SELECT list_id AS id, title FROM item WHERE done = 0 ORDER BY title",
                List.of(), byList::accept);
        assertEquals(3, byList.next().size());
        db.save(new Item(null, "work", "call", false, null, null));
        assertEquals(4, byList.next().size(), "an aliased id must not be mistaken for the row's key");
    }

    @Test
    void querySubscribe_subqueryOverTheSameTable_reRuns() throws Exception {
        Results<Item> above = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM item WHERE priority > (SELECT avg(priority) FROM item)"
                + " ORDER BY title", List.of(), above::accept);
        assertEquals(List.of("report"), titles(above.next()));
        db.save(new Item("w1", "work", "report", false, 0L, null));
        List<String> now = titles(above.next());
        assertTrue(now.contains("bread") && !now.contains("report"), "average moved: " + now);
    }

    @Test
    void querySubscribe_transactionTouchesBothLists_reRunsOnlyTheEdited() throws Exception {
        Results<Item> home = new Results<>();
        Results<Item> work = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
        db.querySubscribe(Item.class, LIST_VIEW, List.of("work"), work::accept);
        List<Item> homeFirst = home.next();
        work.next();
        db.transaction(tx -> {
            tx.save(new Item("w1", "work", "report v2", false, 3L, null));
            tx.save(new Item(null, "work", "slides", false, null, null));
        });
        assertSame(homeFirst, home.next());
        assertEquals(List.of("report v2", "slides"), titles(work.next()));
    }

    @Test
    void querySubscribe_remoteEditsMergedBySync_reachOnlyTheViewsTheyChange() throws Exception {
        SyncEngine sync = SyncEngine.builder()
                .storage(SyncStorage.memory()).build();
        sync.sync(db);
        try (Db other = Db.open(dir.resolve("other.db"))) {
            other.migrate(Fixtures.MIGRATIONS);
            sync.sync(other);
            Results<Item> home = new Results<>();
            Results<Item> work = new Results<>();
            db.querySubscribe(Item.class, LIST_VIEW, List.of("home"), home::accept);
            db.querySubscribe(Item.class, LIST_VIEW, List.of("work"), work::accept);
            List<Item> homeFirst = home.next();
            work.next();
            other.save(new Item("w1", "work", "report (remote)", false, 3L, null));
            other.save(new Item("r1", "work", "remote task", false, null, null));
            sync.sync(other);
            sync.sync(db);
            assertEquals(List.of("remote task", "report (remote)"), titles(work.next()));
            assertSame(homeFirst, home.next(), "a merge that changed only work items must not re-run home");
        }
    }

    @Test
    void querySubscribe_queryEndsWithSemicolon_stillUpdates() throws Exception {
        Results<Item> home = new Results<>();
        db.querySubscribe(Item.class, LIST_VIEW + ";", List.of("home"), home::accept);
        home.next();
        db.save(new Item("w1", "home", "report", false, 3L, null));
        assertEquals(List.of("bread", "milk", "report"), titles(home.next()));
        db.save(new Item("w2", "work", "other", false, 3L, null));
        assertEquals(List.of("bread", "milk", "report"), titles(home.next()));
    }

    private static List<String> titles(List<Item> items) {
        return items.stream().map(Item::title).toList();
    }

    private static List<String> append(String step) {
        List<String> all = new ArrayList<>(Fixtures.MIGRATIONS);
        all.add(step);
        return all;
    }
}
