package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SettingsStore}; the older round trips are in {@link SyncSettingsTest}. */
@Tag("unit")
class SettingsStoreTest {
    @Test
    void saveSync_proxyWithPassword_roundTripsInSecretsOnly(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/dav/Tandem", "sam", "app-pw", ""),
                "", 60).withProxy("http://proxyuser:pr0xy-pw@proxy.corp:3128");
        store.saveSync(s);
        SyncSettings loaded = store.loadSync();
        assertEquals(s, loaded);
        assertEquals("http://proxyuser:pr0xy-pw@proxy.corp:3128", loaded.proxy());
        String plain = Files.readString(dir.resolve(SettingsStore.SETTINGS_FILE));
        assertFalse(plain.contains("proxy.corp"), plain);
        assertFalse(plain.contains("pr0xy-pw"), plain);
        String secrets = Files.readString(dir.resolve(SettingsStore.SECRETS_FILE));
        assertTrue(secrets.contains("sync.proxy"), secrets);
        assertTrue(secrets.contains("pr0xy-pw"), secrets);
    }

    @Test
    void saveSync_proxyCleared_loadsEmpty(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir);
        SyncSettings s = SyncSettings.folder(dir.resolve("remote"), 60);
        store.saveSync(s.withProxy("none"));
        assertEquals("none", store.loadSync().proxy());
        store.saveSync(s);
        assertEquals("", store.loadSync().proxy());
    }

    @Test
    void saveSync_anotherSecretSaved_keepsItAndStillReplacesItsOwn(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir);
        store.putSecret("caldav.password", "phone-pw");
        store.saveSync(SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/dav/Tandem", "sam", "one", ""),
                "", 60));
        store.saveSync(SyncSettings.folder(dir.resolve("remote"), 60));
        assertEquals("phone-pw", store.secret("caldav.password"), "saving sync settings keeps the CalDAV password");
        assertEquals("", store.loadSync().dav().password(), "the sync settings' own secret is replaced");
        store.putSecret("caldav.password", "");
        assertEquals("", store.secret("caldav.password"));
    }

    @Test
    void saveSync_passphraseChangedOrGone_deletesTheKeyCacheAndOtherwiseKeepsIt(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SyncSettings s = SyncSettings.folder(dir.resolve("remote"), 60).withPassphrase("one passphrase");
        store.saveSync(s);
        Path cache = dir.resolve(SettingsStore.KEY_CACHE_FILE);
        Files.writeString(cache, "kept");

        store.saveSync(s.withProxy("none"));
        assertTrue(Files.exists(cache), "the same passphrase keeps its keys");
        store.saveSync(s.withPassphrase("another passphrase"));
        assertFalse(Files.exists(cache), "a changed passphrase drops them");
        Files.writeString(cache, "kept");
        store.saveSync(s.withPassphrase(""));
        assertFalse(Files.exists(cache), "no passphrase saved, no keys kept");
    }
}
