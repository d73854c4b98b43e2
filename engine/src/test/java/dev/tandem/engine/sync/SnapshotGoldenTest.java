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
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A snapshot the engine writes, for the JavaScript core to write byte for byte (GoldenOut
 * "snapshot"): a plain folder ({@code folder/}) holding device A's batches (edits, a delete, floats,
 * nulls, three notes of about 1.5 MB so the snapshot is cut into two parts), then the objects device
 * B wrote into a copy of it by syncing and compacting at a fixed clock ({@code written/}: the parts,
 * the manifest, and which batches its cleanup deleted). A JavaScript device under B's id that pulls
 * {@code folder/} and compacts at the same clock must write the same parts, the same manifest (its
 * cursors in the engine's order, which an immutable map chooses anew in each JVM run) and delete the
 * same batches.
 */
@Tag("unit")
class SnapshotGoldenTest {
    @Table("items")
    record Item(String id, String title, String notes, Long done, Double rank) {
    }

    @Test
    void write_snapshotOfAnotherDevicesBatches() throws Exception {
        GoldenOut out = new GoldenOut("snapshot");
        Path folder = clean(out.dir().resolve("folder"));
        Path copy = clean(out.dir().resolve("after"));
        ManualClock clock = new ManualClock(1_733_000_000_000L);
        try (Db a = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
             SyncEngine engine = SyncEngine.builder().folder(folder).deviceName("golden-a").snapshotEvery(0).build()) {
            a.migrate(List.of("CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, rank REAL)"));
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 25; i++) {
                    clock.millis.addAndGet(7);
                    String notes = i % 5 == 0 ? "round " + round + "\nline " + i : null;
                    a.save(new Item(String.format("item-%03d", i), "Todo " + i + " r" + round, notes,
                            (long) ((i + round) % 2), i * 0.25 - round));
                }
                if (round == 1) {
                    a.delete(Item.class, "item-004");
                }
                engine.sync(a);
            }
            for (int i = 0; i < 3; i++) {
                a.save(new Item("big-" + i, "Big note " + i, ("line of a long note " + i + "\n").repeat(70_000), 0L, null));
                engine.sync(a);
            }
        }
        copyTree(folder, copy);
        long at = clock.millis.addAndGet(60_000);
        try (Db b = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
             SyncEngine engine = SyncEngine.builder().folder(copy).deviceName("golden-b").snapshotEvery(0).build()) {
            b.migrate(List.of("CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, rank REAL)"));
            engine.sync(b);
            CompactionReport report = engine.compact(b);
            assertTrue(report.snapshotWritten());
            String id = String.format("%013d-%s", at, b.deviceId());
            Path written = clean(out.dir().resolve("written"));
            List<String> parts = new ArrayList<>();
            try (Stream<Path> files = Files.list(copy.resolve("snapshots").resolve(id))) {
                for (Path p : files.sorted().toList()) {
                    Files.copy(p, written.resolve(p.getFileName().toString()));
                    if (!p.getFileName().toString().equals("manifest")) {
                        parts.add(p.getFileName().toString());
                    }
                }
            }
            assertEquals(2, parts.size(), "the three long notes cut the snapshot in two");
            List<Object> left = new ArrayList<>();
            try (Stream<Path> all = Files.exists(copy.resolve("batches")) ? Files.walk(copy.resolve("batches")) : Stream.empty()) {
                all.filter(Files::isRegularFile).map(p -> copy.relativize(p).toString().replace('\\', '/')).sorted()
                        .forEach(left::add);
            }
            out.json("expected", obj("device", b.deviceId(), "now", at, "id", id, "parts", parts,
                    "deletedBatches", report.batchesDeleted(), "batchesLeft", left));
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

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
