package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.sync.CountingStorage;
import dev.tandem.engine.internal.sync.DefaultSyncEngine;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.Frame;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Sync: device A pushes N changes, device B (a fresh database) pulls them, then both sync once more
 * with nothing new (idle). Data shapes: "insert" (N new tasks, 5 fields each), "edit" (N renames,
 * one field each, of tasks both devices already have; the setup sync is not measured) and
 * "edit-random" (as edit, but titles of random letters, which deflate cannot shrink). Two remotes:
 * the slow wrapper over memory (GET 25 ms, PUT 250 ms, LIST 25 ms) and S3Proxy, a real S3 server in
 * a child process on 127.0.0.1 (transient in-memory provider, no injected latency).
 *
 * <p>Next to each run, on a fresh remote of the same kind and with the very same changes, the
 * seed's one-object-per-change layout ({@link PerChangeBaseline}). Requests and bytes are counted
 * by the engine's own {@link CountingStorage} for both.
 */
final class SyncBench {
    private static final Duration GET = Duration.ofMillis(25);
    private static final Duration PUT = Duration.ofMillis(250);
    private static final Duration LIST = Duration.ofMillis(25);
    private static final int DEVICES = 2;

    private final Path dir;
    private final List<Integer> sizes;
    private final List<String> backends;
    private final List<String> variants;
    private final int baselineSample;
    private final List<String> rows = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();
    private S3ProxyServer s3;
    private int runId;

    SyncBench(Path dir, Map<String, String> opt) {
        this.dir = dir;
        this.sizes = Arrays.stream(opt.getOrDefault("sizes", "1000,10000").split(",")).map(Integer::parseInt).toList();
        this.backends = List.of(opt.getOrDefault("backends", "slow,s3").split(","));
        this.variants = List.of(opt.getOrDefault("variants", "insert,edit").split(","));
        this.baselineSample = Integer.parseInt(opt.getOrDefault("baseline-sample", "1000"));
    }

    /** A kind of remote; each call to {@link #fresh()} is an empty one. */
    interface Backend {
        Remote fresh();
    }

    /** One empty remote: a storage per device (each device has its own client), and a way in for setup. */
    interface Remote {
        SyncStorage device();

        /** Writes without latency or counting, to stage what is not being measured. */
        SyncStorage setup();
    }

