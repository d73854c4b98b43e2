package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view kept up to date by patches ends where a full run of its query is, whatever the edits; a
 * long view shows its first page before the rest; another program's writes reload it.
 */
@Tag("unit")
class LiveItemsTest {
    @TempDir
    Path dir;

    /** Applies what the sink is told the way the item list does: drop the changed ids, insert in order. */
    static class Rows implements LiveItems.Sink {
        final List<Item> rows = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void reset(List<Item> all, boolean complete, long total) {
            rows.clear();
            rows.addAll(all);
            calls.add((complete ? "whole " : "page ") + all.size());
        }

        @Override
        public synchronized void patch(Set<String> changed, List<Item> back, Comparator<Item> order) {
            rows.removeIf(i -> changed.contains(i.id()));
            rows.addAll(back);
            rows.sort(order);
            calls.add("patch " + changed.size());
        }

        synchronized List<Item> rows() {
            return List.copyOf(rows);
        }

        synchronized List<String> ids() {
            return rows.stream().map(Item::id).toList();
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        @Override
        public synchronized void failed(RuntimeException failure) {
            calls.add("failed " + failure.getMessage());
        }
    }

    /** What a full run of the view's query gives now. */
    private static List<Item> db(TodoStore store, Listing view, Listing.Sort sort) {
        Listing.Query q = Listing.query(view, store.today(), sort);
        return store.db().query(Item.class, q.sql(), q.params().toArray());
    }

