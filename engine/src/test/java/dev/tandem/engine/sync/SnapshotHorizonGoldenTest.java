package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Snapshots after the tombstone horizon, for the JavaScript core to write byte for byte (GoldenOut
 * "snapshot-horizon/forgotten" and "snapshot-horizon/unseen"). Device A writes items, deletes one and
 * edits the rest in a plain folder; device B compacts (a sync, then a snapshot and cleanup) at three fixed clocks: before the
 * delete is 30 days old (its first checkpoint), 31 days later (the checkpoint is stable: the delete is
 * forgotten and what every device merged is recorded), and once more (the snapshot written then no
 * longer holds the deleted item, and its winners merged by every device name no replaced id). In the
 * "unseen" case a device C synced once before the delete and never again: nothing is forgotten and
 * every replaced id stays. For each stage the folder as it was before B's sync is kept ({@code
 * stage-N/list.json}, the files new since the stage before under {@code stage-N/files/}), and B's last
 * snapshot under {@code written/}.
 */
@Tag("unit")
class SnapshotHorizonGoldenTest {
    private static final long DAY = 24L * 3600 * 1000;

    @Table("items")
    record Item(String id, String title, String notes, Long done, Double rank) {
    }

    @Test
    void write_deleteEveryDeviceSaw_snapshotForgetsIt() throws Exception {
        long forgotten = write("forgotten", false);
        assertEquals(1, forgotten, "the deleted item goes at the second compaction");
    }

    @Test
    void write_deviceThatDidNotSeeTheDelete_snapshotKeepsIt() throws Exception {
        long forgotten = write("unseen", true);
        assertEquals(0, forgotten, "device C has not seen the delete");
    }

    private long write(String name, boolean withC) throws Exception {
        GoldenOut out = new GoldenOut("snapshot-horizon");
        Path root = clean(out.dir().resolve(name));
        Path folder = Files.createDirectories(root.resolve("remote"));
        ManualClock clock = new ManualClock(1_733_000_000_000L);
        String schema = "CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, rank REAL)";
        Set<String> before = new TreeSet<>();
        List<Object> stages = new ArrayList<>();
        long forgotten = 0;
        String bId;
        String lastId = null;
        try (Db a = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
             Db b = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
             Db c = Db.builder().memory().clock(clock).build();
             SyncEngine ea = SyncEngine.builder().folder(folder).deviceName("golden-a").snapshotEvery(0).build();
             SyncEngine eb = SyncEngine.builder().folder(folder).deviceName("golden-b").snapshotEvery(0).build();
             SyncEngine ec = SyncEngine.builder().folder(folder).deviceName("golden-c").snapshotEvery(0).build()) {
            a.migrate(List.of(schema));
            b.migrate(List.of(schema));
            c.migrate(List.of(schema));
            bId = b.deviceId();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 10; i++) {
                    if (round == 2 && i == 4) {
                        continue; // deleted in round 1, and stays deleted
                    }
                    clock.millis.addAndGet(7);
                    a.save(new Item(String.format("item-%03d", i), "Todo " + i + " r" + round,
                            i % 3 == 0 ? "round " + round + "\nline " + i : null, (long) ((i + round) % 2), i * 0.5 - round));
                }
                if (round == 1) {
                    a.delete(Item.class, "item-004");
                }
                ea.sync(a);
                if (round == 0 && withC) {
                    clock.millis.addAndGet(5);
                    ec.sync(c);
                    c.save(new Item("c-1", "From C", null, 0L, null));
                    ec.sync(c);
                }
            }
            long[] gaps = {60_000, 31 * DAY, 3600_000};
            for (int stage = 0; stage < 3; stage++) {
                if (stage > 0) {
                    clock.millis.addAndGet(gaps[stage] - 1000);
                    a.save(new Item("item-00" + stage, "Edited at stage " + stage, null, 1L, 9.5));
                    ea.sync(a);
                }
                clock.millis.addAndGet(stage == 0 ? gaps[0] : 1000);
                long at = clock.millis.get();
                Path dir = Files.createDirectories(root.resolve("stage-" + stage).resolve("files"));
                List<Object> list = new ArrayList<>();
                for (String f : files(folder)) {
                    list.add(f);
                    if (!before.contains(f)) {
                        Path target = dir.resolve(f);
                        Files.createDirectories(target.getParent());
                        Files.copy(folder.resolve(f), target);
                    }
                }
                CompactionReport report = eb.compact(b);
                forgotten += report.deletedForgotten();
                if (report.snapshotWritten()) {
                    lastId = String.format("%013d-%s", at, bId);
                }
                stages.add(obj("now", at, "files", list, "snapshot", report.snapshotWritten() ? lastId : null,
                        "forgotten", report.deletedForgotten(), "deletedBatches", report.batchesDeleted()));
                before = new TreeSet<>(files(folder));
            }
            assertTrue(lastId != null && lastId.startsWith(String.format("%013d", clock.millis.get())),
                    "the last compaction wrote a snapshot");
        }
        Path written = Files.createDirectories(root.resolve("written"));
        List<Object> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("snapshots").resolve(lastId))) {
            for (Path p : files.sorted().toList()) {
                Files.copy(p, written.resolve(p.getFileName().toString()));
                if (!p.getFileName().toString().equals("manifest")) {
                    parts.add(p.getFileName().toString());
                }
            }
        }
        out.json(name + "/expected", obj("device", bId, "id", lastId, "parts", parts, "stages", stages,
                "forgotten", forgotten, "withC", withC));
        return forgotten;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.contains("/.") && !p.startsWith(".")).sorted().toList();
        }
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
