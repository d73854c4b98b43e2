package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.engine.Db;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The situations in which sync used to say "Synced" while devices disagreed, scripted through the
 * command line as a user would run them, on real profiles and a real folder remote: each ends with
 * every device identical, or with a loud error, a non-zero exit code and nothing unreadable written.
 */
class SyncSituationsTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Path remote() {
        return tmp.resolve("remote");
    }

    @BeforeEach
    void makeRemote() throws IOException {
        Files.createDirectories(remote());
    }

    private Result tandem(Map<String, String> env, Path profile, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", profile.toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env).run(argv);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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

    /** Every file under the remote and its bytes: "nothing written" means this stays equal. */
    private Map<String, String> remoteFiles() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(remote())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(remote().relativize(p).toString(), HexFormat.of().formatHex(Files.readAllBytes(p)));
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
        assertEquals(0, tandem(a, "add", "Before the copy").code());
        assertEquals(0, sync(a).code());
        copyProfile(a, c);
        assertEquals(0, tandem(a, "add", "On the original").code());
        assertEquals(0, tandem(c, "add", "On the copy").code());
        for (int round = 0; round < 2; round++) {
            for (Path p : List.of(a, c, b)) {
                Result r = sync(p);
                assertEquals(0, r.code(), "a copied profile recovers by itself: " + r.err());
            }
        }
        String all = listJson(a);
        for (String title : List.of("Before the copy", "On the original", "On the copy")) {
            assertTrue(all.contains(title), title + " missing: " + all);
        }
        assertEquals(all, listJson(b));
        assertEquals(all, listJson(c));
        assertNotEquals(deviceId(a), deviceId(c), "each installation ends under its own device id");
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
        assertTrue(wrong.err().contains("passphrase does not match"), wrong.err());
        assertEquals(before, remoteFiles());

        assertEquals(0, sync(passphrase("correct horse"), d).code());
        assertEquals(0, sync(passphrase("correct horse"), a).code());
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
        assertEquals(before, remoteFiles());
    }

    @Test
    void sync_objectThisDeviceCannotRead_exitsThreeNamingItOnEverySync() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(a, "add", "In a batch that rots").code());
        assertEquals(0, sync(a).code());
        Path batch;
        try (Stream<Path> files = Files.walk(remote().resolve("batches"))) {
            batch = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(batch);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(batch, bytes);
        String key = remote().relativize(batch).toString().replace('\\', '/');

        Result first = sync(b);
        assertEquals(3, first.code(), "synced with problems: " + first.err());
        assertTrue(first.err().contains(key), "names the object: " + first.err());
        assertTrue(first.out().startsWith("Synced with problems"), first.out());

        Result second = sync(b);
        assertEquals(3, second.code(), "still unread, still loud");
        assertTrue(second.err().contains("tandem: unread: " + key), second.err());
    }

    @Test
    void check_goodAndMissingFolder_exitCodesAndSteps() {
        Path a = tmp.resolve("a");
        Result ok = tandem(a, "check", "--remote", "folder:" + tmp);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("Conditional write"), ok.out());
        Result missing = tandem(a, "check", "--remote", "folder:" + tmp.resolve("nowhere"));
        assertEquals(1, missing.code());
        assertTrue(missing.out().contains("FAIL"), missing.out());
        assertTrue(missing.err().contains("check failed"), missing.err());
    }

    @Test
    void check_noPassphraseOnEncryptedRemote_failsTheEncryptionStep() {
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(a, "add", "x").code());
        assertEquals(0, sync(passphrase("pw"), a).code());
        Result r = tandem(tmp.resolve("b"), "check", "--remote", "folder:" + remote());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAIL Encryption"), r.out());
    }
}
