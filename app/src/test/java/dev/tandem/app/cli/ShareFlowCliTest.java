package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line flow of docs/SHARING.md, run as written: Sam, who syncs with a personal folder
 * remote, shares Groceries through a folder; Alex and later Kim, whose profiles have no personal
 * remote, join with the invite and are admitted by the fingerprint their join printed; everyone
 * edits and sees the others' edits after `tandem sync`; Sam removes Kim, Alex's sync follows the new
 * key, and what Kim writes afterwards reaches no one.
 */
@Tag("unit")
class ShareFlowCliTest {
    @TempDir
    Path tmp;

    private Result ok(Path profile, String... args) {
        Result r = CliRun.run(profile, args);
        assertEquals(0, r.code(), profile.getFileName() + ": tandem " + String.join(" ", args) + ": " + r.err());
        return r;
    }

    /** A sync that went well and had nothing to say: exit 0, no note, no warning. */
    private void synced(Path profile) {
        Result r = ok(profile, "sync");
        assertFalse(r.err().contains("tandem: note:") || r.err().contains("tandem: warning:"),
                profile.getFileName() + ": " + r.err());
    }

    /** The list's todos and notes as "[ ] title" or "[x] title", sorted by title. */
    private List<String> rows(Path profile, String list) {
        return ok(profile, "list", "--all", "--list", list).out().lines()
                .map(l -> l.replaceAll("^\\S+\\s+", "").replaceAll("\\s+#.*$", "").strip())
                .map(l -> l.startsWith("[") ? l : "[ ] " + l)
                .sorted((a, b) -> a.substring(4).compareTo(b.substring(4))).toList();
    }

    private String id(Path profile, String list, String title) {
        return ok(profile, "list", "--all", "--list", list).out().lines().filter(l -> l.contains(title))
                .map(l -> l.split("\\s+")[0]).findFirst()
                .orElseThrow(() -> new AssertionError(title + " is not on " + profile.getFileName()));
    }

    @Test
    void share_flowOfTheGuide_everyoneSeesTheOthersEditsAndARemovedMemberReachesNoOne() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("Dropbox/Shared/Groceries"));
        Path personal = Files.createDirectories(tmp.resolve("sam-personal"));
        Path sam = tmp.resolve("sam");
        Path alex = tmp.resolve("alex");
        Path kim = tmp.resolve("kim");
        ok(sam, "add", "milk", "--list", "Groceries");
        ok(sam, "add", "eggs", "--list", "Groceries");
        ok(sam, "add", "pay rent");
        new SettingsStore(sam).saveSync(SyncSettings.folder(personal, 1800));
        synced(sam);

        // tandem share Groceries --remote folder:… --as Sam: an invite code on stdout.
        Result shared = ok(sam, "share", "Groceries", "--remote", "folder:" + folder, "--as", "Sam");
        String code = shared.out().strip();
        assertTrue(code.startsWith("tandem-invite-2."), shared.out());
        synced(sam);

        // tandem join CODE --as Alex: Alex's fingerprint; nothing to sync until Sam admits.
        String alexPrint = ok(alex, "join", code, "--as", "Alex").out().strip();
        assertTrue(alexPrint.replace(" ", "").length() >= 16, alexPrint);
        Result early = CliRun.run(alex, "sync");
        assertEquals(1, early.code(), early.err());
        assertTrue(early.err().contains(alexPrint), early.err());
        Result waiting = ok(alex, "join", code);
        assertEquals(alexPrint, waiting.out().strip());
        assertTrue(waiting.err().contains("Not admitted yet"), waiting.err());

        // tandem members Groceries, then --admit with the fingerprint Alex read out.
        String members = ok(sam, "members", "Groceries").out();
        assertTrue(members.contains("Alex  " + alexPrint + "  asks to join"), members);
        assertTrue(members.lines().anyMatch(l -> l.startsWith("Sam  ") && l.endsWith("(owner)")), members);
        assertTrue(ok(sam, "members", "Groceries", "--admit", alexPrint).out().startsWith("Admitted Alex"));

        // tandem join CODE again: the list arrives.
        assertTrue(ok(alex, "join", code).out().contains("Joined “Groceries”"));
        assertEquals(List.of("[ ] eggs", "[ ] milk"), rows(alex, "Groceries"));

        // Edits both ways, each seen after `tandem sync`.
        ok(sam, "add", "bread", "--list", "Groceries");
        synced(sam);
        synced(alex);
        assertEquals(List.of("[ ] bread", "[ ] eggs", "[ ] milk"), rows(alex, "Groceries"));
        ok(alex, "done", id(alex, "Groceries", "milk"));
        ok(alex, "edit", id(alex, "Groceries", "eggs"), "--title", "free-range eggs");
        synced(alex);
        synced(sam);
        List<String> both = List.of("[ ] bread", "[ ] free-range eggs", "[x] milk");
        assertEquals(both, rows(sam, "Groceries"));

        // Kim joins the same way, with an invite of her own: an invite admits one person.
        String kimCode = ok(sam, "members", "Groceries", "--invite").out().strip();
        String kimPrint = ok(kim, "join", kimCode, "--as", "Kim").out().strip();
        assertTrue(ok(sam, "members", "Groceries").out().contains("Kim  " + kimPrint + "  asks to join"));
        ok(sam, "members", "Groceries", "--admit", kimPrint);
        assertTrue(ok(kim, "join", kimCode).out().contains("Joined “Groceries”"));
        assertEquals(both, rows(kim, "Groceries"));
        ok(kim, "add", "apples", "--list", "Groceries");
        synced(kim);
        synced(sam);
        synced(alex);
        List<String> withApples = List.of("[ ] apples", "[ ] bread", "[ ] free-range eggs", "[x] milk");
        assertEquals(withApples, rows(alex, "Groceries"));

        // tandem unshare Groceries --member Kim: the key changes; Alex follows, Kim reaches no one.
        assertTrue(ok(sam, "unshare", "Groceries", "--member", "Kim").out().startsWith("Removed Kim"));
        ok(sam, "add", "cake", "--list", "Groceries");
        synced(sam);
        synced(alex);
        List<String> withCake = List.of("[ ] apples", "[ ] bread", "[ ] cake", "[ ] free-range eggs", "[x] milk");
        assertEquals(withCake, rows(alex, "Groceries"));
        ok(alex, "add", "butter", "--list", "Groceries");
        synced(alex);
        ok(kim, "add", "chocolate", "--list", "Groceries");
        Result kimAfter = CliRun.run(kim, "sync");
        assertEquals(Cli.SYNCED_WITH_PROBLEMS, kimAfter.code(), kimAfter.err());
        synced(sam);
        synced(alex);
        List<String> withButter = List.of("[ ] apples", "[ ] bread", "[ ] butter", "[ ] cake", "[ ] free-range eggs",
                "[x] milk");
        assertEquals(withButter, rows(sam, "Groceries"));
        assertEquals(withButter, rows(alex, "Groceries"));
        assertEquals(List.of("[ ] apples", "[ ] bread", "[ ] chocolate", "[ ] free-range eggs", "[x] milk"),
                rows(kim, "Groceries"), "Kim keeps what Kim had, and gets nothing new");
        String after = ok(sam, "members", "Groceries").out();
        assertTrue(after.lines().anyMatch(l -> l.startsWith("Kim  ") && l.endsWith("(removed)")), after);

        // Sam's other lists stay Sam's.
        for (Path p : List.of(alex, kim)) {
            assertTrue(ok(p, "list", "--all").out().lines().noneMatch(l -> l.contains("pay rent")), p.toString());
        }
    }
}
