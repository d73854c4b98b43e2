package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.backup.BackupName;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Db;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a profile in use, killed ones, and the backup commands, with real processes and files. */
@Tag("process")
class BackupCliTest {
    @TempDir
    Path dir;

    /**
     * This JVM saves continuously, as the app does (an item and its tag in each transaction), while
     * `tandem sync` processes sync the same profile to a folder remote; each backup taken meanwhile
     * holds every commit up to one and no part of a later one.
     */
    @Test
    void backup_whileTheAppWritesAndACliSyncs_holdsEveryCommitUpToOne() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("p"));
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Path folder = dir.resolve("backups");
        List<Path> taken = new ArrayList<>();
        try (TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).build(), Clock.systemUTC())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger committed = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    int k = n;
                    store.writeAll(tx -> {
                        tx.save(new Item("w-" + k, null, "todo " + k, "notes " + k, null, 0L, null, null, (long) k));
                        tx.save(new ItemTag("t-" + k, "w-" + k, "tag" + k, null));
                        return null;
                    });
                    committed.set(k + 1);
                    try {
                        // Steady rather than flat out: the two cores are shared with the sync processes.
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            Thread syncs = new Thread(() -> {
                try {
                    for (int i = 0; i < 2 && !stop.get(); i++) {
                        SharedProfileTest.Run r = SharedProfileTest.finish(SharedProfileTest.start("--data-dir",
                                profile.toString(), "sync", "--remote", "folder:" + remote));
                        assertEquals(0, r.exit(), r.err());
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            syncs.start();
            BackupService backups = new BackupService(store, profile, new SettingsStore(profile),
                    Clock.systemDefaultZone(), Map.of());
            while ((syncs.isAlive() && taken.size() < 8) || taken.size() < 3) {
                Path to = Files.createDirectories(folder.resolve("round-" + taken.size()));
                taken.add(backups.backupNow(to).file());
                // Spread over the syncs' run, not bunched at its start: a second apart while they run, and
                // back to back (the writer still writing) once they are done, rather than sleeping past their end.
                syncs.join(1000);
            }
            syncs.join();
            stop.set(true);
            writer.join();
            assertTrue(committed.get() > 0);
        }
        for (Path b : taken) {
            Path copy = dir.resolve("check-" + b.getParent().getFileName() + ".db");
            BackupFile f = Backups.unpack(b, null, copy);
            try (Db db = Schema.database(copy).build()) {
                Set<String> items = new HashSet<>();
                db.query(Item.class, "SELECT * FROM items WHERE id LIKE 'w-%'").forEach(i -> {
                    assertEquals("todo " + i.id().substring(2), i.title(), "a torn item");
                    assertEquals("notes " + i.id().substring(2), i.notes(), "a torn item");
                    items.add(i.id().substring(2));
                });
                Set<String> tags = new HashSet<>();
                db.query(ItemTag.class, "SELECT * FROM item_tags").forEach(t -> tags.add(t.id().substring(2)));
                assertEquals(items, tags, "a commit copied in part");
                Set<String> first = new HashSet<>();
                for (int k = 0; k < items.size(); k++) {
                    first.add(Integer.toString(k));
                }
                assertEquals(first, items, "the commits copied are not the first " + items.size());
                assertEquals(f.rows("items"), items.size());
            }
        }
    }

    /**
     * A process that backs up in a loop is killed with -9 at arbitrary moments, several times: the
     * backups it finished are intact, and a half-written one is left only as a .partial file, which
     * is neither listed nor counted, and which the next backup clears once it is old.
     */
    @Test
    void kill9_duringBackups_leavesFinishedBackupsIntactAndNoPartialCounted() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("p"));
        Path folder = Files.createDirectories(dir.resolve("backups"));
        try (TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).build(), Clock.systemUTC())) {
            String notes = "n".repeat(400);
            store.writeAll(tx -> {
                for (int i = 0; i < 20_000; i++) {
                    tx.save(new Item("i-" + i, null, "todo " + i, notes, null, 0L, null, null, (long) i));
                }
                return null;
            });
        }
        Random random = new Random(7);
        Map<Path, Long> finished = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            Process child = child(profile, folder);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < 2; i++) {
                    String line = lines.readLine();
                    assertTrue(line != null && line.startsWith("backed up "), "the child backs up: " + line);
                    Path file = Path.of(line.substring("backed up ".length()));
                    try {
                        finished.put(file, Files.size(file));
                    } catch (NoSuchFileException e) {
                        // pruned already by the child's next backup (the newest of a day is kept)
                    }
                }
                // Killed at a random moment of its next backup: the attack is the timing.
                Thread.sleep(random.nextInt(600));
                SharedProfileTest.kill9(child);
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
        }
        try (TodoStore store = TodoStore.open(Schema.database(profile.resolve("tandem.db")), Clock.systemUTC(),
                ZoneId.systemDefault())) {
            BackupService backups = new BackupService(store, profile, new SettingsStore(profile),
                    Clock.systemDefaultZone(), Map.of());
            List<BackupService.Entry> listed = backups.list(folder);
            assertFalse(listed.isEmpty(), "no backup survived");
            for (BackupService.Entry e : listed) {
                assertFalse(e.file().getFileName().toString().endsWith(BackupName.PARTIAL));
                BackupFile f = Backups.unpack(e.file(), null, dir.resolve("check-" + e.file().getFileName() + ".db"));
                assertEquals(20_000, f.rows("items"), e.file() + " is not whole");
            }
            for (Map.Entry<Path, Long> f : finished.entrySet()) {
                if (Files.exists(f.getKey())) {
                    assertEquals(f.getValue(), Files.size(f.getKey()), f.getKey() + " changed after it was finished");
                }
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    assertTrue(name.endsWith(BackupName.PARTIAL) || listed.stream().anyMatch(e -> e.file().equals(f)),
                            "an unlisted file that is no .partial: " + name);
                }
            }
        }
    }

    @Test
    void backupThenRestore_encryptedProfile_roundTripsAndRefusesAWrongPassphrase() throws Exception {
        Path profile = dir.resolve("p");
        Path folder = dir.resolve("backups");
        Map<String, String> env = new HashMap<>();
        assertEquals(0, cli(env, "--data-dir", profile.toString(), "add", "Water plants").exit());
        // The restore backs the profile up first: into the test's folder, not the user's Documents.
        new SettingsStore(profile).put(BackupService.FOLDER, folder.toString());
        new SettingsStore(profile).saveSync(SyncSettings.folder(dir.resolve("remote"), 60).withPassphrase("river stone"));
        CliRun backup = cli(env, "--data-dir", profile.toString(), "backup", "--to", folder.toString());
        assertEquals(0, backup.exit(), backup.err());
        Path file = Path.of(backup.out().split("\t")[0].strip());
        assertTrue(Backups.isEncrypted(file), "encrypted with the remote's passphrase");
        assertTrue(backup.out().strip().endsWith("KB") || backup.out().strip().endsWith("MB"), backup.out());

        CliRun listed = cli(env, "--data-dir", profile.toString(), "backups");
        assertEquals(0, listed.exit(), listed.err());

        assertEquals(0, cli(env, "--data-dir", profile.toString(), "edit", shortId(profile), "--title", "Oops").exit());
        CliRun dry = cli(env, "--data-dir", profile.toString(), "restore", file.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().startsWith("1 item changed, 0 brought back, 0 unchanged"), dry.out());
        assertTrue(cli(env, "--data-dir", profile.toString(), "list").out().contains("Oops"), "a dry run changes nothing");

        Map<String, String> wrong = Map.of("TANDEM_PASSPHRASE", "not it");
        CliRun refused = cli(wrong, "--data-dir", profile.toString(), "restore", file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("passphrase does not open") && refused.err().contains("Nothing was changed"),
                refused.err());

        CliRun restored = cli(env, "--data-dir", profile.toString(), "restore", file.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(cli(env, "--data-dir", profile.toString(), "list").out().contains("Water plants"));
        assertTrue(restored.err().contains("as it was before is in"), restored.err());

        Path fresh = dir.resolve("fresh");
        CliRun intoNew = cli(env, "--data-dir", profile.toString(), "restore", file.toString(), "--into-new", fresh.toString());
        assertEquals(0, intoNew.exit(), intoNew.err());
        CliRun freshList = cli(Map.of(), "--data-dir", fresh.toString(), "list");
        assertTrue(freshList.out().contains("Water plants"), freshList.out());
    }

    private static String shortId(Path profile) {
        try (Db db = Schema.database(profile.resolve("tandem.db")).build()) {
            return db.query(Item.class, "SELECT * FROM items").get(0).id();
        }
    }

    record CliRun(int exit, String out, String err) {
    }

    private static CliRun cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env).run(List.of(args));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Process child(Path profile, Path folder) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), BackupLoopChild.class.getName(),
                profile.toString(), folder.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