    @Test
    void subscribeRows_randomEdits_patchesEndWhereAFullQueryIs() throws Exception {
        Random random = new Random();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("live.db")), Clock.systemUTC())) {
            TodoList work = store.createList("Work");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(store.add("todo " + i, i % 3 == 0 ? work.id() : null, null).id());
            }
            TagStore tags = new TagStore(store);
            List<Listing> views = List.of(Listing.inbox(), Listing.of(Listing.BuiltIn.COMPLETED), new Listing.UserListing(work.id()),
                    new Listing.TagListing("home"), Listing.inbox());
            List<Listing.Sort> sorts = List.of(Listing.Sort.DEFAULT, Listing.Sort.DUE, Listing.Sort.PRIORITY, Listing.Sort.DEFAULT,
                    Listing.Sort.TITLE);
            for (int v = 0; v < views.size(); v++) {
                Listing view = views.get(v);
                Listing.Sort sort = sorts.get(v);
                Rows rows = new Rows();
                Subscription s = store.subscribeRows(view, store.today(), sort, rows);
                for (int step = 0; step < 60; step++) {
                    String id = ids.get(random.nextInt(ids.size()));
                    switch (random.nextInt(10)) {
                        case 7 -> tags.add(id, List.of(random.nextBoolean() ? "home" : "work"));
                        case 8 -> tags.remove(id, List.of("home"));
                        case 9 -> store.update(id, it -> it.withPriority(random.nextBoolean() ? null : 1 + random.nextInt(4))
                                .withDue(random.nextBoolean() ? null : store.today().plusDays(random.nextInt(5))));
                        case 0 -> ids.add(store.add("new " + step, random.nextBoolean() ? work.id() : null, null).id());
                        case 1 -> store.setDone(id, random.nextBoolean());
                        case 2 -> store.trash(id);
                        case 3 -> store.update(id, it -> it.withListId(random.nextBoolean() ? work.id() : null));
                        case 4 -> store.update(id, it -> it.withTitle("renamed " + random.nextInt()));
                        case 5 -> store.writeAll(tx -> {
                            // More rows than a patch reads back: a reload.
                            for (int i = 0; i < LiveItems.PATCH_LIMIT + 1; i++) {
                                tx.save(Item.create("bulk " + i, null, null, System.currentTimeMillis()));
                            }
                            return null;
                        });
                        default -> store.createList("List " + step);
                    }
                }
                Await.until(view.key() + " " + sort + ": the live rows to be a full query's", rows::calls,
                        calls -> rows.rows().equals(db(store, view, sort)));
                assertTrue(rows.calls().stream().anyMatch(c -> c.startsWith("patch")), rows.calls().toString());
                s.close();
            }
        }
    }

    @Test
    void open_databaseUnreadable_sinkToldAndNothingThrown() {
        Db db = Db.open(dir.resolve("gone.db"));
        db.close();
        Rows rows = new Rows();
        LiveItems live = LiveItems.open(db, Listing.query(Listing.inbox(), java.time.LocalDate.now(), Listing.Sort.DEFAULT),
                rows, Runnable::run);
        live.close();
        assertEquals(1, rows.calls().size(), rows.calls().toString());
        assertTrue(rows.calls().get(0).startsWith("failed "), rows.calls().toString());
    }

    @Test
    void close_whileALoadIsBetweenItsPages_waitsForItBeforeTheDatabaseCloses() throws Exception {
        TodoStore store = new TodoStore(Db.open(dir.resolve("closing.db")), Clock.systemUTC());
        store.writeAll(tx -> {
            for (int i = 0; i < LiveItems.FIRST_PAGE + 50; i++) {
                tx.save(Item.create("todo " + i, null, null, i));
            }
            return null;
        });
        java.util.concurrent.CountDownLatch onFirstPage = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Rows rows = new Rows() {
            @Override
            public void reset(List<Item> all, boolean complete, long total) {
                super.reset(all, complete, total);
                if (!complete) {
                    onFirstPage.countDown();
                    // Held until released, an interrupt or not: the close must not cut a load short.
                    boolean interrupted = false;
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.subscribeRows(Listing.inbox(), store.today(), Listing.Sort.DEFAULT, rows);
        assertTrue(onFirstPage.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first page came");
        Thread live = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("tandem-live-items"))
                .filter(t -> t.getStackTrace().length > 0 && java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith(LiveItemsTest.class.getName())))
                .findFirst().orElseThrow();
        live.setUncaughtExceptionHandler((t, e) -> escaped.add(e));
        Thread closer = new Thread(store::close, "closer");
        closer.start();
        // The close either waits in the live views' close for the load (as it must), or has closed the database
        // under it already.
        Await.until("the close waits for the load or is done", () -> closer.getState() == Thread.State.TERMINATED
                || java.util.Arrays.stream(closer.getStackTrace()).anyMatch(f -> f.getClassName().equals(Stores.class.getName())
                        && f.getMethodName().equals("close")));
        release.countDown();
        closer.join(20_000);
        assertEquals(List.of("page " + LiveItems.FIRST_PAGE, "whole " + (LiveItems.FIRST_PAGE + 50)), rows.calls(),
                "the load in hand ends before the database closes");
        assertEquals(List.of(), escaped);
    }

    @Test
    void subscribeRows_longView_firstPageThenWhole() throws Exception {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("long.db")), Clock.systemUTC())) {
            store.writeAll(tx -> {
                for (int i = 0; i < LiveItems.FIRST_PAGE * 3; i++) {
                    tx.save(Item.create("todo " + i, null, null, i));
                }
                return null;
            });
            Rows rows = new Rows();
            store.subscribeRows(Listing.inbox(), store.today(), Listing.Sort.DEFAULT, rows);
            Await.until("two calls", rows::calls, calls -> calls.size() == 2);
            assertEquals(List.of("page " + LiveItems.FIRST_PAGE, "whole " + LiveItems.FIRST_PAGE * 3), rows.calls());
        }
    }

    @Test
    void subscribeRows_anotherProgramWrites_reloads() throws Exception {
        Path file = dir.resolve("shared.db");
        try (TodoStore app = new TodoStore(Db.open(file), Clock.systemUTC())) {
            Rows rows = new Rows();
            app.subscribeRows(Listing.inbox(), app.today(), Listing.Sort.DEFAULT, rows);
            Await.until("a first call", rows::calls, calls -> !calls.isEmpty());
            String id;
            try (TodoStore cli = new TodoStore(Db.open(file), Clock.systemUTC())) {
                id = cli.add("from the command line", null, null).id();
            }
            Await.until("the new row", rows::calls, calls -> rows.ids().contains(id));
        }
    }

    @Test
    void subscribeRows_searchMatchingMany_showsTheNewestWithTheirNumber() throws Exception {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("search.db")), Clock.systemUTC())) {
            store.writeAll(tx -> {
                for (int i = 0; i <= LiveItems.RANKED_UP_TO; i++) {
                    tx.save(Item.create("water the plants " + i, null, null, i));
                }
                return null;
            });
            long[] total = {0};
            List<Item> shown = new ArrayList<>();
            store.subscribeRows(new Listing.SearchListing("wat"), store.today(), Listing.Sort.DEFAULT, new LiveItems.Sink() {
                @Override
                public synchronized void reset(List<Item> rows, boolean complete, long t) {
                    shown.clear();
                    shown.addAll(rows);
                    total[0] = t;
                }

                @Override
                public void patch(Set<String> changed, List<Item> rows, Comparator<Item> order) {
                    throw new AssertionError("a search is not patched");
                }

                @Override
                public void failed(RuntimeException failure) {
                    throw new AssertionError("the search failed", failure);
                }
            });
            Await.until("a total", () -> total[0], t -> t != 0);
            assertEquals(LiveItems.RANKED_UP_TO + 1, total[0]);
            assertEquals(LiveItems.NEWEST, shown.size());
            assertEquals("water the plants " + LiveItems.RANKED_UP_TO, shown.get(0).title(), "newest first");
        }
    }
}
