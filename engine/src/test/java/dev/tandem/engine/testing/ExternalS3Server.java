package dev.tandem.engine.testing;

import dev.tandem.engine.sync.S3Settings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server that is not Java, run as a child process on a free 127.0.0.1 port: moto
 * (Python, {@code moto_server}) and s3rver (Node, from npm). One per kind per test JVM, started on
 * first use, stopped when the JVM exits. {@code .ci/run} installs them; elsewhere a test for a
 * missing server is skipped with a message, except under {@code CI=true}, where it fails, so CI
 * can never pass by skipping them.
 */
public final class ExternalS3Server {
    /** The servers, and how each is found and started. */
    public enum Kind {
        MOTO("moto", "testing", "testing"),
        S3RVER("s3rver", "S3RVER", "S3RVER");

        final String label;
        final String accessKey;
        final String secretKey;

        Kind(String label, String accessKey, String secretKey) {
            this.label = label;
            this.accessKey = accessKey;
            this.secretKey = secretKey;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<Kind, ExternalS3Server> SHARED = new EnumMap<>(Kind.class);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Kind kind;
    private final Process process;
    private final int port;
    private final Path log;
    private S3Client admin;

    private ExternalS3Server(Kind kind, Process process, int port, Path log) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, kind.label + "-stop"));
    }

    /**
     * The shared server of this kind; skips the calling test when it is not installed here, or
     * fails it under CI.
     */
    public static synchronized ExternalS3Server shared(Kind kind) {
        ExternalS3Server s = SHARED.get(kind);
        if (s != null && s.process.isAlive()) {
            return s;
        }
        List<String> command = command(kind).orElse(null);
        String missing = kind.label + " is not installed here (.ci/run installs it: "
                + (kind == Kind.MOTO ? "moto_server on the PATH" : "npm s3rver in .test-servers") + ")";
        if (command == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must run every S3 server");
            }
            Assumptions.abort(missing);
        }
        s = start(kind, command);
        SHARED.put(kind, s);
        return s;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Kind kind() {
        return kind;
    }

    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), bucket, "us-east-1", kind.accessKey, kind.secretKey);
    }

    /** A fresh bucket with a unique name, so tests sharing the server never see each other's objects. */
    public synchronized String newBucket() {
        String name = "t-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        if (admin == null) {
            admin = S3Client.builder()
                    .httpClientBuilder(Apache5HttpClient.builder())
                    .endpointOverride(URI.create(endpoint()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(kind.accessKey, kind.secretKey)))
                    .forcePathStyle(true)
                    .build();
        }
        admin.createBucket(r -> r.bucket(name));
        return name;
    }

    private static Optional<List<String>> command(Kind kind) {
        if (kind == Kind.MOTO) {
            return executable("moto_server").map(m -> new ArrayList<>(List.of(m.toString(), "-H", "127.0.0.1", "-p")));
        }
        Path js = repositoryRoot().resolve(".test-servers/node_modules/s3rver/bin/s3rver.js");
        Optional<Path> node = executable("node");
        if (!Files.isRegularFile(js) || node.isEmpty()) {
            return Optional.empty();
        }
        // Without the legacy provider, listings of more than 1,000 keys fail with 500 on Node 17+.
        return Optional.of(new ArrayList<>(List.of(node.get().toString(), "--openssl-legacy-provider", js.toString(),
                "-s", "-a", "127.0.0.1", "-d", "DATA_DIR", "-p")));
    }

    private static ExternalS3Server start(Kind kind, List<String> command) {
        int port = freePort();
        Path dir = Path.of("target", kind.label).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path data = Files.createTempDirectory(dir, "data-");
            command.replaceAll(a -> a.equals("DATA_DIR") ? data.toString() : a);
            command.add(Integer.toString(port));
            Path log = dir.resolve("server-" + port + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ExternalS3Server server = new ExternalS3Server(kind, p, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + kind.label, e);
        }
    }

    private void awaitListening() throws IOException {
        awaitListening(process, port, kind.label, log, this::stop);
    }

    /**
     * Waits until {@code process} listens on {@code port} of 127.0.0.1; fails with the end of its
     * log when it exits first, or after {@code onTimeout} when it never listens. For every server
     * the tests run as a child process.
     */
    static void awaitListening(Process process, int port, String label, Path log, Runnable onTimeout) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited at start: " + tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        onTimeout.run();
        throw new IllegalStateException(label + " did not listen on " + port + " within " + START_TIMEOUT + ": "
                + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private synchronized void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        stopProcess(process);
    }

    /** Stops a server's child process: politely, then by force after 5 s. */
    static void stopProcess(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** An executable on the PATH (or among pyenv's shims), if installed here. */
    static Optional<Path> executable(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add(System.getProperty("user.home") + "/.pyenv/shims");
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The checkout's root: the nearest directory up from the working directory that has a .git. */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".git"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }
}
