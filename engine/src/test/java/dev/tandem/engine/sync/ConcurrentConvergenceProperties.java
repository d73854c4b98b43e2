package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.LongOnly;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.ReplicaOps;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import dev.tandem.engine.testing.SaveLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random scripts on 3–5 replicas, each with its own {@link SyncEngine} over one shared remote:
 * creates (also of "the same" entity on two replicas), edits of random fields, deletes, restores,
 * taking back a conflict's lost value, single syncs, and groups of replicas syncing at the same
 * moment on their own threads while another replica (or one of them) saves. Replica 0's database
 * is also open a second time, with its own engine (the twin: the app and {@code tandem sync} on one
 * profile), which saves and syncs on its own and inside the groups; it must never be taken for
 * another installation.
 *
 * <p>After a final round every replica must hold the same user tables, winners and held entities,
 * exactly the acknowledged changes once each, and every acknowledged value as a winner, a recorded
 * conflict loser, or knowingly replaced ({@link SaveLedger#verify}); the remote holds each change
 * in exactly one batch. Most cases run on the in-memory remote, one in twenty on S3Proxy.
 *
 * <p>Budget: 1,000 tries in CI; 10,000 more in the long profile ({@link LongOnly}). A failing script shrinks (steps removed, numbers lowered), although
 * a failure that needs a particular thread interleaving may shrink less far.
 */
@Tag("server")
class ConcurrentConvergenceProperties {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "replica-sync");
        t.setDaemon(true);
        return t;
    });

    enum Remote { MEMORY, S3, WEBDAV }

    /** One step. Kinds 0–5 are edits ({@link ReplicaOps#edit}); 6 syncs {@code who}; 7 syncs the
     * replicas in {@code group} at once (bit 5: the twin too) while {@code who} makes an edit of kind
     * {@code field % 6}; 8 syncs the twin; 9 makes an edit of kind {@code field % 6} through the twin. */
    record Step(int kind, int who, int slot, int field, int value, int group) {
        @Override
        public String toString() {
            String what = switch (kind) {
                case 0 -> "create";
                case 1 -> "edit";
                case 2 -> "edit2";
                case 3 -> "delete";
                case 4 -> "restore";
                case 5 -> "useLost";
                case 6 -> "sync";
                case 8 -> "twinSync";
                case 9 -> "twinEdit" + field % 6;
                default -> "parallel(" + Integer.toBinaryString(group) + ")+" + field % 6;
            };
            return what + (kind >= 8 ? "" : "@r" + who) + (kind == 6 || kind == 8 ? ""
                    : " " + ReplicaOps.id(slot) + " f" + field + " v" + value);
        }
    }

    @AfterContainer
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(10, 1), Tuple.of(4, 2),
                Tuple.of(3, 3), Tuple.of(2, 4), Tuple.of(1, 5), Tuple.of(6, 6), Tuple.of(4, 7),
                Tuple.of(3, 8), Tuple.of(2, 9));
        Arbitrary<Step> step = Combinators.combine(kind, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, ReplicaOps.SLOTS - 1), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 63)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<Remote> remotes() {
        return Arbitraries.frequency(Tuple.of(19, Remote.MEMORY), Tuple.of(1, Remote.S3), Tuple.of(1, Remote.WEBDAV));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void sync_concurrentReplicasAnyScript_convergeAndLoseNothing(@ForAll("scripts") List<Step> script,
            @ForAll @IntRange(min = 3, max = 5) int replicas, @ForAll("remotes") Remote remote) throws Exception {
        run(script, replicas, remote);
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(LongOnly.class)
    void sync_concurrentReplicasAnyScript_convergeAndLoseNothing_long(@ForAll("scripts") List<Step> script,
            @ForAll @IntRange(min = 3, max = 5) int replicas, @ForAll("remotes") Remote remote) throws Exception {
        run(script, replicas, remote);
    }

    private void run(List<Step> script, int replicas, Remote remote) throws Exception {
        SyncStorage storage = switch (remote) {
            case S3 -> SyncStorage.s3(S3ProxyServer.shared().settings(S3ProxyServer.shared().newBucket()));
            case WEBDAV -> SyncStorage.webDav(new WebDavSettings(WebDavServer.shared(WebDavServer.Kind.APACHE).newCollection(),
                    WebDavServer.USER, WebDavServer.PASSWORD));
            case MEMORY -> SyncStorage.memory();
        };
        List<Db> dbs = new ArrayList<>();
        List<SyncEngine> engines = new ArrayList<>();
        SaveLedger ledger = new SaveLedger();
        Path dir = Files.createTempDirectory("twin");
        Db twin = null;
        try {
            for (int i = 0; i < replicas; i++) {
                // Replica 0 is a file, so a second program can open it too.
                Db db = i == 0 ? Db.open(dir.resolve("r0.db")) : Db.openMemory();
                db.migrate(Fixtures.MIGRATIONS);
                dbs.add(db);
                // Its own engine per replica, as on separate devices; they share only the remote.
                engines.add(SyncEngine.builder().storage(storage).build());
            }
            // The twin: replica 0's database opened a second time, with its own connections and
            // engine, as the app and `tandem sync` have it. Same database, second process.
            twin = Db.open(dir.resolve("r0.db"));
            SyncEngine twinEngine = SyncEngine.builder().storage(storage).build();
            String deviceId = dbs.get(0).deviceId();
            for (Step s : script) {
                int who = s.who() % replicas;
                if (s.kind() <= 5) {
                    ReplicaOps.edit(dbs.get(who), ledger, s.kind(), s.slot(), s.field(), s.value());
                } else if (s.kind() == 6) {
                    engines.get(who).sync(dbs.get(who));
                } else if (s.kind() == 8) {
                    twinEngine.sync(twin);
                } else if (s.kind() == 9) {
                    ReplicaOps.edit(twin, ledger, s.field() % 6, s.slot(), s.value(), s.value() + s.field());
                } else {
                    parallel(s, who, dbs, engines, twin, twinEngine, ledger);
                }
            }
            for (int round = 0; round < 2; round++) {
                twinEngine.sync(twin);
                for (int i = 0; i < replicas; i++) {
                    engines.get(i).sync(dbs.get(i));
                }
            }
            assertEquals(deviceId, dbs.get(0).deviceId(), "replica 0 took its twin for another installation");
            assertEquals(deviceId, twin.deviceId(), "the twin took replica 0 for another installation");
            check(dbs, engines, ledger, storage);
        } finally {
            if (twin != null) {
                twin.close();
            }
            dbs.forEach(Db::close);
            storage.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Syncs the group's replicas (and the twin, bit 5) on their own threads, released together,
     * while {@code who} edits.
     */
    private static void parallel(Step s, int who, List<Db> dbs, List<SyncEngine> engines, Db twin,
                                 SyncEngine twinEngine, SaveLedger ledger) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SyncReport>> syncs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if ((s.group() & (1 << i)) != 0 && (i < dbs.size() || i == 5)) {
                Db db = i == 5 ? twin : dbs.get(i);
                SyncEngine engine = i == 5 ? twinEngine : engines.get(i);
                syncs.add(POOL.submit(() -> {
                    start.await();
                    return engine.sync(db);
                }));
            }
        }
        start.countDown();
        ReplicaOps.edit(dbs.get(who), ledger, s.field() % 6, s.slot(), s.value(), s.value() + s.field());
        for (Future<SyncReport> f : syncs) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private static void check(List<Db> dbs, List<SyncEngine> engines, SaveLedger ledger, SyncStorage storage) {
        // Replica 0's side of each comparison is read once, not again for every replica it is compared with.
        Db first = dbs.get(0);
        Map<String, String> firstTables = Canonical.userTables(first);
        Map<String, UUID> firstWinners = Canonical.winners(first);
        List<String> firstPending = Canonical.pending(first);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < dbs.size(); i++) {
            Db db = dbs.get(i);
            String name = "replica " + i;
            Map<String, String> tables = Canonical.userTables(db);
            if (!tables.equals(firstTables)) {
                problems.add(name + " differs from replica 0:\n" + tables + "\nvs\n" + firstTables);
            }
            if (!Canonical.winners(db).equals(firstWinners)) {
                problems.add(name + ": winners differ from replica 0");
            }
            List<String> pending = Canonical.pending(db);
            if (!pending.equals(firstPending)) {
                problems.add(name + ": held entities " + pending + " vs " + firstPending);
            }
        }
        problems.addAll(ledger.verify(dbs));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        for (int i = 0; i < dbs.size(); i++) {
            SyncReport idle = engines.get(i).sync(dbs.get(i));
            // The message is made only when the check fails: a report's text costs more than the check.
            assertEquals(0, idle.pushed() + idle.pulled(), () -> "a converged replica has nothing left to move: " + idle);
        }
        Set<UUID> onRemote = new HashSet<>();
        int count = 0;
        for (String key : Remotes.names(storage, "batches/")) {
            Batch b = BatchCodec.decode(storage.get(key).orElseThrow(), key);
            for (ChangeData c : b.changes()) {
                count++;
                onRemote.add(c.id());
            }
        }
        assertEquals(count, onRemote.size(), "a change was pushed in two batches");
        assertEquals(ledger.changes(), onRemote, "the remote holds exactly the acknowledged changes");
    }
}
