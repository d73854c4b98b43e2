package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.WebDavServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WebDAV folders whose names a URL cannot hold as typed (accents, symbols, spaces), made on real
 * servers (Apache mod_dav_fs and rclone) and typed into the address as a file manager shows them.
 * The address must name a folder that exists, so two devices that converge went through that very
 * folder: an address sent as anything but its UTF-8 percent-encoding names a folder that does not.
 */
@Tag("server")
class SyncWebDavFolderNamesTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static Stream<Arguments> serversAndNames() {
        return Stream.of(WebDavServer.Kind.values())
                .flatMap(k -> Stream.of(Arguments.of(k, "Données-✓"), Arguments.of(k, "My Tasks")));
    }

    private Db device(String name) {
        Db db = Db.open(dir.resolve(name + ".db"));
        db.migrate(Fixtures.MIGRATIONS);
        open.add(db);
        return db;
    }

    private SyncEngine engine(String url) {
        SyncEngine e = SyncEngine.builder().webDav(url, WebDavServer.USER, WebDavServer.PASSWORD).build();
        open.add(e);
        return e;
    }

    private static List<String> titles(Db db) {
        return db.query(Item.class, "SELECT * FROM item").stream().map(Item::title).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("serversAndNames")
    void sync_folderNameTypedAsShown_twoDevicesConvergeThroughThatFolder(WebDavServer.Kind kind, String name) {
        WebDavServer server = WebDavServer.shared(kind);
        String parent = server.newCollection();
        server.newFolder(parent, name);
        String typed = parent + name;
        Db a = device("a");
        Db b = device("b");
        a.save(Item.of("milk"));
        b.save(Item.of("eggs"));
        SyncEngine engineA = engine(typed);
        SyncEngine engineB = engine(typed);
        engineA.sync(a);
        engineB.sync(b);
        engineA.sync(a);

        assertEquals(List.of("eggs", "milk"), titles(a));
        assertEquals(List.of("eggs", "milk"), titles(b));
        assertTrue(engineA.check().ok(), () -> engineA.check().summary());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_addressAlreadyPercentEncoded_sameFolderAsTypedNotEncodedTwice(WebDavServer.Kind kind) {
        WebDavServer server = WebDavServer.shared(kind);
        String parent = server.newCollection();
        server.newFolder(parent, "My Tasks ✓");
        Db a = device("a");
        Db b = device("b");
        a.save(Item.of("copied from the address bar"));
        b.save(Item.of("typed as shown"));
        SyncEngine pasted = engine(parent + "My%20Tasks%20%E2%9C%93");
        SyncEngine typed = engine(parent + "My Tasks ✓");
        pasted.sync(a);
        typed.sync(b);
        pasted.sync(a);

        assertEquals(List.of("copied from the address bar", "typed as shown"), titles(a));
        assertEquals(titles(a), titles(b));
    }
}
