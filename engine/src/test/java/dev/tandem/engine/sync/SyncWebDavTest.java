package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.WebDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two devices syncing through real WebDAV servers on 127.0.0.1 (Apache mod_dav_fs and rclone),
 * plain and encrypted, with what each sync costs in HTTP requests.
 */
@Tag("server")
class SyncWebDavTest {
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

    SyncEngine engine(String url, String password, String passphrase) {
        SyncEngine.Builder b = SyncEngine.builder().webDav(url, WebDavServer.USER, password);
        if (passphrase != null) {
            b.encrypted(passphrase);
        }
        SyncEngine e = b.build();
        open.add(e);
        return e;
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_twoDevices_convergeAndCostFewRequests(WebDavServer.Kind kind) throws Exception {
        WebDavServer server = WebDavServer.shared(kind);
        String url = server.newCollection();
        SyncEngine engineA = engine(url, WebDavServer.PASSWORD, null);
        SyncEngine engineB = engine(url, WebDavServer.PASSWORD, null);
        Db a = device("a");
        Db b = device("b");
        Item milk = a.save(Item.of("milk"));
        b.save(Item.of("eggs"));
        engineA.sync(a);
        engineB.sync(b);
        engineA.sync(a);
        a.save(milk.withTitle("oat milk"));
        engineA.sync(a);
        engineA.sync(a);
        SyncReport idle = engineA.sync(a);
        // heads/ and one folder per device under it: PROPFIND Depth 1 each.
        assertEquals(3, idle.requests(), "an idle sync lists heads/ and each device's folder");
        assertFalse(engineA.remoteChanged());
        long before = engineA.requestsSoFar();
        assertFalse(engineA.remoteChanged());
        assertEquals(1, engineA.requestsSoFar() - before, "an idle check is one conditional request");
        b.save(Item.of("bread"));
        engineB.sync(b);
        assertTrue(engineA.remoteChanged(), "B's push rewrote the change marker");
        engineA.sync(a);
        List<Item> itemsA = a.query(Item.class, "SELECT * FROM item ORDER BY id");
        assertEquals(itemsA, b.query(Item.class, "SELECT * FROM item ORDER BY id"));
        assertEquals(List.of("bread", "eggs", "oat milk"),
                itemsA.stream().map(Item::title).sorted().toList());
        ConnectionCheck check = engineA.check();
        assertTrue(check.ok(), check.summary());
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tandem-")),
                    "no probe or temporary files left");
        }
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_encrypted_exchangesAndOtherPassphraseIsRefused(WebDavServer.Kind kind) {
        WebDavServer server = WebDavServer.shared(kind);
        String url = server.newCollection();
        Db a = device("a");
        Db b = device("b");
        a.save(Item.of("private"));
        engine(url, WebDavServer.PASSWORD, "correct horse").sync(a);
        engine(url, WebDavServer.PASSWORD, "correct horse").sync(b);
        assertEquals(List.of("private"), b.query(Item.class, "SELECT * FROM item").stream().map(Item::title).toList());
        Db c = device("c");
        SyncException e = assertThrows(SyncException.class, () -> engine(url, WebDavServer.PASSWORD, "wrong").sync(c));
        assertEquals(SyncException.Reason.WRONG_PASSPHRASE, e.reason());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_wrongPassword_authErrorAndLocalDataKept(WebDavServer.Kind kind) {
        WebDavServer server = WebDavServer.shared(kind);
        String url = server.newCollection();
        Db a = device("a");
        Item saved = a.save(Item.of("kept locally"));
        SyncEngine bad = engine(url, "wrong", null);
        SyncException e = assertThrows(SyncException.class, () -> bad.sync(a));
        assertEquals(SyncException.Reason.AUTH, e.reason());
        assertFalse(e.retryable());
        assertEquals(List.of(saved), a.query(Item.class, "SELECT * FROM item"));
        assertFalse(bad.check().ok());
        assertEquals(SyncException.Reason.AUTH, bad.check().steps().get(0).reason());
    }
}
