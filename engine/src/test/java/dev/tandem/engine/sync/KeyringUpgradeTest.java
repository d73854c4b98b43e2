package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.sync.CountingStorage;
import dev.tandem.engine.internal.sync.DefaultSyncEngine;
import dev.tandem.engine.sync.KeyringStatus.Event;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.FirstLayoutEncryptedStorage;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.SyncFixture;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A remote encrypted by the previous version (one key derived from the passphrase) moves to the
 * keyring on the first sync of an updated device, re-uploading nothing; a device still on the
 * previous version keeps syncing beside it until the passphrase changes, and is then told to update.
 */
@Tag("unit")
class KeyringUpgradeTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String NEW = "a much longer passphrase, typed at home";

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private final SyncStorage shared = SyncStorage.memory();

    /** A device that has not updated: the previous version's encryption over the same storage stack. */
    private SyncEngine previousVersion() {
        CountingStorage counting = new CountingStorage(shared);
        return fixture.closeAfter(new DefaultSyncEngine(new FirstLayoutEncryptedStorage(counting, PASSPHRASE), counting,
                shared.describe(), DefaultSyncEngine.SNAPSHOT_EVERY, DefaultSyncEngine.SNAPSHOT_CHANGES, null,
                DefaultSyncEngine.RETIRE_AFTER, SyncScope.everything()));
    }

    private SyncEngine updated(String passphrase) {
        return fixture.closeAfter(SyncEngine.builder().storage(shared).encrypted(passphrase).deviceName("new laptop")
                .build());
    }

    private Map<String, String> contents() {
        Map<String, String> all = new TreeMap<>();
        for (String key : Remotes.names(shared, "")) {
            all.put(key, HexFormat.of().formatHex(shared.get(key).orElseThrow()));
        }
        return all;
    }

    private static Set<String> titles(Db db) {
        return items(db).stream().map(Item::title).collect(Collectors.toSet());
    }

    @Test
    void firstSyncOfAnUpdatedDevice_upgradesInPlace_andTheOldVersionKeepsSyncingUntilThePassphraseChanges() {
        Db old = fixture.device();
        Db fresh = fixture.device();
        SyncEngine onOld = previousVersion();
        old.save(Item.of("from the old version"));
        onOld.sync(old);
        Map<String, String> before = contents();

        SyncEngine onNew = updated(PASSPHRASE);
        onNew.sync(fresh);

        assertEquals(Set.of("from the old version"), titles(fresh));
        Map<String, String> after = contents();
        before.forEach((key, bytes) -> assertEquals(bytes, after.get(key), key + " was not rewritten"));
        assertTrue(after.containsKey("keys/0000000001"));
        KeyringStatus status = onNew.keys().status();
        assertEquals(Event.UPGRADED, status.lastEvent());
        assertTrue(status.legacyDescriptor(), "the previous version's descriptor stays for it");

        fresh.save(Item.of("from the new version"));
        onNew.sync(fresh);
        onOld.sync(old);
        assertEquals(Set.of("from the old version", "from the new version"), titles(old),
                "the previous version reads what the updated device writes");
        old.save(Item.of("old, again"));
        onOld.sync(old);
        onNew.sync(fresh);
        assertEquals(titles(old), titles(fresh));

        onNew.keys().changePassphrase(NEW);
        old.save(Item.of("written after the change"));
        onOld.sync(old);
        onNew.sync(fresh);
        assertTrue(titles(fresh).contains("written after the change"),
                "an old version still running holds the data key, which a passphrase change keeps");

        Map<String, String> beforeRefusal = contents();
        old.save(Item.of("after a restart"));
        SyncException e = assertThrows(SyncException.class, () -> previousVersion().sync(old));
        assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        assertTrue(e.hint().contains("Update Tandem"), e.hint());
        assertEquals(beforeRefusal, contents(), "the restarted previous version wrote nothing");
        assertFalse(onNew.keys().status().legacyDescriptor());

        SyncException stale = assertThrows(SyncException.class, () -> updated(PASSPHRASE).sync(old));
        assertEquals(Reason.WRONG_PASSPHRASE, stale.reason());
        assertTrue(stale.getMessage().contains("changed on new laptop"), stale.getMessage());
        updated(NEW).sync(old);
        onNew.sync(fresh);
        assertEquals(titles(old), titles(fresh));
        assertTrue(titles(fresh).contains("after a restart"));
    }

    @Test
    void twoUpdatedDevicesAtOnce_agreeOnOneKeyring() {
        Db old = fixture.device();
        old.save(Item.of("x"));
        previousVersion().sync(old);
        Db one = fixture.device();
        Db two = fixture.device();
        updated(PASSPHRASE).sync(one);
        updated(PASSPHRASE).sync(two);
        assertEquals(1, Remotes.names(shared, "keys/").size());
        assertEquals(Set.of("x"), titles(one));
        assertEquals(Set.of("x"), titles(two));
    }

    @Test
    void upgrade_wrongPassphrase_writesNoKeyring() {
        Db old = fixture.device();
        old.save(Item.of("x"));
        previousVersion().sync(old);
        Map<String, String> before = contents();
        SyncException e = assertThrows(SyncException.class, () -> updated("wrong").sync(fixture.device()));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals(before, contents());
    }
}
