package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who hears of rows a commit wrote without an event naming them ({@link ChangeListener#onUnnamedWrites}): a
 * listener that keeps state per row of a table hears of a trigger's writes to it, before the commit's events; one
 * that watches other tables, or none, hears what it always did.
 */
@Tag("unit")
class UnnamedWritesTest {
    @TempDir
    Path dir;

    /** Every table of the fixtures, plus one a trigger writes a row of for each item saved. */
    private static List<String> migrations() {
        List<String> m = new ArrayList<>(Fixtures.MIGRATIONS);
        m.add("CREATE TABLE audit(id TEXT PRIMARY KEY, what TEXT);"
                + "CREATE TRIGGER audit_item AFTER INSERT ON item BEGIN"
                + " INSERT INTO audit(id, what) VALUES ('audit-' || new.id, new.title); END");
        return m;
    }

    static final class Heard implements ChangeListener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final Set<String> watched;

        Heard(Set<String> watched) {
            this.watched = watched;
        }

        @Override
        public void onCommit(List<ChangeEvent> events) {
            events.forEach(e -> queue.add(e.kind() + " " + e.table() + " " + e.id()));
        }

        @Override
        public void onUnnamedWrites(Set<String> tables) {
            queue.add("unnamed " + tables);
        }

        @Override
        public Set<String> tablesWatched() {
            return watched;
        }

        List<String> next(int n) throws InterruptedException {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String s = queue.poll(10, TimeUnit.SECONDS);
                if (s == null) {
                    throw new AssertionError("heard only " + out);
                }
                out.add(s);
            }
            return out;
        }
    }

    @Test
    void subscribe_triggerWritesAWatchedTable_heardAsUnnamedBeforeTheEvents() throws Exception {
        try (Db db = Db.open(dir.resolve("u.db"))) {
            db.migrate(migrations());
            Heard audit = new Heard(Set.of("AUDIT", "tag"));
            Heard items = new Heard(Set.of("item"));
            Heard plain = new Heard(Set.of());
            db.subscribe(audit);
            db.subscribe(items);
            db.subscribe(plain);
            db.save(new Fixtures.Item("a", null, "milk", false, null, null));
            db.save(new Fixtures.Tag("t", "home"));
            assertEquals(List.of("unnamed [audit]", "INSERT item a", "INSERT tag t"), audit.next(3));
            assertEquals(List.of("INSERT item a", "INSERT tag t"), items.next(2),
                    "the item's own row is named: nothing unnamed for item");
            assertEquals(List.of("INSERT item a", "INSERT tag t"), plain.next(2));
            db.save(new Fixtures.Tag("u", "work"));
            assertEquals(List.of("INSERT tag u"), audit.next(1), "no trigger ran: nothing unnamed");
        }
    }
}
