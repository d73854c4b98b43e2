package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key commands run as a user would, on real profiles (one data dir per device) and a real
 * folder remote. Tests run without a terminal, so every secret comes from the environment.
 */
@Tag("unit")
class KeyCommandsTest {
    private static final Pattern RECOVERY_KEY = Pattern.compile("(?m)^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$");

    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock(ZoneOffset.UTC);

    private Path remote() {
        return tmp.resolve("remote");
    }

    @BeforeEach
    void makeRemote() throws IOException {
        Files.createDirectories(remote());
    }

    private Result tandem(Map<String, String> env, Path profile, String... args) {
        return CliRun.run(env, clock, profile, args);
    }

    /** A key command or sync against the folder remote. */
    private Result onRemote(Map<String, String> env, Path profile, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--remote", "folder:" + remote()));
        return tandem(env, profile, all.toArray(String[]::new));
    }

    private Result sync(String passphrase, Path profile) {
        return onRemote(env("TANDEM_PASSPHRASE", passphrase), profile, "sync");
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private String list(Path profile) {
        Result r = tandem(Map.of(), profile, "list", "--all");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** Device A with a todo, synced to the remote encrypted with {@code passphrase}. */
    private Path deviceWithTodo(String passphrase, String title) {
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(Map.of(), a, "add", title).code());
        Result r = sync(passphrase, a);
        assertEquals(0, r.code(), r.err());
        return a;
    }

    private static String recoveryKeyIn(String out) {
        Matcher m = RECOVERY_KEY.matcher(out);
        assertTrue(m.find(), "a recovery key on its own line: " + out);
        return m.group();
    }

    @Test
    void passphraseChange_withNewFromEnvironment_otherDeviceToldAndOpensWithNewOnly() {
        Path a = deviceWithTodo("old", "From A");
        Path b = tmp.resolve("b");

        Result change = onRemote(env("TANDEM_PASSPHRASE", "old", "TANDEM_NEW_PASSPHRASE", "new"), a, "passphrase", "change");

        assertEquals(0, change.code(), change.err());
        assertTrue(change.out().contains("Changed the passphrase of"), change.out());
        assertTrue(change.out().contains("nothing was re-uploaded"), change.out());
        Result old = sync("old", b);
        assertNotEquals(0, old.code(), old.out());
        assertTrue(old.err().contains("The passphrase does not open this remote.")
                && old.err().contains("Enter the passphrase the other devices use."), old.err());
        Result fresh = sync("new", b);
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(list(b).contains("From A"), list(b));
        assertEquals(0, sync("new", a).code(), "A itself keeps syncing with the new one");
    }

    @Test
    void passphraseChange_wrongCurrentPassphrase_failsAndChangesNothing() {
        Path a = deviceWithTodo("old", "From A");

        Result r = onRemote(env("TANDEM_PASSPHRASE", "wrong", "TANDEM_NEW_PASSPHRASE", "new"), a, "passphrase", "change");

        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("The passphrase does not open this remote."), r.err());
        assertEquals(0, sync("old", tmp.resolve("b")).code(), "the old passphrase still opens the remote");
    }

    @Test
    void passphraseReset_withRecoveryKey_newerOpensAndOldNoLonger() {
        Path a = deviceWithTodo("old", "From A");
        Result made = onRemote(env("TANDEM_PASSPHRASE", "old"), a, "keys", "recovery-key");
        assertEquals(0, made.code(), made.err());
        String code = recoveryKeyIn(made.out());
        assertTrue(made.err().contains("Write this recovery key down"), made.err());
        assertTrue(made.err().contains("anyone who has it can read"), made.err());

        Result reset = onRemote(env("TANDEM_RECOVERY_KEY", code, "TANDEM_NEW_PASSPHRASE", "newer"), a,
                "passphrase", "reset");

        assertEquals(0, reset.code(), reset.err());
        Path b = tmp.resolve("b");
        assertNotEquals(0, sync("old", b).code());
        assertEquals(0, sync("newer", b).code());
        assertTrue(list(b).contains("From A"), list(b));
    }

