package dev.tandem.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.SyncFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A push with an attachment stretches the passphrase (Argon2id, the slow step) once, and only the right one opens. */
@Tag("unit")
class KeyringDerivationsTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @Table("files")
    record File(String id, String blob) {
    }

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path tmp;

    private Db device() {
        Db db = fixture.closeAfter(Db.builder().file(tmp.resolve("d.db")).blobs("files", "blob")
                .blobDirectory(tmp.resolve("blobs")).build());
        db.migrate(List.of("CREATE TABLE files(id TEXT PRIMARY KEY, blob TEXT)"));
        return db;
    }

    /** A new engine, as a new process builds one: nothing derived is carried over. */
    private SyncEngine engine(SyncStorage remote, String passphrase) {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).encrypted(passphrase).build());
    }

    private static void attach(Db db, long seed) {
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        new Random(seed).nextBytes(content);
        Blob blob = db.blobs().add(new ByteArrayInputStream(content), Long.MAX_VALUE);
        db.save(new File(UUID.randomUUID().toString(), blob.id()));
    }

    /** Argon2id runs while {@code r} runs. */
    private static long derivations(Runnable r) {
        long before = Kdf.passphraseRuns();
        r.run();
        return Kdf.passphraseRuns() - before;
    }

    @Test
    void sync_firstPushToNewEncryptedRemote_derivesOnce() {
        Db db = device();
        attach(db, 1);
        SyncEngine engine = engine(fixture.remote(), PASSPHRASE);
        assertEquals(1, derivations(() -> engine.sync(db)), "set up the keyring, then keys, storage and blobs reuse its key");
        assertEquals(1, fixture.remote().list("blobs/data/", null, 10).size(), "the attachment went up");
    }

    @Test
    void sync_laterPushWithAnotherAttachment_derivesOnce() {
        Db db = device();
        attach(db, 1);
        engine(fixture.remote(), PASSPHRASE).sync(db);
        attach(db, 2);
        SyncEngine later = engine(fixture.remote(), PASSPHRASE);
        assertEquals(1, derivations(() -> later.sync(db)));
        assertEquals(0, derivations(() -> later.sync(db)), "the same engine keeps the opened keyring");
        assertEquals(2, fixture.remote().list("blobs/data/", null, 10).size());
    }

    @Test
    void sync_wrongPassphraseAfterRightOneInSameProcess_failsWithWrongPassphrase() {
        Db db = device();
        attach(db, 1);
        engine(fixture.remote(), PASSPHRASE).sync(db);
        attach(db, 2);
        SyncEngine wrong = engine(fixture.remote(), "correct horse battery stapler");
        SyncException e = assertThrows(SyncException.class, () -> wrong.sync(db));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals(1, fixture.remote().list("blobs/data/", null, 10).size(), "nothing went up with the wrong key");
        engine(fixture.remote(), PASSPHRASE).sync(db);
        assertEquals(2, fixture.remote().list("blobs/data/", null, 10).size(), "the right passphrase still works");
    }
}
