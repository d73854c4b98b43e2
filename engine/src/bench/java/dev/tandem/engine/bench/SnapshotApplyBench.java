package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.snapshot.SnapshotCapture;
import dev.tandem.engine.internal.snapshot.SnapshotLocal;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local half of {@link BootstrapBench}, without storage: one device makes {@code changes}
 * changes in the benchmark's shape (4/5 item inserts, 1/5 title edits), its snapshot entries are
 * read once, and each run applies them to a fresh database in one write transaction (as a
 * bootstrap does). Prints the median. Run like BootstrapBench:
 * {@code java -cp <test classpath> dev.tandem.engine.bench.SnapshotApplyBench [changes] [runs]}.
 */
public final class SnapshotApplyBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("snapshot-apply-bench");
        String cache = System.getProperty("bench.cache");
        List<SnapshotEntry> entries;
        if (cache != null && Files.exists(Path.of(cache))) {
            entries = SnapshotCodec.decodePart(Files.readAllBytes(Path.of(cache)), "cache", CACHE_ID, 1).entries();
        } else {
            entries = make(dir, changes);
            if (cache != null) {
                Files.write(Path.of(cache), SnapshotCodec.encodePart(new Part(CACHE_ID, 1, entries)));
            }
        }
        System.out.printf("snapshot of %d changes%n", entries.size());
        UUID author = entries.get(0).author();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Db fresh = open(dir, "new" + run);
            SyncPort port = SyncPort.of(fresh);
            SnapshotLocal local = port.snapshotLocal();
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            long[] applied = new long[1];
            SnapshotLocal.Stats st = port.write("bench", s -> {
                SnapshotLocal.Stats r = local.apply(s, port.deviceUuid(), "bench", Map.of(author, 1L), entries,
                        System.currentTimeMillis());
                applied[0] = System.nanoTime();
                return r;
            });
            long committed = System.nanoTime();
            double took = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
            int items = fresh.query(Item.class, "SELECT * FROM item").size();
            System.out.printf("run %d: apply %.2f s (thread cpu %.2f s, commit %d ms, fast %s), %d pulled, %d items%n",
                    run + 1, took, cpu, (committed - applied[0]) / 1_000_000, st.fast(), st.pulled(), items);
            Path wal = dir.resolve("new" + run + ".db-wal");
            if (Files.exists(wal)) {
                System.out.printf("   wal %d MB, db %d MB%n", Files.size(wal) >> 20, Files.size(dir.resolve("new" + run + ".db")) >> 20);
            }
            seconds.add(took);
            cpus.add(cpu);
            fresh.close();
        }
        Collections.sort(seconds);
        Collections.sort(cpus);
        System.out.printf("MEDIAN apply: %.2f s (thread cpu %.2f s)%n", seconds.get(seconds.size() / 2),
                cpus.get(cpus.size() / 2));
        BootstrapBench.deleteTree(dir);
    }

    private static final String CACHE_ID = "0000000000000-00000000-0000-7000-8000-000000000000";

    /** One device makes the changes and pushes them; its snapshot entries, with 3 authors as in BootstrapBench. */
    private static List<SnapshotEntry> make(Path dir, int changes) {
        Db source = open(dir, "source");
        int inserts = changes * 4 / 5;
        int edits = changes - inserts;
        List<String> ids = new ArrayList<>(inserts);
        source.transaction(tx -> {
            for (int i = 0; i < inserts; i++) {
                ids.add(tx.save(new Item(null, null, "item " + i, false, (long) (i % 5),
                        "notes for item " + i + " made on device " + (i % 3))).id());
            }
        });
        source.transaction(tx -> {
            for (int i = 0; i < edits; i++) {
                Item it = tx.get(Item.class, ids.get(i)).orElseThrow();
                tx.save(it.withTitle(it.title() + " (edited)"));
            }
        });
        SyncEngine engine = SyncEngine.builder().storage(SyncStorage.memory()).snapshotEvery(0).build();
        engine.sync(source); // a snapshot is read only when everything is pushed
        SyncPort port = SyncPort.of(source);
        SnapshotCapture.Capture capture = port.read(c -> new SnapshotCapture().read(c, port.deviceUuid(), engine.describe()));
        source.close();
        engine.close();
        List<UUID> authors = List.of(port.deviceUuid(), UUID.randomUUID(), UUID.randomUUID());
        List<SnapshotEntry> entries = new ArrayList<>();
        for (SnapshotEntry e : capture.entries()) {
            entries.add(new SnapshotEntry(authors.get(entries.size() % 3), e.change()));
        }
        return entries;
    }

    private static Db open(Path dir, String name) {
        Db db = Db.open(dir.resolve(name + ".db"));
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }
}
