package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.testing.Budget;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.SyncCrashChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a device while it saves and syncs ({@link SyncCrashChild}): mid-batch upload, after the
 * upload but before recording it, before the head, mid-merge, and at random moments. After the
 * crash the database passes {@code PRAGMA integrity_check}, holds every acknowledged save once,
 * its next sync completes without setting anything aside, and another device converges with it;
 * the remote holds every change in exactly one batch, and no temp file was ever read as data.
 *
 * <p>CI runs each kill point once on a folder remote plus one S3Proxy run; the long profile runs
 * 100 crashes at random points, occurrences and remotes.
 */
@Tag("server")
class SyncCrashTest {
    static final List<String> POINTS = List.of("upload", "uploaded", "head", "merge", "none");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "kill at {0}")
    @ValueSource(strings = {"upload", "uploaded", "head", "merge", "none"})
    void sync_killedAtPoint_nothingLostAndNextSyncCompletes(String point) throws Exception {
        crashAndRecover(point, 1, "folder", new Random());
    }

    @Test
    void sync_killedMidUploadOnS3_nothingLostAndNextSyncCompletes() throws Exception {
        crashAndRecover("uploaded", 1, "s3", new Random());
    }

    @Test
    void sync_killedAtRandomPoints_nothingLost() throws Exception {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        int runs = Budget.runs(0, 100);
        for (int i = 0; i < runs; i++) {
            String point = POINTS.get(r.nextInt(POINTS.size()));
            try {
                crashAndRecover(point, 1 + r.nextInt(3), r.nextInt(5) == 0 ? "s3" : "folder", r);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("run " + i + " (seed " + seed + ") killed at " + point + ": " + e.getMessage(), e);
            }
        }
    }

    private void crashAndRecover(String point, int occurrence, String kind, Random r) throws Exception {
        Path run = Files.createTempDirectory(dir, point);
        Path file = run.resolve("device.db");
        SyncStorage remote;
        String spec;
        if (kind.equals("s3")) {
            S3ProxyServer s3 = S3ProxyServer.shared();
            String bucket = s3.newBucket();
            remote = SyncStorage.s3(s3.settings(bucket));
            spec = "s3:" + s3.endpoint() + "|" + bucket;
        } else {
            Path folder = Files.createDirectories(run.resolve("remote"));
            remote = SyncStorage.folder(folder);
            spec = "folder:" + folder;
        }
        try (Db other = Db.open(run.resolve("other.db")); SyncEngine engine = SyncEngine.builder().storage(remote).build()) {
            other.migrate(Fixtures.MIGRATIONS);
            // Another device's work for the child to merge, in three batches big enough that each
            // merge takes a while.
            for (int b = 0; b < 3; b++) {
                int batch = b;
                other.transaction(tx -> {
                    for (int i = 0; i < 700; i++) {
                        tx.save(new Item(null, null, "other " + batch + "/" + i, i % 2 == 0, (long) i, null));
                    }
                });
                engine.sync(other);
            }
            List<String> acked = runChild(file, spec, point, occurrence, r);
            if (point.equals("upload") && kind.equals("folder")) {
                try (var walk = Files.walk(run.resolve("remote"))) {
                    assertTrue(walk.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")),
                            "the crash left a half-written temp file, which no listing or read may take as data");
                }
            }

            try (Db device = Db.open(file)) {
                assertEquals("ok", Canonical.integrity(device));
                Set<String> rows = new HashSet<>();
                device.query(Item.class, "SELECT * FROM item").forEach(i -> rows.add(i.id()));
                List<String> missing = acked.stream().filter(id -> !rows.contains(id)).toList();
                assertTrue(missing.isEmpty(), "lost acknowledged saves: " + missing);
                Map<String, Integer> inserts = Canonical.changesSetting(device, "item", "priority");
                assertTrue(inserts.values().stream().allMatch(n -> n == 1), "an insert recorded twice: " + inserts);

                SyncReport next = engine.sync(device);
                assertEquals(0, next.skipped(), "nothing on the remote is damaged: " + next.warnings());
                // For the record: a kill inside the merge rolls it back, so the next sync pulls it again.
                System.out.println("SyncCrashTest: killed at " + point + "#" + occurrence + " on " + kind + " after "
                        + acked.size() + " saves; next sync pulled " + next.pulled() + ", pushed " + next.pushed());
                engine.sync(other);
                engine.sync(device);
                assertEquals(Canonical.userTables(device), Canonical.userTables(other));
                assertEquals(new HashSet<>(Canonical.changeIds(device)), new HashSet<>(Canonical.changeIds(other)));
                assertTrue(Canonical.changeIds(device).size() >= 2100 + acked.size());
            }
            assertEachChangeInOneBatch(remote);
        } finally {
            remote.close();
        }
    }

    /** Starts the child, collects what it acknowledged, kills it with SIGKILL at its point. */
    static List<String> runChild(Path file, String spec, String point, int occurrence, Random r, String... more)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SyncCrashChild.class.getName(), file.toString(), spec, point,
                Integer.toString(occurrence)));
        command.addAll(List.of(more));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acked = new ArrayList<>();
        long startedAt = System.nanoTime();
        long killAfterMillis = 300 + r.nextInt(2500);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean reached = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                } else if (line.startsWith("AT ")) {
                    reached = true;
                    if (line.equals("AT merge") || line.equals("AT snapshot")) {
                        // Killed a random moment into the merge or the snapshot: the attack is the timing.
                        Thread.sleep(r.nextInt(400));
                    }
                    break;
                }
                if (point.equals("none") && System.nanoTime() - startedAt > killAfterMillis * 1_000_000) {
                    reached = true;
                    break;
                }
                if (System.nanoTime() - startedAt > 60_000_000_000L) {
                    break;
                }
            }
            // kill -9, as a power cut or the OOM killer would; destroyForcibly would also close our
            // end of the pipe and lose acknowledgements still in it.
            new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start().waitFor();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                }
            }
            assertTrue(reached, "the child never reached " + point);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return acked;
    }

    /** No change was pushed twice, and every object under batches/ and heads/ is a whole, valid one. */
    private static void assertEachChangeInOneBatch(SyncStorage remote) {
        Set<UUID> seen = new HashSet<>();
        for (String key : Remotes.names(remote, "batches/")) {
            for (ChangeData c : BatchCodec.decode(remote.get(key).orElseThrow(), key).changes()) {
                assertTrue(seen.add(c.id()), "change " + c.id() + " pushed twice, again in " + key);
            }
        }
        for (String key : Remotes.names(remote, "heads/")) {
            BatchCodec.decodeHead(remote.get(key).orElseThrow(), key);
        }
    }
}
