package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a sync costs in requests, and that syncing again when nothing changed costs one listing and grows nothing. */
@Tag("unit")
class SyncRequestsTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();
    final SyncEngine engine = fixture.engine();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    static long changelogSize(Db db) {
        return db.query(Count.class, "SELECT 'x' AS id, count(*) AS n FROM _tandem_change").get(0).n();
    }

    record Count(String id, long n) {
    }

    @Test
    void sync_repeated_doesNotGrowRemoteOrChangelog() {
        Db a = device("a");
        Db b = device("b");
        a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        assertEquals(2, engine.sync(a).requests(), "the listing, and the batch pushed before read back once");
        List<String> keys = remote.list("", null, 1000);
        long sizeA = changelogSize(a);
        long sizeB = changelogSize(b);
        for (int i = 0; i < 5; i++) {
            SyncReport ra = engine.sync(a);
            SyncReport rb = engine.sync(b);
            assertEquals(1, ra.requests(), "an idle sync is one listing");
            assertEquals(1, rb.requests());
        }
        assertEquals(keys, remote.list("", null, 1000));
        assertEquals(sizeA, changelogSize(a));
        assertEquals(sizeB, changelogSize(b));
    }

    @Test
    void sync_pushOfManyChanges_costsBatchesPlusHead() {
        // The volume trigger off: a push of 12,000 changes also writes a snapshot, the policy's cost
        // rather than the sync's own (SnapshotVolumeTest).
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotChanges(0).build());
        Db a = device("a");
        a.transaction(tx -> {
            for (int i = 0; i < 12_000; i++) {
                tx.save(Item.of("item " + i));
            }
        });
        SyncReport r = engine.sync(a);
        assertEquals(12_000, r.pushed());
        int batches = (int) Math.ceil(12_000 / 5000.0);
        assertEquals(1 + 1 + batches + 2 + 1 + 1, r.requests(),
                "one listing, the encryption check before an engine's first push, the batches, reading the first back"
                        + " and rewriting it once (refused), one head, the change marker");
        a.transaction(tx -> {
            for (int i = 0; i < 12_000; i++) {
                tx.save(Item.of("more " + i));
            }
        });
        assertEquals(1 + batches + batches + 1 + 1, engine.sync(a).requests(),
                "later pushes: one listing, the batches of the push before read back once, the batches, one head,"
                        + " the change marker");
        Db b = device("b");
        SyncReport pull = engine.sync(b);
        assertEquals(24_000, pull.pulled());
        assertEquals(1 + 2 * batches + 1, pull.requests(), "one listing, the batches of both pushes, and the ack of"
                + " its first sync that read anything, which makes it known to cleanup");
        assertEquals(24_000, items(b).size());
    }
}
