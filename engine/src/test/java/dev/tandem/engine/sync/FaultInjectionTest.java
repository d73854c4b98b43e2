package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static dev.tandem.engine.testing.SyncFixture.syncEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.FaultyStorage;
import dev.tandem.engine.testing.FaultyStorage.Rates;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.SaveLedger;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One fault at a time, always on, so each claim of {@link FaultInjectionProperties} shows on its own. */
@Tag("server")
class FaultInjectionTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    @Test
    void sync_everyCallTimesOut_retryableAndLocalChangesKept() {
        FaultyStorage faulty = new FaultyStorage(SyncStorage.memory(), new Rates(0, 1, 0, 0, 0, 0), 1);
        Db a = fixture.device();
        Item x = a.save(Item.of("kept"));
        SyncEngine engine = fixture.engine(faulty);
        for (int i = 0; i < 5; i++) {
            SyncException e = assertThrows(SyncException.class, () -> engine.sync(a));
            assertEquals(SyncException.Reason.UNREACHABLE, e.reason());
            assertTrue(e.retryable());
        }
        assertEquals(List.of(x), items(a));
        faulty.heal();
        assertEquals(1, engine.sync(a).pushed(), "no call got through, so nothing was pushed before");
        Db b = fixture.device();
        engine.sync(b);
        assertEquals(List.of(x), items(b));
    }

    @Test
    void sync_createReportsFailureAfterWriting_nextSyncAcknowledgesTheStoredBatchOnce() {
        SyncStorage memory = SyncStorage.memory();
        FaultyStorage faulty = new FaultyStorage(memory, new Rates(0, 0, 1, 0, 0, 0), 3);
        Db a = fixture.device();
        SyncEngine engine = fixture.engine(faulty);
        int failures = 0;
        for (int i = 0; i < 6; i++) {
            a.save(Item.of("item " + i));
            try {
                engine.sync(a);
            } catch (SyncException e) {
                assertTrue(e.retryable(), e.getMessage());
                failures++;
            }
        }
        assertTrue(failures > 0, "every create lies, so some syncs must fail");
        faulty.heal();
        engine.sync(a);
        Db b = fixture.device();
        engine.sync(b);
        assertEquals(items(a), items(b));
        assertEquals(6, Canonical.changeIds(b).size(), "each change arrived once");
        FaultInjectionProperties.check(List.of(a, b), ledgerOf(a), memory);
    }

    @Test
    void sync_slotReportedTakenAndNotReadableAtOnce_readsBackWithBackoffAndSucceeds() {
        SyncStorage memory = SyncStorage.memory();
        AtomicInteger hiddenReads = new AtomicInteger();
        SyncStorage lagging = new SyncStorage() {
            @Override
            public List<String> list(String prefix, String startAfter, int maxNames) {
                return memory.list(prefix, startAfter, maxNames);
            }

            @Override
            public Optional<byte[]> get(String name) {
                // A fresh batch is not served for the first two reads, as on an eventually consistent store.
                if (name.startsWith("batches/") && hiddenReads.incrementAndGet() <= 2) {
                    return Optional.empty();
                }
                return memory.get(name);
            }

            @Override
            public boolean createIfAbsent(String name, byte[] data) {
                boolean created = memory.createIfAbsent(name, data);
                return name.startsWith("batches/") ? false : created;
            }

            @Override
            public void delete(String name) {
                memory.delete(name);
            }

            @Override
            public String describe() {
                return "lagging";
            }
        };
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncReport r = fixture.engine(lagging).sync(a);
        assertEquals(1, r.pushed(), r.toString());
        assertEquals(3, hiddenReads.get(), "two empty reads, then the batch");
    }

    @Test
    void sync_listingsAndReadsMissNewestKeys_failRetryablyNamingTheServerThenConverge() {
        SyncStorage memory = SyncStorage.memory();
        FaultyStorage faulty = new FaultyStorage(memory, new Rates(0, 0, 0, 1, 1, 0), 5);
        Db a = fixture.device();
        Db b = fixture.device();
        SyncEngine engine = fixture.engine(faulty);
        int inconsistent = 0;
        for (int i = 0; i < 5; i++) {
            a.save(Item.of("a" + i));
            b.save(Item.of("b" + i));
            for (Db db : List.of(a, b)) {
                try {
                    engine.sync(db);
                } catch (SyncException e) {
                    // A server that does not return what a device just wrote is named, never passed over.
                    assertTrue(e.retryable(), e.getMessage());
                    if (e.reason() == SyncException.Reason.SERVER_INCONSISTENT) {
                        inconsistent++;
                    }
                }
            }
        }
        assertTrue(inconsistent > 0, "the lagging server was reported");
        faulty.heal();
        syncEach(engine, a, b, a);
        assertEquals(10, items(a).size());
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_s3WithRandomFaults_convergesOnceTheyStop() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        SyncStorage base = SyncStorage.s3(s3.settings(s3.newBucket()));
        FaultyStorage faulty = new FaultyStorage(base, new Rates(0.1, 0.1, 0.3, 0.5, 0.3, 2), 11);
        Db a = fixture.device();
        Db b = fixture.device();
        SyncEngine engine = fixture.engine(faulty);
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? a : b).save(Item.of("item " + i));
            for (Db db : List.of(a, b)) {
                try {
                    engine.sync(db);
                } catch (SyncException e) {
                    assertTrue(e.retryable(), e.getMessage());
                }
            }
        }
        assertTrue(faulty.injected() > 0);
        faulty.heal();
        syncEach(engine, a, b, a);
        assertEquals(10, items(a).size());
        assertEquals(items(a), items(b));
        assertEquals(10, Remotes.names(base, "batches/").stream()
                .mapToInt(k -> BatchCodec.decode(base.get(k).orElseThrow(), k).changes().size())
                .sum(), "each change in exactly one batch");
    }

    /** Every change {@code db} authored, as acknowledged saves. */
    private static SaveLedger ledgerOf(Db db) {
        SaveLedger ledger = new SaveLedger();
        ledger.acknowledge(db, 0);
        return ledger;
    }
}
