package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attach, attachments and detach on real profiles, real files and a real folder remote. */
@Tag("unit")
class AttachmentCommandsTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock(ZoneOffset.UTC);

    private Result run(Path profile, String... args) {
        Result r = CliRun.run(Map.of(), clock, profile, args);
        clock.advance(Duration.ofMinutes(1));
        return r;
    }

    private Result ok(Path profile, String... args) {
        Result r = run(profile, args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed: " + r.err());
        return r;
    }

    private Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "files");
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void attach_twoFiles_printsTheirIdsAndAttachmentsListsThemHere() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Tax return").out().strip();
        Path pdf = file("receipt.pdf", bytes(2500, 1));
        Path png = file("scan.png", bytes(800, 2));

        Result attached = ok(a, "attach", id, pdf.toString(), png.toString());

        List<String> ids = attached.out().lines().toList();
        assertEquals(2, ids.size(), attached.out());
        String list = ok(a, "attachments", id).out();
        assertTrue(list.contains(TodoCommands.shortId(ids.get(0)) + "  receipt.pdf  application/pdf  3 KB  here"), list);
        assertTrue(list.contains("scan.png  image/png  1 KB  here"), list);
        String json = ok(a, "attachments", id, "--json").out();
        assertTrue(json.contains("\"name\":\"receipt.pdf\"") && json.contains("\"size\":2500") && json.contains("\"here\":true"),
                json);
    }

    @Test
    void attach_insert_appendsEachFilesMarkdownToTheNotes() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Trip", "--notes", "Packing list").out().strip();
        Path png = file("map.png", bytes(100, 3));
        Path pdf = file("tickets.pdf", bytes(100, 4));

        List<String> ids = ok(a, "attach", id, png.toString(), pdf.toString(), "--insert").out().lines().toList();

        String json = ok(a, "list", "--json").out();
        assertTrue(json.contains("Packing list\\n\\n![map.png](attachment:" + ids.get(0) + ")\\n[tickets.pdf](attachment:"
                + ids.get(1) + ")"), json);
    }

    @Test
    void attach_fileOverTheLimit_failsNamingTheLimitAndAttachesNothing() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Video").out().strip();
        Path small = file("small.txt", "hi".getBytes(StandardCharsets.UTF_8));
        Path big = tmp.resolve("big.mov");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(AttachmentStore.DEFAULT_LIMIT + 50_000_000); // sparse: refused by its size before a byte is read
        }

        Result r = run(a, "attach", id, small.toString(), big.toString());

        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("big.mov is 150.0 MB, larger than the limit of 100.0 MB for one file; nothing was"
                + " attached"), r.err());
        assertEquals("", r.out());
        assertTrue(ok(a, "attachments", id).err().contains("No attachments"));
    }

    @Test
    void attachmentsSave_clashingNames_writesEachUnderItsOwnNameAndNeverOverAFileThere() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Scans").out().strip();
        byte[] first = bytes(3000, 5);
        byte[] second = bytes(4000, 6);
        ok(a, "attach", id, file("scan.pdf", first).toString());
        ok(a, "attach", id, file("scan.pdf", second).toString());
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("scan.pdf"), "mine");

        Result r = ok(a, "attachments", id, "--save", target.toString());

        assertEquals("mine", Files.readString(target.resolve("scan.pdf")));
        assertArrayEquals(first, Files.readAllBytes(target.resolve("scan (2).pdf")));
        assertArrayEquals(second, Files.readAllBytes(target.resolve("scan (3).pdf")));
        assertEquals(List.of(target.resolve("scan (2).pdf").toString(), target.resolve("scan (3).pdf").toString()),
                r.out().lines().toList());
    }

    @Test
    void attachmentsSave_fileOnlyOnTheRemote_downloadsItThroughSync() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = ok(a, "add", "Lease").out().strip();
        byte[] content = bytes(300_000, 7);
        ok(a, "attach", id, file("lease.pdf", content).toString());
        ok(a, "sync", "--remote", "folder:" + remote);
        Files.createDirectories(b);
        new SettingsStore(b).saveSync(SyncSettings.folder(remote, 30));
        ok(b, "sync");
        assertTrue(ok(b, "attachments", id).out().contains("lease.pdf  application/pdf  300 KB  on the remote"));

        Result r = ok(b, "attachments", id, "--save", tmp.resolve("out").toString());

        assertArrayEquals(content, Files.readAllBytes(tmp.resolve("out/lease.pdf")));
        assertTrue(r.err().contains("Downloading lease.pdf"), r.err());
        assertTrue(ok(b, "attachments", id).out().contains("  here"));
    }

    @Test
    void attachmentsSave_oneOffRemote_downloadsLikeSyncDoes() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = ok(a, "add", "Lease").out().strip();
        byte[] content = bytes(3000, 7);
        ok(a, "attach", id, file("lease.pdf", content).toString());
        ok(a, "sync", "--remote", "folder:" + remote);
        ok(b, "sync", "--remote", "folder:" + remote);

        Result r = ok(b, "attachments", id, "--save", tmp.resolve("out").toString(), "--remote", "folder:" + remote);

        assertArrayEquals(content, Files.readAllBytes(tmp.resolve("out/lease.pdf")));
        assertTrue(r.err().contains("Downloading lease.pdf"), r.err());
    }

    @Test
    void syncSave_headlessDevice_keepsTheRemoteForPlainSyncAndDownloads() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = ok(a, "add", "Lease").out().strip();
        byte[] content = bytes(3000, 9);
        ok(a, "attach", id, file("lease.pdf", content).toString());
        ok(a, "sync", "--remote", "folder:" + remote);

        Result saved = ok(b, "sync", "--remote", "folder:" + remote, "--save");

        assertTrue(saved.err().contains("Saved"), saved.err());
        assertEquals(SyncSettings.Mode.FOLDER, new SettingsStore(b).loadSync().mode());
        ok(b, "sync");
        ok(b, "attachments", id, "--save", tmp.resolve("out").toString());
        assertArrayEquals(content, Files.readAllBytes(tmp.resolve("out/lease.pdf")));
    }

    @Test
    void syncSave_remoteThatDoesNotWork_savesNothing() throws IOException {
        Path b = tmp.resolve("b");
        Path notAFolderRemote = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(notAFolderRemote.resolve("holiday.jpg"), "not a remote");

        Result r = run(b, "sync", "--remote", "folder:" + notAFolderRemote, "--save");

        assertTrue(r.code() != 0, r.err());
        assertEquals(SyncSettings.Mode.NONE, new SettingsStore(b).loadSync().mode());
    }

    @Test
    void attachmentsSave_fileOnlyOnTheRemoteAndNoRemoteHere_saysSoAndFails() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = ok(a, "add", "Lease").out().strip();
        ok(a, "attach", id, file("lease.pdf", bytes(1000, 8)).toString());
        ok(a, "attach", id, file("notes.txt", bytes(10, 9)).toString());
        ok(a, "sync", "--remote", "folder:" + remote);
        ok(b, "sync", "--remote", "folder:" + remote);
        // b has the first file itself: attached again there, it is the same blob
        ok(b, "attach", id, file("lease.pdf", bytes(1000, 8)).toString());

        Result r = run(b, "attachments", id, "--save", tmp.resolve("out").toString());

        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("could not save notes.txt: only on the remote, and no remote is set up here"), r.err());
        assertTrue(Files.exists(tmp.resolve("out/lease.pdf")));
        assertFalse(Files.exists(tmp.resolve("out/notes.txt")));
    }

    @Test
    void detach_thenHistory_olderVersionStillListsTheFile() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Visa").out().strip();
        ok(a, "edit", id, "--notes", "Apply by May");
        String fileId = ok(a, "attach", id, file("photo.png", bytes(1500, 10)).toString()).out().strip();
        ok(a, "edit", id, "--title", "Visa for Japan");
        Result gone = ok(a, "detach", fileId.substring(fileId.length() - 8));
        assertTrue(gone.err().contains("Removed photo.png from “Visa for Japan”"), gone.err());
        assertTrue(ok(a, "attachments", id).err().contains("No attachments"));

        List<String> history = ok(a, "history", id).out().lines().toList();

        assertEquals(5, history.size(), String.join("\n", history));
        assertTrue(history.get(0).contains("Created"), history.get(0));
        assertTrue(history.get(1).contains("Changed notes"), history.get(1));
        assertEquals("     files: photo.png (2 KB)", history.get(2));
        assertTrue(history.get(3).contains("Changed title"), history.get(3));
        assertEquals("     files: none", history.get(4));
    }

    @Test
    void detach_unknownId_failsAndRemovesNothing() throws IOException {
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Keep").out().strip();
        ok(a, "attach", id, file("a.txt", bytes(5, 11)).toString());

        Result r = run(a, "detach", "zzzzzzzz");

        assertEquals(1, r.code());
        assertTrue(r.err().contains("no attachment with id zzzzzzzz"), r.err());
        try (Stream<String> lines = ok(a, "attachments", id).out().lines()) {
            assertEquals(1, lines.count());
        }
    }

    @Test
    void syncAttachments_filesOnlyOnTheRemote_downloadsEachOnceAndKeepAllDoesItUnasked() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        String lease = ok(a, "add", "Lease").out().strip();
        String copy = ok(a, "add", "Copy of the lease").out().strip();
        byte[] pdf = bytes(300_000, 11);
        ok(a, "attach", lease, file("lease.pdf", pdf).toString(), file("plan.png", bytes(2_000_000, 12)).toString());
        ok(a, "attach", copy, file("lease.pdf", pdf).toString());
        ok(a, "sync", "--remote", "folder:" + remote);

        Path b = tmp.resolve("b");
        ok(b, "sync", "--remote", "folder:" + remote);
        assertTrue(ok(b, "attachments", lease).out().contains("on the remote"), "a plain sync downloads nothing");
        Result r = ok(b, "sync", "--remote", "folder:" + remote, "--attachments");

        assertTrue(r.err().contains("Downloaded 2 of 2 attached files not here yet."), r.err());
        assertEquals(2, ok(b, "attachments", lease).out().lines().filter(l -> l.endsWith("  here")).count());
        assertTrue(ok(b, "attachments", copy).out().endsWith("  here\n"), "one file under two todos, downloaded once");
        ok(b, "attachments", lease, "--save", tmp.resolve("out").toString());
        assertArrayEquals(pdf, Files.readAllBytes(tmp.resolve("out/lease.pdf")));
        assertFalse(ok(b, "sync", "--remote", "folder:" + remote, "--attachments").err().contains("Downloaded"),
                "nothing left to download");

        Path c = tmp.resolve("c");
        Files.createDirectories(c);
        AttachmentSettings.load(new SettingsStore(c)).withKeepAll(true).save(new SettingsStore(c));
        Result kept = ok(c, "sync", "--remote", "folder:" + remote);
        assertTrue(kept.err().contains("Downloaded 2 of 2"), "\"Keep attachments on this device\" downloads: " + kept.err());
    }

    @Test
    void syncAttachments_aDamagedFileOnTheRemote_syncsTheRestNamesItAndExitsOne() throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        String id = ok(a, "add", "Lease").out().strip();
        ok(a, "attach", id, file("lease.pdf", bytes(5000, 13)).toString());
        ok(a, "sync", "--remote", "folder:" + remote);
        try (Stream<Path> objects = Files.walk(remote.resolve("blobs/data"))) {
            for (Path p : objects.filter(Files::isRegularFile).toList()) {
                Files.write(p, bytes(5000, 14));
            }
        }

        Path b = tmp.resolve("b");
        Result r = run(b, "sync", "--remote", "folder:" + remote, "--attachments");

        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("tandem: lease.pdf: "), r.err());
        assertTrue(r.err().contains("Downloaded 0 of 1"), r.err());
        assertTrue(ok(b, "list").out().contains("Lease"), "the todos synced all the same");
        assertTrue(ok(b, "attachments", id).out().contains("on the remote"), "nothing damaged was kept");
    }
}
