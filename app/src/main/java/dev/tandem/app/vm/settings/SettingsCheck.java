package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.FolderRemote;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings' connection check: "Test connection", and the check a Save of a remote waits for.
 * It runs in the background and remembers which settings passed or failed, so a save of exactly
 * those needs no new check, and a failed one is saved only on a second, "Save anyway". A folder
 * remote whose folder is not there is never saved anyway: its Save makes the folder first ("Make the
 * folder and save") when the folder above it is there, and is refused, saying why, when it is not.
 */
final class SettingsCheck {
    private static final Set<SyncException.Reason> PASSPHRASE = EnumSet.of(SyncException.Reason.WRONG_PASSPHRASE,
            SyncException.Reason.PASSPHRASE_REQUIRED);

    final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    final ObservableList<CheckStep> steps = FXCollections.observableArrayList();
    final ReadOnlyStringWrapper saveWarning = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper readyToClose = new ReadOnlyBooleanWrapper(false);
    private final Async async;
    private final Function<SyncSettings, ConnectionCheck> checker;
    /** The form's errors and Save's words follow the new outcome. */
    private final Runnable revalidate;
    /** The settings the last check passed or failed for; a save of exactly these needs no new check. */
    private SyncSettings passedFor;
    private SyncSettings failedFor;
    /** The folder settings the last check found the folder of missing, with its parent there: Save makes it. */
    private SyncSettings createFor;
    /** The folder settings whose folder is missing with no folder above it to make it in: never saved. */
    private SyncSettings missingFor;

    /** A check's outcome, with whether a folder remote's folder is missing (looked at in the background too). */
    private record Outcome(ConnectionCheck check, FolderRemote.Missing missing, String notMade) {
    }

    SettingsCheck(Async async, Function<SyncSettings, ConnectionCheck> checker, Runnable revalidate) {
        this.async = async;
        this.checker = checker;
        this.revalidate = revalidate;
    }

    /**
     * Tests the settings for real: builds the engine, runs {@link SyncEngine#check()}, closes it. A
     * folder that holds other files fails first, before anything is written into it.
     */
    static ConnectionCheck realCheck(SyncSettings s) {
        if (s.mode() == SyncSettings.Mode.FOLDER) {
            Path dir = Path.of(s.folder());
            FolderRemote.Look look = FolderRemote.look(dir);
            if (look.contents() == FolderRemote.Contents.OTHER) {
                return new ConnectionCheck(List.of(new ConnectionCheck.Step(Messages.text("settings.check.folder"),
                        false,
                        FolderRemote.problem(dir, look), SyncException.Reason.NOT_FOUND)));
            }
        }
        try (SyncEngine engine = s.toEngine()) {
            return engine.check();
        }
    }

    /** No check now: {@code why} instead of steps. */
    void refuse(String why) {
        steps.clear();
        summary.set(why);
    }

    /** The last check failed for exactly {@code s}: Save keeps them anyway. */
    boolean failedFor(SyncSettings s) {
        return failedFor != null && failedFor.equals(s);
    }

    /** The last check found the folder of exactly {@code s} missing, and it can be made: Save makes it. */
    boolean createFor(SyncSettings s) {
        return createFor != null && createFor.equals(s);
    }

    /** The last check found the folder of exactly {@code s} missing, and nowhere to make it: the warning says so. */
    boolean missingFolderSaid(SyncSettings s) {
        return missingFor != null && missingFor.equals(s);
    }

    /** The last check passed or failed for exactly {@code s}: a save needs no new one. */
    boolean decided(SyncSettings s) {
        return s.equals(passedFor) || s.equals(failedFor);
    }

    /** Checks {@code s} in the background; {@code saving}: a Save waits for the answer. */
    void run(SyncSettings s, boolean saving) {
        run(s, saving, false);
    }

    /** Makes the missing folder of {@code s}, then checks it as a Save does. */
    void createAndRun(SyncSettings s) {
        run(s, true, true);
    }

    private void run(SyncSettings s, boolean saving, boolean create) {
        steps.clear();
        checking.set(true);
        createFor = null;
        missingFor = null;
        summary.set(create ? Messages.text("settings.check.making", s.folder())
                : Messages.text(saving ? "settings.check.testingBeforeSave" : "settings.check.testing", s.describe()));
        async.run(() -> {
            if (create) {
                try {
                    FolderRemote.create(Path.of(s.folder()));
                } catch (UncheckedIOException e) {
                    return new Outcome(null, FolderRemote.Missing.NO_PARENT, Feedback.why(e));
                }
            }
            ConnectionCheck check = checker.apply(s);
            return new Outcome(check, check.ok() || s.mode() != SyncSettings.Mode.FOLDER ? FolderRemote.Missing.NO
                    : FolderRemote.missing(Path.of(s.folder())), null);
        }, outcome -> {
            checking.set(false);
            if (outcome.notMade() != null) {
                // The folder could not be made: said, and nothing is saved into it.
                summary.set(outcome.notMade());
                failedFor = null;
                passedFor = null;
                missingFor = s;
                saveWarning.set(outcome.notMade());
                revalidate.run();
                return;
            }
            ConnectionCheck check = outcome.check();
            steps.setAll(check.steps().stream().map(st -> new CheckStep(CheckWords.name(st), st.ok(),
                    CheckWords.step(st, s.mode()))).toList());
            summary.set(CheckWords.summary(check));
            if (check.ok()) {
                passedFor = s;
                failedFor = null;
                revalidate.run();
                if (saving) {
                    readyToClose.set(true);
                }
            } else if (outcome.missing() != FolderRemote.Missing.NO) {
                missing(s, outcome.missing());
            } else if (check.steps().stream().anyMatch(st -> !st.ok() && st.reason() != null && PASSPHRASE.contains(st.reason()))) {
                // Saving a passphrase that does not open the remote helps no one: no "Save anyway". The
                // step's row says what is wrong with the passphrase; nothing else says it again.
                failedFor = null;
                passedFor = null;
                revalidate.run();
            } else {
                failed(s);
            }
        }, e -> {
            checking.set(false);
            summary.set(Messages.text("settings.check.couldNotTest", Feedback.why(e)));
            // A check that cannot even run (the remote cannot be set up) fails like a failed step:
            // otherwise every Save would start another check and the settings could never be saved.
            failed(s);
        });
    }

    /**
     * The folder of a folder remote is not there: saving it anyway would sync into nothing. When the folder
     * above it is there, Save makes it ({@link #createAndRun}); else nothing is saved, and this says why.
     */
    private void missing(SyncSettings s, FolderRemote.Missing missing) {
        failedFor = null;
        passedFor = null;
        Path dir = Path.of(s.folder());
        if (missing == FolderRemote.Missing.CREATABLE) {
            createFor = s;
            saveWarning.set(Messages.text("settings.check.folderMissing", dir.toString()));
        } else {
            missingFor = s;
            Path parent = dir.toAbsolutePath().getParent();
            saveWarning.set(Messages.text("settings.check.folderMissingNoParent", dir.toString(),
                    parent == null ? dir.toString() : parent.toString()));
        }
        revalidate.run();
    }

    /** The check failed (said once, above); Save may still keep the settings, and says what that means. */
    private void failed(SyncSettings s) {
        failedFor = s;
        passedFor = null;
        saveWarning.set(Messages.text("settings.check.saveWarning"));
        revalidate.run();
    }
}
