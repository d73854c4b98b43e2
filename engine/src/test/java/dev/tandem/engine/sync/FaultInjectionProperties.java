package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.FaultyStorage;
import dev.tandem.engine.testing.FaultyStorage.Rates;
import dev.tandem.engine.testing.LongOnly;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.ReplicaOps;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import dev.tandem.engine.testing.SaveLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Random scripts on three replicas whose remote fails in every way {@link FaultyStorage} knows:
 * errors, timeouts (also after the write landed), create-if-absent reporting "taken" or failing
 * although it wrote, listings and reads missing the newest keys, a slow first byte. Every failed
 * sync must say it can be retried and keep every local change; once the faults stop, the replicas
 * converge with nothing lost and nothing duplicated, on the remote or in any changelog.
 *
 * <p>Syncs run one at a time and the faults come from a seeded random, so a case repeats exactly
 * and shrinks. One case in fifteen runs over S3Proxy. CI: 300 cases; long profile: 5,000 more.
 *
 * <p>A read that finds a fresh object missing is a random draw per call here, not a lag in time,
 * so the engines' read retries count their back-off instead of sleeping it: the same retries with
 * the same drawn delays, without seconds of sleep across the cases.
 */
@Tag("server")
class FaultInjectionProperties {
    enum Remote { MEMORY, S3, WEBDAV }

    record Step(int kind, int who, int slot, int field, int value) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(6, 1), Tuple.of(2, 3),
                Tuple.of(1, 4), Tuple.of(8, 6));
        return Combinators.combine(kind, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, ReplicaOps.SLOTS - 1), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9)).as(Step::new).list().ofMinSize(5).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Rates> rates() {
        return Combinators.combine(Arbitraries.of(0.0, 0.05, 0.2, 0.2), Arbitraries.of(0.0, 0.1, 0.2),
                Arbitraries.of(0.0, 0.3, 0.6), Arbitraries.of(0.0, 0.5, 0.9), Arbitraries.of(0.0, 0.3, 0.6),
                Arbitraries.of(0, 0, 3)).as(Rates::new);
    }

    @Provide
    Arbitrary<Remote> remotes() {
        return Arbitraries.frequency(Tuple.of(14, Remote.MEMORY), Tuple.of(1, Remote.S3), Tuple.of(1, Remote.WEBDAV));
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void sync_faultyRemote_failsRetryablyKeepsLocalChangesAndConvergesAfter(@ForAll("scripts") List<Step> script,
            @ForAll("rates") Rates rates, @ForAll long seed, @ForAll("remotes") Remote remote) {
        run(script, rates, seed, remote);
    }

    @Property(tries = 5000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(LongOnly.class)
    void sync_faultyRemote_failsRetryablyKeepsLocalChangesAndConvergesAfter_long(@ForAll("scripts") List<Step> script,
            @ForAll("rates") Rates rates, @ForAll long seed, @ForAll("remotes") Remote remote) {
        run(script, rates, seed, remote);
    }

    private void run(List<Step> script, Rates rates, long seed, Remote remote) {
        SyncStorage base = switch (remote) {
            case S3 -> SyncStorage.s3(S3ProxyServer.shared().settings(S3ProxyServer.shared().newBucket()));
            case WEBDAV -> SyncStorage.webDav(new WebDavSettings(WebDavServer.shared(WebDavServer.Kind.RCLONE).newCollection(),
                    WebDavServer.USER, WebDavServer.PASSWORD));
            case MEMORY -> SyncStorage.memory();
        };
        FaultyStorage faulty = new FaultyStorage(base, rates, seed);
        List<Db> dbs = new ArrayList<>();
        List<SyncEngine> engines = new ArrayList<>();
        SaveLedger ledger = new SaveLedger();
        AtomicLong backedOffMillis = new AtomicLong();
        try {
            for (int i = 0; i < 3; i++) {
                Db db = Db.openMemory();
                db.migrate(Fixtures.MIGRATIONS);
                dbs.add(db);
                engines.add(SyncEngine.builder().storage(faulty).retryPause(backedOffMillis::addAndGet).build());
            }
            int failed = 0;
            for (Step s : script) {
                Db db = dbs.get(s.who());
                if (s.kind() != 6) {
                    ReplicaOps.edit(db, ledger, s.kind(), s.slot(), s.field(), s.value());
                    continue;
                }
                Set<UUID> before = new HashSet<>(Canonical.changeIds(db));
                try {
                    engines.get(s.who()).sync(db);
                } catch (SyncException e) {
                    failed++;
                    assertTrue(e.retryable(), "an injected fault must read as retryable: " + e.reason() + " " + e.getMessage());
                    assertTrue(Canonical.changeIds(db).containsAll(before), "a failed sync lost a change");
                    assertEquals("ok", Canonical.integrity(db));
                }
            }
            Statistics.label("syncs failed by a fault").collect(failed == 0 ? "none"
                    : failed < 3 ? "1-2" : "3+");
            Statistics.label("faults injected").collect(faulty.injected() == 0 ? "none"
                    : faulty.injected() < 10 ? "1-9" : "10+");
            Statistics.label("read back-off counted, not slept").collect(backedOffMillis.get() == 0 ? "none"
                    : backedOffMillis.get() < 500 ? "under 0.5 s" : "0.5 s+");
            faulty.heal();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < dbs.size(); i++) {
                    SyncReport r = engines.get(i).sync(dbs.get(i));
                    assertEquals(0, r.skipped(), "faults never make an object unreadable: " + r.warnings());
                }
            }
            check(dbs, ledger, base);
        } finally {
            dbs.forEach(Db::close);
            base.close();
        }
    }

    static void check(List<Db> dbs, SaveLedger ledger, SyncStorage storage) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < dbs.size(); i++) {
            if (!Canonical.userTables(dbs.get(i)).equals(Canonical.userTables(dbs.get(0)))) {
                problems.add("replica " + i + " differs: " + Canonical.userTables(dbs.get(i)) + " vs "
                        + Canonical.userTables(dbs.get(0)));
            }
        }
        problems.addAll(ledger.verify(dbs));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Set<UUID> onRemote = new HashSet<>();
        int count = 0;
        for (String key : Remotes.names(storage, "batches/")) {
            for (ChangeData c : BatchCodec.decode(storage.get(key).orElseThrow(), key).changes()) {
                count++;
                onRemote.add(c.id());
            }
        }
        assertEquals(count, onRemote.size(), "a change was pushed in two batches");
        assertEquals(ledger.changes(), onRemote);
    }
}
