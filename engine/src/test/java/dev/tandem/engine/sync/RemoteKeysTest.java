package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.KeyringStatus.Event;
import dev.tandem.engine.sync.SyncException.Reason;
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
 * A passphrase change and a recovery key, seen from two devices: only the keyring changes on the
 * remote, the other device is told where and when and writes nothing until it has the new one.
 */
@Tag("unit")
class RemoteKeysTest {
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a much longer passphrase, typed at home";

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private final SyncStorage shared = SyncStorage.memory();

    private SyncEngine engine(String passphrase, String device) {
        return fixture.closeAfter(SyncEngine.builder().storage(shared).encrypted(passphrase).deviceName(device).build());
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
    void changePassphrase_onA_otherDeviceToldWhereAndWhenAndWritesNothingUntilItHasTheNewOne() {
        Db a = fixture.device();
        Db b = fixture.device();
        SyncEngine onA = engine(OLD, "sam-laptop");
        SyncEngine onB = engine(OLD, "sam-desktop");
        a.save(Item.of("from A"));
        onA.sync(a);
        onB.sync(b);
        Map<String, String> before = contents();

        KeyringStatus status = onA.keys().changePassphrase(NEW);

        assertEquals(Event.PASSPHRASE_CHANGED, status.lastEvent());
        assertEquals("sam-laptop", status.changedBy());
        Map<String, String> after = contents();
        Set<String> changed = new java.util.TreeSet<>(after.keySet());
        changed.addAll(before.keySet());
        changed.removeIf(k -> before.get(k) != null && before.get(k).equals(after.get(k)));
        assertEquals(Set.of("keys/0000000001", "keys/0000000002", "changed"), changed,
                "only the keyring (and the change marker) changed: nothing was re-uploaded");

        b.save(Item.of("from B, offline"));
        Map<String, String> beforeB = contents();
        SyncException e = assertThrows(SyncException.class, () -> onB.sync(b));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertTrue(e.getMessage().contains("was changed on sam-laptop at "), e.getMessage());
        assertTrue(e.getMessage().contains("UTC"), e.getMessage());
        // Also as fields, for an app to say in its user's words: which device, and when (the keyring's time).
        assertEquals("sam-laptop", e.passphraseChange().orElseThrow().device());
        // The keyring keeps milliseconds.
        assertEquals(status.changedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.passphraseChange().orElseThrow().at());
        assertEquals(beforeB, contents(), "B wrote nothing");
        SyncException again = assertThrows(SyncException.class, () -> onB.sync(b), "and keeps refusing");
        assertEquals(e.passphraseChange(), again.passphraseChange(), "the answer given again keeps who and when");
        assertEquals(Set.of("from A", "from B, offline"), titles(b), "B keeps working locally");

        SyncException cold = assertThrows(SyncException.class, () -> engine(OLD, "sam-desktop").sync(b));
        assertEquals(Reason.WRONG_PASSPHRASE, cold.reason());
        assertTrue(cold.getMessage().contains("The passphrase was changed on sam-laptop"), cold.getMessage());
        assertEquals("sam-laptop", cold.passphraseChange().orElseThrow().device());

        SyncEngine updated = engine(NEW, "sam-desktop");
        updated.sync(b);
        onA.sync(a);
        assertEquals(Set.of("from A", "from B, offline"), titles(a));
        assertEquals(2, updated.keys().status().generation());
    }

    @Test
    void changePassphrase_twiceFromBothDevices_eachInTurn_converges() {
        Db a = fixture.device();
        Db b = fixture.device();
        SyncEngine onA = engine(OLD, "a");
        onA.sync(a);
        onA.keys().changePassphrase(NEW);
        SyncEngine onB = engine(NEW, "b");
        onB.keys().changePassphrase("third one");
        assertTrue(onA.remoteChanged(), "a key change moves the change marker");
        assertThrows(SyncException.class, () -> onA.sync(a), "so A's next sync follows the keyring and stops");
        b.save(Item.of("x"));
        onB.sync(b);
        engine("third one", "a").sync(a);
        assertEquals(Set.of("x"), titles(a));
        assertEquals(1, Remotes.names(shared, "keys/").size(), "older generations deleted");
    }

    @Test
    void idleSync_nothingToPushAndMarkerUnmoved_costsNoKeyringListing() {
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncEngine onA = engine(OLD, "a");
        onA.sync(a);
        onA.sync(a);
        assertEquals(1, onA.sync(a).requests(), "an idle encrypted sync is one listing, like a plain one");
        a.save(Item.of("y"));
        assertTrue(onA.sync(a).requests() > 2, "a push first lists the keyring");
    }

    @Test
    void recoveryKey_resetsAForgottenPassphrase_andKeepsWorkingAfterwards() {
        Db a = fixture.device();
        a.save(Item.of("kept"));
        SyncEngine onA = engine(OLD, "a");
        onA.sync(a);
        String code = onA.keys().newRecoveryKey();
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), code);
        assertTrue(onA.keys().status().recoveryKey());
        onA.sync(a);

