package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who hears of changes no event names ({@link ChangeListener#onUnknownChanges}): as with a commit, the
 * listeners subscribed when they happened, and nobody who subscribed after. A listener that acts on them
 * (the app's tree repair re-reads every todo) must not be woken by a migration that ran before it existed.
 * The dispatch thread is held in a callback so the migration's delivery is still due when the late listener
 * subscribes: the order is forced, not left to timing.
 */
@Tag("unit")
class UnknownChangesTest {
    /** What a listener heard, in order; {@link #next} waits for the next thing. */
    static class Heard implements ChangeListener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        @Override
        public void onCommit(List<ChangeEvent> events) {
            events.forEach(e -> queue.add(e.kind() + " " + e.id()));
        }

        @Override
        public void onUnknownChanges() {
            queue.add("unknown");
        }

        String next() throws InterruptedException {
            String s = queue.poll(10, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("heard nothing within 10 s");
            }
            return s;
        }
    }

    /** A listener that holds the dispatch thread in its first callback until released. */
    static final class Gate extends Heard {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onCommit(List<ChangeEvent> events) {
            super.onCommit(events);
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Migrations that add a table, so migrating to them re-runs everything. */
    private static final List<String> MORE = withNoteTable();

    private static List<String> withNoteTable() {
        List<String> more = new ArrayList<>(Fixtures.MIGRATIONS);
        more.add("CREATE TABLE note(id TEXT PRIMARY KEY, body TEXT)");
        return List.copyOf(more);
    }

    /** A migrated {@code db} whose dispatch thread the returned gate holds, inside its callback for "INSERT a". */
    private static Gate holdingTheDispatchThread(Db db) throws InterruptedException {
        db.migrate(Fixtures.MIGRATIONS);
        Gate gate = new Gate();
        db.subscribe(gate);
        db.save(new Item("a", null, "holds the dispatch thread", false, null, null));
        assertTrue(gate.holding.await(10, TimeUnit.SECONDS), "the gate holds the dispatch thread");
        return gate;
    }

    @Test
    void subscribe_afterAMigrationReturned_hearsNothingOfIt() throws Exception {
        try (Db db = Db.openMemory()) {
            Gate gate = holdingTheDispatchThread(db);
            // Its re-run of every query and its word to listeners wait behind the gate.
            db.migrate(MORE);
            Heard late = new Heard();
            db.subscribe(late);
            gate.release.countDown();
            db.save(new Item("b", null, "after both", false, null, null));

            assertEquals("INSERT b", late.next(), "the migration ran before this listener subscribed");
            assertEquals(List.of("INSERT a", "unknown", "INSERT b"),
                    List.of(gate.next(), gate.next(), gate.next()), "a listener there at the migration hears of it");
        }
    }

    @Test
    void drain_aMigrationThenACommitPendingTogether_heardInTheOrderTheyHappened() throws Exception {
        try (Db db = Db.openMemory()) {
            Gate gate = holdingTheDispatchThread(db);
            // Both wait behind the gate, so one drain carries the migration and the commit after it.
            db.migrate(MORE);
            db.save(new Item("b", null, "after the migration", false, null, null));
            gate.release.countDown();

            assertEquals(List.of("INSERT a", "unknown", "INSERT b"), List.of(gate.next(), gate.next(), gate.next()));
        }
    }
}
