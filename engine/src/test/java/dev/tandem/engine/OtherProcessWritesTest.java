package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.QuerySubscribeTest.Results;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another program writing the same database file (the command line while the app is open): its
 * commits reach this program's subscriptions, and this program's later changes order after
 * theirs. A second {@link Db} on the file stands in for the other process: it has its own
 * connections, which is what SQLite tells apart.
 */
@Tag("unit")
class OtherProcessWritesTest {
    @TempDir
    Path dir;

    @Test
    void querySubscribe_anotherConnectionCommits_reRunsWithTheirRows() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Db app = Db.open(file)) {
            app.migrate(Fixtures.MIGRATIONS);
            app.save(new TodoList("home", "Home"));
            Results<Item> home = new Results<>();
            app.querySubscribe(Item.class, "SELECT * FROM item WHERE list_id = ? ORDER BY title", List.of("home"),
                    home::accept);
            assertEquals(List.of(), home.next());
            try (Db cli = Db.open(file)) {
                cli.migrate(Fixtures.MIGRATIONS);
                cli.save(new Item("c1", "home", "from the command line", false, null, null));
            }
            assertEquals(List.of("from the command line"), home.next().stream().map(Item::title).toList());
        }
    }

    @Test
    void migrate_anotherProgramMigratedAfterThisOpened_seesItsTables() {
        Path file = dir.resolve("shared.db");
        // Both open a fresh file; the other program migrates first, between this one's open and migrate.
        try (Db late = Db.open(file); Db first = Db.open(file)) {
            first.migrate(Fixtures.MIGRATIONS);
            late.migrate(Fixtures.MIGRATIONS);
            assertEquals(Fixtures.MIGRATIONS.size(), late.schemaVersion());
            late.save(new Item("x", null, "saved by the late one", false, null, null));
            assertEquals("saved by the late one", first.get(Item.class, "x").orElseThrow().title());
        }
    }

    @Test
    void save_afterAnotherConnectionsChange_ordersAfterIt() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Db app = Db.open(file)) {
            app.migrate(Fixtures.MIGRATIONS);
            Results<Item> all = new Results<>();
            app.querySubscribe(Item.class, "SELECT * FROM item", List.of(), all::accept);
            all.next();
            String theirs;
            try (Db cli = Db.builder().file(file)
                    // The other program's clock runs a minute ahead of ours.
                    .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)))
                    .build()) {
                theirs = cli.save(new Item("x", null, "theirs", false, null, null)).id();
            }
            all.next();
            app.save(new Item("x", null, "ours, later", false, null, null));
            List<Change> history = app.history().changes("item", theirs);
            assertEquals(2, history.size());
            assertTrue(history.get(1).fields().stream().anyMatch(f -> "ours, later".equals(f.value())),
                    "our later edit must order after theirs: " + history);
            assertEquals("ours, later", app.get(Item.class, "x").orElseThrow().title());
        }
    }

    @Test
    void subscribe_anotherConnectionCommits_listenerHearsOfUnknownChanges() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Db app = Db.open(file)) {
            app.migrate(Fixtures.MIGRATIONS);
            java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
            app.subscribe(new ChangeListener() {
                @Override
                public void onCommit(List<ChangeEvent> events) {
                    events.forEach(e -> heard.add(e.kind() + " " + e.id()));
                }

                @Override
                public void onUnknownChanges() {
                    heard.add("unknown");
                }
            });
            app.save(new Item("a1", null, "ours", false, null, null));
            // The migration ran before the listener subscribed, so it is not heard of even when its
            // delivery is still due; our own commit is named, never taken for another program's.
            java.util.List<String> before = new java.util.ArrayList<>();
            String next;
            while ((next = heard.poll(before.contains("INSERT a1") ? 300 : 10_000,
                    java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
                before.add(next);
            }
            assertEquals(List.of("INSERT a1"), before,
                    "our insert is named, and neither it nor the earlier migration heard of as unknown changes");
            try (Db cli = Db.open(file)) {
                cli.save(new Item("c1", null, "from the command line", false, null, null));
            }
            assertEquals("unknown", heard.poll(10, java.util.concurrent.TimeUnit.SECONDS),
                    "rows another program wrote are not named, but the listener hears of them");
        }
    }
}
