package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.FolderRemote;
import dev.tandem.app.vm.Feedback;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
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
 * those needs no new check, and a failed one is saved only on a second, "Save anyway".
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

    /** The last check passed or failed for exactly {@code s}: a save needs no new one. */
    boolean decided(SyncSettings s) {
        return s.equals(passedFor) || s.equals(failedFor);
    }

    /** Checks {@code s} in the background; {@code saving}: a Save waits for the answer. */
    void run(SyncSettings s, boolean saving) {
        steps.clear();
        checking.set(true);
        summary.set(Messages.text(saving ? "settings.check.testingBeforeSave" : "settings.check.testing",
                s.describe()));
        async.run(() -> checker.apply(s), check -> {
            checking.set(false);
            steps.setAll(check.steps().stream().map(st -> new CheckStep(st.name(), st.ok(),
                    CheckWords.step(st, s.mode()))).toList());
            summary.set(CheckWords.summary(check));
            if (check.ok()) {
                passedFor = s;
                failedFor = null;
                revalidate.run();
                if (saving) {
                    readyToClose.set(true);
                }
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

    /** The check failed (said once, above); Save may still keep the settings, and says what that means. */
    private void failed(SyncSettings s) {
        failedFor = s;
        passedFor = null;
        saveWarning.set(Messages.text("settings.check.saveWarning"));
        revalidate.run();
    }
}
