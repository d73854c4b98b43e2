package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each view's comparator orders exactly as its SQL does, on random rows with NULLs, ties and ids
 * of mixed case and length: a patch puts a row where a full re-run of the query would.
 */
@Tag("unit")
class OrderTest {
    @TempDir
    Path dir;

    @RepeatedTest(20)
    void order_randomRows_matchesSqlite() {
        Random random = new Random();
        LocalDate today = LocalDate.of(2026, 11, 22);
        try (Db db = Db.open(dir.resolve("order-" + random.nextInt() + ".db"));
             TodoStore store = new TodoStore(db, Clock.systemUTC())) {
            TodoList list = store.createList("Work");
            db.transaction(tx -> {
                for (int i = 0; i < 300; i++) {
                    String id = Integer.toString(random.nextInt(100_000), random.nextBoolean() ? 16 : 36)
                            + (random.nextBoolean() ? "A" : "a") + i;
                    Long created = random.nextInt(5) == 0 ? null : (long) random.nextInt(20);
                    String due = random.nextInt(3) == 0 ? null : today.plusDays(random.nextInt(9) - 4).toString();
                    boolean done = random.nextInt(3) == 0;
                    Long doneAt = done && random.nextInt(4) > 0 ? (long) random.nextInt(10) : null;
                    Long trashedAt = random.nextInt(5) == 0 ? (long) random.nextInt(10) : null;
                    String title = random.nextInt(8) == 0 ? null : TITLES[random.nextInt(TITLES.length)];
                    Long priority = random.nextInt(3) == 0 ? null : 1L + random.nextInt(4);
                    tx.save(new Item(id, random.nextBoolean() ? list.id() : null, title, null,
                            random.nextInt(10) == 0 ? "" : due, done ? 1L : 0L, doneAt, trashedAt, created, priority, null,
                            null, null, null, random.nextInt(6) == 0 ? Item.NOTE : null,
                            random.nextInt(3) == 0 ? null : String.format("%02d:%02d", random.nextInt(3) + 9, random.nextInt(2) * 30),
                            null, null));
                    if (random.nextBoolean()) {
                        TagStore.add(tx, id, "home");
                    }
                }
            });
            List<Listing> views = new ArrayList<>();
            for (Listing.BuiltIn s : Listing.BuiltIn.values()) {
                views.add(Listing.of(s));
            }
            views.add(new Listing.UserListing(list.id()));
            views.add(new Listing.TagListing("home"));
            views.add(new Listing.SearchListing("", "home"));
            views.add(Listing.FilterListing.search(new Filter.Or(List.of(new Filter.Is(Filter.Flag.DONE),
                    new Filter.Is(Filter.Flag.NO_DATE), new Filter.Priority(2)))));
            views.add(Listing.FilterListing.saved("f", new Filter.Not(new Filter.Priority(1))));
            for (Listing v : views) {
                for (Listing.Sort sort : Listing.Sort.values()) {
                    Listing.Query q = Listing.query(v, today, sort);
                    List<Item> bySql = db.query(Item.class, q.sql(), q.params().toArray());
                    List<Item> byComparator = new ArrayList<>(bySql);
                    Collections.shuffle(byComparator, random);
                    byComparator.sort(q.order());
                    assertEquals(ids(bySql), ids(byComparator), v.key() + " by " + sort);
                }
            }
        }
    }

    /** Titles that NOCASE orders differently from plain code point order, and from Unicode case folding. */
    private static final String[] TITLES = {"apple", "Apple", "APPLE", "banana", "Zebra", "zebra", "_under", "Ärger",
        "ärger", "émile", "Emile", "b", "B", "", "😀 smile", "\uE000 private", "10", "9"};

    private static List<String> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
