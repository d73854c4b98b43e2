package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.MiniJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript sync core's speed beside the engine's for the same work on the same folder remote:
 * a new device opening a remote of 10,000 todos (the writer compacted it, so both start from its
 * snapshot and pull what follows), and a device that has them merging 1,000 pulled one-field edits.
 * Each round times an engine device and a JavaScript device (Node, through the core's test driver)
 * in turn; the medians and their ratio are printed (docs/PERFORMANCE.md, "The JavaScript core").
 * Run: {@code mvn -q -o -pl engine test -Dtest=JsSyncPerfTest -Dtandem.excludedGroups=} (perf tests are left out of {@code mvn verify}).
 */
@Tag("perf")
class JsSyncPerfTest {
    static final int TODOS = 10_000;
    static final int EDITS = 1_000;
    static final int ROUNDS = 5;

    @Table("items")
    record Item(String id, String title, String notes, Long done, String listId) {
    }

    @TempDir
    Path tmp;

    @Test
    void openAndMerge_javaScriptBesideTheEngine() throws Exception {
        Path remote = tmp.resolve("remote");
        java.nio.file.Files.createDirectories(remote);
        String js = GoldenOut.json(GoldenOut.obj("kind", "folder", "dir", remote.toString()));
        List<String> ids = new ArrayList<>();
        try (Db writer = db(); SyncEngine w = engine(remote); JsDriver driver = JsDriver.start()) {
            for (int i = 0; i < TODOS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                writer.save(new Item(id, "Todo number " + i, i % 10 == 0 ? "a note\nwith lines" : null, 0L, "list-" + (i % 7)));
            }
            w.sync(writer);
            w.compact(writer);
            long[] openJava = new long[ROUNDS];
            long[] openJs = new long[ROUNDS];
            long[] mergeJava = new long[ROUNDS];
            long[] mergeJs = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                Db reader = db();
                SyncEngine r = engine(remote);
                long t0 = System.nanoTime();
                r.sync(reader);
                openJava[round] = System.nanoTime() - t0;
                assertEquals(TODOS, reader.query(Item.class, "SELECT * FROM items").size());
                String device = "reader" + round;
                t0 = System.nanoTime();
                driver.send("{\"op\":\"open\",\"device\":\"" + device + "\",\"deviceId\":\"" + UUID.randomUUID()
                        + "\",\"remote\":" + js + ",\"passphrase\":null,\"mergeText\":[\"items.notes\"]}");
                driver.send("{\"op\":\"sync\",\"device\":\"" + device + "\"}");
                openJs[round] = System.nanoTime() - t0;
                for (int e = 0; e < EDITS; e++) {
                    String id = ids.get((round * EDITS + e * 7) % TODOS);
                    Item it = writer.get(Item.class, id).orElseThrow();
                    writer.save(new Item(id, "Edited " + round + " " + e, it.notes(), it.done(), it.listId()));
                }
                w.sync(writer);
                t0 = System.nanoTime();
                r.sync(reader);
                mergeJava[round] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                String answer = driver.send("{\"op\":\"sync\",\"device\":\"" + device + "\"}");
                mergeJs[round] = System.nanoTime() - t0;
                assertEquals((double) EDITS, ((Map<?, ?>) MiniJson.parse(answer)).get("pulled"));
                r.close();
                reader.close();
            }
            report("open a remote of " + TODOS + " todos (new device)", openJava, openJs);
            report("merge " + EDITS + " pulled one-field edits", mergeJava, mergeJs);
        }
    }

    static void report(String what, long[] java, long[] js) {
        double j = median(java);
        double s = median(js);
        System.out.printf("JS beside the engine: %s: engine %.0f ms, JavaScript %.0f ms, %.2fx (medians of %d; engine %s, JS %s)%n",
                what, j / 1e6, s / 1e6, s / j, java.length, ms(java), ms(js));
    }

    static String ms(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(b.length() == 0 ? "" : " ").append(x / 1_000_000);
        }
        return b.toString();
    }

    static double median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    static Db db() {
        Db db = Db.builder().memory().mergeText("items", "notes").build();
        db.migrate(List.of(CrossImplementationProperties.SCHEMA));
        return db;
    }

    static SyncEngine engine(Path remote) {
        return SyncEngine.builder().folder(remote).snapshotEvery(0).snapshotChanges(0).build();
    }
}
