package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * Whatever commits happen, every subscribed query's latest result equals what the query returns
 * when run afresh: row scoping may skip a re-run only when the result could not have changed.
 * The queries mix row-scoped ones (filters, orderings, LIMIT) with ones that are not (aggregates,
 * joins, subqueries, an aliased id); the scripts edit, move, insert, delete and restore items,
 * alone and several per transaction, plus writes through a trigger.
 */
@Tag("property")
class QuerySubscribeRowScopeProperties {
    static final List<String> QUERIES = List.of(
            "SELECT * FROM item WHERE list_id = 'a' ORDER BY title, id",
            "SELECT * FROM item WHERE list_id = 'b' AND done = 0 ORDER BY priority, id",
            "SELECT * FROM item WHERE done = 1 ORDER BY id",
            "SELECT * FROM item ORDER BY title, id LIMIT 3",
            "SELECT * FROM item WHERE priority > 2 ORDER BY priority DESC, id LIMIT 2 OFFSET 1",
            "SELECT * FROM item WHERE priority > (SELECT avg(priority) FROM item) ORDER BY id",
            "SELECT list_id AS id, title FROM item WHERE done = 0 ORDER BY title, list_id",
            "SELECT i.* FROM item i JOIN list l ON l.id = i.list_id WHERE l.name = 'A' ORDER BY i.id",
            "SELECT * FROM item i WHERE EXISTS (SELECT 1 FROM item j WHERE j.title = i.title AND j.id <> i.id) ORDER BY id");

    /** A result row of any of the queries, compared by its text. */
    public record Row(String id, String title, String listId, boolean done, Long priority, String notes) {
    }

    record Step(int op, int slot, int value, boolean batch) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 4), Arbitraries.of(true, false)).as(Step::new).list()
                .ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void querySubscribe_anyScript_latestResultEqualsAFreshRun(@ForAll("scripts") List<Step> script) throws Exception {
        try (Db db = Db.openMemory()) {
            List<String> migrations = new ArrayList<>(Fixtures.MIGRATIONS);
            migrations.add("CREATE TRIGGER poke AFTER UPDATE OF priority ON item WHEN new.priority = 4 BEGIN"
                    + " UPDATE item SET notes = 'poked ' || new.id WHERE id = 's0'; END;");
            db.migrate(migrations);
            db.save(new TodoList("a", "A"));
            db.save(new TodoList("b", "B"));
            List<AtomicReference<List<Row>>> latest = new ArrayList<>();
            for (String sql : QUERIES) {
                AtomicReference<List<Row>> ref = new AtomicReference<>();
                latest.add(ref);
                db.querySubscribe(Row.class, sql, List.of(), ref::set);
            }
            for (Step s : script) {
                if (s.batch()) {
                    db.transaction(tx -> apply(tx, s, db));
                    db.transaction(tx -> apply(tx, new Step((s.op() + 3) % 7, (s.slot() + 1) % 6, s.value(), false), db));
                } else {
                    db.transaction(tx -> apply(tx, s, db));
                }
                barrier(db);
                for (int q = 0; q < QUERIES.size(); q++) {
                    assertEquals(db.query(Row.class, QUERIES.get(q)), latest.get(q).get(), QUERIES.get(q));
                }
            }
        }
    }

    private static void apply(Tx tx, Step s, Db db) {
        String id = "s" + s.slot();
        Item current = tx.get(Item.class, id).orElse(null);
        String list = s.value() % 2 == 0 ? "a" : "b";
        switch (s.op()) {
            case 0 -> tx.save(new Item(id, list, "t" + s.value(), false, (long) s.value(), null));
            case 1 -> {
                if (current != null) {
                    tx.save(current.withTitle("t" + s.value()));
                }
            }
            case 2 -> {
                if (current != null) {
                    tx.save(current.withList(list));
                }
            }
            case 3 -> {
                if (current != null) {
                    tx.save(current.withDone(!current.done()));
                }
            }
            case 4 -> tx.delete(Item.class, id);
            case 5 -> tx.restore(Item.class, id);
            default -> {
                if (current != null) {
                    tx.save(new Item(id, current.listId(), current.title(), current.done(), (long) s.value(),
                            current.notes()));
                }
            }
        }
    }

    /**
     * Returns once every commit so far has been dispatched: a query subscribed after all the
     * others re-runs after them within a drain, so its result showing a new tag means they ran.
     */
    private static void barrier(Db db) throws InterruptedException {
        String label = UUID.randomUUID().toString();
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        Subscription s = db.querySubscribe(Fixtures.Tag.class, "SELECT * FROM tag WHERE label = ?", List.of(label),
                rows -> {
                    if (!rows.isEmpty()) {
                        done.add(true);
                    }
                });
        db.save(new Fixtures.Tag(null, label));
        if (done.poll(5, TimeUnit.SECONDS) == null) {
            throw new AssertionError("dispatcher did not drain");
        }
        s.close();
    }
}
