package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The situations in which sync used to say "Synced" while devices disagreed, scripted through the
 * command line as a user would run them, on real profiles and a real folder remote: each ends with
 * every device identical, or with a loud error, a non-zero exit code and nothing unreadable written.
 * Every profile runs on one test clock, which a test moves past sync's retry delay.
 */
@Tag("unit")
class SyncSituationsTest {
    private static final String NEW_ID = "Another installation syncs under this device's id";

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

    private Result tandem(Path profile, String... args) {
        return tandem(Map.of(), profile, args);
    }

    private Result sync(Map<String, String> env, Path profile) {
        return tandem(env, profile, "sync", "--remote", "folder:" + remote());
    }

    private Result sync(Path profile) {
        return sync(Map.of(), profile);
    }

    private static Map<String, String> passphrase(String p) {
        return Map.of("TANDEM_PASSPHRASE", p);
    }

    private String listJson(Path profile) {
        Result r = tandem(profile, "list", "--all", "--json");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    private static String deviceId(Path profile) {
        try (Db db = Db.open(profile.resolve(Device.DB_FILE))) {
            return db.deviceId();
        }
    }

    /** Every folder and file under the remote, with its bytes: "nothing written" means this stays equal. */
    private Map<String, String> remoteFiles() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(remote())) {
            for (Path p : walk.toList()) {
                String rel = remote().relativize(p).toString();
                files.put(Files.isDirectory(p) ? rel + "/" : rel,
                        Files.isDirectory(p) ? "" : HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void copyProfile(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void sync_copiedProfileUsedOnBoth_everyDeviceEndsWithEverything() throws IOException {
        Path a = tmp.resolve("laptop");
        Path c = tmp.resolve("new-laptop");
        Path b = tmp.resolve("phone");
        List<String> made = new ArrayList<>(List.of("Before the copy"));
        assertEquals(0, tandem(a, "add", "Before the copy").code());
        assertEquals(0, sync(a).code());
        copyProfile(a, c);
        assertEquals(deviceId(a), deviceId(c), "a byte-for-byte copy starts under the same id");
        List<String> newIds = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            for (Path p : List.of(a, c, b)) {
                String title = p.getFileName() + ", round " + round;
                assertEquals(0, tandem(p, "add", title).code());
                made.add(title);
                Result r = sync(p);
                assertEquals(0, r.code(), "a copied profile recovers by itself: " + r.err());
                if (r.err().contains(NEW_ID)) {
                    newIds.add(p.getFileName() + ": " + r.err());
                }
            }
        }
        for (Path p : List.of(a, c, b, a, c)) {
            assertEquals(0, sync(p).code());
        }
        assertEquals(1, newIds.size(), "one of the two took a new id, once, and said so: " + newIds);
        assertNotEquals(deviceId(a), deviceId(c), "each installation ends under its own device id");
        String all = listJson(a);
        for (String title : made) {
            assertTrue(all.contains("\"title\":\"" + title + "\""), title + " missing: " + all);
        }
        assertEquals(made.size(), all.split("\"id\":").length - 1, "no todo twice: " + all);
        assertEquals(all, listJson(b));
        assertEquals(all, listJson(c));
    }

    @Test
    void sync_noPassphraseOnEncryptedRemote_failsNamingTheRemoteAndWritesNothing() {
        Path a = tmp.resolve("a");
        Path d = tmp.resolve("d");
        assertEquals(0, tandem(a, "add", "Secret plans").code());
        assertEquals(0, sync(passphrase("correct horse"), a).code());
        Map<String, String> before = remoteFiles();
        assertEquals(0, tandem(d, "add", "Would be readable by anyone").code());

        Result none = sync(d);
        assertEquals(1, none.code(), none.out());
        assertTrue(none.err().contains(remote().toString()), "names the remote: " + none.err());
        assertTrue(none.err().contains("passphrase the other devices use"), none.err());
        assertEquals(before, remoteFiles(), "nothing written");

        Result wrong = sync(passphrase("battery staple"), d);
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("The passphrase does not open this remote."), wrong.err());
        assertTrue(wrong.err().contains(remote().toString()), "names the remote: " + wrong.err());
        assertTrue(wrong.err().contains("passphrase the other devices use"), wrong.err());
        assertEquals(before, remoteFiles());

        assertEquals(0, sync(passphrase("correct horse"), d).code());
        assertEquals(0, sync(passphrase("correct horse"), a).code());
        assertEquals(listJson(a), listJson(d));
        assertTrue(listJson(a).contains("Would be readable by anyone"), "D's todo reached A");
    }

    @Test
    void sync_savedRemoteWithoutPassphrase_takesItFromTheEnvironment() {
        Path a = tmp.resolve("a");
        Path d = tmp.resolve("d");
        assertEquals(0, tandem(a, "add", "Secret plans").code());
        assertEquals(0, sync(passphrase("correct horse"), a).code());
        new SettingsStore(d).saveSync(SyncSettings.folder(remote(), 30));
        assertEquals(1, tandem(d, "sync").code(), "the saved settings hold no passphrase");

        Result r = tandem(passphrase("correct horse"), d, "sync");

        assertEquals(0, r.code(), r.err());
        assertEquals(listJson(a), listJson(d));
    }

    @Test
    void sync_passphraseOnPlainRemote_failsAndWritesNothing() {
        Path a = tmp.resolve("a");
        Path e = tmp.resolve("e");
        assertEquals(0, tandem(a, "add", "Plain").code());
        assertEquals(0, sync(a).code());
        Map<String, String> before = remoteFiles();
        assertEquals(0, tandem(e, "add", "Would be encrypted").code());
        Result r = sync(passphrase("correct horse"), e);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unencrypted"), r.err());
        assertTrue(r.err().contains("Turn encryption off"), "says what to do: " + r.err());
        assertEquals(before, remoteFiles());
        assertTrue(listJson(e).contains("Would be encrypted"), "the local todo stays");
    }

    @Test
    void sync_objectThisDeviceCannotRead_exitsThreeNamingItUntilItReadsAgain() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(a, "add", "In a batch that rots").code());
        assertEquals(0, sync(a).code());
        Path batch;
        try (Stream<Path> files = Files.walk(remote().resolve("batches"))) {
            batch = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(batch);
        byte[] bytes = original.clone();
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(batch, bytes);
        String key = remote().relativize(batch).toString().replace('\\', '/');

        Result first = sync(b);
        assertEquals(3, first.code(), "synced with problems: " + first.err());
        assertTrue(first.err().contains(key), "names the object: " + first.err());
        assertTrue(first.out().startsWith("Synced with problems"), first.out());

        assertFalse(listJson(b).contains("In a batch that rots"));

        Result second = sync(b);
        assertEquals(3, second.code(), "still unread, still loud");
        assertTrue(second.err().contains("tandem: unread: " + key), second.err());

        // The object heals (a sync client finished writing it); sync reads it again a minute later.
        Files.write(batch, original);
        clock.advance(Duration.ofSeconds(61));
        Result healed = sync(b);
        assertEquals(0, healed.code(), healed.err());
        assertFalse(healed.err().contains("unread"), healed.err());
        assertTrue(healed.out().startsWith("Synced with "), healed.out());
        assertTrue(listJson(b).contains("In a batch that rots"));
    }

    @Test
    void conflicts_offlineEditThenEmptiedTrashElsewhere_listsTheDeleteAsKept() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = tandem(a, "add", "Fix the gate").out().strip();
        assertEquals(0, sync(a).code());
        assertEquals(0, sync(b).code());
        assertEquals(0, tandem(b, "edit", id, "--title", "Fix the gate latch").code());
        assertEquals(0, tandem(a, "rm", id).code());
        try (Db db = Db.open(a.resolve(Device.DB_FILE))) {
            db.delete(Item.class, id);
        }
        assertEquals(0, sync(a).code());
        assertEquals(0, sync(b).code());
        Result r = tandem(b, "conflicts");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Title: kept “deleted”"), r.out());
        assertTrue(r.out().contains("lost “Fix the gate latch” (This device)"), r.out());
    }

