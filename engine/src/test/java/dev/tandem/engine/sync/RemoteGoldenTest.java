package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A whole remote the engine wrote, for the JavaScript core to open (GoldenOut "remote"): an encrypted
 * folder holding a snapshot (the batches it covers cleaned up), batches after it, and an edit and a
 * delete among them; beside it the rows a device that syncs it must show. Random nonces and keys, so
 * the JavaScript tests check what it reads, not its bytes.
 */
@Tag("unit")
class RemoteGoldenTest {
    static final String PASSPHRASE = "golden remote passphrase";

    @Table("items")
    record Item(String id, String title, String notes, Long done, Double rank) {
    }

    @Test
    void write_encryptedRemoteWithSnapshot() throws Exception {
        GoldenOut out = new GoldenOut("remote");
        Path folder = out.dir().resolve("folder");
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        ManualClock clock = new ManualClock(1_732_000_000_000L);
        try (Db db = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
             SyncEngine engine = SyncEngine.builder().folder(folder).encrypted(PASSPHRASE).deviceName("golden")
                     .snapshotEvery(0).snapshotChanges(0).build()) {
            db.migrate(List.of("CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, rank REAL)"));
            for (int i = 0; i < 40; i++) {
                clock.millis.addAndGet(3);
                db.save(new Item(String.format("item-%03d", i), "Todo " + i, i % 4 == 0 ? "line one\nline " + i : null,
                        (long) (i % 2), i * 0.5));
            }
            engine.sync(db);
            engine.compact(db);
            clock.millis.addAndGet(100);
            db.save(new Item("item-001", "Renamed after the snapshot", null, 1L, 0.5));
            db.delete(Item.class, "item-002");
            db.save(new Item("item-new", "Added after the snapshot", "x", 0L, -1.0));
            engine.sync(db);
            List<Object> rows = new ArrayList<>();
            for (Item it : db.query(Item.class, "SELECT * FROM items ORDER BY id")) {
                rows.add(obj("id", it.id(), "title", GoldenOut.value(it.title()), "notes", GoldenOut.value(it.notes()),
                        "done", GoldenOut.value(it.done()), "rank", GoldenOut.value(it.rank())));
            }
            out.json("expected", obj("passphrase", PASSPHRASE, "rows", rows));
        }
    }
}
