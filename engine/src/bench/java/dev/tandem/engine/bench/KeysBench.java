package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.Remotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a passphrase change and a key rotation cost on a folder remote holding {@code changes}
 * field changes in uncompacted batches (a device that has synced for a while without a snapshot):
 * bytes written, requests and wall time, beside the baseline of re-uploading the whole remote,
 * which is what a passphrase change meant before the keyring.
 * {@code java -cp <test classpath> dev.tandem.engine.bench.KeysBench [changes] [runs]}.
 */
public final class KeysBench {
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a much longer passphrase, typed at home";

    /** Counts what is written through it. */
    static final class Written extends ForwardingStorage {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong writes = new AtomicLong();

        Written(SyncStorage delegate) {
            super(delegate);
        }

        @Override
        public boolean createIfAbsent(String name, byte[] data) {
            bytes.addAndGet(data.length);
            writes.incrementAndGet();
            return super.createIfAbsent(name, data);
        }

        @Override
        public Version overwrite(String name, byte[] data) {
            bytes.addAndGet(data.length);
            writes.incrementAndGet();
            return super.overwrite(name, data);
        }

        void reset() {
            bytes.set(0);
            writes.set(0);
        }
    }

    private KeysBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Double> changeSeconds = new ArrayList<>();
        List<Double> rotateSeconds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("keys-bench");
            Files.createDirectories(dir.resolve("remote"));
            Written remote = new Written(SyncStorage.folder(dir.resolve("remote")));
            try (Db db = Db.open(dir.resolve("a.db"));
                 SyncEngine engine = SyncEngine.builder().storage(remote).encrypted(OLD).snapshotEvery(0).build()) {
                db.migrate(Fixtures.MIGRATIONS);
                int pushed = 0;
                int round = 0;
                while (pushed < changes) {
                    int base = round++ * 5000;
                    db.transaction(tx -> {
                        for (int i = 0; i < 1000; i++) {
                            tx.save(new Item(null, null, "item " + (base + i), false, (long) (i % 5),
                                    "notes for item " + (base + i)));
                        }
                    });
                    SyncReport r = engine.sync(db);
                    pushed += r.pushed();
                }
                long remoteBytes = folderBytes(dir.resolve("remote"));
                int objects = Remotes.names(SyncStorage.folder(dir.resolve("remote")), "").size();

                remote.reset();
                long t0 = System.nanoTime();
                engine.keys().changePassphrase(NEW);
                double change = (System.nanoTime() - t0) / 1e9;
                long changeBytes = remote.bytes.get();
                long changeWrites = remote.writes.get();
                changeSeconds.add(change);

                remote.reset();
                t0 = System.nanoTime();
                RotationReport rot = engine.keys().rotate(db, NEW + " 2", SyncProgress.NONE);
                double rotate = (System.nanoTime() - t0) / 1e9;
                rotateSeconds.add(rotate);
                System.out.printf("run %d: remote of %,d changes: %d objects, %,d B%n", run + 1, pushed, objects,
                        remoteBytes);
                System.out.printf("  passphrase change: %.3f s, %d writes, %,d B written (%.4f%% of a re-upload)%n",
                        change, changeWrites, changeBytes, 100.0 * changeBytes / remoteBytes);
                System.out.printf("  rotation: %.2f s, %d writes, %,d B written; %d objects re-encrypted (%,d B), %d "
                        + "already under the new key; remote after: %d objects, %,d B%n", rotate, remote.writes.get(),
                        remote.bytes.get(), rot.reencrypted(), rot.bytesWritten(), rot.alreadyCurrent(),
                        Remotes.names(SyncStorage.folder(dir.resolve("remote")), "").size(),
                        folderBytes(dir.resolve("remote")));
            }
        }
        System.out.printf("median passphrase change %.3f s, median rotation %.2f s (%d runs)%n", median(changeSeconds),
                median(rotateSeconds), runs);
    }

    private static long folderBytes(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
