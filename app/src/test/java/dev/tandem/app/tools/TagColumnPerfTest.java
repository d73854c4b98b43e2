package dev.tandem.app.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reading the tags costs the item list: the Inbox query with the tags subquery (what the app runs)
 * against the same query without it (the query before tags), alternated run by run on one SQLite file
 * with 10,000 open todos, a third of them with two tags. Prints medians; run with -Pperf.
 */
@Tag("perf")
class TagColumnPerfTest {
    @TempDir
    Path tmp;

    @Test
    void inboxQuery_withTags_againstWithout() {
        try (TodoStore store = new TodoStore(Db.open(tmp.resolve("perf.db")), Clock.systemUTC(), ZoneOffset.UTC)) {
            store.writeAll(tx -> {
                for (int i = 0; i < 10_000; i++) {
                    Item it = tx.save(Item.create("Todo number " + i, null, null, i));
                    if (i % 3 == 0) {
                        tx.save(ItemTag.of(it.id(), "tag" + (i % 20)));
                        tx.save(ItemTag.of(it.id(), "home"));
                    }
                }
                return null;
            });
            Listing.Query withTags = Listing.query(Listing.inbox(), store.today());
            String without = "SELECT * FROM items WHERE trashedAt IS NULL AND coalesce(done, 0) = 0"
                    + " AND (listId IS NULL OR listId NOT IN (SELECT id FROM lists)) ORDER BY createdAt, id";
            long[] a = new long[21];
            long[] b = new long[21];
            for (int r = 0; r < 3; r++) {
                store.writeAll(tx -> tx.query(Item.class, withTags.sql()));
                store.writeAll(tx -> tx.query(Item.class, without));
            }
            for (int r = 0; r < a.length; r++) {
                long t0 = System.nanoTime();
                List<Item> x = store.writeAll(tx -> tx.query(Item.class, withTags.sql()));
                long t1 = System.nanoTime();
                List<Item> y = store.writeAll(tx -> tx.query(Item.class, without));
                long t2 = System.nanoTime();
                a[r] = t1 - t0;
                b[r] = t2 - t1;
                assertEquals(y.size(), x.size());
            }
            Arrays.sort(a);
            Arrays.sort(b);
            System.out.printf("tandem.perf inbox-10k with-tags-median-ms=%.2f without-median-ms=%.2f ratio=%.2f%n",
                    a[10] / 1e6, b[10] / 1e6, (double) a[10] / b[10]);
        }
    }
}