        Db lost = fixture.device();
        SyncEngine byCode = fixture.closeAfter(SyncEngine.builder().storage(shared)
                .recoveryKey(code.toLowerCase().replace("-", " ")).deviceName("new laptop").build());
        KeyringStatus reset = byCode.keys().changePassphrase(NEW);
        assertEquals(Event.PASSPHRASE_RESET, reset.lastEvent());
        assertTrue(reset.recoveryKey(), "the recovery key stays valid");
        byCode.sync(lost);
        assertEquals(Set.of("kept"), titles(lost));

        assertEquals(Reason.WRONG_PASSPHRASE, assertThrows(SyncException.class,
                () -> engine(OLD, "x").sync(fixture.device())).reason());
        engine(NEW, "x").sync(fixture.device());
        fixture.closeAfter(SyncEngine.builder().storage(shared).recoveryKey(code).build()).sync(fixture.device());
    }

    @Test
    void recoveryKey_mistypedOrWrong_isNamedAtBuildOrRefused() {
        engine(OLD, "a").sync(fixture.device());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().storage(shared).recoveryKey("0004-1061-050R-3GG2-8A1C-60T3-GFQT").build());
        assertTrue(typo.getMessage().startsWith("recoveryKey: "), typo.getMessage());
        SyncEngine none = fixture.closeAfter(SyncEngine.builder().storage(shared)
                .recoveryKey("0004-1061-050R-3GG2-8A1C-60T3-GFQS").build());
        SyncException e = assertThrows(SyncException.class, () -> none.sync(fixture.device()));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertTrue(e.getMessage().contains("has no recovery key"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().storage(shared).encrypted(OLD).recoveryKey("x").build());
    }

    @Test
    void newRecoveryKey_replacesTheEarlierOne_withoutTroublingOtherDevices() {
        Db b = fixture.device();
        SyncEngine onA = engine(OLD, "a");
        SyncEngine onB = engine(OLD, "b");
        onA.sync(fixture.device());
        onB.sync(b);
        String first = onA.keys().newRecoveryKey();
        String second = onA.keys().newRecoveryKey();
        onB.sync(b);
        assertEquals(Event.RECOVERY_KEY_CREATED, onB.keys().status().lastEvent());
        SyncException e = assertThrows(SyncException.class, () -> fixture.closeAfter(
                SyncEngine.builder().storage(shared).recoveryKey(first).build()).sync(fixture.device()));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        fixture.closeAfter(SyncEngine.builder().storage(shared).recoveryKey(second).build()).sync(fixture.device());
        assertFalse(onB.keys().status().rotationUnfinished());
    }

    @Test
    void keys_unencryptedEngine_isRefusedNamingHowToEncrypt() {
        SyncEngine plain = fixture.closeAfter(SyncEngine.builder().storage(shared).build());
        IllegalStateException e = assertThrows(IllegalStateException.class, plain::keys);
        assertTrue(e.getMessage().contains("without encryption"), e.getMessage());
    }
}