    @Test
    void check_goodAndMissingFolder_exitCodesAndSteps() {
        Path a = tmp.resolve("a");
        Result ok = tandem(a, "check", "--remote", "folder:" + remote());
        assertEquals(0, ok.code(), ok.err());
        for (String step : List.of("Look inside", "Write a test file", "Read it back", "Refuse an overwrite", "Clean up")) {
            assertTrue(ok.out().contains("✓ " + step + ": "), step + ": " + ok.out());
        }
        assertFalse(ok.out().contains("✗"), ok.out());
        Path nowhere = tmp.resolve("nowhere");
        Result missing = tandem(a, "check", "--remote", "folder:" + nowhere);
        assertEquals(1, missing.code());
        assertTrue(missing.out().contains("✗ Look inside: The sync folder " + nowhere + " does not exist."), missing.out());
        assertTrue(missing.out().contains("mkdir -p \"" + nowhere + "\""), missing.out());
        assertTrue(missing.err().contains("the check stopped at “Look inside”"), missing.err());
        assertFalse(Files.exists(nowhere), "a check creates no folder");
        assertFalse(Files.exists(a), "a check creates no profile");
    }

    @Test
    void syncAndCheck_folderWithTheUsersFiles_refusedAndNothingWritten() throws Exception {
        Path documents = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(documents.resolve("taxes.pdf"), "private");
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(a, "add", "x").code());
        for (String command : List.of("sync", "check")) {
            Result r = tandem(a, command, "--remote", "folder:" + documents);
            assertEquals(1, r.code(), command + ": " + r.out());
            assertTrue(r.err().contains("holds other files (taxes.pdf)"), r.err());
            assertTrue(r.err().contains(documents.resolve("Tandem").toString()), r.err());
        }
        try (var files = Files.list(documents)) {
            assertEquals(List.of(documents.resolve("taxes.pdf")), files.toList(), "nothing written beside the user's files");
        }
    }

    @Test
    void check_noPassphraseOnEncryptedRemote_failsTheEncryptionStep() {
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(a, "add", "x").code());
        assertEquals(0, sync(passphrase("pw"), a).code());
        Result r = tandem(tmp.resolve("b"), "check", "--remote", "folder:" + remote());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("✗ Encryption: "), r.out());
        assertTrue(r.out().contains("passphrase the other devices use"), r.out());
    }
}
