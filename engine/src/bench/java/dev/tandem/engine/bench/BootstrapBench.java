package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.sync.DbChangelog;
import dev.tandem.engine.internal.sync.RemoteChangelog;
import dev.tandem.engine.internal.sync.Synchronizer;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.S3ProxyServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The bootstrap benchmark: a new device bootstraps from 100k changes made by 3 devices, against S3Proxy
 * with 50 ms added per request. Setup (not timed): each device inserts items and edits some, syncs;
 * one device compacts (writes a snapshot). Timed: a fresh database's first sync, {@code runs} times
 * (default 5), each with a new database. For comparison, a device that ignores snapshots replays
 * every batch first (before the compaction, whose cleanup deletes the batches it would need).
 *
 * <p>Run: {@code java -cp <test classpath> dev.tandem.engine.bench.BootstrapBench [changes] [runs]}.
 */
public final class BootstrapBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("bootstrap-bench");
        try (S3ProxyServer s3 = S3ProxyServer.builder().latency("*", Duration.ofMillis(50)).start()) {
            String bucket = s3.newBucket();
            SyncEngine engine = SyncEngine.builder().s3(s3.endpoint(), bucket, s3.region(), s3.identity(), s3.credential())
                    .snapshotEvery(0).build();
            List<Db> devices = new ArrayList<>();
            int perDevice = changes / 3;
            for (int d = 0; d < 3; d++) {
                Db db = open(dir, "device" + d);
                devices.add(db);
                int inserts = perDevice * 4 / 5;
                int edits = (d == 2 ? changes - 2 * perDevice : perDevice) - inserts;
                List<String> ids = new ArrayList<>(inserts);
                final int device = d;
                db.transaction(tx -> {
                    for (int i = 0; i < inserts; i++) {
                        ids.add(tx.save(new Item(null, null, "item " + device + "/" + i, false, (long) (i % 5),
                                "notes for item " + i + " made on device " + device)).id());
                    }
                });
                db.transaction(tx -> {
                    for (int i = 0; i < edits; i++) {
                        Item it = tx.get(Item.class, ids.get(i)).orElseThrow();
                        tx.save(it.withTitle(it.title() + " (edited)"));
                    }
                });
                SyncReport push = engine.sync(db);
                System.out.printf("setup: device %d pushed %d changes in %d requests%n", d, push.pushed(), push.requests());
            }
            engine.sync(devices.get(0));
            engine.sync(devices.get(1));
            engine.sync(devices.get(2));

            // -Dbench.skipReplay=true leaves out the slow comparison
            Db replayDb = null;
            double replaySeconds = Double.NaN;
            if (!Boolean.getBoolean("bench.skipReplay")) {
                replayDb = open(dir, "replay");
                SyncPort r = SyncPort.of(replayDb);
                long t0 = System.nanoTime();
                Synchronizer.sync(new DbChangelog(r, engine.describe(), 5000),
                        new RemoteChangelog(SyncStorage.s3(s3.settings(bucket)), r.deviceUuid()), r.deviceUuid(),
                        SyncProgress.NONE);
                replaySeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("full replay of every batch (no snapshot): %.2f s, %d items%n", replaySeconds,
                        replayDb.query(Item.class, "SELECT * FROM item").size());
            }

            long c0 = System.nanoTime();
            CompactionReport compacted = engine.compact(devices.get(0));
            System.out.printf("compact: snapshot written %s in %.2f s (%d requests), %d batches deleted%n",
                    compacted.snapshotWritten(), (System.nanoTime() - c0) / 1e9, compacted.sync().requests(),
                    compacted.batchesDeleted());

            List<Double> seconds = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            List<Integer> requests = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Db fresh = open(dir, "new" + run);
                long s = System.nanoTime();
                long threadCpu = THREADS.getCurrentThreadCpuTime();
                SyncReport boot = engine.sync(fresh);
                double took = (System.nanoTime() - s) / 1e9;
                double cpu = (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e9;
                int items = fresh.query(Item.class, "SELECT * FROM item").size();
                System.out.printf("run %d: bootstrap %.2f s (syncing thread cpu %.2f s), %d requests, %d changes pulled,"
                        + " %d items, %d KB down%n", run + 1, took, cpu, boot.requests(), boot.pulled(), items,
                        boot.bytesDown() / 1024);
                seconds.add(took);
                cpus.add(cpu);
                requests.add(boot.requests());
                fresh.close();
            }
            Collections.sort(seconds);
            Collections.sort(requests);
            Collections.sort(cpus);
            System.out.printf("MEDIAN bootstrap: %.2f s (syncing thread cpu %.2f s), %d requests (full replay: %.2f s)%n",
                    seconds.get(seconds.size() / 2), cpus.get(cpus.size() / 2), requests.get(requests.size() / 2),
                    replaySeconds);
            devices.forEach(Db::close);
            if (replayDb != null) {
                replayDb.close();
            }
            engine.close();
        } finally {
            deleteTree(dir); // ~0.7 GB of databases per run
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Db open(Path dir, String name) {
        Db db = Db.open(dir.resolve(name + ".db"));
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }
}
