package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.FlakyNetwork;
import dev.tandem.engine.testing.FlakyNetwork.Kind;
import dev.tandem.engine.testing.ReplicaOps;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.SaveLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random scripts on two or three devices syncing with a real S3 server (S3Proxy) through a bad
 * network ({@link FlakyNetwork}): connections reset mid-upload and mid-download, slow answers, a
 * Wi-Fi log-in page instead of S3, throttling (503 SlowDown, 429). A sync may fail, but only with a
 * {@link SyncException} that says it can be retried or names what the network did, with every
 * local change kept and nothing set aside; once the network heals, every device converges with
 * every saved change, each once, on the devices and in the bucket.
 *
 * <p>Syncs run one at a time and the faults come from a seeded random, so a case repeats (the
 * SDK's retry timing aside). Each case gets a fresh bucket. The class prints its figures at the end.
 */
@Tag("server")
class NetworkFaultsProperties {
    private static final String PASSPHRASE = "a passphrase";
    private static final Map<Kind, AtomicLong> FAULTS = new EnumMap<>(Kind.class);
    private static final AtomicLong SYNCS = new AtomicLong();
    private static final AtomicLong FAILED = new AtomicLong();
    private static final AtomicLong RECOVERED = new AtomicLong();
    private static final AtomicLong LOST = new AtomicLong();
    private static final AtomicLong SET_ASIDE = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();

    static {
        for (Kind k : Kind.values()) {
            FAULTS.put(k, new AtomicLong());
        }
    }

    /** {@code kind}: as {@link ReplicaOps#edit}, or 6 for a sync of device {@code who}. */
    record Step(int kind, int who, int slot, int field, int value) {
        @Override
        public String toString() {
            return (kind == 6 ? "sync" : "edit" + kind + " " + ReplicaOps.id(slot) + " f" + field + " v" + value) + "@d" + who;
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(6, 1), Tuple.of(2, 3),
                Tuple.of(1, 4), Tuple.of(7, 6));
        return Combinators.combine(kind, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, ReplicaOps.SLOTS - 1), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9)).as(Step::new).list().ofMinSize(8).ofMaxSize(15);
    }

    /** The share of requests the network harms: now and then, often, or most of the time. */
    @Provide
    Arbitrary<Double> harm() {
        return Arbitraries.of(0.05, 0.15, 0.25);
    }

    /**
     * The whole claim. It found two engine bugs (reproduced one by one in {@link NetworkFaultsTest}):
     * a fault on the read-back check's refused PUT taken for a server without conditional writes,
     * and a 404 cut short taken for a missing bucket.
     */
    @Property(tries = 10, shrinking = ShrinkingMode.BOUNDED)
    void sync_badNetwork_failsOnlyRetryablyOrDiagnosedAndConvergesAfterItHeals(@ForAll("scripts") List<Step> script,
            @ForAll @IntRange(min = 2, max = 3) int devices, @ForAll boolean encrypted, @ForAll("harm") double harm,
            @ForAll long seed) {
        run(script, devices, encrypted, harm, seed);
    }

    private void run(List<Step> script, int devices, boolean encrypted, double harm, long seed) {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        SyncStorage direct = SyncStorage.s3(server.settings(bucket));
        // A short stall keeps the class quick; NetworkFaultsTest holds answers for the full 1.5 s.
        FlakyNetwork network = new FlakyNetwork(server.port(), seed).stallFor(Duration.ofMillis(300));
        for (Kind k : Kind.values()) {
            network.rate(k, harm / Kind.values().length);
        }
        List<Db> dbs = new ArrayList<>();
        List<SyncEngine> engines = new ArrayList<>();
        SaveLedger ledger = new SaveLedger();
        try {
            for (int i = 0; i < devices; i++) {
                Db db = Db.openMemory();
                db.migrate(Fixtures.MIGRATIONS);
                dbs.add(db);
                SyncEngine.Builder b = SyncEngine.builder().s3(network.endpoint(), bucket, S3ProxyServer.REGION,
                        S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL).deviceName("device " + i);
                engines.add((encrypted ? b.encrypted(PASSPHRASE) : b).build());
            }
            boolean[] lastFailed = new boolean[devices];
            int failed = 0;
            for (Step s : script) {
                int who = s.who() % devices;
                Db db = dbs.get(who);
                if (s.kind() != 6) {
                    ReplicaOps.edit(db, ledger, s.kind(), s.slot(), s.field(), s.value());
                    continue;
                }
                Set<UUID> before = new HashSet<>(Canonical.changeIds(db));
                SYNCS.incrementAndGet();
                try {
                    engines.get(who).sync(db);
                    if (lastFailed[who]) {
                        RECOVERED.incrementAndGet();
                    }
                    lastFailed[who] = false;
                } catch (SyncException e) {
                    failed++;
                    FAILED.incrementAndGet();
                    lastFailed[who] = true;
                    assertTrue(e.retryable() || e.diagnosis() != Diagnosis.NONE, "a network fault must read as retryable "
                            + "or be diagnosed: " + e.reason() + "/" + e.diagnosis() + " " + e.getMessage() + causes(e));
                    assertTrue(Canonical.changeIds(db).containsAll(before), "a failed sync lost a change");
                    assertEquals("ok", Canonical.integrity(db));
                }
                assertNothingSetAside(engines.get(who), db);
            }
            Statistics.label("syncs failed by the network").collect(failed == 0 ? "none" : failed < 3 ? "1-2" : "3+");
            network.heal();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < devices; i++) {
                    SyncReport r = engines.get(i).sync(dbs.get(i));
                    assertEquals(0, r.skipped(), "the network never makes an object unreadable: " + r.warnings());
                    assertNothingSetAside(engines.get(i), dbs.get(i));
                }
            }
            for (Db db : dbs) {
                Set<UUID> held = new HashSet<>(Canonical.changeIds(db));
                LOST.addAndGet(ledger.changes().stream().filter(id -> !held.contains(id)).count());
            }
            FaultInjectionProperties.check(dbs, ledger, encrypted ? new EncryptedStorage(direct, PASSPHRASE) : direct);
        } finally {
            for (Kind k : Kind.values()) {
                FAULTS.get(k).addAndGet(network.injected(k));
            }
            REQUESTS.addAndGet(network.requests());
            engines.forEach(SyncEngine::close);
            dbs.forEach(Db::close);
            network.close();
            direct.close();
        }
    }

    private static void assertNothingSetAside(SyncEngine engine, Db db) {
        int n = engine.setAside(db).size() + Canonical.setAside(db).size();
        SET_ASIDE.addAndGet(n);
        assertEquals(0, n, "set aside because of the network: " + engine.setAside(db) + " " + Canonical.setAside(db));
    }

    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            out.append("\n  caused by ").append(t);
        }
        return out.toString();
    }

    @AfterContainer
    static void printFigures() {
        StringBuilder faults = new StringBuilder();
        FAULTS.forEach((k, n) -> faults.append(k).append('=').append(n.get()).append(' '));
        System.out.println("NetworkFaultsProperties figures: faults injected " + faults + "(of " + REQUESTS.get()
                + " requests); syncs attempted " + SYNCS.get() + ", failed " + FAILED.get() + ", recovered "
                + RECOVERED.get() + "; changes lost " + LOST.get() + "; objects set aside " + SET_ASIDE.get());
    }
}
