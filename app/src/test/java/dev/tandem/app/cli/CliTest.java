package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.HistoryUpkeep;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class CliTest {
    @TempDir
    Path tmp;

    private Result run(Path dataDir, String... args) {
        return CliRun.withStdin("", dataDir, args);
    }

    private Result runWithStdin(String stdin, Path dataDir, String... args) {
        return CliRun.withStdin(stdin, dataDir, args);
    }

    @Test
    void add_whileTheAppHasTheProfileOpen_showsInTheAppsList() throws Exception {
        Path d = tmp.resolve("a");
        Files.createDirectories(d);
        try (Db db = Db.open(d.resolve(Device.DB_FILE));
             TodoStore store = new TodoStore(db, Clock.systemUTC())) {
            BlockingQueue<List<Item>> inbox =
                    new LinkedBlockingQueue<>();
            store.subscribe(Listing.inbox(), store.today(), inbox::add, Runnable::run);
            assertEquals(List.of(), inbox.poll(5, TimeUnit.SECONDS));
            Result add = run(d, "add", "From", "the", "terminal");
            assertEquals(0, add.code(), add.err());
            List<Item> now = inbox.poll(5, TimeUnit.SECONDS);
            assertTrue(now != null && now.size() == 1 && now.get(0).title().equals("From the terminal"),
                    "the open app must show the CLI's todo: " + now);
        }
    }

    @Test
    void add_thenList_showsTitleDueAndList() {
        Path d = tmp.resolve("a");
        Result add = run(d, "add", "Buy", "milk", "--list", "Groceries", "--due", "2030-01-02");
        assertEquals(0, add.code(), add.err());
        String id = add.out().strip();
        assertEquals(36, id.length());
        Result list = run(d, "list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("[ ] Buy milk  (due 2030-01-02)  #Groceries"), list.out());
        assertTrue(list.out().startsWith(id.substring(28)));
    }

    @Test
    void list_settingsFileDamaged_saysWhichFileAndKeepsItAndTheTodos() throws Exception {
        Path d = tmp.resolve("a");
        assertEquals(0, run(d, "add", "Buy", "milk").code());
        Path settings = d.resolve(SettingsStore.SETTINGS_FILE);
        String damaged = "ui.theme=dark\nbroken=\\u12\n";
        Files.writeString(settings, damaged);
        Result list = run(d, "list");
        assertEquals(1, list.code(), list.err());
        assertTrue(list.err().contains(settings.toString()), "the message names the file: " + list.err());
        assertFalse(list.err().contains("tandem help"), "a damaged file is no usage error: " + list.err());
        assertEquals(damaged, Files.readString(settings));
        Files.writeString(settings, "ui.theme=dark\n");
        Result again = run(d, "list");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Buy milk"), again.out());
    }

    @Test
    void list_json_isMachineReadable() {
        Path d = tmp.resolve("a");
        run(d, "add", "Say \"hi\"");
        Result r = run(d, "list", "--json");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("[{\"id\":"), r.out());
        assertTrue(r.out().contains("\"title\":\"Say \\\"hi\\\"\""), r.out());
        assertTrue(r.out().contains("\"done\":false"));
    }

    @Test
    void done_byShortId_marksDoneAndHidesFromList() {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Task").out().strip();
        Result done = run(d, "done", id.substring(id.length() - 6));
        assertEquals(0, done.code(), done.err());
        assertTrue(run(d, "list").out().isEmpty());
        assertTrue(run(d, "list", "--all").out().contains("[x] Task"));
    }

    @Test
    void edit_titleNotesAndDue_changesThem() {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Draft").out().strip();
        Result r = run(d, "edit", id, "--title", "Final", "--notes", "two\nlines", "--due", "2031-05-06");
        assertEquals(0, r.code(), r.err());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Final\""));
        assertTrue(json.contains("\"notes\":\"two\\nlines\""));
        assertTrue(json.contains("\"due\":\"2031-05-06\""));
        assertEquals(0, run(d, "edit", id, "--due", "none").code());
        assertTrue(run(d, "list", "--json").out().contains("\"due\":null"));
    }

    @Test
    void rm_movesToTrash() {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Junk").out().strip();
        Result r = run(d, "rm", id);
        assertEquals(0, r.code());
        assertTrue(r.err().contains("Moved to Trash: Junk"));
        assertTrue(run(d, "list", "--all").out().isEmpty());
    }

    @Test
    void unknownId_exitsOne() {
        Path d = tmp.resolve("a");
        Result r = run(d, "done", "zzzzzzzz");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no item with id zzzzzzzz"));
    }

    @Test
    void usageErrors_exitTwo() {
        Path d = tmp.resolve("a");
        assertEquals(2, run(d, "add").code());
        assertEquals(2, run(d, "list", "--bogus").code());
        assertEquals(2, run(d, "add", "x", "--due", "someday").code());
        assertEquals(2, run(d, "edit", "abcd").code());
        assertEquals(2, run(d, "frobnicate").code());
        Result r = run(d, "sync");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no remote set up"), r.err());
        assertEquals(2, run(d, "sync", "--remote", "ftp://x").code());
        assertEquals(2, run(d, "sync", "--remote", "s3://bucket").code(), "no keys in the environment");
    }

    @Test
    void help_printsUsage() {
        Result r = run(null, "help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: tandem"));
    }

    @Test
    void sync_folderRemote_carriesTodosBetweenDataDirs() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String remote = "folder:" + tmp.resolve("remote");
        run(a, "add", "From A");
        Result sa = run(a, "sync", "--remote", remote);
        assertEquals(0, sa.code(), sa.err());
        assertTrue(sa.out().contains("pushed"), sa.out());
        Result sb = run(b, "sync", "--remote", remote);
        assertEquals(0, sb.code(), sb.err());
        assertTrue(run(b, "list").out().contains("From A"));
        Result c = run(a, "compact", "--remote", remote);
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("Compacted "), c.out());
    }

    @Test
    void compact_keepDays_forgetsOldVersionsSavesTheWindowAndKeepsTheTodo() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        String remote = "folder:" + tmp.resolve("remote");
        String id = run(a, "add", "Draft 0").out().strip();
        for (int i = 1; i <= 6; i++) {
            assertEquals(0, run(a, "edit", id, "--title", "Draft " + i).code());
        }
        assertEquals(0, run(a, "sync", "--remote", remote).code());
        Result c = run(a, "compact", "--remote", remote, "--keep-days", "0");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("History: kept 0 days and the last 3 versions of every field; forgot 3 older changes"),
                c.out());
        assertEquals("0", new SettingsStore(a).get(HistoryUpkeep.KEEP_DAYS, null));
        assertTrue(run(a, "list").out().contains("Draft 6"));
        Result bad = run(a, "compact", "--remote", remote, "--keep-days", "a year");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--keep-days takes a number of days"), bad.err());
    }

    @Test
    void sync_missingFolder_failsWithExitOneAndHint() {
        Result r = run(tmp.resolve("a"), "sync", "--remote", "folder:" + tmp.resolve("nope"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("The sync folder is not there."), r.err());
        assertTrue(r.err().contains("connect the drive or mount the share"), r.err());
        assertFalse(Files.exists(tmp.resolve("nope")), "no folder is made");
    }

    @Test
    void conflicts_none_saysSo() {
        Result r = run(tmp.resolve("a"), "conflicts");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("No conflicts."));
        assertEquals("[]", run(tmp.resolve("a"), "conflicts", "--json").out().strip());
    }

    /** The stored item, read straight from the profile's database. */
    private static Item stored(Path dataDir, String id) {
        try (Db db = Db.open(dataDir.resolve(Device.DB_FILE));
             TodoStore store = new TodoStore(db, Clock.systemUTC())) {
            return store.get(id).orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code n} characters: several lines, with text outside ASCII (2, 3 and 4 bytes in UTF-8). */
    private static String longNotes(int n) {
        StringBuilder b = new StringBuilder(n);
        String pattern = "Zeile ä — € 😀\n";
        while (b.length() < n) {
            b.append(pattern);
        }
        b.setLength(n);
        if (Character.isHighSurrogate(b.charAt(n - 1))) {
            b.setCharAt(n - 1, 'x');
        }
        return b.toString();
    }

    @Test
    void add_notesFileOfAMillionCharacters_storesItExactly() throws Exception {
        Path d = tmp.resolve("a");
        String notes = longNotes(1_000_000);
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, notes, StandardCharsets.UTF_8);
        Result r = run(d, "add", "Read the book", "--notes-file", file.toString());
        assertEquals(0, r.code(), r.err());
        Item it = stored(d, r.out().strip());
        assertEquals(1_000_000, it.notes().length());
        assertEquals(notes, it.notes());
        assertEquals("Read the book", it.title());
    }

    @Test
    void edit_notesFile_replacesTheNotes() throws Exception {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Draft").out().strip();
        Path file = tmp.resolve("n.md");
        Files.writeString(file, "# Plan\n\n- one\n- twö\n", StandardCharsets.UTF_8);
        Result r = run(d, "edit", id, "--notes-file", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("# Plan\n\n- one\n- twö\n", stored(d, id).notes());
    }

    @Test
    void add_notesFileOverTheLimit_isRefusedWithTheLimitsMessageAndAddsNothing() throws Exception {
        Path d = tmp.resolve("a");
        Path file = tmp.resolve("big.txt");
        Files.writeString(file, "x".repeat(1_000_001), StandardCharsets.UTF_8);
        Result r = run(d, "add", "Too much", "--notes-file", file.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("The notes are 1,000,001 characters long; Tandem takes at most 1,000,000."),
                r.err());
        assertEquals("[]", run(d, "list", "--json").out().strip());
    }

    @Test
    void add_notesDash_readsTheNotesFromStdin() {
        Path d = tmp.resolve("a");
        Result r = runWithStdin("from a pipe\nsecond line ✓\n", d, "add", "Piped", "--notes", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals("from a pipe\nsecond line ✓\n", stored(d, r.out().strip()).notes());
    }

    @Test
    void edit_notesDash_readsTheNotesFromStdin() {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Draft").out().strip();
        Result r = runWithStdin("typed into stdin", d, "edit", id, "--notes=-");
        assertEquals(0, r.code(), r.err());
        assertEquals("typed into stdin", stored(d, id).notes());
    }

    @Test
    void addNote_notesDash_readsTheNotesFromStdin() {
        Path d = tmp.resolve("a");
        Result r = runWithStdin("- passport\n- charger", d, "add", "note: Packing list", "--notes", "-");
        assertEquals(0, r.code(), r.err());
        Item it = stored(d, r.out().strip());
        assertTrue(it.isNote());
        assertEquals("- passport\n- charger", it.notes());
    }

    @Test
    void add_notesFileMissing_exitsTwoNamingThePath() {
        Path d = tmp.resolve("a");
        Path missing = tmp.resolve("no-such-notes.txt");
        Result r = run(d, "add", "X", "--notes-file", missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        Result e = run(d, "edit", "abcd", "--notes-file", missing.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains(missing.toString()), e.err());
    }

    @Test
    void add_notesFileNotUtf8_exitsTwo() throws Exception {
        Path d = tmp.resolve("a");
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Result r = run(d, "add", "X", "--notes-file", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(file + ": not UTF-8 text"), r.err());
    }

    @Test
    void add_notesAndNotesFile_exitsTwo() throws Exception {
        Path d = tmp.resolve("a");
        Path file = tmp.resolve("n.txt");
        Files.writeString(file, "n");
        Result r = run(d, "add", "X", "--notes", "inline", "--notes-file", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--notes or --notes-file, not both"), r.err());
        assertEquals(2, run(d, "edit", "abcd", "--notes", "-", "--notes-file", file.toString()).code());
        assertEquals("[]", run(d, "list", "--json").out().strip());
    }

    @Test
    void add_tagsWithASpace_storesOneDashedTagLikeQuickAdd() {
        Path d = tmp.resolve("a");
        Result r = run(d, "add", "Plan", "--tags", "two words, Home");
        assertEquals(0, r.code(), r.err());
        Result quick = run(d, "add", "Quick @two-words");
        assertEquals(0, quick.code(), quick.err());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"tags\":[\"home\",\"two-words\"]"), json);
        assertTrue(json.contains("\"title\":\"Quick\""), json);
        assertEquals(2, json.split("\"two-words\"", -1).length - 1, json);
    }

    @Test
    void edit_tagsWithASpace_storesOneDashedTag() {
        Path d = tmp.resolve("a");
        String id = run(d, "add", "Plan", "--tags", "old").out().strip();
        Result r = run(d, "edit", id, "--tags", "two words");
        assertEquals(0, r.code(), r.err());
        assertTrue(run(d, "list", "--json").out().contains("\"tags\":[\"two-words\"]"));
        assertTrue(run(d, "list", "--tag", "two words").out().contains("Plan"));
    }

    /** A catch-up from a large snapshot takes seconds: the command says why it is quiet, a small one does not. */
    @Test
    void sync_newDeviceFromLargeSnapshot_saysItCatchesUpOnce() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        String spec = "folder:" + remote;
        StringBuilder csv = new StringBuilder("TYPE,CONTENT\n");
        for (int i = 0; i < SyncCommands.CATCH_UP_NOTICE_CHANGES; i++) {
            csv.append("task,Todo ").append(i).append('\n');
        }
        Path a = tmp.resolve("a");
        assertEquals(0, run(a, "import", Files.writeString(tmp.resolve("many.csv"), csv).toString()).code());
        Result first = run(a, "sync", "--remote", spec);
        assertEquals(0, first.code(), first.err());
        assertTrue(!first.err().contains("catching up"), "a first push reads no snapshot: " + first.err());
        Result compact = run(a, "compact", "--remote", spec);
        assertEquals(0, compact.code(), compact.err());
        Result fresh = run(tmp.resolve("b"), "sync", "--remote", spec);
        assertEquals(0, fresh.code(), fresh.err());
        long notices = fresh.err().lines().filter(l -> l.startsWith("tandem: catching up from the remote's newest"
                + " snapshot (")).count();
        assertEquals(1, notices, fresh.err());
        Result again = run(tmp.resolve("b"), "sync", "--remote", spec);
        assertTrue(!again.err().contains("catching up"), again.err());
    }
}
