package dev.tandem.app.cli;

import dev.tandem.app.DataDirs;
import dev.tandem.app.Device;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.backup.BackupRestore;
import dev.tandem.app.model.backup.RestoreSummary;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.ui.messages.Messages;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tandem backup [--to DIR]}, {@code tandem backups} and
 * {@code tandem restore PATH [--dry-run] [--into-new DIR]}. Backups are the app's
 * ({@link BackupService}): the same folder, names and pruning. A restore's passphrase comes from
 * {@code TANDEM_PASSPHRASE}, else the profile's saved sync settings, else the terminal; never
 * from an argument, which other users can read in the process list.
 */
final class BackupCommands {
    static final String PASSPHRASE = "TANDEM_PASSPHRASE";
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    BackupCommands(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    private BackupService service(TodoStore store, Path dir) {
        return new BackupService(store, dir, new SettingsStore(dir), clock.withZone(ZoneId.systemDefault()), env);
    }

    int backup(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.backup.unexpected", a.positional().get(0)));
        }
        BackupService backups = service(store, dir);
        String to = a.options().get("--to");
        Path folder = to == null ? backups.folder() : Path.of(to).toAbsolutePath();
        BackupService.Entry e;
        try {
            e = backups.backupNow(folder);
        } catch (IllegalArgumentException ex) {
            throw new UsageError(Messages.text("cli.backup.usage", ex.getMessage()));
        } catch (BackupException | UncheckedIOException ex) {
            throw new Failure(Messages.text("cli.backup.failed", ex.getMessage()));
        }
        out.println(e.file() + "\t" + size(e.bytes()));
        err.println("tandem: " + Messages.text(Backups.isEncrypted(e.file()) ? "cli.backup.doneEncrypted" : "cli.backup.done",
                e.file().toString()));
        return 0;
    }

    int list(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.backup.listUnexpected", a.positional().get(0)));
        }
        BackupService backups = service(store, dir);
        List<BackupService.Entry> all = backups.list();
        if (all.isEmpty()) {
            err.println("tandem: " + Messages.text("cli.backup.none", backups.folder().toString()));
        }
        for (BackupService.Entry e : all) {
            out.println(e.name().taken().toString().replace('T', ' ') + "\t" + size(e.bytes()) + "\t" + e.file());
        }
        String failure = backups.status().failure();
        if (failure != null) {
            err.println("tandem: " + Messages.text("cli.backup.lastFailed", failure));
        }
        return 0;
    }

    int restore(TodoStore store, Path dir, Args a) {
        Path backup = Path.of(a.one("restore", Messages.text("cli.backup.what"))).toAbsolutePath();
        if (!Files.isRegularFile(backup)) {
            throw new Failure(Messages.text("cli.restore.noSuchFile", backup.toString()));
        }
        BackupService backups = service(store, dir);
        char[] passphrase = Backups.isEncrypted(backup) ? passphrase(backups) : null;
        try {
            String into = a.options().get("--into-new");
            if (into != null) {
                return intoNew(backup, passphrase, Path.of(into).toAbsolutePath(), a.flags().contains("--dry-run"));
            }
            BackupRestore restore = BackupRestore.read(backup, passphrase, dir);
            RestoreSummary summary = restore.summary(store);
            summary.describe().forEach(out::println);
            if (a.flags().contains("--dry-run")) {
                err.println("tandem: " + Messages.text("cli.restore.dryRun"));
                return 0;
            }
            if (summary.nothingToDo()) {
                err.println("tandem: " + Messages.text("cli.restore.nothing"));
                return 0;
            }
            // The profile as it is now, first: the way back from a restore that was a mistake.
            BackupService.Entry before = backups.backupBeforeRestore();
            restore.apply(store);
            err.println("tandem: " + Messages.text("cli.restore.done", backup.getFileName().toString(),
                    before.file().toString()));
            return 0;
        } catch (BackupException e) {
            throw new Failure(Messages.text("cli.restore.failed", e.getMessage()));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private int intoNew(Path backup, char[] passphrase, Path newDir, boolean dryRun) {
        try (Stream<Path> files = Files.isDirectory(newDir) ? Files.list(newDir) : Stream.empty()) {
            if (files.findAny().isPresent()) {
                throw new UsageError(Messages.text("cli.restore.notEmpty", newDir.toString()));
            }
        } catch (IOException e) {
            throw new Failure(Messages.text("cli.restore.cannotRead", newDir.toString(), e.getMessage()));
        }
        if (dryRun) {
            err.println("tandem: " + Messages.text("cli.restore.dryRunNew", newDir.toString(),
                    backup.getFileName().toString()));
            return 0;
        }
        BackupFile b;
        try {
            DataDirs.createPrivate(newDir);
            b = BackupService.intoNewProfile(backup, passphrase, newDir, Device.DB_FILE);
        } catch (IOException e) {
            throw new Failure(Messages.text("cli.restore.cannotCreate", newDir.toString(), e.getMessage()));
        }
        out.println(Messages.text("cli.restore.newProfile", newDir.toString(), b.rows("lists"), b.rows("items")));
        err.println("tandem: " + Messages.text("cli.restore.newProfileHint", newDir.toString()));
        return 0;
    }

    private char[] passphrase(BackupService backups) {
        String fromEnv = env.get(PASSPHRASE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] saved = backups.passphrase();
        if (saved != null) {
            return saved;
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageError(Messages.text("cli.restore.encrypted"));
        }
        char[] typed = console.readPassword("%s", Messages.text("cli.restore.prompt"));
        if (typed == null || typed.length == 0) {
            throw new UsageError(Messages.text("cli.restore.noPassphrase"));
        }
        return typed;
    }

    /** "12.3 MB", "840 KB". */
    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, (bytes + 999) / 1000));
    }
}