    void run() throws Exception {
        try {
            for (String backend : backends) {
                Backend b = backend(backend);
                warmUp(backend, b);
                for (String variant : variants) {
                    for (int n : sizes) {
                        runBoth(backend, b, variant, n);
                    }
                }
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
        System.out.println();
        System.out.println("### Sync: push N changes from A, pull them into a fresh B, then one idle sync each"
                + " (cap = DefaultSyncEngine.BATCH_CAP = " + DefaultSyncEngine.BATCH_CAP + ")");
        System.out.println();
        System.out.println("| remote | changes | layout | push time | push requests | bytes up | bytes up / field change"
                + " | same, before deflate | pull time | pull requests | bytes down | idle sync requests (A, B) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Goals (batched layout; 'push requests' include the sync's heads listing, shown as listing + rest):");
        System.out.println();
        goals.forEach(System.out::println);
    }

    private Backend backend(String name) {
        switch (name) {
            case "slow":
                return () -> {
                    SyncStorage memory = SyncStorage.memory();
                    return new Remote() {
                        @Override
                        public SyncStorage device() {
                            return SyncStorage.slow(memory, GET, PUT, LIST);
                        }

                        @Override
                        public SyncStorage setup() {
                            return memory;
                        }
                    };
                };
            case "s3":
                if (s3 == null) {
                    // The harness's default server flags favour start-up; a benchmark wants the full JIT.
                    s3 = S3ProxyServer.builder().jvmArgs(List.of("-Xmx1g", "-XX:+UseSerialGC")).start();
                    log("S3Proxy started at " + s3.endpoint() + ", log " + s3.logFile());
                }
                return () -> {
                    String bucket = s3.newBucket();
                    SyncStorage setup = SyncStorage.s3(s3.settings(bucket));
                    return new Remote() {
                        @Override
                        public SyncStorage device() {
                            return SyncStorage.s3(s3.settings(bucket));
                        }

                        @Override
                        public SyncStorage setup() {
                            return setup;
                        }
                    };
                };
            case "webdav":
                // Apache httpd with mod_dav_fs on 127.0.0.1 (If-None-Match creates): the request counts
                // are WebDAV's real HTTP requests, a listing being one PROPFIND per folder it reaches.
                return () -> {
                    String folder = WebDavServer.shared(WebDavServer.Kind.APACHE).newCollection();
                    WebDavSettings settings = new WebDavSettings(folder, WebDavServer.USER, WebDavServer.PASSWORD);
                    return new Remote() {
                        @Override
                        public SyncStorage device() {
                            return SyncStorage.webDav(settings);
                        }

                        @Override
                        public SyncStorage setup() {
                            return SyncStorage.webDav(settings);
                        }
                    };
                };
            default:
                throw new IllegalArgumentException("backend: slow, s3 or webdav, not " + name);
        }
    }

    /** One small unrecorded round per remote kind, so class loading and JIT land before measuring. */
    private void warmUp(String backend, Backend b) throws Exception {
        log("warming up " + backend);
        int saved = rows.size();
        int savedGoals = goals.size();
        runBoth(backend + "-warmup", b, "insert", backend.equals("slow") ? 20 : 500);
        rows.subList(saved, rows.size()).clear();
        goals.subList(savedGoals, goals.size()).clear();
    }

    private void runBoth(String backend, Backend kind, String variant, int n) throws Exception {
        int run = ++runId;
        Path fa = SaveLatency.fresh(dir.resolve("sync-" + run + "-a.db"));
        Path fb = SaveLatency.fresh(dir.resolve("sync-" + run + "-b.db"));
        Remote remote = kind.fresh();
        try (Db a = Db.open(fa); Db b = Db.open(fb);
             // The volume trigger off: a push of 10,000 changes would also write a snapshot, whose
             // requests are not the sync's own (PERFORMANCE.md, "Snapshot policy").
             SyncEngine ea = SyncEngine.builder().storage(remote.device()).snapshotChanges(0).build();
             SyncEngine eb = SyncEngine.builder().storage(remote.device()).snapshotChanges(0).build()) {
            a.migrate(List.of(Data.TASK_DDL));
            b.migrate(List.of(Data.TASK_DDL));
            SplittableRandom r = new SplittableRandom(n);
            List<Task> tasks = new ArrayList<>(n);
            a.transaction(tx -> {
                for (int i = 0; i < n; i++) {
                    tasks.add(tx.save(Data.task(null, r)));
                }
            });
            UUID author = SyncPort.of(a).deviceUuid();
            List<ChangeData> setupChanges = List.of();
            if (variant.startsWith("edit")) {
                setupChanges = pending(a, ea.describe());
                ea.sync(a);
                eb.sync(b);
                a.transaction(tx -> {
                    for (int i = 0; i < n; i++) {
                        // A rename, the typical one-field edit: a new title from the same generator.
                        // "edit-random": the same lengths, but random letters that deflate cannot shrink.
                        String title;
                        do {
                            title = Data.title(r);
                            if (variant.equals("edit-random")) {
                                title = Data.randomText(r, title.length());
                            }
                        } while (title.equals(tasks.get(i).title()));
                        tx.save(tasks.get(i).withTitle(title));
                    }
                });
            }
            List<ChangeData> changes = pending(a, ea.describe());
            long fieldChanges = changes.stream().mapToLong(c -> c.fields().size()).sum();
            long valueBytes = changes.stream().flatMap(c -> c.fields().stream()).mapToLong(SyncBench::valueBytes).sum();
            long plainBody = plainBatchBytes(author, changes);
            log(String.format("%s %s N=%d: %d changes, %d field changes, %.1f value bytes per field; batched push...",
                    backend, variant, n, changes.size(), fieldChanges, valueBytes / (double) fieldChanges));

            SyncReport push = ea.sync(a);
            SyncReport pull = eb.sync(b);
            SyncReport idleA = ea.sync(a);
            SyncReport idleB = eb.sync(b);
            if (changes.size() != n || push.pushed() != n || pull.pulled() != n) {
                throw new IllegalStateException("pushed " + push.pushed() + ", pulled " + pull.pulled()
                        + ", expected " + changes.size());
            }
            String q = "SELECT * FROM task ORDER BY id";
            if (!a.query(Task.class, q).equals(b.query(Task.class, q))) {
                throw new IllegalStateException("A and B differ after sync");
            }
            String label = String.format("%s %,d × %d field%s (%.1f value B/field)", variant, n, fieldChanges / n,
                    fieldChanges / n == 1 ? "" : "s", valueBytes / (double) fieldChanges);
            rows.add(String.format("| %s | %s | batched | %s | %d = %d + %d | %,d | **%.1f** | %.1f | %s | %d | %,d | %d, %d |",
                    backend, label, secs(push.duration().toNanos()), push.requests(), idleB.requests(),
                    push.requests() - idleB.requests(), push.bytesUp(),
                    push.bytesUp() / (double) fieldChanges, plainBody / (double) fieldChanges,
                    secs(pull.duration().toNanos()), pull.requests(),
                    pull.bytesDown(), idleA.requests(), idleB.requests()));
            long cap = DefaultSyncEngine.BATCH_CAP;
            // An engine's first push also reads its first batch back, checks that a second write to it
            // is refused and (without a passphrase) that the remote is not encrypted: 3 requests once
            // per engine, i.e. per app run (SYNC_FORMAT.md).
            long checks = variant.startsWith("edit") ? 0 : 3;
            // The edits' push is the engine's second: it first reads back the batches of the setup
            // push once (⌈N/cap⌉ GETs), so a server that dropped them cannot hide (SYNC_FORMAT.md).
            long readBack = variant.startsWith("edit") ? (n + cap - 1) / cap : 0;
            // Every push also rewrites the change marker that other devices' cheap checks read.
            long pushGoal = (n + cap - 1) / cap + 1 + 1 + checks + readBack;
            // B pushed nothing, so its idle sync is the listing alone: 1 request on S3; on WebDAV a
            // PROPFIND of heads/ and one per device folder in it.
            long listing = idleB.requests();
            // WebDAV also asks, once per engine, whether the folder exists and how the server refuses
            // overwrites (3), makes the 4 folders of a new remote after the 2 PUTs that found them
            // missing; and reads the marker's new ETag with a HEAD (Apache sends none with a PUT).
            boolean dav = backend.startsWith("webdav");
            long davExtra = !dav ? 0 : 1 + (checks > 0 ? 1 + 3 + 6 : 0);
            pushGoal += davExtra;
            double perField = push.bytesUp() / (double) fieldChanges;
            goals.add(String.format("- %s, %s: push %d requests = %d listing + %d (goal ⌈N/cap⌉ + 1 + the marker%s%s = %d): %s;"
                            + " idle sync %d and %d requests (goal ≤ 1 + %d devices = %d, A's after its ⌈N/cap⌉ GETs"
                            + " reading its push back once): %s;"
                            + " %.1f bytes per field change (goal ≤ 40): %s",
                    backend, label, push.requests(), listing, push.requests() - listing,
                    checks > 0 ? " + 3 checks of an engine's first push" : " + ⌈N/cap⌉ GETs reading back the setup push",
                    !dav ? "" : checks > 0 ? " + WebDAV's " + davExtra + " (marker HEAD, root check, create probe, 4 folders)"
                            : " + WebDAV's marker HEAD",
                    pushGoal,
                    push.requests() - listing <= pushGoal ? "PASS" : "FAIL", idleA.requests(), idleB.requests(), DEVICES,
                    1 + DEVICES, Math.max(idleA.requests() - (n + cap - 1) / cap, idleB.requests()) <= 1 + DEVICES
                            ? "PASS" : "FAIL",
                    perField, perField <= 40 ? "PASS" : "FAIL"));
            log(String.format("  batched: push %.2f s %d req %d B, pull %.2f s %d req; baseline...",
                    push.duration().toNanos() / 1e9, push.requests(), push.bytesUp(), pull.duration().toNanos() / 1e9,
                    pull.requests()));

            baseline(backend, kind, label, author, setupChanges, changes, fieldChanges);
        }
        SaveLatency.fresh(fa);
        SaveLatency.fresh(fb);
    }

    private void baseline(String backend, Backend kind, String label, UUID author, List<ChangeData> setupChanges,
                          List<ChangeData> changes, long fieldChanges) {
        Remote remote = kind.fresh();
        try (CountingStorage counted = new CountingStorage(remote.device())) {
            // What both devices already had (edit variant) is on the remote already, and B has seen it.
            Set<String> seenByB = new HashSet<>();
            for (ChangeData c : setupChanges) {
                remote.setup().createIfAbsent(PerChangeBaseline.key(author, c), PerChangeBaseline.encode(author, c));
                seenByB.add(PerChangeBaseline.key(author, c));
            }
            int n = changes.size();
            boolean sampled = backend.startsWith("slow") && n > baselineSample;
            int measured = sampled ? baselineSample : n;
            long bytesUp = 0;
            for (ChangeData c : changes) {
                bytesUp += PerChangeBaseline.encode(author, c).length;
            }
            long[] before = counted.snapshot();
            long start = System.nanoTime();
            PerChangeBaseline.push(counted, author, changes.subList(0, measured));
            long pushNanos = System.nanoTime() - start;
            long[] afterPush = counted.snapshot();
            if (sampled) {
                // The rest goes straight in, so B's listing and GETs below see all N objects.
                PerChangeBaseline.push(remote.setup(), author, changes.subList(measured, n));
                pushNanos = pushNanos * n / measured;
            } else if (afterPush[1] - before[1] != bytesUp) {
                throw new IllegalStateException("baseline bytes up " + (afterPush[1] - before[1]) + " != " + bytesUp);
            }
            long pushRequests = sampled ? n : afterPush[0] - before[0];
            log(String.format("  baseline push %s%.1f s; pull...", sampled ? "(extrapolated from " + measured + ") " : "",
                    pushNanos / 1e9));

            start = System.nanoTime();
            long pulledFields = PerChangeBaseline.pull(counted, seenByB);
            long pullNanos = System.nanoTime() - start;
            long[] afterPull = counted.snapshot();
            if (pulledFields != fieldChanges) {
                throw new IllegalStateException("baseline pulled " + pulledFields + " field changes, not " + fieldChanges);
            }
            long[] beforeIdle = counted.snapshot();
            PerChangeBaseline.pull(counted, seenByB);
            long idle = counted.snapshot()[0] - beforeIdle[0];
            String mark = sampled ? "†" : "";
            rows.add(String.format("| %s | %s | one object per change | %s%s | %,d%s | %,d | %.1f | %.1f | %s | %,d | %,d | %d |",
                    backend, label, secs(pushNanos), mark, pushRequests, mark, bytesUp, bytesUp / (double) fieldChanges,
                    bytesUp / (double) fieldChanges,
                    secs(pullNanos), afterPull[0] - afterPush[0], afterPull[2] - afterPush[2], idle));
            log(String.format("  baseline: push %.1f s, pull %.1f s %d req", pushNanos / 1e9, pullNanos / 1e9,
                    afterPull[0] - afterPush[0]));
        }
    }

    /** The own changes A has not pushed to this remote yet: exactly what its next sync pushes. */
    static List<ChangeData> pending(Db db, String remoteId) {
        SyncPort d = SyncPort.of(db);
        SyncState state = new SyncState();
        long after = d.read(c -> state.pushed(c, remoteId)).changeSeq();
        List<ChangeData> changes = new ArrayList<>();
        d.read(c -> state.own(c, d.deviceUuid(), after, 0, Integer.MAX_VALUE)).forEach(l -> changes.add(l.change()));
        return changes;
    }

    /** The MessagePack bodies of the batches these changes make, before the frame deflates them. */
    private static long plainBatchBytes(UUID author, List<ChangeData> changes) {
        long total = 0;
        int cap = DefaultSyncEngine.BATCH_CAP;
        for (int from = 0, seq = 1; from < changes.size(); from += cap, seq++) {
            Batch batch = new Batch(author, seq, changes.subList(from, Math.min(changes.size(), from + cap)));
            total += Frame.unwrap(BatchCodec.encode(batch, System.currentTimeMillis()), Frame.KIND_BATCH, "size").length;
        }
        return total;
    }

    private static long valueBytes(FieldData f) {
        Object v = f.value();
        if (v instanceof String) {
            return ((String) v).getBytes(StandardCharsets.UTF_8).length;
        }
        if (v instanceof byte[]) {
            return ((byte[]) v).length;
        }
        return v == null ? 0 : 1;
    }

    private static String secs(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    private static void log(String s) {
        System.err.println("[sync] " + s);
    }
}
