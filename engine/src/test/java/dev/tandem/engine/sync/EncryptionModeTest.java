package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.SyncFixture;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Devices that disagree about encryption never write into each other's remote: the one that would
 * is refused before it reads or writes anything, with a message naming the remote and what to do.
 */
@Tag("unit")
class EncryptionModeTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private final SyncStorage shared = SyncStorage.memory();

    private SyncEngine plain() {
        return fixture.closeAfter(SyncEngine.builder().storage(shared).build());
    }

    private SyncEngine encrypted(String passphrase) {
        return fixture.closeAfter(SyncEngine.builder().storage(shared).encrypted(passphrase).build());
    }

    /** Every key and its bytes: "nothing written" means this stays equal. */
    private Map<String, String> contents() {
        Map<String, String> all = new TreeMap<>();
        for (String key : Remotes.names(shared, "")) {
            all.put(key, HexFormat.of().formatHex(shared.get(key).orElseThrow()));
        }
        return all;
    }

    @Test
    void sync_noPassphraseOnEncryptedRemote_refusedBeforeWritingNamingTheRemote() {
        Db a = fixture.device();
        a.save(Item.of("secret title"));
        encrypted("correct horse").sync(a);
        Map<String, String> before = contents();
        Db d = fixture.device();
        d.save(Item.of("would be readable by anyone"));
        SyncException e = assertThrows(SyncException.class, () -> plain().sync(d));
        assertEquals(Reason.PASSPHRASE_REQUIRED, e.reason());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains(shared.describe()), e.getMessage());
        assertTrue(e.hint().contains("passphrase the other devices use"), e.hint());
        assertEquals(before, contents(), "nothing was written");
        assertTrue(items(d).stream().allMatch(i -> i.title().equals("would be readable by anyone")), "local data intact");
    }

    @Test
    void sync_noPassphraseAndNothingToPush_refusedToo() {
        Db a = fixture.device();
        a.save(Item.of("x"));
        encrypted("correct horse").sync(a);
        SyncException e = assertThrows(SyncException.class, () -> plain().sync(fixture.device()));
        assertEquals(Reason.PASSPHRASE_REQUIRED, e.reason());
    }

    @Test
    void sync_wrongPassphrase_refusedBeforeWriting() {
        Db a = fixture.device();
        a.save(Item.of("x"));
        encrypted("correct horse").sync(a);
        Map<String, String> before = contents();
        Db d = fixture.device();
        d.save(Item.of("y"));
        SyncException e = assertThrows(SyncException.class, () -> encrypted("battery staple").sync(d));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals(before, contents());
    }

    @Test
    void sync_passphraseOnPlainRemote_refusedBeforeWriting() {
        Db a = fixture.device();
        a.save(Item.of("plain"));
        plain().sync(a);
        Map<String, String> before = contents();
        Db d = fixture.device();
        d.save(Item.of("y"));
        SyncException e = assertThrows(SyncException.class, () -> encrypted("correct horse").sync(d));
        assertEquals(Reason.ENCRYPTION_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("unencrypted"), e.getMessage());
        assertEquals(before, contents(), "no descriptor, no batch");
    }

    @Test
    void sync_rightPassphrase_converges() {
        Db a = fixture.device();
        a.save(Item.of("x"));
        encrypted("correct horse").sync(a);
        Db b = fixture.device();
        encrypted("correct horse").sync(b);
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_remoteEncryptedWhileThisEngineRuns_refusedAtTheNextPush() {
        SyncEngine mine = plain();
        Db d = fixture.device();
        mine.sync(d);
        // Another device sets up encryption on the (still empty) remote meanwhile.
        Db a = fixture.device();
        encrypted("correct horse").sync(a);
        d.save(Item.of("would be plain"));
        Map<String, String> before = contents();
        SyncException e = assertThrows(SyncException.class, () -> mine.sync(d));
        assertEquals(Reason.PASSPHRASE_REQUIRED, e.reason());
        assertEquals(before, contents());
    }

    @Test
    void check_noPassphraseOnEncryptedRemote_failsTheEncryptionStep() {
        Db a = fixture.device();
        encrypted("correct horse").sync(a);
        ConnectionCheck check = plain().check();
        assertFalse(check.ok());
        assertEquals(List.of("Encryption"), check.steps().stream().map(ConnectionCheck.Step::name).toList());
        assertEquals(Reason.PASSPHRASE_REQUIRED, check.steps().get(0).reason());
    }
}
