package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 in the middle of sharing, joining and removing a member: each step runs as a real
 * {@code tandem} process killed with SIGKILL as soon as the shared folder has gained {@code n} more
 * files (or left to finish, if it writes fewer). Then the person does what Tandem tells them (share
 * again or make a new invite, join again, sync), and the flow goes on: Bob joins and gets the list,
 * and after his removal reads nothing new, while Alice's list is whole throughout.
 */
@Tag("process")
class ShareKillTest {
    @TempDir
    Path tmp;

    private Result ok(Path profile, String... args) {
        Result r = CliRun.run(profile, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    /** The files under {@code dir}, counted again when one (a temp file, an emptied folder) goes mid-walk. */
    private long files(Path dir) throws IOException {
        while (true) {
            try (Stream<Path> all = Files.walk(dir)) {
                return all.filter(Files::isRegularFile).count();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

    /** Runs a tandem process and kills it with SIGKILL once {@code shared} holds {@code n} more files. */
    private void killedAfter(int n, Path shared, String... args) throws Exception {
        long before = files(shared);
        Process p = SharedProfileTest.start(args);
        long deadline = System.nanoTime() + 120_000_000_000L;
        // A 2 ms poll that times the kill, not a wait to fail on: the kill lands right after the nth
        // file, while the process writes the next (a process that ends first is not killed).
        while (p.isAlive() && files(shared) < before + n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (p.isAlive()) {
            SharedProfileTest.kill9(p);
        }
        SharedProfileTest.finish(p);
    }

    @ParameterizedTest(name = "killed after {0} new files")
    @ValueSource(ints = {2, 5})
    void shareJoinRemove_eachKilledMidway_theNextStepsFinishIt(int n) throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.createDirectories(tmp.resolve("alice-remote"));
        Files.createDirectories(tmp.resolve("bob-remote"));
        Path alice = tmp.resolve("alice");
        Path bob = tmp.resolve("bob");
        ok(alice, "add", "milk", "--list", "Groceries");
        ok(alice, "add", "eggs", "--list", "Groceries");

        killedAfter(n, shared, "--data-dir", alice.toString(), "share", "Groceries", "--remote", "folder:" + shared,
                "--as", "Alice");
        Result again = CliRun.run(alice, "share", "Groceries", "--remote", "folder:" + shared, "--as", "Alice");
        String code = again.code() == 0 ? again.out().strip() : ok(alice, "members", "Groceries", "--invite").out().strip();
        assertTrue(code.startsWith("tandem-invite-"), again.err());

        killedAfter(n, shared, "--data-dir", bob.toString(), "join", code, "--as", "Bob");
        String fingerprint = ok(bob, "join", code, "--as", "Bob").out().strip();
        assertTrue(ok(alice, "members", "Groceries").out().contains(fingerprint + "  asks to join"),
                "the request Bob's device holds the keys of is listed");
        ok(alice, "members", "Groceries", "--admit", fingerprint);
        Result joined = ok(bob, "join", code);
        assertTrue(joined.out().contains("Joined “Groceries”"), joined.out() + joined.err());
        assertEquals(2, ok(bob, "list", "--list", "Groceries").out().lines().count());

        killedAfter(n, shared, "--data-dir", alice.toString(), "unshare", "Groceries", "--member", "Bob");
        // Alice's next sync finishes a removal cut short; she reads on with the list's key either way.
        ok(alice, "sync", "--remote", "folder:" + tmp.resolve("alice-remote"));
        ok(alice, "add", "birthday cake", "--list", "Groceries");
        ok(alice, "sync", "--remote", "folder:" + tmp.resolve("alice-remote"));
        assertTrue(ok(alice, "members", "Groceries").out().contains("(removed)"));
        assertEquals(3, ok(alice, "list", "--list", "Groceries").out().lines().count());

        Result bobSync = CliRun.run(bob, "sync", "--remote", "folder:" + tmp.resolve("bob-remote"));
        assertTrue(bobSync.err().contains("Alice removed you from “Groceries”"), "Bob's device is told: " + bobSync.err());
        String bobSees = ok(bob, "list", "--list", "Groceries").out();
        assertFalse(bobSees.contains("birthday cake"), "a removed member reads nothing new: " + bobSees);
        assertTrue(bobSees.contains("milk"), "and keeps what he had");
    }
}