    @Test
    void passphraseReset_mistypedRecoveryKey_usageErrorNamingTheKey() {
        Path a = deviceWithTodo("old", "From A");
        String code = recoveryKeyIn(onRemote(env("TANDEM_PASSPHRASE", "old"), a, "keys", "recovery-key").out());
        // The last character is a check character: any other value there is caught, never a different key.
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');

        Result r = onRemote(env("TANDEM_RECOVERY_KEY", typo, "TANDEM_NEW_PASSPHRASE", "newer"), a, "passphrase", "reset");

        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.err().contains("recoveryKey:"), r.err());
        assertEquals(0, sync("old", tmp.resolve("b")).code(), "nothing changed");
    }

    @Test
    void keysRotate_withNewFromEnvironment_printsRecoveryKeyAndFreshProfileReadsEverything() {
        Path a = deviceWithTodo("old", "From A");
        assertEquals(0, tandem(Map.of(), a, "add", "Second").code());
        assertEquals(0, sync("old", a).code());

        Result r = onRemote(env("TANDEM_PASSPHRASE", "old", "TANDEM_NEW_PASSPHRASE", "rotated"), a, "keys", "rotate");

        assertEquals(0, r.code(), r.err());
        recoveryKeyIn(r.out());
        assertTrue(r.out().contains("Re-encrypted"), r.out());
        assertTrue(r.err().contains("re-encrypting"), "progress on stderr: " + r.err());
        Result status = onRemote(env("TANDEM_PASSPHRASE", "rotated"), a, "keys", "status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().matches("(?s).*rotation unfinished:\\s+no.*"), status.out());
        assertTrue(status.out().matches("(?s).*last change:\\s+keys rotated.*"), status.out());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, sync("rotated", fresh).code());
        String todos = list(fresh);
        assertTrue(todos.contains("From A") && todos.contains("Second"), todos);
        assertNotEquals(0, sync("old", tmp.resolve("other")).code());
    }

    @Test
    void keysStatus_afterChange_saysWhatChangedAndHowTheKeyIsStretched() {
        Path a = deviceWithTodo("old", "From A");
        assertEquals(0, onRemote(env("TANDEM_PASSPHRASE", "old", "TANDEM_NEW_PASSPHRASE", "new"), a,
                "passphrase", "change").code());

        Result r = onRemote(env("TANDEM_PASSPHRASE", "new"), a, "keys", "status");

        assertEquals(0, r.code(), r.err());
        // The time as Formats writes it for a person: "Fri 27 Nov 2026, 9:00".
        assertTrue(r.out().matches("(?s).*last change:\\s+passphrase changed on .+ at \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{1,2}:\\d\\d\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*recovery key:\\s+no.*"), r.out());
        assertTrue(r.out().contains("Argon2"), r.out());
    }

    @Test
    void passphraseChange_noNewPassphraseAndNoTerminal_usageErrorNamingTheVariable() {
        Path a = deviceWithTodo("old", "From A");

        Result r = onRemote(env("TANDEM_PASSPHRASE", "old"), a, "passphrase", "change");

        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("TANDEM_NEW_PASSPHRASE"), r.err());
        assertEquals(0, sync("old", tmp.resolve("b")).code(), "nothing changed");
    }

    @Test
    void keysStatus_unencryptedRemote_failsWithAClearMessage() {
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(Map.of(), a, "add", "Plain").code());
        assertEquals(0, onRemote(Map.of(), a, "sync").code());

        Result none = onRemote(Map.of(), a, "keys", "status");
        Result given = onRemote(env("TANDEM_PASSPHRASE", "any"), a, "keys", "status");

        assertNotEquals(0, none.code());
        assertTrue(none.err().contains("encryption"), none.err());
        assertNotEquals(0, given.code());
        for (Result r : List.of(none, given)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.err().startsWith("tandem: "), r.err());
        }
    }

    @Test
    void subcommand_missingOrUnknown_usageErrorListingTheValidOnes() {
        Path a = tmp.resolve("a");

        Result missing = tandem(Map.of(), a, "passphrase");
        Result unknown = tandem(Map.of(), a, "keys", "show");

        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("change, reset"), missing.err());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("status, recovery-key, rotate"), unknown.err());
    }

    @Test
    void passphraseChange_savedRemote_savesTheNewPassphraseForTheApp() {
        Path a = deviceWithTodo("old", "From A");
        new SettingsStore(a).saveSync(SyncSettings.folder(remote(), 60).withPassphrase("old"));

        Result r = tandem(env("TANDEM_NEW_PASSPHRASE", "new"), a, "passphrase", "change");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Saved the new passphrase"), r.out());
        assertEquals("new", new SettingsStore(a).loadSync().passphrase());
        Result again = tandem(Map.of(), a, "sync");
        assertEquals(0, again.code(), "the saved settings open the remote: " + again.err());
    }

    @Test
    void passphraseReset_savedRemote_opensWithRecoveryKeyNotTheSavedPassphrase() {
        Path a = deviceWithTodo("old", "From A");
        String code = recoveryKeyIn(onRemote(env("TANDEM_PASSPHRASE", "old"), a, "keys", "recovery-key").out());
        // The saved passphrase is the forgotten one: a wrong one, which reset must not try.
        new SettingsStore(a).saveSync(SyncSettings.folder(remote(), 60).withPassphrase("forgotten"));

        Result r = tandem(env("TANDEM_RECOVERY_KEY", code, "TANDEM_NEW_PASSPHRASE", "newer"), a, "passphrase", "reset");

        assertEquals(0, r.code(), r.err());
        assertEquals("newer", new SettingsStore(a).loadSync().passphrase());
        assertEquals(0, sync("newer", tmp.resolve("b")).code());
    }

    @Test
    void sync_savedPassphrase_keepsItsStretchedKeyOwnerOnlyUntilThePassphraseChanges() throws IOException {
        Path a = deviceWithTodo("old", "From A");
        new SettingsStore(a).saveSync(SyncSettings.folder(remote(), 60).withPassphrase("old"));
        Path cache = a.resolve(SettingsStore.KEY_CACHE_FILE);

        assertEquals(0, tandem(Map.of(), a, "sync").code());
        assertTrue(Files.isRegularFile(cache), "the saved passphrase's key is kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        String kept = Files.readString(cache);
        assertFalse(kept.contains("old"), kept);
        Result other = tandem(env("TANDEM_PASSPHRASE", "not the saved one"), a, "sync");
        assertEquals(1, other.code(), "a passphrase from the environment is tried, not the kept key: " + other.err());
        assertEquals(kept, Files.readString(cache), "and nothing of it is kept");

        assertEquals(0, tandem(env("TANDEM_NEW_PASSPHRASE", "new"), a, "passphrase", "change").code());
        assertFalse(Files.exists(cache), "a new saved passphrase drops the old one's keys");
        assertEquals(0, tandem(Map.of(), a, "sync").code());
        assertNotEquals(kept, Files.readString(cache));
    }
}
