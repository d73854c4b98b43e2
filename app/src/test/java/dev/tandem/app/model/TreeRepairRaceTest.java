package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit landing between a repair pass's read of history and its transaction, forced rather than timed. */
@Tag("unit")
class TreeRepairRaceTest {
    @TempDir
    Path tmp;

    @Test
    void run_parentTrashedBetweenItsReads_restoresItWithItsConflict() {
        try (TodoStore store = new TodoStore(Db.open(tmp.resolve("race.db")), Clock.systemUTC())) {
            TodoList home = store.createList("Home");
            Item move = store.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
            store.add("Book the van", null, home.id(), move.id(), null, TodoDetails.NONE);
            AtomicInteger calls = new AtomicInteger();

            // As a sync could: the parent goes to the Trash after the pass read history, its subtask stays.
            int written = TreeRepair.run(store.db(), Set.of(), () -> {
                if (calls.getAndIncrement() == 0) {
                    store.update(move.id(), i -> i.withTrashedAt(System.currentTimeMillis()));
                }
            });

            assertEquals(1, written);
            assertNull(store.get(move.id()).orElseThrow().trashedAt(), "the parent of a live subtask is back");
            List<Conflict> conflicts = store.conflicts().list();
            assertEquals(1, conflicts.size(), "the delete that lost is shown, so it can be made again: " + conflicts);
            assertEquals(move.id(), conflicts.get(0).entity());
            assertEquals("trashedAt", conflicts.get(0).field());
            assertEquals(2, calls.get(), "read again once");
        }
    }
}
