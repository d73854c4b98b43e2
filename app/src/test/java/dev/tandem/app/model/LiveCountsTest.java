package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidebar counts kept from each commit's rows are the counts of every row, whatever the commits: the query
 * {@link Queries#COUNTS} run afresh is the reference after every step.
 */
@Tag("unit")
class LiveCountsTest {
    @TempDir
    Path dir;
    TodoStore store;
    LocalDate today;
    final AtomicReference<List<Count>> heard = new AtomicReference<>();
    final List<List<Count>> all = new CopyOnWriteArrayList<>();
    Subscription counts;

    @BeforeEach
    void open() {
        store = new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZoneId.of("UTC"));
        today = store.today();
    }

    @AfterEach
    void close() {
        if (counts != null) {
            counts.close();
        }
        store.close();
    }

    private void subscribe() {
        counts = store.subscribeCounts(today, c -> {
            heard.set(c);
            all.add(c);
        }, Runnable::run);
    }

    private void settled(String after) {
        Await.until(after + ": the kept counts to be the query's",
                () -> store.counts(today).equals(heard.get()) ? "same" : store.counts(today) + " heard " + heard.get(),
                "same"::equals);
    }

    /**
     * An honest user's edits one by one, beside another device's batches (many rows at once, dates that are no
     * dates, kinds and lists this device does not know), deletes, lists made and removed: after each, the counts
     * heard are the query's.
     */
    @Test
    void subscribeCounts_randomCommitsOfEveryShape_alwaysEndAtTheQuerysCounts() {
        SplittableRandom r = new SplittableRandom(20261130);
        List<String> lists = new ArrayList<>();
        lists.add(store.createList("Work").id());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(store.add("todo " + i, i % 3 == 0 ? null : lists.get(0), i % 4 == 0 ? today.plusDays(i % 9 - 3) : null).id());
        }
        subscribe();
        settled("the first count");
        for (int step = 0; step < 120; step++) {
            int op = r.nextInt(10);
            String what;
            if (op < 4) {
                String id = ids.get(r.nextInt(ids.size()));
                what = "edit " + id;
                store.update(id, i -> shuffled(i, r, lists));
            } else if (op == 4) {
                what = "a batch";
                store.db().transaction(tx -> {
                    for (int k = 0; k < 1 + r.nextInt(40); k++) {
                        String id = ids.get(r.nextInt(ids.size()));
                        tx.get(Item.class, id).ifPresent(i -> tx.save(shuffled(i, r, lists)));
                    }
                    for (int k = 0; k < r.nextInt(5); k++) {
                        Item made = tx.save(shuffled(new Item(null, null, "synced", null, null, 0L, null, null,
                                System.currentTimeMillis()), r, lists));
                        ids.add(made.id());
                    }
                });
            } else if (op == 5) {
                what = "a delete";
                String id = ids.remove(r.nextInt(ids.size()));
                store.db().transaction(tx -> tx.delete(Item.class, id));
            } else if (op == 6) {
                what = "a list made";
                lists.add(store.createList("List " + step).id());
            } else if (op == 7 && r.nextBoolean()) {
                what = "a list renamed";
                store.renameList(lists.get(r.nextInt(lists.size())), "Renamed " + step);
            } else if (op == 7 && lists.size() > 1) {
                what = "a list removed";
                String gone = lists.remove(1 + r.nextInt(lists.size() - 1));
                store.db().transaction(tx -> tx.delete(TodoList.class, gone));
            } else {
                what = "an add";
                ids.add(store.add("added " + step, r.nextBoolean() ? null : lists.get(r.nextInt(lists.size())),
                        r.nextBoolean() ? today : null).id());
            }
            settled("step " + step + ", " + what);
        }
        assertTrue(all.size() > 30, "heard " + all.size() + " times");
    }

    /** A commit that changes nothing the counts read (a title) is not heard again. */
    @Test
    void subscribeCounts_aCommitThatMovesNoCount_deliversNothingNew() {
        String id = store.add("milk", null, null).id();
        subscribe();
        settled("the first count");
        int before = all.size();
        store.update(id, i -> i.withTitle("oat milk"));
        store.add("bread", null, today);
        settled("an add for today");
        assertEquals(before + 1, all.size(), "the rename moved no count; the add did: " + all);
    }

    /** Rowids far apart (a synced row put at the end of the rowid range) count from scratch, and stay right. */
    @Test
    void subscribeCounts_rowidsFarApartWrittenByAnotherProgram_countedRight() throws Exception {
        store.add("first", null, today);
        subscribe();
        settled("the first count");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             Statement s = other.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("INSERT INTO items(rowid, id, title, done, createdAt, due) VALUES (9000000000, 'far', 'far', 0, 1, '"
                    + today + "')");
        }
        settled("another program's row far past the others");
        store.add("next", null, today);
        settled("an add after them");
        store.update("far", i -> i.withDue(today));
        settled("the far row given today");
    }

    private Item shuffled(Item i, SplittableRandom r, List<String> lists) {
        return switch (r.nextInt(9)) {
            case 0 -> i.withDone(r.nextBoolean(), System.currentTimeMillis());
            case 1 -> i.withTrashedAt(r.nextBoolean() ? null : System.currentTimeMillis());
            case 2 -> i.withDue(r.nextBoolean() ? null : today.plusDays(r.nextInt(7) - 3));
            case 3 -> i.withStartText(r.nextBoolean() ? "not a date" : today.plusDays(r.nextInt(5) - 1).toString());
            case 4 -> i.withSomeday(r.nextBoolean());
            case 5 -> i.withKind(r.nextBoolean() ? Item.NOTE : r.nextBoolean() ? "a kind from later" : null);
            case 6 -> i.withListId(r.nextInt(4) == 0 ? "no-such-list" : r.nextBoolean() ? null
                    : lists.get(r.nextInt(lists.size())));
            case 7 -> i.withTitle("renamed " + r.nextInt());
            default -> i.withDone(false, 0).withTrashedAt(null).withSomeday(false);
        };
    }
}
