package dev.tandem.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.SyncFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passphrase the device keeps saved is stretched once, not once per process: later engines open the keyring with
 * the kept key. The file next to it is an input like any other: a damaged, stale, oversized or planted one costs a
 * stretch and is repaired, and a kept key never opens the remote for a passphrase other than its own.
 */
@Tag("unit")
class KeyCacheTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @Table("notes")
    record Note(String id, String text) {
    }

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path tmp;

    private Db device(String name) {
        Db db = fixture.closeAfter(Db.builder().file(tmp.resolve(name + ".db")).build());
        db.migrate(List.of("CREATE TABLE notes(id TEXT PRIMARY KEY, text TEXT)"));
        return db;
    }

    /** A new engine, as a new process builds one. */
    private SyncEngine engine(String passphrase, Path cache) {
        SyncEngine.Builder b = SyncEngine.builder().storage(fixture.remote()).encrypted(passphrase);
        return fixture.closeAfter(cache == null ? b.build() : b.keyCache(cache).build());
    }

    private static long derivations(Runnable r) {
        long before = Kdf.passphraseRuns();
        r.run();
        return Kdf.passphraseRuns() - before;
    }

    @Test
    void sync_laterProcessesWithTheKeyCache_stretchNothing() throws IOException {
        Db db = device("a");
        Path cache = tmp.resolve("keys.cache");
        db.save(new Note(UUID.randomUUID().toString(), "one"));

        assertEquals(1, derivations(() -> engine(PASSPHRASE, cache).sync(db)), "setting up stretches once");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        db.save(new Note(UUID.randomUUID().toString(), "two"));
        assertEquals(0, derivations(() -> engine(PASSPHRASE, cache).sync(db)), "a later process takes the kept key");
        Db other = device("b");
        assertEquals(1, derivations(() -> engine(PASSPHRASE, null).sync(other)), "without the cache: a stretch");
        assertEquals(2, other.query(Note.class, "SELECT * FROM notes").size(), "what went up with the kept key reads");
        assertFalse(Files.readString(cache).contains(PASSPHRASE), "the passphrase itself is not in the file");
    }

    @Test
    void sync_anotherPassphraseWithAKeptKey_isStretchedAndRefused() {
        Db db = device("a");
        Path cache = tmp.resolve("keys.cache");
        engine(PASSPHRASE, cache).sync(db);

        SyncEngine wrong = engine("correct horse battery stapler", cache);
        SyncException e = assertThrows(SyncException.class, () -> wrong.sync(db));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals(0, derivations(() -> engine(PASSPHRASE, cache).sync(db)), "the right one's key is still kept");
    }

    @Test
    void sync_aDamagedPlantedOrOversizedCache_stretchesAndRepairsIt() throws IOException {
        Db db = device("a");
        Path cache = tmp.resolve("keys.cache");
        engine(PASSPHRASE, cache).sync(db);
        String good = Files.readString(cache);
        String id = good.substring(0, 64);
        byte[] zeros = new byte[32];
        List<String> attacks = List.of(
                id + " " + java.util.Base64.getEncoder().encodeToString(zeros) + " AAAA\n",  // a planted key and check
                id + " !!!not base64!!!\n",
                id + "\n",
                good.replace(good.substring(65, 75), "AAAAAAAAAA"),                       // a key altered in place
                "x".repeat(KeyCache.MAX_BYTES + 1),                                          // past the read cap
                (id + " " + good.substring(65)).repeat(200));                                // the entry, too many times

        for (String planted : attacks) {
            Files.writeString(cache, planted, StandardCharsets.US_ASCII);
            assertEquals(1, derivations(() -> engine(PASSPHRASE, cache).sync(db)), "a bad cache is a stretch: " + planted);
            assertEquals(0, derivations(() -> engine(PASSPHRASE, cache).sync(db)), "and is repaired: " + planted);
            assertTrue(Files.size(cache) <= KeyCache.MAX_BYTES);
        }
    }

    @Test
    void sync_passphraseChangedOnAnotherDevice_keptKeyMissesAndTheNewOneIsKept() {
        Db db = device("a");
        Path cache = tmp.resolve("keys.cache");
        engine(PASSPHRASE, cache).sync(db);
        Db other = device("b");
        SyncEngine elsewhere = engine(PASSPHRASE, null);
        elsewhere.sync(other);
        elsewhere.keys().changePassphrase("a brand new passphrase here");

        SyncException e = assertThrows(SyncException.class, () -> engine(PASSPHRASE, cache).sync(db));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason(), "the old passphrase's kept key opens no slot of the new salt");
        assertEquals(1, derivations(() -> engine("a brand new passphrase here", cache).sync(db)));
        assertEquals(0, derivations(() -> engine("a brand new passphrase here", cache).sync(db)));
    }

    @Test
    void build_keyCacheWithoutAPassphrase_namesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().storage(fixture.remote()).keyCache(tmp.resolve("k")).build());
        assertTrue(e.getMessage().startsWith("keyCache:"), e.getMessage());
    }
}
