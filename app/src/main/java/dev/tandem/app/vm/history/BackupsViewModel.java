package dev.tandem.app.vm.history;

import dev.tandem.app.backup.BackupName;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.backup.BackupStatus;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.backup.BackupRestore;
import dev.tandem.app.model.backup.RestoreSummary;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Backups;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Backups": whether daily backups run, where they go, the last one and its size, "Back up now",
 * and "Restore…" (a summary of what it would change first, then one undoable step). A backup that
 * failed is said here and in the status bar ({@link #failureProperty}) until one succeeds. The
 * service's own thread reports; everything shown changes on the UI thread; no toolkit needed.
 */
public final class BackupsViewModel implements HasFeedback {

    private final BackupService service;
    private final TodoStore store;
    private final Path dataDir;
    private final String dbFile;
    private final Async async;
    private final Questions dialogs;
    private final UndoManager undo;
    private final Feedback feedback = new Feedback();
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private boolean applying;

    /** {@code dbFile}: the database file's name in a profile's folder, for a new profile made from a backup. */
    public BackupsViewModel(BackupService service, TodoStore store, Path dataDir, String dbFile, Async async,
                            Questions dialogs, UndoManager undo) {
        this.dbFile = dbFile;
        this.service = service;
        this.store = store;
        this.dataDir = dataDir;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        service.addListener(s -> async.ui().execute(() -> show(s)));
        async.run(service::status, this::show);
        enabled.addListener((o, was, on) -> {
            if (!applying) {
                async.run(() -> {
                    service.setEnabled(on);
                    return service.status();
                }, this::show, e -> feedback.fail(Messages.text("settings.backups.couldNotSaveSetting",
                        Feedback.why(e))));
            }
        });
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** Daily backups on or off (on by default). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** "Last backup: Tue 24 Nov 2026, 09:12 · 2.4 MB", or that there is none yet. */
    public ReadOnlyStringProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    /** Why the last backup failed, said until one succeeds; empty while all is well. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    private void show(BackupStatus s) {
        applying = true;
        enabled.set(s.enabled());
        applying = false;
        folder.set(s.folder() == null ? "" : s.folder().toString());
        last.set(s.running() ? Messages.text("settings.backups.running") : s.lastTaken() == null
                ? Messages.text("settings.backups.none")
                : Messages.text("settings.backups.last", Formats.dayYearTime(s.lastTaken()), size(s.lastBytes())));
        failure.set(!s.failing() ? "" : s.failedAt() == null ? Messages.text("settings.backups.failed", s.failure())
                : Messages.text("settings.backups.failedAt", Formats.dayYearTime(s.failedAt()), s.failure()));
    }

    /** Takes a backup now, whatever the schedule. */
    public void backupNow() {
        if (!feedback.begin()) {
            return;
        }
        async.run(service::backupNow, e -> feedback.end(Messages.text("settings.backups.done",
                e.file().getFileName().toString(), size(e.bytes()))),
                e -> feedback.failed(Messages.text("settings.backups.nowFailed", Feedback.why(e))));
    }

    /** Asks for another folder; one inside the profile's own folder is refused. */
    public void chooseFolder() {
        Optional<Path> chosen = dialogs.chooseFolder(Messages.text("settings.backups.chooseFolder"));
        chosen.ifPresent(dir -> async.run(() -> {
            service.setFolder(dir);
            return service.status();
        }, s -> {
            show(s);
            feedback.say(Messages.text("settings.backups.folderSet", dir.toString()));
        }, e -> feedback.fail(Feedback.why(e))));
    }

    /** Asks for a backup file, says what restoring it would change, and on yes restores it as one undoable step. */
    public void restore() {
        Optional<Path> file = chooseBackup(Messages.text("settings.backups.chooseRestore"));
        if (file.isEmpty() || !feedback.begin()) {
            return;
        }
        Path backup = file.get();
        async.run(() -> {
            char[] passphrase = Backups.isEncrypted(backup) ? service.passphrase() : null;
            try {
                BackupRestore restore = BackupRestore.read(backup, passphrase, dataDir);
                return new Read(restore, restore.summary(store));
            } finally {
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
        }, read -> confirmAndApply(backup, read),
                e -> feedback.failed(Messages.text("settings.backups.notRestored", Feedback.why(e))));
    }

    /**
     * Asks for a backup file and a new or empty folder, and makes a new profile there from the
     * backup (a device id of its own, no sync settings); says how to open it.
     */
    public void restoreIntoNewProfile() {
        Optional<Path> file = chooseBackup(Messages.text("settings.backups.chooseNewFrom"));
        if (file.isEmpty()) {
            return;
        }
        Optional<Path> dir = dialogs.chooseFolder(Messages.text("settings.backups.chooseNewFolder"));
        if (dir.isEmpty() || !feedback.begin()) {
            return;
        }
        async.run(() -> {
            char[] passphrase = Backups.isEncrypted(file.get()) ? service.passphrase() : null;
            try {
                return BackupService.intoNewProfile(file.get(), passphrase, dir.get(), dbFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
        }, b -> feedback.end(Messages.text("settings.backups.newProfile", dir.get().toString(), b.rows("lists"),
                b.rows("items"))), e -> feedback.failed(Messages.text("settings.backups.noProfile", Feedback.why(e))));
    }

    /** The chooser opens in the backups' folder and shows the files backups are written as. */
    private Optional<Path> chooseBackup(String title) {
        Questions.FileKind backups = new Questions.FileKind(Messages.text("settings.backups.fileKind",
                BackupName.EXTENSION),
                List.of("*" + BackupName.EXTENSION));
        return dialogs.chooseFile(title, backups, service.folder());
    }

    private record Read(BackupRestore restore, RestoreSummary summary) {
    }

    private void confirmAndApply(Path backup, Read read) {
        String name = backup.getFileName().toString();
        if (read.summary().nothingToDo()) {
            feedback.end(Messages.text("settings.backups.nothingToDo", name));
            return;
        }
        String what = String.join("\n", read.summary().describe());
        if (!dialogs.confirmDestructive(Messages.text("settings.backups.confirm.title", name),
                Messages.text("settings.backups.confirm.text", what), Messages.text("settings.backups.confirm.ok"))) {
            feedback.end(Messages.text("settings.backups.cancelled"));
            return;
        }
        async.run(() -> read.restore().apply(store), inverse -> {
            undo.push(Messages.text("settings.backups.undo", name), () -> inverse.apply(store),
                    () -> read.restore().apply(store));
            feedback.end(Messages.text("settings.backups.restored", name));
        }, e -> feedback.failed(Messages.text("settings.backups.notRestored", Feedback.why(e))));
    }

    /** "12 KB", "2.4 MB", with the language's decimal sign and unit. */
    static String size(long bytes) {
        Locale locale = Messages.language().locale();
        if (bytes < 1024 * 1024) {
            String kb = String.format(locale, "%.0f", Math.max(1, bytes / 1024.0));
            return Messages.text("settings.backups.kilobytes", kb);
        }
        return Messages.text("settings.backups.megabytes", String.format(locale, "%.1f", bytes / (1024.0 * 1024)));
    }
}
