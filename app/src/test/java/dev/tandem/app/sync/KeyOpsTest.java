package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Encryption keys…" opens the keyring with the key the profile keeps stretched for its saved passphrase
 * (the running sync made it), not with a new Argon2id derivation each time it reads; a passphrase other than
 * the saved one never touches that key.
 */
@Tag("unit")
class KeyOpsTest {
    private static final String SAVED = "correct horse battery";

    @TempDir
    Path tmp;

    @Test
    void status_theSavedPassphrase_opensWithTheProfilesKeptKey() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        SettingsStore settings = new SettingsStore(profile);
        SyncSettings s = SyncSettings.folder(remote, 60).withPassphrase(SAVED);
        settings.saveSync(s);
        Path cache = profile.resolve(SettingsStore.KEY_CACHE_FILE);
        try (TodoStore store = TodoStore.open(Schema.database(profile.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            try (SyncEngine setUp = s.engineBuilder().encrypted(SAVED).build()) {
                store.replica().sync(setUp);
            }
            assertFalse(Files.exists(cache), "no key kept yet");

            KeyOps other = KeyOps.of(s.withPassphrase("another passphrase altogether"), settings, store.replica(),
                    "laptop");
            assertThrows(SyncException.class, other::status);
            assertFalse(Files.exists(cache), "a passphrase not saved here keeps nothing");

            KeyOps.of(s, settings, store.replica(), "laptop").status();
            assertTrue(Files.exists(cache), "the saved passphrase is stretched once for the profile, then kept");
        }
    }
}
