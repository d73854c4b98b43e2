package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static dev.tandem.engine.testing.SyncFixture.syncEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.SyncFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile copied to a second installation (a new laptop, a restored backup or VM snapshot) and
 * used on both: the installation that notices takes a new device id, and every device ends with
 * every change either made.
 */
@Tag("unit")
class CopiedProfileTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;

    private Db open(String name) {
        Db db = fixture.closeAfter(Db.open(dir.resolve(name)));
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }

    /** Copies a closed database file, as a user copying the data folder does. */
    private Db copy(Db original, String from, String to) throws IOException {
        original.close();
        Files.copy(dir.resolve(from), dir.resolve(to));
        return open(to);
    }

    /**
     * Profile a saves {@code first} and syncs; its data folder is copied to c; then a saves
     * {@code onOriginal} and syncs. Returns a and c, both open.
     */
    private Db[] syncedThenCopied(SyncEngine engine, String first, String onOriginal) throws IOException {
        Db a = open("a.db");
        a.save(Item.of(first));
        engine.sync(a);
        Db c = copy(a, "a.db", "c.db");
        a = open("a.db");
        a.save(Item.of(onOriginal));
        engine.sync(a);
        return new Db[] {a, c};
    }

    private static Set<String> titles(Db db) {
        return items(db).stream().map(Item::title).collect(Collectors.toSet());
    }

    @Test
    void sync_copiedProfileUsedOnBoth_bothEndUnderOwnIdsWithEverything() throws IOException {
        SyncEngine engine = fixture.engine();
        Db a = open("a.db");
        a.save(Item.of("before the copy"));
        engine.sync(a);
        a.save(Item.of("unpushed at the copy"));
        Db c = copy(a, "a.db", "c.db");
        a = open("a.db");
        assertEquals(a.deviceId(), c.deviceId(), "a byte copy shares the device id");
        a.save(Item.of("made on the original"));
        c.save(Item.of("made on the copy"));
        SyncReport first = engine.sync(a);
        SyncReport second = engine.sync(c);
        assertTrue(first.notes().isEmpty() && first.complete(), first.toString());
        assertTrue(second.notes().stream().anyMatch(w -> w.startsWith("Another installation syncs under this device's id")
                && !w.contains("moved from")), second.notes().toString());
        assertTrue(second.complete(), "a copy that recovered leaves nothing unread: " + second);
        assertNotEquals(a.deviceId(), c.deviceId(), "the copy that noticed took a new id");
        Db b = fixture.device();
        syncEach(engine, a, c, b, a);
        Set<String> all = Set.of("before the copy", "unpushed at the copy", "made on the original", "made on the copy");
        for (Db db : List.of(a, b, c)) {
            assertEquals(all, titles(db));
        }
        assertEquals(Canonical.userTables(a), Canonical.userTables(b));
        assertEquals(Canonical.userTables(a), Canonical.userTables(c));
        assertEquals(0, engine.pendingChanges(a));
        assertEquals(0, engine.pendingChanges(c));
    }

    /**
     * The sync folder moved (a Dropbox folder moved to another drive): the same remote at a new
     * address. The note names the old address as a cause beside a copied profile, and nothing is
     * lost; a copied profile on one remote (above) gets no such clause.
     */
    @Test
    void sync_remoteMovedToNewAddress_noteNamesTheOldAddressAndEverythingArrives() throws IOException {
        Path from = Files.createDirectories(dir.resolve("remote-old"));
        Path to = dir.resolve("remote-new");
        SyncEngine before = SyncEngine.builder().folder(from).build();
        Db a = open("a.db");
        a.save(Item.of("before the move"));
        before.sync(a);
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        SyncEngine after = SyncEngine.builder().folder(to).build();
        a.save(Item.of("after the move"));
        SyncReport r = after.sync(a);
        String note = r.notes().stream().filter(n -> n.startsWith("Another installation")).findFirst()
                .orElseThrow(() -> new AssertionError(r.notes().toString()));
        assertTrue(note.contains("was moved from, the remote this device synced with at " + before.describe()), note);
        Db b = fixture.device();
        syncEach(after, b);
        assertEquals(Set.of("before the move", "after the move"), titles(b));
    }

    @Test
    void sync_copyWithNothingToPush_noticesTheOriginalsBatchesAndPullsThem() throws IOException {
        SyncEngine engine = fixture.engine();
        Db[] ac = syncedThenCopied(engine, "one", "two, on the original");
        Db a = ac[0];
        Db c = ac[1];
        SyncReport r = engine.sync(c);
        assertEquals(Set.of("one", "two, on the original"), titles(c), "the copy pulls what the original wrote under the id");
        assertEquals(1, r.notes().size(), r.notes().toString());
        c.save(Item.of("three, on the copy"));
        syncEach(engine, c, a);
        assertEquals(titles(c), titles(a));
        assertNotEquals(a.deviceId(), c.deviceId());
    }

    @Test
    void sync_restoredBackup_takesNewIdAndRecoversWhatWasPushedAfterTheBackup() throws IOException {
        SyncEngine engine = fixture.engine();
        Db a = open("a.db");
        a.save(Item.of("in the backup"));
        engine.sync(a);
        a.close();
        Files.copy(dir.resolve("a.db"), dir.resolve("backup.db"));
        a = open("a.db");
        a.save(Item.of("after the backup"));
        engine.sync(a);
        a.close();
        Db restored = open("backup.db");
        restored.save(Item.of("after the restore"));
        engine.sync(restored);
        Db b = fixture.device();
        syncEach(engine, b, restored, b);
        Set<String> all = Set.of("in the backup", "after the backup", "after the restore");
        assertEquals(all, titles(restored));
        assertEquals(all, titles(b));
    }

    @Test
    void sync_otherProgramTookNewId_thisProgramsSavesMeanwhileArePushed() throws IOException {
        SyncEngine engine = fixture.engine();
        Db[] ac = syncedThenCopied(engine, "one", "original");
        Db a = ac[0];
        Db c = ac[1];
        // Two programs on the copy's file: the app and `tandem sync`. The second one notices the clone.
        Db cli = open("c.db");
        SyncEngine cliEngine = fixture.engine(fixture.remote());
        cli.save(Item.of("from the command line"));
        cliEngine.sync(cli);
        assertNotEquals(a.deviceId(), cli.deviceId());
        c.save(Item.of("from the app, which still has the old id in memory"));
        engine.sync(c);
        assertEquals(cli.deviceId(), c.deviceId(), "the app follows the id the command line took");
        syncEach(engine, a, c, a);
        assertEquals(Set.of("one", "original", "from the command line", "from the app, which still has the old id in memory"),
                titles(a));
        assertEquals(titles(a), titles(c));
    }

    /** A server that, while {@code dropping}, answers that writes landed but keeps nothing. */
    static final class DroppingServer extends ForwardingStorage {
        volatile boolean dropping;

        DroppingServer(SyncStorage delegate) {
            super(delegate);
        }

        @Override
        public boolean createIfAbsent(String name, byte[] data) {
            return dropping || delegate.createIfAbsent(name, data);
        }
    }

    /**
     * The original's push is dropped by the server, then its copy writes the same slots: the
     * listing looks as the original expects, and only reading its batches back tells it so.
     */
    private Set<String> droppedPushThenCopyWrites(String onCopy) throws IOException {
        DroppingServer server = new DroppingServer(fixture.remote());
        SyncEngine onA = fixture.engine(server);
        SyncEngine onC = fixture.engine(server);
        Db a = open("a.db");
        a.save(Item.of("one"));
        onA.sync(a);
        a.save(Item.of("unpushed at the copy"));
        Db c = copy(a, "a.db", "c.db");
        a = open("a.db");
        a.save(Item.of("original, push dropped"));
        server.dropping = true;
        onA.sync(a);
        server.dropping = false;
        if (onCopy != null) {
            c.save(Item.of(onCopy));
        }
        onC.sync(c);
        SyncReport noticed = onA.sync(a);
        assertTrue(noticed.notes().stream().anyMatch(n -> n.startsWith("Another installation syncs under this device's id")),
                noticed.notes().toString());
        assertNotEquals(a.deviceId(), c.deviceId(), "the original noticed and took a new id");
        Db b = fixture.device();
        SyncEngine onB = fixture.engine(server);
        for (int round = 0; round < 2; round++) {
            onA.sync(a);
            onC.sync(c);
            onB.sync(b);
        }
        assertEquals(Canonical.userTables(b), Canonical.userTables(a));
        assertEquals(Canonical.userTables(b), Canonical.userTables(c));
        return titles(b);
    }

    @Test
    void sync_serverDroppedPushAndCopyWroteTheSlot_originalPullsTheCopysChanges() throws IOException {
        assertEquals(Set.of("one", "unpushed at the copy", "original, push dropped", "made on the copy"),
                droppedPushThenCopyWrites("made on the copy"));
    }

    @Test
    void sync_serverDroppedPushAndCopyPushedLess_originalPushesWhatTheSlotLacks() throws IOException {
        assertEquals(Set.of("one", "unpushed at the copy", "original, push dropped"), droppedPushThenCopyWrites(null));
    }
}
