package dev.tandem.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@Tag("server")
class S3ProxyServerTest {
    @Test
    void shared_calledTwice_isOneRunningServerThatCloseDoesNotStop() {
        S3ProxyServer a = S3ProxyServer.shared();
        a.close();
        S3ProxyServer b = S3ProxyServer.shared();
        assertSame(a, b);
        assertTrue(b.isAlive());
        assertTrue(Files.isRegularFile(b.logFile()), "server output is kept for debugging: " + b.logFile());
    }

    @Test
    void newBucket_twice_givesTwoEmptyBuckets() {
        S3ProxyServer server = S3ProxyServer.shared();
        String one = server.newBucket();
        String two = server.newBucket();
        assertNotEquals(one, two);
        try (S3Client client = server.newClient()) {
            client.putObject(r -> r.bucket(one).key("k"), RequestBody.fromString("v"));
            assertEquals(0, client.listObjectsV2(r -> r.bucket(two)).keyCount());
        }
    }

    @Test
    void builder_withPutLatencyOnFilesystem_delaysPutsAndStopsOnClose(@TempDir Path dir) {
        S3ProxyServer server = S3ProxyServer.builder().latency("put", Duration.ofMillis(300)).filesystem(dir).start();
        try (server; S3Client client = server.newClient()) {
            String bucket = server.newBucket();
            client.putObject(r -> r.bucket(bucket).key("warm-up"), RequestBody.fromString("v"));
            long start = System.nanoTime();
            client.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("v"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 300, "put took " + millis + " ms");
            assertTrue(Files.exists(dir.resolve(bucket)), "objects live under the given directory");
        }
        assertFalse(server.isAlive());
    }
}
