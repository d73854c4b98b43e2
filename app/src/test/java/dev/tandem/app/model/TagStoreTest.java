package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class TagStoreTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    private final TagStore tags = new TagStore(store);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void add_sameTagDifferentCase_isOneRow() {
        Item it = store.add("Milk", null, null);
        assertEquals(List.of("home"), tags.add(it.id(), List.of("Home", "@home", "HOME")));
        assertEquals(List.of("home"), tags.of(it.id()));
    }

    @Test
    void remove_thenAddAgain_bringsTheTagBack() {
        Item it = store.add("Milk", null, null);
        tags.add(it.id(), List.of("home", "shop"));
        assertEquals(List.of("shop"), tags.remove(it.id(), List.of("shop")));
        assertEquals(List.of("home"), tags.of(it.id()));
        tags.add(it.id(), List.of("shop"));
        assertEquals(List.of("home", "shop"), tags.of(it.id()));
    }

    @Test
    void counts_countOpenTodosOnly() {
        Item a = store.add("A", null, null);
        Item b = store.add("B", null, null);
        Item c = store.add("C", null, null);
        tags.add(a.id(), List.of("home"));
        tags.add(b.id(), List.of("home", "work"));
        tags.add(c.id(), List.of("home"));
        store.setDone(c.id(), true);
        assertEquals(List.of(new Count("home", 2L), new Count("work", 1L)), tags.counts());
    }

    @Test
    void tagView_andSearchWithTag_filterByTheTag() {
        Item a = store.add("Buy paint", null, null);
        Item b = store.add("Buy milk", null, null);
        store.add("Paint fence", null, null);
        tags.add(a.id(), List.of("home"));
        tags.add(b.id(), List.of("shop"));
        assertEquals(List.of(a.id()), store.query(new Listing.TagListing("home")).stream().map(Item::id).toList());
        assertEquals(List.of(a.id()), store.query(new Listing.SearchListing("buy", "home")).stream().map(Item::id).toList());
        assertEquals(List.of("home"), store.query(new Listing.TagListing("home")).get(0).tagList());
        assertTrue(store.query(new Listing.SearchListing("fence", "home")).isEmpty());
    }

    @Test
    void set_replacesTheTags() {
        Item it = store.add("Milk", null, null);
        tags.add(it.id(), List.of("a", "b"));
        assertEquals(List.of("a", "b"), tags.set(it.id(), List.of("b", "c")));
        assertEquals(List.of("b", "c"), tags.of(it.id()));
    }

    @Test
    void of_whileAWriteIsHeldOpen_readsWithoutWaitingForIt(@TempDir Path dir) throws Exception {
        // A file database: in WAL mode a reader only runs beside a writer on its own connection.
        try (TodoStore file = new TodoStore(Schema.database(dir.resolve("x.db")).build(), Clock.systemUTC(), ZoneOffset.UTC)) {
            TagStore fileTags = new TagStore(file);
            Item it = file.add("Milk", null, null);
            fileTags.add(it.id(), List.of("shop"));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // A merge, say, holds the write transaction.
                Future<?> write = pool.submit(() -> file.db().transaction(tx -> {
                    tx.save(file.get(it.id()).orElseThrow().withTitle("Oat milk"));
                    writing.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertTrue(writing.await(10, TimeUnit.SECONDS));
                Future<List<String>> read = pool.submit(() -> fileTags.of(it.id()));
                try {
                    assertEquals(List.of("shop"), read.get(2, TimeUnit.SECONDS), "the read did not wait for the write");
                } finally {
                    release.countDown();
                    write.get(30, TimeUnit.SECONDS);
                }
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }
}
