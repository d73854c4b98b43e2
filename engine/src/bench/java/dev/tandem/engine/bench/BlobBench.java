package dev.tandem.engine.bench;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * What an attached file costs to move through an encrypted S3 remote (S3Proxy on 127.0.0.1, its
 * filesystem store under DIR), each beside a baseline run in the same process and alternated run
 * by run:
 * <ul>
 *   <li>{@code latency [MB] [runs]}: attached on A to present on B (A's sync uploads it before its
 *       batch; B's sync pulls the batch, then fetches the file), against the AWS CLI copying the
 *       same file up and down ({@code aws s3 cp}, twice).</li>
 *   <li>{@code throughput [MB] [runs]}: A's upload and B's download alone, against the SDK's own
 *       PutObject from the file and GetObject to a file, and against the same file put plainly in parts as
 *       Tandem sends one over 64 MiB; with the CPU time each took in this process and in the server's, per MB.</li>
 *   <li>{@code rss [MB]}: a child JVM with default flags moves one file up and down; its resident
 *       set sampled every 20 ms, against its own idle figure after setting up.</li>
 * </ul>
 * {@code java -cp <test classpath> -Ds3proxy.jar=… dev.tandem.engine.bench.BlobBench DIR MODE …}.
 */
public final class BlobBench {
    static final List<String> SCHEMA = List.of("CREATE TABLE files(id TEXT PRIMARY KEY, name TEXT, blob TEXT)");
    private static final String PASSPHRASE = "correct horse battery staple";

    @Table("files")
    record File(String id, String name, String blob) {
    }

    private BlobBench() {
    }

    public static void main(String[] args) throws Exception {
        // HikariCP's pool start/stop lines would bury the figures.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        Path dir = Path.of(args[0]);
        String mode = args[1];
        if (mode.equals("move")) {
            move(dir, args[2], args[3], Path.of(args[4]));
            return;
        }
        int mb = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Files.createDirectories(dir);
        System.out.print(Machine.describe(dir));
        // The server with the full JIT, as a server runs (the tests' default, C1 only, starts sooner but hashes and
        // copies at a fraction of the speed, which would slow the baseline and Tandem alike).
        try (S3ProxyServer s3 = S3ProxyServer.builder().jvmArgs(List.of("-Xmx1g", "-Xshare:auto"))
                .filesystem(Files.createDirectories(dir.resolve("s3"))).start()) {
            Path file = dir.resolve(mb + "mb.bin");
            write(file, mb * 1_000_000L);
            switch (mode) {
                case "latency" -> latency(s3, dir, file, runs);
                case "throughput" -> throughput(s3, dir, file, runs);
                case "rss" -> rss(s3, dir, file);
                default -> throw new IllegalArgumentException("mode: latency, throughput or rss, was " + mode);
            }
        }
    }

    private static void latency(S3ProxyServer s3, Path dir, Path file, int runs) throws Exception {
        long[] tandem = new long[runs];
        long[] cli = new long[runs];
        for (int i = 0; i < runs; i++) {
            String bucket = s3.newBucket();
            Path run = Files.createDirectories(dir.resolve("run-" + UUID.randomUUID()));
            try (Db a = open(run.resolve("a")); Db b = open(run.resolve("b")); SyncEngine engine = engine(s3, bucket)) {
                engine.sync(a);
                engine.sync(b);
                long start = System.nanoTime();
                Blob blob = a.blobs().add(file, Long.MAX_VALUE);
                a.save(new File(UUID.randomUUID().toString(), "photo.jpg", blob.id()));
                engine.sync(a);
                engine.sync(b);
                if (engine.blobs().fetch(b, blob.id()) != RemoteBlobs.Fetch.FETCHED) {
                    throw new IllegalStateException("B did not fetch the file");
                }
                tandem[i] = System.nanoTime() - start;
            }
            long start = System.nanoTime();
            aws(s3, "cp", file.toString(), "s3://" + bucket + "/copy");
            aws(s3, "cp", "s3://" + bucket + "/copy", run.resolve("copy").toString());
            cli[i] = System.nanoTime() - start;
            System.out.printf("run %d: Tandem %s, aws s3 cp up and down %s%n", i + 1, Stats.ms(tandem[i]), Stats.ms(cli[i]));
        }
        Stats t = new Stats(tandem);
        Stats c = new Stats(cli);
        System.out.printf("%d MB attached on A to fetched on B: median %s (min %s, max %s); aws s3 cp up+down median %s;"
                        + " ratio %s%n", Files.size(file) / 1_000_000, Stats.ms(t.median()), Stats.ms(t.percentile(0)),
                Stats.ms(t.max()), Stats.ms(c.median()), Stats.ratio(t.median(), c.median()));
    }

    private static void throughput(S3ProxyServer s3, Path dir, Path file, int runs) throws Exception {
        long[] up = new long[runs];
        long[] down = new long[runs];
        long[] put = new long[runs];
        long[] get = new long[runs];
        long[] getSync = new long[runs];
        // CPU time of this process (client) and of the server, per phase: what each direction costs the machine.
        long[][] cpu = new long[4][runs];
        long[][] serverCpu = new long[4][runs];
        long[] parts = new long[runs];
        long[] partsServerCpu = new long[runs];
        long[] completions = new long[runs];
        CpuMeter meter = new CpuMeter(s3.process());
        try (S3Client client = s3.newClient()) {
            for (int i = 0; i < runs; i++) {
                String bucket = s3.newBucket();
                Path run = Files.createDirectories(dir.resolve("run-" + UUID.randomUUID()));
                try (Db a = open(run.resolve("a")); Db b = open(run.resolve("b")); SyncEngine engine = engine(s3, bucket)) {
                    engine.sync(a);
                    engine.sync(b);
                    Blob blob = a.blobs().add(file, Long.MAX_VALUE);
                    a.save(new File(UUID.randomUUID().toString(), "video.mp4", blob.id()));
                    meter.start();
                    long start = System.nanoTime();
                    engine.sync(a);
                    up[i] = System.nanoTime() - start;
                    cpu[0][i] = meter.stop();
                    serverCpu[0][i] = meter.server();
                    engine.sync(b);
                    meter.start();
                    start = System.nanoTime();
                    engine.blobs().fetch(b, blob.id());
                    down[i] = System.nanoTime() - start;
                    cpu[1][i] = meter.stop();
                    serverCpu[1][i] = meter.server();
                }
                meter.start();
                long start = System.nanoTime();
                client.putObject(r -> r.bucket(bucket).key("raw"), RequestBody.fromFile(file));
                put[i] = System.nanoTime() - start;
                cpu[2][i] = meter.stop();
                serverCpu[2][i] = meter.server();
                // The same bytes in parts of Tandem's size, plain: what the server's handling of parts costs alone.
                meter.start();
                start = System.nanoTime();
                completions[i] = putInParts(client, bucket, "raw-parts", file);
                parts[i] = System.nanoTime() - start;
                meter.stop();
                partsServerCpu[i] = meter.server();
                meter.start();
                start = System.nanoTime();
                client.getObject(r -> r.bucket(bucket).key("raw"), ResponseTransformer.toFile(run.resolve("raw")));
                get[i] = System.nanoTime() - start;
                cpu[3][i] = meter.stop();
                serverCpu[3][i] = meter.server();
                // The same download made durable, as Tandem's is before the file counts as here.
                start = System.nanoTime();
                client.getObject(r -> r.bucket(bucket).key("raw"), ResponseTransformer.toFile(run.resolve("raw-synced")));
                try (FileChannel ch = FileChannel.open(run.resolve("raw-synced"), StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                getSync[i] = System.nanoTime() - start;
                System.out.printf("run %d: upload %s (PUT %s), download %s (GET %s); CPU of both processes: upload %s"
                                + " (PUT %s), download %s (GET %s)%n", i + 1, Stats.ms(up[i]), Stats.ms(put[i]),
                        Stats.ms(down[i]), Stats.ms(get[i]), Stats.ms(cpu[0][i]), Stats.ms(cpu[2][i]),
                        Stats.ms(cpu[1][i]), Stats.ms(cpu[3][i]));
            }
        }
        double mb = Files.size(file) / 1e6;
        long u = new Stats(up).median();
        long p = new Stats(put).median();
        long d = new Stats(down).median();
        long g = new Stats(get).median();
        long gs = new Stats(getSync).median();
        System.out.printf("upload %.0f MB/s against PUT %.0f MB/s: %.0f %%; download %.0f MB/s against GET %.0f MB/s:"
                + " %.0f %%, against GET and fsync %.0f MB/s: %.0f %% (medians of %d)%n", mb / (u / 1e9), mb / (p / 1e9),
                100.0 * p / u, mb / (d / 1e9), mb / (g / 1e9), 100.0 * g / d, mb / (gs / 1e9), 100.0 * gs / d, runs);
        long pp = new Stats(parts).median();
        System.out.printf("the same file in 8 MiB parts, two at a time, plain: %.0f MB/s (the upload %.0f %% of it), the"
                        + " server's CPU %.2f ms/MB; of its time the completion, where the server joins the parts, %s%n",
                mb / (pp / 1e9), 100.0 * pp / u, new Stats(partsServerCpu).median() / 1e6 / mb,
                Stats.ms(new Stats(completions).median()));
        // Where the raw request already keeps every core busy, a direction that needs r times its CPU per MB moves
        // at most 1/r of its throughput; the cores the raw request used say how close to that the machine is.
        int cores = Runtime.getRuntime().availableProcessors();
        for (int k = 0; k < 2; k++) {
            String raw = k == 0 ? "PUT" : "GET";
            long mine = new Stats(cpu[k]).median();
            long theirs = new Stats(cpu[k + 2]).median();
            System.out.printf("%s: CPU of both processes %.2f ms/MB (the server's %.2f) against %s's %.2f ms/MB (%.2f):"
                            + " %.2fx (%s kept %.2f of %d cores busy)%n", k == 0 ? "upload" : "download", mine / 1e6 / mb,
                    new Stats(serverCpu[k]).median() / 1e6 / mb, raw, theirs / 1e6 / mb,
                    new Stats(serverCpu[k + 2]).median() / 1e6 / mb, (double) mine / theirs, raw,
                    (double) theirs / (k == 0 ? p : g), cores);
        }
    }

    /**
     * A multipart upload of {@code file} in parts of 8 MiB, two on the wire while the next is read, as Tandem
     * sends them but with nothing hashed or encrypted on the way; returns how long the completion took, where
     * a server that stores parts apart joins them.
     */
    private static long putInParts(S3Client client, String bucket, String key, Path file) throws Exception {
        String id = client.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        List<Future<CompletedPart>> sent = new ArrayList<>();
        Semaphore inFlight = new Semaphore(2);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = 1; ; n++) {
                inFlight.acquire();
                byte[] part = in.readNBytes(8 << 20);
                if (part.length == 0) {
                    inFlight.release();
                    break;
                }
                int number = n;
                sent.add(senders.submit(() -> {
                    try {
                        String etag = client.uploadPart(r -> r.bucket(bucket).key(key).uploadId(id).partNumber(number),
                                RequestBody.fromBytes(part)).eTag();
                        return CompletedPart.builder().partNumber(number).eTag(etag).build();
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> part : sent) {
                done.add(part.get());
            }
            long start = System.nanoTime();
            client.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
            return System.nanoTime() - start;
        } finally {
            senders.shutdownNow();
        }
    }

    private static void rss(S3ProxyServer s3, Path dir, Path file) throws Exception {
        String bucket = s3.newBucket();
        Path run = Files.createDirectories(dir.resolve("run-" + UUID.randomUUID()));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), BlobBench.class.getName(), run.toString(), "move",
                s3.endpoint(), bucket, file.toString()));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the moving child failed");
        }
    }

    /** In the child: sets up, measures idle, then moves the file up and down while sampling. */
    private static void move(Path dir, String endpoint, String bucket, Path file) throws Exception {
        S3Settings settings = new S3Settings(endpoint, bucket, S3ProxyServer.REGION, S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL);
        try (Db a = open(dir.resolve("a")); Db b = open(dir.resolve("b"));
             SyncEngine engine = SyncEngine.builder().storage(SyncStorage.s3(settings)).encrypted(PASSPHRASE).build()) {
            engine.sync(a);
            engine.sync(b);
            Blob blob = a.blobs().add(file, Long.MAX_VALUE);
            a.save(new File(UUID.randomUUID().toString(), "big.bin", blob.id()));
            System.gc();
            Thread.sleep(500);
            long idle = rssKb();
            AtomicLong peak = new AtomicLong(idle);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(rssKb(), Math::max);
                    pause(20);
                }
            });
            sampler.start();
            long start = System.nanoTime();
            engine.sync(a);
            engine.sync(b);
            engine.blobs().fetch(b, blob.id());
            long took = System.nanoTime() - start;
            done.set(true);
            sampler.join();
            System.out.printf("moved %d MB up and down in %s: RSS idle %d MB, peak %d MB, %+d MB%n",
                    Files.size(file) / 1_000_000, Stats.ms(took), idle / 1024, peak.get() / 1024,
                    (peak.get() - idle) / 1024);
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }

    private static Db open(Path base) throws IOException {
        Files.createDirectories(base.getParent());
        Db db = Db.builder().file(base.resolveSibling(base.getFileName() + ".db")).blobs("files", "blob")
                .blobDirectory(base.resolveSibling(base.getFileName() + ".blobs")).build();
        db.migrate(SCHEMA);
        return db;
    }

    private static SyncEngine engine(S3ProxyServer s3, String bucket) {
        return SyncEngine.builder().storage(SyncStorage.s3(s3.settings(bucket))).encrypted(PASSPHRASE).build();
    }

    private static void aws(S3ProxyServer s3, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", s3.endpoint(), "s3"));
        command.addAll(List.of(args));
        command.add("--quiet");
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", s3.identity());
        env.put("AWS_SECRET_ACCESS_KEY", s3.credential());
        env.put("AWS_DEFAULT_REGION", s3.region());
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException("aws " + String.join(" ", args) + " failed");
        }
    }

    /** Random bytes, as a photo or a video are: nothing for a transport to compress. */
    private static void write(Path file, long size) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return;
        }
        Random r = new Random(7);
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                r.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
