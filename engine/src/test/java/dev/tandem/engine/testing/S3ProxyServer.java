package dev.tandem.engine.testing;

import dev.tandem.engine.sync.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests and benchmarks: S3Proxy's self-contained jar, run as a child process
 * on a free 127.0.0.1 port. {@link #shared()} gives one lazily started server per test JVM; use
 * {@link #builder()} for a separate one, e.g. with injected latency for benchmarks.
 *
 * <p>The server's output goes to {@code target/s3proxy/logs/}; a failed start quotes its tail.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String IDENTITY = "tandem-test-identity";
    public static final String CREDENTIAL = "tandem-test-credential";
    public static final String REGION = "us-east-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer shared;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final boolean isShared;
    private final Thread shutdownHook;
    private S3Client adminClient;

    private S3ProxyServer(Process process, int port, Path logFile, boolean isShared) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.isShared = isShared;
        this.shutdownHook = new Thread(this::stopProcess, "s3proxy-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** One server for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = builder().start(true);
        }
        return shared;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String identity() {
        return IDENTITY;
    }

    public String credential() {
        return CREDENTIAL;
    }

    public String region() {
        return REGION;
    }

    public Path logFile() {
        return logFile;
    }

    /** Settings for {@code bucket} on this server with the right credentials. */
    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), bucket, REGION, IDENTITY, CREDENTIAL);
    }

    /** A fresh bucket with a unique name, so tests sharing a server never see each other's objects. */
    public String newBucket() {
        String name = "test-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        createBucket(name);
        return name;
    }

    public synchronized void createBucket(String name) {
        admin().createBucket(r -> r.bucket(name));
    }

    /** A plain SDK client for this server, for tests that must reach around the storage under test. */
    public S3Client newClient() {
        return S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .forcePathStyle(true)
                .build();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's process, for a benchmark that reads its CPU time. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Stops the server; a no-op for {@link #shared()}, which lives until the JVM exits. */
    @Override
    public void close() {
        if (!isShared) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it stops the same process.
        }
    }

    private synchronized S3Client admin() {
        if (adminClient == null) {
            adminClient = newClient();
        }
        return adminClient;
    }

    private void stopProcess() {
        synchronized (this) {
            if (adminClient != null) {
                adminClient.close();
                adminClient = null;
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Options for a separate server. */
    public static final class Builder {
        private final Map<String, Long> latencyMillis = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        private Path filesystemDir;
        private boolean anonymous;
        private String corsOrigin;

        private Builder() {
        }

        /** Delays every {@code op} ({@code *}, {@code put}, {@code get}, {@code list}, ...) on the server. */
        public Builder latency(String op, Duration latency) {
            latencyMillis.put(Objects.requireNonNull(op, "op"), latency.toMillis());
            return this;
        }

        /** Keeps objects as files in {@code dir} instead of in memory. */
        public Builder filesystem(Path dir) {
            this.filesystemDir = dir;
            return this;
        }

        /** Replaces the server JVM's flags (the default favours start-up time and a small footprint). */
        public Builder jvmArgs(List<String> args) {
            jvmArgs.clear();
            jvmArgs.addAll(args);
            return this;
        }

        /**
         * Answers requests without credentials too, as a bucket whose objects anyone may read (the phone
         * page's, docs/WEB.md); signed requests work as before.
         */
        public Builder anonymous() {
            anonymous = true;
            return this;
        }

        /** Answers CORS preflights from {@code origin} for what the phone page sends. */
        public Builder cors(String origin) {
            corsOrigin = origin;
            return this;
        }

        public S3ProxyServer start() {
            return start(false);
        }

        private S3ProxyServer start(boolean isShared) {
            Path jar = jar();
            Path logs = jar.getParent().resolve("logs");
            IllegalStateException failure = null;
            // Another process may grab the free port between our probe and S3Proxy's bind.
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                Path log = logs.resolve("s3proxy-" + port + "-" + System.currentTimeMillis() + ".log");
                try {
                    Files.createDirectories(logs);
                    Path conf = logs.resolve("s3proxy-" + port + ".properties");
                    writeConfig(conf, port);
                    Process process = launch(jar, conf, log);
                    S3ProxyServer server = new S3ProxyServer(process, port, log, isShared);
                    if (awaitReady(process, port)) {
                        return server;
                    }
                    server.shutdown();
                    failure = new IllegalStateException("S3Proxy did not start on port " + port + "; log "
                            + log + " ends with:\n" + tail(log));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start S3Proxy from " + jar, e);
                }
            }
            throw failure;
        }

        private void writeConfig(Path conf, int port) throws IOException {
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            p.setProperty("s3proxy.authorization", anonymous ? "none" : "aws-v2-or-v4");
            if (corsOrigin != null) {
                p.setProperty("s3proxy.cors-allow-origins", corsOrigin);
                p.setProperty("s3proxy.cors-allow-methods", "GET HEAD PUT POST DELETE");
                p.setProperty("s3proxy.cors-allow-headers", "authorization x-amz-date x-amz-content-sha256 content-type "
                        + "if-match if-none-match depth destination overwrite");
            }
            p.setProperty("s3proxy.identity", IDENTITY);
            p.setProperty("s3proxy.credential", CREDENTIAL);
            if (filesystemDir == null) {
                p.setProperty("jclouds.provider", "transient");
            } else {
                p.setProperty("jclouds.provider", "filesystem");
                p.setProperty("jclouds.filesystem.basedir", filesystemDir.toAbsolutePath().toString());
            }
            p.setProperty("jclouds.identity", IDENTITY);
            p.setProperty("jclouds.credential", CREDENTIAL);
            latencyMillis.forEach((op, ms) -> p.setProperty("s3proxy.latency-blobstore." + op + ".latency", ms.toString()));
            try (var out = Files.newBufferedWriter(conf, StandardCharsets.UTF_8)) {
                p.store(out, "written by " + S3ProxyServer.class.getName());
            }
        }

        private Process launch(Path jar, Path conf, Path log) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString(), "--properties", conf.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            return pb.start();
        }

        private static boolean awaitReady(Process process, int port) {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return true;
                } catch (IOException notYet) {
                    sleep(50);
                }
            }
            return false;
        }

        private static Path jar() {
            Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("S3Proxy jar not found at " + jar.toAbsolutePath()
                        + "; run 'mvn -pl engine generate-test-resources' (the engine POM copies it there)");
            }
            return jar.toAbsolutePath();
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on 127.0.0.1", e);
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "(cannot read log: " + e + ")";
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for S3Proxy to start", e);
            }
        }
    }
}
