package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SpaceInvite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tandem share`, `join`, `members` and `unshare`: two people with two devices each, each person
 * with their own folder remote, share one list through a third folder. Alice's other lists never
 * reach Bob; a stranger's object in the shared folder is set aside by name; Bob, removed, reads
 * and writes nothing new while Alice's devices follow the new key; leaving moves the list to the
 * Trash on that device only. Besides: sharing a list already pushed to the personal remote keeps
 * the next sync quiet; a profile with shared lists alone syncs them; a join again follows a re-key.
 */
@Tag("unit")
class ShareCliTest {
    @TempDir
    Path tmp;

    private Result ok(Path profile, String... args) {
        Result r = CliRun.run(profile, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private Result sync(Path profile, String personal) {
        return CliRun.run(profile, "sync", "--remote", "folder:" + tmp.resolve(personal));
    }

    private List<String> titles(Path profile, String list) {
        return ok(profile, "list", "--list", list).out().lines().map(l -> l.replaceAll("^\\S+\\s+(\\[.\\]\\s+)?", ""))
                .map(l -> l.replaceAll("\\s+#.*$", "")).sorted().toList();
    }

    @Test
    void share_twoPeopleTwoDevicesEach_editTogetherAndOtherListsStayPrivate() throws Exception {
        for (String d : List.of("alice-remote", "bob-remote", "shared")) {
            Files.createDirectories(tmp.resolve(d));
        }
        Path a1 = tmp.resolve("a1");
        Path a2 = tmp.resolve("a2");
        Path b1 = tmp.resolve("b1");
        Path b2 = tmp.resolve("b2");
        ok(a1, "add", "milk", "--list", "Groceries");
        ok(a1, "add", "present for Bob", "--list", "Presents");
        ok(b1, "add", "party plans", "--list", "Secret");
        for (Path p : List.of(a1, a2)) {
            assertEquals(0, sync(p, "alice-remote").code());
        }
        for (Path p : List.of(b1, b2)) {
            assertEquals(0, sync(p, "bob-remote").code());
        }

        String code = ok(a1, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Alice")
                .out().strip();
        assertTrue(code.startsWith("tandem-invite-2."), code);
        // An invite admits one device: each further device joins with an invite of its own.
        String fpB1 = ok(b1, "join", code, "--as", "Bob").out().strip();
        String fpB2 = ok(b2, "join", ok(a1, "members", "Groceries", "--invite").out().strip(), "--as", "Bob").out().strip();
        // Alice's second device holds Groceries from her own remote: it joins only once she says it is hers.
        String aliceInvite = ok(a1, "members", "Groceries", "--invite").out().strip();
        Result unsure = CliRun.run(a2, "join", aliceInvite, "--as", "Alice");
        assertEquals(1, unsure.code(), unsure.out());
        assertTrue(unsure.err().contains("--into-existing"), unsure.err());
        String fpA2 = ok(a2, "join", aliceInvite, "--as", "Alice", "--into-existing").out().strip();
        String pending = ok(a1, "members", "Groceries").out();
        assertTrue(pending.contains(fpB1 + "  asks to join") && pending.contains(fpA2 + "  asks to join"), pending);
        for (String fp : List.of(fpB1, fpB2, fpA2)) {
            ok(a1, "members", "Groceries", "--admit", fp);
        }
        assertTrue(ok(b1, "join", code).out().contains("Joined “Groceries”"));
        assertEquals(List.of("milk"), titles(b1, "Groceries"));

        // Everyone edits; each syncs with their own remote, which brings the shared list along.
        ok(b1, "add", "bread", "--list", "Groceries");
        ok(a2, "add", "eggs", "--list", "Groceries");
        for (int round = 0; round < 2; round++) {
            for (Path p : List.of(a1, a2)) {
                Result r = sync(p, "alice-remote");
                assertEquals(0, r.code(), r.err());
            }
            for (Path p : List.of(b1, b2)) {
                Result r = sync(p, "bob-remote");
                assertEquals(0, r.code(), r.err());
            }
        }
        for (Path p : List.of(a1, a2, b1, b2)) {
            assertEquals(List.of("bread", "eggs", "milk"), titles(p, "Groceries"), p.toString());
        }
        String bobs = ok(b2, "list", "--all").out();
        assertFalse(bobs.contains("present for Bob"), bobs);
        assertTrue(bobs.contains("party plans"), "Bob's own list arrives through his own remote: " + bobs);
        // Bob's remote holds nothing of the shared list; Alice's holds nothing of Bob's.
        Path bobOnly = tmp.resolve("bob-only");
        assertEquals(0, sync(bobOnly, "bob-remote").code());
        assertEquals(List.of(), ok(bobOnly, "list", "--all").out().lines().filter(l -> l.contains("bread")).toList());

        // A stranger drops an object into the shared folder: set aside, by name, on every device.
        Path forged = tmp.resolve("shared/batches/11111111-2222-4333-8444-555555555555/000000000001");
        Files.createDirectories(forged.getParent());
        Files.write(forged, new byte[] {1, 2, 3});
        Path head = tmp.resolve("shared/heads/11111111-2222-4333-8444-555555555555/000000000001");
        Files.createDirectories(head.getParent());
        Files.write(head, new byte[] {1});
        Result seen = sync(b2, "bob-remote");
        assertEquals(Cli.SYNCED_WITH_PROBLEMS, seen.code());
        assertTrue(seen.err().contains("11111111-2222-4333-8444-555555555555"), seen.err());
        Files.delete(forged);
        Files.delete(head);

        // Alice removes Bob: the key changes; her other device follows, Bob reads and writes nothing new.
        Result removed = ok(a1, "unshare", "Groceries", "--member", "Bob");
        assertTrue(removed.out().contains("Removed Bob"), removed.out());
        ok(a1, "add", "cake", "--list", "Groceries");
        sync(a1, "alice-remote");
        ok(b1, "add", "chocolate", "--list", "Groceries");
        Result bobAfter = sync(b1, "bob-remote");
        assertEquals(Cli.SYNCED_WITH_PROBLEMS, bobAfter.code(), bobAfter.err());
        Result a2After = sync(a2, "alice-remote");
        assertEquals(0, a2After.code(), a2After.err());
        assertEquals(List.of("bread", "cake", "eggs", "milk"), titles(a2, "Groceries"));
        assertEquals(List.of("bread", "chocolate", "eggs", "milk"), titles(b1, "Groceries"),
                "Bob keeps what he had and sees nothing new");
        String members = ok(a2, "members", "Groceries").out();
        assertTrue(members.contains("Bob  " + fpB1.substring(0, 9)) && members.contains("(removed)"), members);

        // Leaving: the list goes to the Trash here only.
        Result left = ok(a2, "unshare", "Groceries");
        assertTrue(left.out().contains("Left “Groceries”"), left.out());
        assertTrue(ok(a2, "list").out().lines().noneMatch(l -> l.contains("cake")));
        sync(a1, "alice-remote");
        assertEquals(List.of("bread", "cake", "eggs", "milk"), titles(a1, "Groceries"), "the others keep the list");
    }

    @Test
    void members_admitWithAShortFingerprint_refusedUntilSixteenDigits() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path alice = tmp.resolve("alice");
        Path bob = tmp.resolve("bob");
        ok(alice, "add", "milk", "--list", "Groceries");
        String code = ok(alice, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Alice")
                .out().strip();
        String fingerprint = ok(bob, "join", code, "--as", "Bob").out().strip();

        Result shortOne = CliRun.run(alice, "members", "Groceries", "--admit", fingerprint.substring(0, 9));
        assertEquals(1, shortOne.code(), shortOne.out());
        assertTrue(shortOne.err().contains("at least 16"), shortOne.err());
        assertTrue(ok(alice, "members", "Groceries").out().contains(fingerprint + "  asks to join"), "Bob still asks");

        ok(alice, "members", "Groceries", "--admit", fingerprint.substring(0, 19));
        assertTrue(ok(bob, "join", code).out().contains("Joined “Groceries”"));
    }

    @Test
    void members_revokeAnOpenInvite_itsRequestIsNoLongerListed() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path alice = tmp.resolve("alice");
        ok(alice, "add", "milk", "--list", "Groceries");
        String first = ok(alice, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Alice")
                .out().strip();
        String second = ok(alice, "members", "Groceries", "--invite").out().strip();
        String fpBob = ok(tmp.resolve("bob"), "join", first, "--as", "Bob").out().strip();
        String fpDana = ok(tmp.resolve("dana"), "join", second, "--as", "Dana").out().strip();
        List<String> open = ok(alice, "members", "Groceries").out().lines().filter(l -> l.startsWith("invite "))
                .map(l -> l.split(" +")[1]).toList();
        assertEquals(2, open.size(), open.toString());
        String firstId = open.stream().filter(id -> SpaceInvite.parse(first).id().equals(id))
                .findFirst().orElseThrow();

        assertTrue(ok(alice, "members", "Groceries", "--revoke", firstId).out().contains("Revoked invite " + firstId));

        String after = ok(alice, "members", "Groceries").out();
        assertFalse(after.contains(fpBob), after);
        assertTrue(after.contains(fpDana + "  asks to join") && !after.contains("invite " + firstId), after);
        Result again = CliRun.run(alice, "members", "Groceries", "--revoke", firstId);
        assertEquals(1, again.code(), again.out());
        assertTrue(again.err().contains("No open invite"), again.err());
    }

    @Test
    void sync_listSharedAfterItsTodosWentToThePersonalRemote_quietAndSameDevice() throws Exception {
        Files.createDirectories(tmp.resolve("personal"));
        Files.createDirectories(tmp.resolve("shared"));
        Path sam = tmp.resolve("sam");
        ok(sam, "add", "milk", "--list", "Groceries");
        ok(sam, "add", "call the bank");
        new SettingsStore(sam).saveSync(SyncSettings.folder(tmp.resolve("personal"), 1800));
        ok(sam, "sync");
        String devices = ok(sam, "device", "list").out();

        ok(sam, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Sam");
        for (int i = 0; i < 2; i++) {
            Result r = ok(sam, "sync");
            assertFalse(r.err().contains("note:"), r.err());
        }
        assertEquals(devices, ok(sam, "device", "list").out(), "the same one device, under the same id");
    }

    @Test
    void sync_onlySharedListsNoPersonalRemote_syncsThemAlone() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path sam = tmp.resolve("sam");
        Path alex = tmp.resolve("alex");
        ok(sam, "add", "milk", "--list", "Groceries");
        String code = ok(sam, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Sam")
                .out().strip();
        String fp = ok(alex, "join", code, "--as", "Alex").out().strip();
        ok(sam, "members", "Groceries", "--admit", fp);

        Result first = ok(alex, "sync");
        assertTrue(first.out().contains("1 shared list"), first.out());
        assertEquals(List.of("milk"), titles(alex, "Groceries"));
        ok(alex, "add", "bread", "--list", "Groceries");
        ok(alex, "sync");
        ok(sam, "sync");
        assertEquals(List.of("bread", "milk"), titles(sam, "Groceries"));
    }

    @Test
    void join_afterTheOwnerRemovedSomeoneElse_followsTheNewKey() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path sam = tmp.resolve("sam");
        Path alex = tmp.resolve("alex");
        Path kim = tmp.resolve("kim");
        ok(sam, "add", "milk", "--list", "Groceries");
        String code = ok(sam, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Sam")
                .out().strip();
        // An invite admits one person: Kim gets one of her own.
        String kimCode = ok(sam, "members", "Groceries", "--invite").out().strip();
        for (Path p : List.of(alex, kim)) {
            String invite = p == alex ? code : kimCode;
            String fp = ok(p, "join", invite, "--as", p.getFileName().toString()).out().strip();
            ok(sam, "members", "Groceries", "--admit", fp);
            ok(p, "join", invite);
        }

        ok(sam, "unshare", "Groceries", "--member", "kim");
        ok(sam, "add", "cake", "--list", "Groceries");
        Files.createDirectories(tmp.resolve("sam-remote"));
        assertEquals(0, sync(sam, "sam-remote").code());
        Result again = ok(alex, "join", code);
        assertTrue(again.out().contains("Joined “Groceries”"), again.out());
        assertEquals(List.of("cake", "milk"), titles(alex, "Groceries"));
        Result kimJoins = CliRun.run(kim, "join", kimCode);
        assertEquals(1, kimJoins.code(), kimJoins.err());
        assertTrue(kimJoins.err().contains("no new key was sealed to you"), kimJoins.err());
        assertEquals(List.of("milk"), titles(kim, "Groceries"));
    }

    /**
     * A removed member's sync says who removed them from which list, by name (not the list's id, not
     * "the passphrase"), and the list can be kept as a private list, which then syncs quietly.
     */
    @Test
    void sync_removedMember_toldByWhomAndKeepsTheListPrivately() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path sam = tmp.resolve("sam");
        Path alex = tmp.resolve("alex");
        ok(sam, "add", "milk", "--list", "Family");
        String code = ok(sam, "share", "Family", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Sam")
                .out().strip();
        String fp = ok(alex, "join", code, "--as", "Alex").out().strip();
        ok(sam, "members", "Family", "--admit", fp);
        ok(alex, "join", code);
        ok(alex, "add", "cake", "--list", "Family");
        ok(alex, "sync");

        ok(sam, "unshare", "Family", "--member", "Alex");
        Result told = CliRun.run(alex, "sync");
        assertEquals(3, told.code(), told.err());
        assertTrue(told.err().contains("Sam removed you from “Family”"), told.err());
        String listId = Spaces.listOf(code);
        assertFalse(told.err().contains(listId), "the list is named, not its id: " + told.err());
        assertFalse(told.err().toLowerCase(Locale.ROOT).contains("passphrase"), told.err());

        Result kept = ok(alex, "unshare", "Family", "--keep");
        assertTrue(kept.out().contains("private"), kept.out());
        assertEquals(List.of("cake", "milk"), titles(alex, "Family"));
        Files.createDirectories(tmp.resolve("alex-remote"));
        Result quiet = sync(alex, "alex-remote");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals(List.of("cake", "milk"), titles(alex, "Family"));
    }

    @Test
    void join_inviteNamesAListTheJoinerHas_refusedUnlessTheySayTheySharedItThemselves() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Path alice = tmp.resolve("alice");
        Path bob = tmp.resolve("bob");
        ok(alice, "add", "milk", "--list", "Groceries");
        String code = ok(alice, "share", "Groceries", "--remote", "folder:" + tmp.resolve("shared"), "--as", "Alice")
                .out().strip();
        // Bob holds a list under the same id (his own other device shared it, or the invite was changed).
        String listId = Spaces.listOf(code);
        ok(bob, "add", "x");
        try (Db db = Db.open(bob.resolve(Device.DB_FILE))) {
            db.save(new TodoList(listId, "Diary", null, null));
        }

        Result refused = CliRun.run(bob, "join", code, "--as", "Bob");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("a list you already have"), refused.err());
        assertTrue(ok(alice, "members", "Groceries").out().lines().noneMatch(l -> l.contains("asks to join")));

        String fp = ok(bob, "join", code, "--as", "Bob", "--into-existing").out().strip();
        ok(alice, "members", "Groceries", "--admit", fp);
        ok(bob, "join", code);
        // Bob said the list is his: one list on both sides, its newest name winning as for any edit.
        assertEquals(List.of("milk"), titles(bob, "Diary"));
        ok(alice, "sync");
        assertEquals(List.of("milk"), titles(alice, "Diary"));
    }

    @Test
    void members_repair_junkInTheLogIsDeletedAndSyncsStopNamingIt() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path alice = tmp.resolve("alice");
        ok(alice, "add", "milk", "--list", "Groceries");
        ok(alice, "share", "Groceries", "--remote", "folder:" + shared, "--as", "Alice");
        Path log = Files.list(shared.resolve("members")).sorted().reduce((a, b) -> b).orElseThrow();
        long next = Long.parseLong(log.getFileName().toString()) + 1;
        Files.write(log.resolveSibling(String.format("%012d", next)), new byte[] {1, 2, 3});

        Result synced = CliRun.run(alice, "sync");
        assertTrue(synced.err().contains("set aside"), synced.err());
        Result repaired = ok(alice, "members", "Groceries", "--repair");
        assertTrue(repaired.out().contains("deleted junk"), repaired.out());
        Result again = ok(alice, "sync");
        assertFalse(again.err().contains("set aside"), again.err());
    }
}
