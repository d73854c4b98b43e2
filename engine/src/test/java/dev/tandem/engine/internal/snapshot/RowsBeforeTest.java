package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device back after a long time compares the snapshot's rows with the rows read beside its
 * writer before it wrote anything ({@link RowsBefore}). A trigger that changes a later table's row
 * while the catch-up writes an earlier table must send that table back to the writer's own read:
 * else the stale row would match the snapshot and the changed row would stay.
 */
@Tag("unit")
class RowsBeforeTest {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE aaa(id TEXT PRIMARY KEY, zid TEXT, v TEXT);"
                    + "CREATE TABLE zzz(id TEXT PRIMARY KEY, note TEXT);");

    @Table("aaa")
    record Aaa(String id, String zid, String v) {
    }

    @Table("zzz")
    record Zzz(String id, String note) {
    }

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;

    private Db device(String name) {
        Db db = fixture.closeAfter(Db.builder().file(dir.resolve(name + ".db")).build());
        db.migrate(SCHEMA);
        return db;
    }

    @Test
    void rebuild_triggerChangesLaterTablesRowMidway_rowEndsAsTheSnapshotHoldsIt() throws Exception {
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder()
                .folder(Files.createDirectories(dir.resolve("remote"))).snapshotEvery(0).build());
        Db a = device("a");
        Db away = device("away");
        a.save(new Zzz("z1", "as written"));
        a.save(new Aaa("a1", "z1", "first"));
        engine.sync(a);
        engine.sync(away);
        // Only on the returning device, on its writer: a TEMP trigger that rewrites zzz when aaa
        // changes. The catch-up writes aaa before zzz, so zzz's row changes after it was read beside.
        away.migrate(List.of(SCHEMA.get(0), "CREATE TEMP TRIGGER aaa_touches_zzz AFTER UPDATE OF v ON aaa BEGIN"
                + " UPDATE zzz SET note = 'changed by a trigger' WHERE id = new.zid; END"));
        for (int round = 0; round < 10; round++) {
            a.save(new Aaa("a1", "z1", "round " + round));
            engine.sync(a);
        }
        assertTrue(engine.compact(a).snapshotWritten());
        SyncReport r = engine.sync(away);
        assertTrue(r.complete(), r.toString());
        assertTrue(away.history().changes("aaa", "a1").size() < 10, "caught up from the snapshot, not by replaying the batches: "
                + away.history().changes("aaa", "a1").size() + " versions");
        assertEquals("round 9", away.get(Aaa.class, "a1").orElseThrow().v());
        assertEquals("as written", away.get(Zzz.class, "z1").orElseThrow().note(),
                "the row the trigger changed is written back to the snapshot's value");
        assertEquals(a.get(Zzz.class, "z1"), away.get(Zzz.class, "z1"));
    }
}
