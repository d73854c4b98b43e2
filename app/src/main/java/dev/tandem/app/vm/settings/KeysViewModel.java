package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Encryption keys…": the remote's keyring in words, and the three things a person does with it:
 * change the passphrase (or set a new one with a recovery key), make a recovery key, rotate the
 * key after a leak. Every change runs off the FX thread through {@link KeyOps}; a new passphrase
 * is handed to {@code onNewPassphrase} (which saves it and gives it to the sync service) the
 * moment the remote takes it, so this device never locks itself out.
 */
public final class KeysViewModel implements HasFeedback {
    /** The dialog's four tasks; each shows its own message, never another's. */
    public enum Section { PASSPHRASE, RECOVERY, FORGOT, ROTATE }

    /** Shorter than this is refused: the passphrase is all that stands between the storage provider and the data. */
    public static final int MIN_LENGTH = 10;

    private final Feedback feedback = new Feedback();
    private final KeyOps ops;
    private final Async async;
    private final Questions dialogs;
    private final String savedPassphrase;
    private final Consumer<String> onNewPassphrase;
    private final ZoneId zone;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty fresh = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty recoveryInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Messages.text("settings.keys.reading"));
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper recoveryCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rotationUnfinished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper recoveryAction = new ReadOnlyStringWrapper(Messages.text("settings.keys.recovery.create"));
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    /** Reads and commands started, on the FX thread: a read's answer counts only while it is the last. */
    private int runs;
    /** Steps of commands started, on the FX thread: a step that ends while it is the last ends its command. */
    private int steps;
    private boolean closed;
    private final ObjectProperty<Section> section =
            new SimpleObjectProperty<>(Section.PASSPHRASE);

    /** {@code dialogs} asks before anything that voids a key someone may rely on (a replaced recovery key, a rotation). */
    public KeysViewModel(KeyOps ops, Async async, Questions dialogs, String savedPassphrase,
                         Consumer<String> onNewPassphrase, ZoneId zone) {
        this.ops = ops;
        this.async = async;
        this.dialogs = dialogs;
        section.addListener((o, a, b) -> {
            feedback.clear();
        });
        this.savedPassphrase = savedPassphrase;
        this.onNewPassphrase = onNewPassphrase;
        this.zone = zone;
    }

    public StringProperty currentPassphraseProperty() {
        return current;
    }

    public StringProperty newPassphraseProperty() {
        return fresh;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public StringProperty recoveryKeyInputProperty() {
        return recoveryInput;
    }

    /** The keyring in one or two lines. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A rotation's share done, 0 to 1; -1 while its length is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A recovery key just made, shown once; "" otherwise. */
    public ReadOnlyStringProperty recoveryCodeProperty() {
        return recoveryCode.getReadOnlyProperty();
    }

    /** The recovery key button's words: "Create recovery key", or "Replace recovery key…" once the remote has one. */
    public ReadOnlyStringProperty recoveryActionProperty() {
        return recoveryAction.getReadOnlyProperty();
    }

    /** The task shown; switching clears the last task's message. */
    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyBooleanProperty rotationUnfinishedProperty() {
        return rotationUnfinished.getReadOnlyProperty();
    }

    /**
     * Reads the keyring in the background. A read is not a change: it leaves the dialog closable and its
     * commands usable, and its answer is dropped when the dialog closed or a command ran meanwhile (whose
     * own answer says more).
     */
    public void refresh() {
        int at = ++runs;
        reading.set(true);
        async.run(ops::status, s -> {
            reading.set(false);
            if (!closed && at == runs) {
                show(s);
            }
        }, e -> {
            reading.set(false);
            if (!closed && at == runs) {
                status.set("");
                fail(why(e));
            }
        });
    }

    /** While the keyring is read, before any command: the status line says "Reading…". */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * The dialog closed: what is still being read is dropped (a change under way still finishes, and a new
     * passphrase still reaches the saved settings).
     */
    public void close() {
        closed = true;
    }

    public void changePassphrase() {
        if (!current.get().equals(savedPassphrase)) {
            fail(Messages.text("settings.keys.wrongCurrent"));
            return;
        }
        if (checkNew()) {
            String chosen = fresh.get();
            run(() -> ops.changePassphrase(chosen), s -> {
                onNewPassphrase.accept(chosen);
                done(Messages.text("settings.keys.changed"));
            });
        }
    }

    public void resetWithRecoveryKey() {
        if (recoveryInput.get().isBlank()) {
            fail(Messages.text("settings.keys.enterRecovery"));
            return;
        }
        if (checkNew()) {
            String chosen = fresh.get();
            String code = recoveryInput.get();
            run(() -> ops.resetPassphrase(code, chosen), s -> {
                onNewPassphrase.accept(chosen);
                recoveryInput.set("");
                done(Messages.text("settings.keys.resetDone"));
            });
        }
    }

    /**
     * Makes a recovery key. When the remote has one already (read from the remote first, not from
     * what this dialog last showed, as another device may have made it), asks before replacing it:
     * the key someone wrote down stops working at once.
     */
    public void createRecoveryKey() {
        run(ops::status, (KeyringStatus s) -> {
            if (s.recoveryKey() && !dialogs.confirmDestructive(Messages.text("settings.keys.replace.title"),
                    Messages.text("settings.keys.replace.text"), Messages.text("settings.keys.replace.ok"))) {
                say(Messages.text("settings.keys.replace.kept"));
                return;
            }
            step(ops::newRecoveryKey, code -> {
                recoveryCode.set(code);
                done(Messages.text(s.recoveryKey() ? "settings.keys.recovery.replaced" : "settings.keys.recovery.made"));
            });
        });
    }

    /** After a leak: a new key, a new passphrase and a new recovery key; or finishes an earlier rotation. */
    public void rotate() {
        boolean resume = rotationUnfinished.get();
        if (!resume && !checkNew()) {
            return;
        }
        if (!resume && !dialogs.confirmDestructive(Messages.text("settings.keys.rotate.title"),
                Messages.text("settings.keys.rotate.text"),
                Messages.text("settings.keys.rotate.ok"))) {
            say(Messages.text("settings.keys.rotate.kept"));
            return;
        }
        String chosen = resume ? savedPassphrase : fresh.get();
        progress.set(-1);
        SyncProgress onProgress = (phase, done, total) -> {
            if (!phase.equals(SyncProgress.ROTATE)) {
                return;
            }
            async.ui().execute(() -> {
                if (total < 0) {
                    // The remote now opens only with the new passphrase: save it before anything else can fail.
                    onNewPassphrase.accept(chosen);
                } else {
                    progress.set(total == 0 ? 1 : (double) done / total);
                }
            });
        };
        run(() -> ops.rotate(chosen, onProgress), (RotationReport r) -> {
            progress.set(1);
            if (r.recoveryKey() != null) {
                recoveryCode.set(r.recoveryKey());
                // The new key is shown with the recovery key's task, where it can be copied; the
                // message below follows there, so it is not missed.
                section.set(Section.RECOVERY);
            }
            // Seconds with one decimal, in the language's own decimal sign.
            String seconds = String.format(Messages.language().locale(), "%.1f", r.took().toMillis() / 1000.0);
            done(Messages.text(r.recoveryKey() == null ? "settings.keys.rotated" : "settings.keys.rotatedNewRecovery",
                    r.reencrypted(), r.bytesWritten(), seconds));
        });
    }

    /** True when the new passphrase is usable; else says why. */
    private boolean checkNew() {
        String p = fresh.get();
        if (p.length() < MIN_LENGTH) {
            fail(Messages.text("settings.keys.tooShort", MIN_LENGTH));
            return false;
        }
        if (!p.equals(repeat.get())) {
            fail(Messages.text("settings.keys.newDiffer"));
            return false;
        }
        if (p.equals(savedPassphrase)) {
            fail(Messages.text("settings.keys.sameAsNow"));
            return false;
        }
        return true;
    }

    /**
     * Starts a command, refused while another runs. Busy ends last, once the answer shows (the keyring's
     * status, then what {@code then} says), so whoever waits for the end reads the result; a command of
     * more than one step (read the remote, ask, then change it) starts its next one from {@code then} with
     * {@link #step}, and stays busy until a step ends without starting another.
     */
    private <T> void run(Supplier<T> work, Consumer<T> then) {
        if (!feedback.begin()) {
            return;
        }
        step(work, then);
    }

    /** One step of the running command; see {@link #run}. */
    private <T> void step(Supplier<T> work, Consumer<T> then) {
        runs++;
        int at = ++steps;
        async.run(() -> {
            T result = work.get();
            return new Object[] {result, result instanceof KeyringStatus k ? k : ops.status()};
        }, pair -> {
            try {
                show((KeyringStatus) pair[1]);
                @SuppressWarnings("unchecked")
                T result = (T) pair[0];
                then.accept(result);
            } finally {
                if (steps == at) {
                    feedback.busy(false);
                }
            }
        }, e -> {
            progress.set(0);
            feedback.failed(why(e));
        });
    }

    private static String why(Throwable e) {
        return e instanceof SyncException s ? SyncWords.say(s)
                : e instanceof IllegalArgumentException ? e.getMessage().replaceFirst("^recoveryKey: ", "")
                : String.valueOf(e.getMessage());
    }

    private String technical = "";

    private void show(KeyringStatus s) {
        technical = Messages.text("settings.keys.technical", s.kdf());
        rotationUnfinished.set(s.rotationUnfinished());
        recoveryAction.set(Messages.text(s.recoveryKey() ? "settings.keys.recovery.replace" : "settings.keys.recovery.create"));
        status.set(words(s, zone));
    }

    /** "Passphrase changed on sam-laptop, Mon 23 Nov 2026, 14:02", then whether a recovery key exists. */
    static String words(KeyringStatus s, ZoneId zone) {
        String event = switch (s.lastEvent()) {
            case CREATED -> "settings.keys.event.created";
            case UPGRADED -> "settings.keys.event.upgraded";
            case PASSPHRASE_CHANGED -> "settings.keys.event.passphraseChanged";
            case RECOVERY_KEY_CREATED -> "settings.keys.event.recoveryKeyCreated";
            case PASSPHRASE_RESET -> "settings.keys.event.passphraseReset";
            case ROTATION_STARTED -> "settings.keys.event.rotationStarted";
            case ROTATED -> "settings.keys.event.rotated";
        };
        return Messages.text(event, s.changedBy(),
                Formats.dayYearTime(s.changedAt().atZone(zone).toLocalDateTime())) + "\n"
                + Messages.text(s.recoveryKey() ? "settings.keys.hasRecovery" : "settings.keys.noRecovery")
                + (s.legacyDescriptor() ? "\n" + Messages.text("settings.keys.legacy") : "");
    }

    /** How the passphrase is protected, for those who ask (a tooltip): "Argon2id, 64 MiB, 3 passes". */
    public String technicalDetails() {
        return technical;
    }

    private void done(String text) {
        current.set("");
        fresh.set("");
        repeat.set("");
        feedback.say(text);
    }

    /** A message that changes nothing typed: what the person entered stays in its fields. */
    private void say(String text) {
        feedback.say(text);
    }

    private void fail(String text) {
        feedback.fail(text);
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}
