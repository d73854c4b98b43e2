package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.FaultyProxy;
import dev.tandem.engine.testing.GeneratedBody;
import dev.tandem.engine.testing.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import java.time.Duration;

/** The contract against a real S3 server (S3Proxy), one fresh bucket per test, plus S3's failure modes. */
@Tag("server")
class S3StorageTest extends SyncStorageContract {
    private final S3ProxyServer server = S3ProxyServer.shared();
    private String bucket;

    @Override
    protected SyncStorage newStorage() {
        bucket = server.newBucket();
        return new S3Storage(server.settings(bucket));
    }

    /** The shared server keeps its objects in memory: this class's large ones go before the next test. */
    @AfterEach
    void deleteLargeObjects() {
        storage.delete("big");
    }

    @Test
    void wrongSecretKey_everyOperation_throwsAuthNotRetryable() {
        try (SyncStorage wrong = new S3Storage(new S3Settings(server.endpoint(), bucket, server.region(),
                server.identity(), "not-the-secret"))) {
            assertEveryOperationFails(wrong, Reason.AUTH);
            SyncException e = assertThrows(SyncException.class, () -> wrong.get("k"));
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains(bucket), e.getMessage());
        }
    }

    @Test
    void unknownAccessKey_list_throwsAuth() {
        try (SyncStorage wrong = new S3Storage(new S3Settings(server.endpoint(), bucket, server.region(),
                "no-such-access-key", server.credential()))) {
            assertEquals(Reason.AUTH, assertThrows(SyncException.class, () -> wrong.list("", null, 1)).reason());
        }
    }

    @Test
    void missingBucket_everyOperation_throwsNotFoundNamingTheBucket() {
        try (SyncStorage missing = new S3Storage(server.settings("no-such-bucket-" + bucket))) {
            assertEveryOperationFails(missing, Reason.NOT_FOUND);
            // A HEAD's 404 has no body to tell a missing bucket from a missing object; the write
            // that follows a size check names the bucket.
            assertTrue(missing.size("k").isEmpty());
            SyncException e = assertThrows(SyncException.class, () -> missing.list("", null, 1));
            assertTrue(e.getMessage().contains("'no-such-bucket-" + bucket + "'"), e.getMessage());
            assertFalse(e.retryable());
        }
    }

    @Test
    void closedPort_everyOperation_throwsUnreachableRetryable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SyncStorage unreachable = new S3Storage(new S3Settings("http://127.0.0.1:" + closedPort, bucket,
                server.region(), server.identity(), server.credential()))) {
            assertEveryOperationFails(unreachable, Reason.UNREACHABLE);
            SyncException e = assertThrows(SyncException.class, () -> unreachable.get("k"));
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        }
    }

    @Test
    void unknownHost_list_throwsUnreachableNamingTheHost() {
        try (SyncStorage nowhere = new S3Storage(new S3Settings("http://no-such-host.invalid:9000", bucket,
                server.region(), server.identity(), server.credential()))) {
            SyncException e = assertThrows(SyncException.class, () -> nowhere.list("", null, 1));
            assertEquals(Reason.UNREACHABLE, e.reason());
            assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
        }
    }

    @Test
    void get_callingThreadInterrupted_throwsUnreachableAndKeepsTheFlag() {
        storage.createIfAbsent("k", bytes("v"));
        Thread.currentThread().interrupt();
        try {
            SyncException e = assertThrows(SyncException.class, () -> storage.get("k"));
            assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag restored");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void describe_namesEndpointAndBucketButNoSecret() {
        assertEquals("s3://127.0.0.1:" + server.port() + "/" + bucket, storage.describe());
        assertFalse(storage.describe().contains(server.credential()));
    }

    @Test
    void describe_withoutEndpoint_namesTheAwsRegion() {
        try (SyncStorage aws = new S3Storage(new S3Settings(null, "my-bucket", "eu-west-1", "AKIA", "secret"))) {
            assertEquals("s3://s3.eu-west-1.amazonaws.com/my-bucket", aws.describe());
        }
    }

    /**
     * A browser reads the page with a plain GET, no header of S3's: here a presigned URL, as S3Proxy has
     * no public buckets; the answer's type is the one written.
     */
    @Test
    void publishPage_anyFile_plainGetAnswersTheBytesWithTheirType() throws Exception {
        storage.publishPage("page/index.html", bytes("<!doctype html><title>t</title>"), "text/html; charset=utf-8");
        storage.publishPage("page/sync/a.mjs", bytes("export {};"), "text/javascript; charset=utf-8");
        HttpURLConnection html = get("/page/index.html");
        assertEquals(200, html.getResponseCode());
        assertArrayEquals(bytes("<!doctype html><title>t</title>"), html.getInputStream().readAllBytes());
        // Jetty (S3Proxy) writes the type back without the space; the type and charset are what count.
        assertEquals("text/html;charset=utf-8", html.getContentType().replace(" ", ""));
        HttpURLConnection js = get("/page/sync/a.mjs");
        assertEquals("text/javascript;charset=utf-8", js.getContentType().replace(" ", ""));
        assertEquals("no-cache", js.getHeaderField("Cache-Control"));
    }

    /** A GET without headers of S3's, as a browser sends it. */
    private HttpURLConnection get(String path) throws IOException {
        URI url;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(server.region())).serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.identity(),
                        server.credential()))).build()) {
            url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key(path.substring(1)))).url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        return c;
    }

    @Test
    void list_foreignObjectsInBucket_areSkippedWithoutEndingPagingEarly() {
        try (S3Client raw = server.newClient()) {
            for (String foreign : List.of("a/", "a/has space", "a/x (Bob's conflicted copy)", "a/.hidden")) {
                raw.putObject(r -> r.bucket(bucket).key(foreign), RequestBody.fromBytes(bytes("foreign")));
            }
        }
        storage.createIfAbsent("a/z", bytes("ours"));
        assertEquals(List.of("a/z"), storage.list("a/", null, 2));
        assertEquals(List.of("a/z"), pageThrough("a/", 1));
    }

    @Test
    void createIfAbsent_responseLostAfterServerStoredIt_returnsTrue() {
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            proxy.loseNextResponseTo("PUT");
            assertTrue(flaky.createIfAbsent("k", bytes("mine")), "the retry's 412 hides that our first attempt won");
            assertEquals(1, proxy.lostResponses());
            assertArrayEquals(bytes("mine"), storage.get("k").orElseThrow());
            assertFalse(flaky.createIfAbsent("k", bytes("mine")), "a later call still sees the key as taken");
        }
    }

    @Test
    void createIfAbsent_responseLostButNameHeldOtherBytes_returnsFalse() {
        storage.createIfAbsent("k", bytes("theirs"));
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            // The lost answer was itself a 412, so the retry's 412 must not be read as our success.
            proxy.loseNextResponseTo("PUT");
            assertFalse(flaky.createIfAbsent("k", bytes("mine")));
            assertEquals(1, proxy.lostResponses());
            assertArrayEquals(bytes("theirs"), storage.get("k").orElseThrow());
        }
    }

    @Test
    void createIfAbsentStreamed_responseLostAfterServerStoredIt_reopensTheBodyAndReturnsTrue() throws IOException {
        GeneratedBody body = GeneratedBody.of(STREAMED_BYTES, 21);
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            proxy.loseNextResponseTo("PUT");
            assertTrue(flaky.createIfAbsent("k", body), "the retry's 412 hides that our first attempt won");
            assertEquals(1, proxy.lostResponses());
            assertFalse(flaky.createIfAbsent("k", GeneratedBody.of(STREAMED_BYTES, 22)), "taken afterwards");
        }
        assertArrayEquals(body.bytes(), readAll("k"));
        assertTrue(body.opened() >= 2, "the retry read the body again: " + body.opened());
        assertEquals(body.opened(), body.closed());
    }

    @Test
    void createIfAbsentStreamed_responseLostButNameHeldOtherBytes_returnsFalse() throws IOException {
        storage.createIfAbsent("k", GeneratedBody.of(STREAMED_BYTES, 23));
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            proxy.loseNextResponseTo("PUT");
            assertFalse(flaky.createIfAbsent("k", GeneratedBody.of(STREAMED_BYTES, 24)));
            assertEquals(1, proxy.lostResponses());
        }
        assertArrayEquals(GeneratedBody.of(STREAMED_BYTES, 23).bytes(), readAll("k"));
    }

    @Test
    void open_serverGoneMidRead_throwsSyncExceptionFromRead() throws IOException {
        // Larger than every socket buffer on the way, so most of it is still to come when the proxy goes.
        storage.createIfAbsent("big", GeneratedBody.of(24 << 20, 26));
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            InputStream in = flaky.open("big").orElseThrow();
            assertEquals(1000, in.readNBytes(1000).length);
            proxy.close();
            SyncException e = assertThrows(SyncException.class, () -> {
                byte[] buf = new byte[64 << 10];
                while (in.read(buf) >= 0) {
                    // reading on until the cut shows
                }
            });
            assertTrue(e.retryable(), e.getMessage());
            assertTrue(e.getMessage().contains("'big'"), e.getMessage());
        }
    }

    @Test
    void createIfAbsentStreamed_overWhatOneRequestMayCarry_goesInPartsAndRoundTrips() throws IOException {
        // S3Proxy takes at most 128 MiB in one signed request; S3Multipart.THRESHOLD is well below.
        GeneratedBody body = GeneratedBody.of(150L << 20, 31);
        assertTrue(storage.createIfAbsent("big", body));
        assertEquals(150L << 20, storage.size("big").orElseThrow());
        assertArrayEquals(body.sha256(), sha256(storage.open("big").orElseThrow()));
        assertFalse(storage.createIfAbsent("big", GeneratedBody.of(150L << 20, 32)), "the name is taken");
        assertArrayEquals(body.sha256(), sha256(storage.open("big").orElseThrow()), "the first object stays");
        assertTrue(unfinishedUploads().isEmpty());
    }

    @Test
    void createIfAbsentStreamed_killedWriterLeftParts_nextUploadAbortsThemAndStoresOneCopy() throws IOException {
        try (S3Client raw = server.newClient()) {
            // What a writer killed half way through its parts leaves: an upload never completed.
            String id = raw.createMultipartUpload(r -> r.bucket(bucket).key("big")).uploadId();
            raw.uploadPart(r -> r.bucket(bucket).key("big").uploadId(id).partNumber(1), RequestBody.fromBytes(new byte[5 << 20]));
        }
        assertEquals(1, unfinishedUploads().size());
        assertTrue(storage.list("", null, 10).isEmpty(), "no listing shows the parts");
        GeneratedBody body = GeneratedBody.of(70L << 20, 33);
        assertTrue(storage.createIfAbsent("big", body));
        assertArrayEquals(body.sha256(), sha256(storage.open("big").orElseThrow()));
        assertTrue(unfinishedUploads().isEmpty(), "the resumed upload left no parts behind");
        assertEquals(List.of("big"), storage.list("", null, 10));
    }

    @Test
    void createIfAbsentStreamed_partAnswerLostWhileOthersAreSent_retriesWithItsOwnBytes() throws IOException {
        // Parts go out two at a time while the next is read: the retried part must still carry its own bytes,
        // not those of a later part read into a buffer meanwhile.
        GeneratedBody body = GeneratedBody.of(70L << 20, 35);
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            proxy.loseNextResponseTo("PUT");
            assertTrue(flaky.createIfAbsent("big", body));
            assertEquals(1, proxy.lostResponses());
        }
        assertArrayEquals(body.sha256(), sha256(storage.open("big").orElseThrow()));
        assertTrue(unfinishedUploads().isEmpty());
    }

    @Test
    void createIfAbsentStreamed_serverGoneMidUpload_stopsReadingAndStoresNothing() throws IOException {
        AtomicInteger partsRead = new AtomicInteger();
        try (FaultyProxy proxy = new FaultyProxy(server.port());
                SyncStorage flaky = new S3Storage(new S3Settings(proxy.endpoint(), bucket, server.region(),
                        server.identity(), server.credential()))) {
            GeneratedBody body = GeneratedBody.of(150L << 20, 36).onEvery(S3Multipart.PART, () -> {
                if (partsRead.incrementAndGet() == 3) {
                    proxy.close();
                }
            });
            SyncException e = assertThrows(SyncException.class, () -> flaky.createIfAbsent("big", body));
            assertTrue(e.retryable(), e.getMessage());
        }
        // 18 parts in all: the reading stops once a sent part has failed, not at the end of the body.
        assertTrue(partsRead.get() <= 3 + S3Multipart.IN_FLIGHT + 2, "parts read: " + partsRead.get());
        assertTrue(storage.size("big").isEmpty());
        GeneratedBody again = GeneratedBody.of(70L << 20, 37);
        assertTrue(storage.createIfAbsent("big", again), "the next upload of the name goes through");
        assertArrayEquals(again.sha256(), sha256(storage.open("big").orElseThrow()));
        assertTrue(unfinishedUploads().isEmpty(), "and leaves no parts behind");
    }

    @Test
    void createIfAbsentStreamed_bodyFailsBetweenParts_storesNothingAndLeavesNoParts() {
        GeneratedBody failing = GeneratedBody.of(70L << 20, 34).failingAfter(40L << 20);
        SyncException e = assertThrows(SyncException.class, () -> storage.createIfAbsent("big", failing));
        assertEquals(Reason.IO, e.reason(), e.getMessage());
        assertTrue(storage.size("big").isEmpty());
        assertTrue(unfinishedUploads().isEmpty());
    }

    private List<String> unfinishedUploads() {
        try (S3Client raw = server.newClient()) {
            return raw.listMultipartUploads(r -> r.bucket(bucket)).uploads().stream().map(u -> u.key()).toList();
        }
    }

    private static byte[] sha256(InputStream in) throws IOException {
        java.security.MessageDigest sha = GeneratedBody.newSha256();
        try (in) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return sha.digest();
    }

    private static void assertEveryOperationFails(SyncStorage s, Reason reason) {
        List<Executable> calls = new ArrayList<>(List.of(
                () -> s.list("", null, 1),
                () -> s.get("k"),
                () -> s.createIfAbsent("k", bytes("v")),
                () -> s.createIfAbsent("k", GeneratedBody.of(10, 1)),
                () -> s.open("k"),
                () -> s.delete("k")));
        if (reason != Reason.NOT_FOUND) {
            calls.add(() -> s.size("k"));
        }
        for (Executable call : calls) {
            SyncException e = assertThrows(SyncException.class, call);
            assertEquals(reason, e.reason(), e.getMessage());
        }
    }
}
