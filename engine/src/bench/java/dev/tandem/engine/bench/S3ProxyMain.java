package dev.tandem.engine.bench;

import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;

/**
 * Starts S3Proxy (filesystem blobstore under DIR, no injected latency) with one bucket, prints the
 * environment a command-line sync needs ({@code AWS_ENDPOINT_URL=…} lines and {@code BUCKET=…}),
 * and serves until its standard input closes: for timing whole {@code tandem sync} processes
 * against S3 (PERFORMANCE.md, "A new device ready"). Run: {@code java -cp <test classpath>
 * -Ds3proxy.jar=… dev.tandem.engine.bench.S3ProxyMain DIR}.
 */
public final class S3ProxyMain {
    private S3ProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.builder().filesystem(Path.of(args[0])).start()) {
            String bucket = s3.newBucket();
            System.out.println("AWS_ENDPOINT_URL=" + s3.endpoint());
            System.out.println("AWS_ACCESS_KEY_ID=" + s3.identity());
            System.out.println("AWS_SECRET_ACCESS_KEY=" + s3.credential());
            System.out.println("AWS_REGION=" + s3.region());
            System.out.println("BUCKET=" + bucket);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until stdin closes
            }
        }
    }
}
