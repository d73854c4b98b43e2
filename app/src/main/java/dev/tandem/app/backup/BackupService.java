package dev.tandem.app.backup;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.backup.BackupFiles;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.Listeners;
import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The profile's backups: writing one now, listing and pruning them, and a daily backup while the
 * app runs. A backup is written as {@code NAME.partial} in the folder, checked and fsynced by the
 * engine ({@link dev.tandem.app.model.Replica#backups()}), encrypted with the remote's passphrase when
 * the profile has one, then renamed to its dated name in one step, so a crash at any moment leaves either a whole,
 * checked backup or a {@code .partial} file that never counts as one (and is removed by a later
 * backup). A plain backup's attached files are copied into the folder's {@code tandem-attachments/}
 * first ({@link BackupAttachments}). Pruning keeps what {@link Retention} promises and deletes only this
 * profile's complete backups. Thread-safe; one backup at a time per profile and process. Listeners hear every change of
 * {@link #status()} on the thread that made it.
 */
public final class BackupService implements AutoCloseable {
    public static final String ENABLED = "backup.enabled";
    public static final String FOLDER = "backup.folder";
    static final String FAILURE = "backup.failure";
    static final String FAILED_AT = "backup.failedAt";
    /** How old the newest backup may get before the next is due. */
    public static final Duration INTERVAL = Duration.ofDays(1);
    /** How often the running app looks whether one is due (and retries after a failure). */
    static final Duration CHECK_EVERY = Duration.ofHours(1);
    private static final Duration STALE_PARTIAL = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger("tandem");

    /** A backup in the folder. */
    public record Entry(Path file, BackupName name, long bytes) {
    }

    private final TodoStore store;
    private final Path dataDir;
    private final SettingsStore settings;
    private final Clock clock;
    private final Map<String, String> env;
    private final String profile;
    private final Listeners<BackupStatus> listeners = new Listeners<>(LOG, "a backup status listener failed");
    private final Object writing = new Object();
    private volatile boolean running;
    private ScheduledExecutorService scheduler;

    /** {@code clock}: its zone is the one backup names are in (the system's, in the app). */
    public BackupService(TodoStore store, Path dataDir, SettingsStore settings, Clock clock, Map<String, String> env) {
        this.store = store;
        this.dataDir = dataDir;
        this.settings = settings;
        this.clock = clock;
        this.env = env;
        this.profile = BackupName.profileOf(dataDir);
    }

    public boolean enabled() {
        return Boolean.parseBoolean(settings.get(ENABLED, "true"));
    }

    public void setEnabled(boolean on) {
        settings.put(ENABLED, Boolean.toString(on));
        changed();
    }

    /** The folder set in Settings, else the platform's default ({@link BackupFolder}). */
    public Path folder() {
        String set = settings.get(FOLDER, "");
        return set.isBlank() ? BackupFolder.platformDefault(System.getProperty("os.name", ""), env,
                System.getProperty("user.home")) : Path.of(set);
    }

    /**
     * Sends later backups to {@code folder}; earlier ones stay where they are.
     *
     * @throws IllegalArgumentException for a folder inside the data dir
     */
    public void setFolder(Path folder) {
        settings.put(FOLDER, BackupFolder.check(folder, dataDir).toString());
        changed();
    }

    /** This profile's complete backups in {@code folder}, newest first; other files are not listed. */
    public List<Entry> list(Path folder) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Optional<BackupName> n = BackupName.parse(f.getFileName().toString());
                if (n.isPresent() && n.get().profile().equals(profile) && Files.isRegularFile(f)) {
                    try {
                        out.add(new Entry(f, n.get(), Files.size(f)));
                    } catch (NoSuchFileException e) {
                        // pruned by another process meanwhile
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.backup.cannotList", folder.toString()), e);
        }
        out.sort(Comparator.comparing(Entry::name, Retention.NEWEST_FIRST));
        return out;
    }

    public List<Entry> list() {
        return list(folder());
    }

    /** Writes a backup to the configured folder now; see {@link #backupNow(Path)}. */
    public Entry backupNow() {
        return backupNow(folder());
    }

    /**
     * Writes a backup a person asked for ("Back up now", {@code tandem backup}) to {@code folder}
     * (created if missing) now, named {@link BackupName#manual}, then prunes the folder, which keeps
     * the backup taken before it ({@link Retention}). A failure is kept in the status until a
     * backup succeeds.
     *
     * @throws dev.tandem.engine.TandemException or {@link UncheckedIOException} saying why; also kept in the status
     * @throws IllegalArgumentException for a folder inside the data dir
     */
    public Entry backupNow(Path folder) {
        return backupNow(folder, true, true);
    }

    /**
     * A backup of the profile as it is, before a restore changes it: the way back from a restore
     * that was a mistake. Nothing is pruned, so the backup being restored (often the day's earlier
     * one) stays too; it is manual, so later pruning keeps the backup before it as well.
     */
    public Entry backupBeforeRestore() {
        return backupNow(folder(), true, false);
    }

    private Entry backupNow(Path folder, boolean manual, boolean prune) {
        BackupFolder.check(folder, dataDir);
        synchronized (writing) {
            running = true;
            changed();
            try {
                Entry e = write(folder, manual);
                settings.put(FAILURE, "");
                settings.put(FAILED_AT, "");
                if (prune) {
                    prune(folder);
                }
                return e;
            } catch (RuntimeException e) {
                settings.put(FAILURE, reason(e));
                settings.put(FAILED_AT, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
                throw e;
            } finally {
                running = false;
                changed();
            }
        }
    }

    private Entry write(Path folder, boolean manual) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.backup.cannotCreateFolder", folder.toString(),
                    e.getMessage()), e);
        }
        removeStalePartials(folder);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        BackupName name = new BackupName(profile, now, 1, manual);
        // One sequence for both kinds, so that of two backups in one minute the later always sorts newer.
        while (taken(folder, name) || taken(folder, new BackupName(profile, now, name.sequence(), !manual))) {
            name = new BackupName(profile, now, name.sequence() + 1, manual);
        }
        Path target = folder.resolve(name.fileName());
        Path partial = folder.resolve(name.fileName() + BackupName.PARTIAL);
        char[] passphrase = passphrase();
        // Bytes first: a backup that lists a file then finds it beside it, but for one attached meanwhile.
        BackupAttachments.copy(store.attachments(), folder, passphrase);
        store.replica().backups().write(partial, passphrase);
        try {
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
            forceFolder(folder);
            return new Entry(target, name, Files.size(target));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new UncheckedIOException(Messages.text("common.backup.cannotName", target.toString(), e.getMessage()), e);
        }
    }

    private static boolean taken(Path folder, BackupName name) {
        return Files.exists(folder.resolve(name.fileName())) || Files.exists(folder.resolve(name.fileName() + BackupName.PARTIAL));
    }

    /**
     * Makes a new profile in {@code newDir} (new or empty) from {@code backup}: its database file
     * {@code dbFile} is built from this version's migrations and gets the backup's rows (none of
     * the file's own triggers, views or indexes), a device id of its own, and no sync settings.
     *
     * @throws IllegalArgumentException when {@code newDir} holds anything already
     * @throws dev.tandem.engine.BackupException for a wrong passphrase or a file cut short or altered
     */
    public static BackupFile intoNewProfile(Path backup, char[] passphrase, Path newDir, String dbFile)
            throws IOException {
        if (Files.isDirectory(newDir)) {
            try (Stream<Path> files = Files.list(newDir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException(Messages.text("common.backup.notEmpty", newDir.toString()));
                }
            }
        }
        Files.createDirectories(newDir);
        // The backup's rows in Tandem's own schema: a trigger or view someone added to the file is not kept.
        BackupFile unpacked = Backups.unpack(backup, passphrase, newDir.resolve(dbFile), Schema::create);
        // The attached files' bytes beside the backup (plain, or sealed under its passphrase) go into the new profile's store.
        try (TodoStore copy = TodoStore.open(Schema.database(newDir.resolve(dbFile)), Clock.systemUTC(),
                ZoneId.systemDefault())) {
            BackupFiles.fill(copy, backup.toAbsolutePath().getParent(), passphrase);
        }
        return unpacked;
    }

    /** The remote's passphrase when the profile syncs encrypted, else null (a plain backup). */
    public char[] passphrase() {
        SyncSettings s = settings.loadSync();
        return s.encrypted() ? s.passphrase().toCharArray() : null;
    }

    /** Deletes this profile's backups in {@code folder} that {@link Retention} does not keep; returns them. */
    public List<Path> prune(Path folder) {
        List<Entry> all = list(folder);
        Set<BackupName> keep = Retention.keep(all.stream().map(Entry::name).toList(), LocalDateTime.now(clock));
        List<Path> deleted = new ArrayList<>();
        for (Entry e : all) {
            if (!keep.contains(e.name())) {
                try {
                    Files.deleteIfExists(e.file());
                    deleted.add(e.file());
                } catch (IOException ex) {
                    LOG.log(System.Logger.Level.WARNING, "could not delete the old backup " + e.file() + ": " + ex.getMessage());
                }
            }
        }
        return deleted;
    }

    /** A {@code .partial} of this profile left by a crash; one under an hour old may be another process's, writing now. */
    private void removeStalePartials(Path folder) {
        long before = clock.millis() - STALE_PARTIAL.toMillis();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(BackupName.PARTIAL)
                        && BackupName.parse(n.substring(0, n.length() - BackupName.PARTIAL.length()))
                        .filter(b -> b.profile().equals(profile)).isPresent()
                        && Files.getLastModifiedTime(f).toMillis() < before) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Cleaning is a courtesy; a leftover .partial never counts as a backup.
        }
    }

    /** Whether a backup is due: on, and the newest one is {@link #INTERVAL} old or there is none. */
    public boolean due() {
        if (!enabled()) {
            return false;
        }
        List<Entry> all = list();
        return all.isEmpty() || !all.get(0).name().taken().plus(INTERVAL).isAfter(LocalDateTime.now(clock));
    }

    /**
     * Backs up now if one is due, and then looks again every {@link #CHECK_EVERY} while the app
     * runs (so a failed backup is tried again within the hour), on a thread of its own.
     */
    public synchronized void startDaily() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::backupIfDue, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One scheduled look: a failure is in the status (and the log), never thrown at the scheduler. */
    void backupIfDue() {
        try {
            if (due()) {
                backupNow(folder(), false, true);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "backup failed: " + reason(e), e);
        }
    }

    public BackupStatus status() {
        Path folder = folder();
        Optional<Entry> last;
        try {
            last = list(folder).stream().findFirst();
        } catch (UncheckedIOException e) {
            last = Optional.empty();
        }
        String failure = settings.get(FAILURE, "");
        LocalDateTime failedAt = null;
        try {
            String at = settings.get(FAILED_AT, "");
            failedAt = at.isBlank() ? null : LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            // an unreadable time: the failure is still said
        }
        return new BackupStatus(enabled(), folder, running, last.map(e -> e.name().taken()).orElse(null),
                last.map(Entry::bytes).orElse(0L), last.map(Entry::file).orElse(null),
                failure.isBlank() ? null : failure, failure.isBlank() ? null : failedAt);
    }

    /** Hears each change of {@link #status()}: a backup started, finished or failed, a setting changed. */
    public void addListener(Consumer<BackupStatus> listener) {
        listeners.add(listener);
    }

    private void changed() {
        if (listeners.isEmpty()) {
            return;
        }
        listeners.tell(status());
    }

    /** A failure in words for the status bar: the engine's message, or the I/O problem's. */
    static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void forceFolder(Path folder) {
        try (var ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform opens a folder (Windows); the rename is as durable as it makes it.
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
