package dev.tandem.engine.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process for crash tests: saves and syncs a database file against a folder or S3 remote
 * until the parent kills it with SIGKILL. It prints {@code ACK <id>} only after a save returned,
 * and {@code AT <point>} when it reaches the kill point, where it then waits to be killed:
 * <ul>
 *   <li>{@code upload}: a batch upload has begun (on a folder, half the batch is in a temp file,
 *       as a crash inside the atomic write would leave it);</li>
 *   <li>{@code uploaded}: the batch is stored, but the push is not recorded locally yet;</li>
 *   <li>{@code head}: the push is recorded, the head not written yet;</li>
 *   <li>{@code merge}: a batch of another device was just read; the child goes on merging and
 *       the parent kills it a random moment later, mostly inside the merge transaction;</li>
 *   <li>{@code snapshot}: a snapshot part was just read; likewise, mostly inside the transaction
 *       that applies the snapshot (a returning device's catch-up);</li>
 *   <li>{@code none}: never stops; the parent kills it at a random time, mid-save or mid-sync.</li>
 * </ul>
 * Arguments: db file, remote ("folder:&lt;dir&gt;" or "s3:&lt;endpoint&gt;:&lt;bucket&gt;"), point, which
 * occurrence of the point to stop at (1 = first), and for a member of a shared space a file with
 * the space's passphrase and the member's keys ({@code SpaceKeys.encode()}), one per line.
 */
public final class SyncCrashChild {
    private SyncCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String point = args[2];
        int occurrence = Integer.parseInt(args[3]);
        SyncStorage remote = remote(args[1]);
        AtomicInteger seen = new AtomicInteger();
        SyncStorage switched = new KillSwitch(remote, point, occurrence, seen, args[1]);
        SyncEngine.Builder builder = SyncEngine.builder().storage(switched);
        if (args.length > 4) {
            // A member of a shared space: its passphrase and keys, one per line.
            List<String> space = Files.readAllLines(Path.of(args[4]));
            builder.encrypted(space.get(0)).space(SpaceKeys.decode(space.get(1)));
        }
        try (Db db = Db.open(file); SyncEngine engine = builder.build()) {
            db.migrate(Fixtures.MIGRATIONS);
            System.out.println("READY");
            System.out.flush();
            Thread saver = new Thread(() -> {
                for (int i = 0; ; i++) {
                    Item saved = db.save(new Item(null, null, "child " + i, false, (long) i, "n".repeat(i % 300)));
                    if (i % 4 == 0) {
                        db.save(saved.withTitle("edited " + i));
                    }
                    System.out.println("ACK " + saved.id());
                    System.out.flush();
                    if (i % 50 == 49) {
                        pause(5);
                    }
                }
            }, "saver");
            saver.setDaemon(true);
            saver.start();
            while (true) {
                pause(20);
                try {
                    engine.sync(db);
                } catch (SyncException e) {
                    System.out.println("SYNCFAIL " + e.getMessage());
                }
            }
        }
    }

    private static SyncStorage remote(String spec) {
        if (spec.startsWith("folder:")) {
            return SyncStorage.folder(Path.of(spec.substring("folder:".length())));
        }
        String[] s = spec.substring("s3:".length()).split("\\|");
        return SyncStorage.s3(new S3Settings(s[0], s[1], S3ProxyServer.REGION,
                S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Announces the kill point and waits there for SIGKILL. */
    private static void stop(String point) {
        System.out.println("AT " + point);
        System.out.flush();
        while (true) {
            pause(1_000);
        }
    }

    /** The storage wrapper that stops the child at its kill point. */
    private static final class KillSwitch implements SyncStorage {
        private final SyncStorage d;
        private final String point;
        private final int occurrence;
        private final AtomicInteger seen;
        private final String spec;

        KillSwitch(SyncStorage d, String point, int occurrence, AtomicInteger seen, String spec) {
            this.d = d;
            this.point = point;
            this.occurrence = occurrence;
            this.seen = seen;
            this.spec = spec;
        }

        private boolean at(String p) {
            return point.equals(p) && seen.incrementAndGet() == occurrence;
        }

        @Override
        public List<String> list(String prefix, String startAfter, int maxNames) {
            return d.list(prefix, startAfter, maxNames);
        }

        @Override
        public Optional<byte[]> get(String name) {
            Optional<byte[]> data = d.get(name);
            if (data.isPresent() && name.startsWith("batches/") && at("merge")) {
                System.out.println("AT merge");
                System.out.flush();
            }
            if (data.isPresent() && name.startsWith("snapshots/") && name.contains("/part-") && at("snapshot")) {
                System.out.println("AT snapshot");
                System.out.flush();
            }
            return data;
        }

        @Override
        public boolean createIfAbsent(String name, byte[] data) {
            boolean batch = name.startsWith("batches/");
            if (batch && at("upload")) {
                if (spec.startsWith("folder:")) {
                    halfWritten(name, data);
                }
                stop("upload");
            }
            if (name.startsWith("heads/") && at("head")) {
                stop("head");
            }
            boolean created = d.createIfAbsent(name, data);
            if (batch && created && at("uploaded")) {
                stop("uploaded");
            }
            return created;
        }

        /** What FolderStorage's atomic write leaves when killed mid-write: half the data in a temp file. */
        private void halfWritten(String name, byte[] data) {
            Path target = Path.of(spec.substring("folder:".length())).resolve(name);
            try {
                Files.createDirectories(target.getParent());
                Files.write(target.resolveSibling(".tmp-0badc0ffee0badc0ffee0bad"),
                        Arrays.copyOf(data, data.length / 2));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void delete(String name) {
            d.delete(name);
        }

        @Override
        public String describe() {
            return d.describe();
        }

        @Override
        public void close() {
            d.close();
        }
    }
}
