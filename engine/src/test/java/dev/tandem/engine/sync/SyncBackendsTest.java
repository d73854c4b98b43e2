package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sync, for real, over a folder and over S3 (S3Proxy on 127.0.0.1), plain and encrypted. */
@Tag("server")
class SyncBackendsTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    Db device(String name) {
        Db db = Db.open(dir.resolve(name + ".db"));
        db.migrate(Fixtures.MIGRATIONS);
        open.add(db);
        return db;
    }

    <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    void exchange(Supplier<SyncEngine.Builder> target) {
        SyncEngine engineA = keep(target.get().build());
        SyncEngine engineB = keep(target.get().build());
        Db a = device("a");
        Db b = device("b");
        Item milk = a.save(Item.of("milk"));
        b.save(Item.of("eggs"));
        engineA.sync(a);
        engineB.sync(b);
        engineA.sync(a);
        a.save(milk.withTitle("oat milk"));
        engineA.sync(a);
        SyncReport confirming = engineA.sync(a);
        assertEquals(2, confirming.requests(), "the listing, and the batch pushed before read back once");
        SyncReport idle = engineA.sync(a);
        assertEquals(1, idle.requests(), "an idle sync is one listing");
        engineB.sync(b);
        List<Item> itemsA = a.query(Item.class, "SELECT * FROM item ORDER BY id");
        assertEquals(itemsA, b.query(Item.class, "SELECT * FROM item ORDER BY id"));
        assertEquals(2, itemsA.size());
        assertTrue(engineA.check().ok(), engineA.check().summary());
    }

    @Test
    void sync_folder_exchangesAndChecksOut() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("Dropbox/Tandem"));
        exchange(() -> SyncEngine.builder().folder(remote).prefix("alice"));
        try (Stream<Path> files = Files.walk(remote)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void sync_folderEncrypted_exchanges() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("nas"));
        exchange(() -> SyncEngine.builder().folder(remote).encrypted("pass phrase"));
    }

    @Test
    void sync_s3_exchangesAndChecksOut() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        exchange(() -> SyncEngine.builder().s3(s3.endpoint(), bucket, s3.region(), s3.identity(), s3.credential())
                .prefix("tandem/alice"));
    }

    @Test
    void sync_s3Encrypted_exchanges() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        exchange(() -> SyncEngine.builder().s3(s3.endpoint(), bucket, s3.region(), s3.identity(), s3.credential())
                .encrypted("correct horse battery staple"));
    }

    @Test
    void sync_s3WrongCredentials_notRetryableAndNothingChanges() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        SyncEngine bad = keep(SyncEngine.builder().s3(s3.endpoint(), bucket, s3.region(), s3.identity(), "wrong").build());
        Db a = device("a");
        Item saved = a.save(Item.of("kept locally"));
        SyncException e = assertThrows(SyncException.class, () -> bad.sync(a));
        assertEquals(SyncException.Reason.AUTH, e.reason());
        assertFalse(e.retryable());
        assertEquals(List.of(saved), a.query(Item.class, "SELECT * FROM item"));
        ConnectionCheck check = bad.check();
        assertFalse(check.ok());
        assertEquals(SyncException.Reason.AUTH, check.steps().get(0).reason());
    }

    @Test
    void sync_unreachableEndpoint_retryable() {
        SyncEngine down = keep(SyncEngine.builder().s3("http://127.0.0.1:9", "b", "us-east-1", "k", "s").build());
        Db a = device("a");
        SyncException e = assertThrows(SyncException.class, () -> down.sync(a));
        assertEquals(SyncException.Reason.UNREACHABLE, e.reason());
        assertTrue(e.retryable());
    }

    @Test
    void sync_missingFolder_notFound() {
        SyncEngine missing = keep(SyncEngine.builder().folder(dir.resolve("no/such/folder")).build());
        SyncException e = assertThrows(SyncException.class, () -> missing.sync(device("a")));
        assertEquals(SyncException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("no/such/folder"), e.getMessage());
    }
}
