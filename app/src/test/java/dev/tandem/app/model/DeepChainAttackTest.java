package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.outline.LiveOutline;
import dev.tandem.app.model.outline.LiveOutlineTest;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.Subtrees;
import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared list's member writes a chain of subtasks 20,000 deep, as sync writes their batch into the rows: every
 * member's outline, list, counts, repair and subtree commands still answer, the chain shown flattened at
 * {@link Outline#MAX_DEPTH} with the notice.
 */
@Tag("unit")
class DeepChainAttackTest {
    static final int DEEP = 20_000;

    @TempDir
    Path dir;

    /** The chain as a member's batch leaves it in the rows: each todo under the one before, all in {@code listId}. */
    static List<String> writeChain(Db db, String listId, int depth) {
        List<String> ids = new ArrayList<>();
        long now = System.currentTimeMillis();
        db.transaction(tx -> {
            String parent = null;
            for (int k = 0; k < depth; k++) {
                Item it = tx.save(Item.create("level " + k, listId, null, now).withParentId(parent).withRank("m"));
                ids.add(it.id());
                parent = it.id();
            }
        });
        return ids;
    }

    @Test
    void list_memberChain20000Deep_showsItFlattenedWithTheNotice() {
        String listId;
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            listId = store.createList("Family").id();
            writeChain(store.db(), listId, DEEP);
            store.add("Milk", null, listId, null, TodoDetails.NONE);
        }
        CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run(dir, "list", "--list", "Family"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(DEEP + 1, lines.size());
        int deepest = lines.stream().mapToInt(l -> (l.length() - l.stripLeading().length()) / 2).max().orElseThrow();
        assertEquals(Outline.MAX_DEPTH, deepest);
        assertTrue(r.err().contains("Subtasks deeper than 32 levels are shown at level 32"), r.err());
        assertTrue(r.out().contains("Milk"), "an honest todo beside the chain is listed");
    }

    @Test
    void liveOutline_memberChain20000Deep_deliversEveryTodoOnceAtMostMaxDepth() throws Exception {
        ExecutorService serial = Executors.newSingleThreadExecutor();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("o.db")), Clock.systemUTC())) {
            String listId = store.createList("Family").id();
            writeChain(store.db(), listId, DEEP);
            LiveOutlineTest.Lines live = new LiveOutlineTest.Lines();
            LiveOutline sub = LiveOutline.open(store.db(), listId, live, serial);
            Await.until("the chain's lines", Duration.ofSeconds(30), () -> live.last.size(), n -> n >= DEEP);
            assertEquals(DEEP, live.last.size());
            int deepest = live.last.stream().mapToInt(s -> Integer.parseInt(s.substring(0, s.indexOf(' ')))).max().orElseThrow();
            assertEquals(Outline.MAX_DEPTH, deepest);
            // A patch walks the chain again: one more todo at the bottom.
            String last = live.last.get(live.last.size() - 1);
            assertTrue(last.contains("level " + (DEEP - 1)), last);
            sub.close();
        } finally {
            serial.shutdownNow();
        }
    }

    @Test
    void repairAndSubtrees_memberChain20000Deep_answerInSeconds() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("r.db")), Clock.systemUTC())) {
            String listId = store.createList("Family").id();
            List<String> ids = writeChain(store.db(), listId, DEEP);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertEquals(0, store.repairTree(), "an intact chain needs no repair");
                Subtrees subtrees = new Subtrees(store.db(), store.clock());
                assertEquals(DEEP - 1, subtrees.openUnder(ids.get(0)).size());
                assertEquals(DEEP, store.verbs().trash(ids.get(0)).size());
                assertEquals(DEEP, store.verbs().restore(ids.get(0)).size());
                assertEquals(0, store.repairTree());
            });
        }
    }
}
