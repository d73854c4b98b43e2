package dev.tandem.installer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server on 127.0.0.1 for the command line's training ({@link CliCds}): S3Proxy's jar in a child JVM, with
 * a filesystem blobstore in a scratch directory whose one directory is the bucket. A real server rather than a fake
 * because the archive is worth having for exactly the classes a real S3 exchange loads (the SDK's signer, XML
 * protocol, HTTP client and error paths).
 */
final class S3Proxy {
    private static final String BUCKET = "train";
    private static final String IDENTITY = "tandem-train";
    private static final String CREDENTIAL = "tandem-train-secret";

    private final Process process;
    private final int port;

    private S3Proxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts S3Proxy from {@code jar} and waits until it listens; a {@link Failure} with its log if it never does. */
    static S3Proxy start(Path jar, Path scratch) throws IOException, InterruptedException {
        int port = freePort();
        // An absolute base dir: with a relative one S3Proxy lists nothing.
        Path base = Files.createDirectories(scratch.resolve("s3"));
        Files.createDirectories(base.resolve(BUCKET));
        Path conf = scratch.resolve("s3proxy.conf");
        Files.write(conf, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + base.toAbsolutePath(),
                "jclouds.identity=" + IDENTITY,
                "jclouds.credential=" + CREDENTIAL), StandardCharsets.UTF_8);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path log = scratch.resolve("s3proxy.log");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The caller's JVM options (a class list to dump, say) are meant for the app, not for S3Proxy.
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return new S3Proxy(p, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new Failure("S3Proxy did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The environment that points the app's S3 client at this server, with its credentials. */
    Map<String, String> clientEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
                "AWS_ACCESS_KEY_ID", IDENTITY,
                "AWS_SECRET_ACCESS_KEY", CREDENTIAL,
                "AWS_REGION", "us-east-1");
    }

    /** The remote to give the app's commands ({@code --remote}). */
    String remote() {
        return "s3://" + BUCKET;
    }

    /** Stops the server, forcibly if it has not stopped within 5 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
