package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.vm.Dialogs;
import dev.tandem.app.vm.Feedback;
import dev.tandem.app.vm.HasFeedback;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Feedback feedback = new Feedback();
    private final KeyOps ops;
    private final Async async;
    private final Dialogs dialogs;
    private final String savedPassphrase;
    private final Consumer<String> onNewPassphrase;
    private final ZoneId zone;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty fresh = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty recoveryInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the remote's keys…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper recoveryCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rotationUnfinished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper recoveryAction = new ReadOnlyStringWrapper(CREATE);
    private final javafx.beans.property.ObjectProperty<Section> section =
            new javafx.beans.property.SimpleObjectProperty<>(Section.PASSPHRASE);
    private static final String CREATE = "Create recovery key";
    private static final String REPLACE = "Replace recovery key…";

    /** {@code dialogs} asks before anything that voids a key someone may rely on (a replaced recovery key, a rotation). */
    public KeysViewModel(KeyOps ops, Async async, Dialogs dialogs, String savedPassphrase,
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
    public javafx.beans.property.ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyBooleanProperty rotationUnfinishedProperty() {
        return rotationUnfinished.getReadOnlyProperty();
    }

    public void refresh() {
        run(ops::status, s -> { });
    }

    public void changePassphrase() {
        if (!current.get().equals(savedPassphrase)) {
            fail("The current passphrase is not the one this device uses.");
            return;
        }
        if (checkNew()) {
            String chosen = fresh.get();
            run(() -> ops.changePassphrase(chosen), s -> {
                onNewPassphrase.accept(chosen);
                done("Passphrase changed. Other devices ask for the new one at their next sync; they keep their "
                        + "changes meanwhile.");
            });
        }
    }

    public void resetWithRecoveryKey() {
        if (recoveryInput.get().isBlank()) {
            fail("Enter the recovery key.");
            return;
        }
        if (checkNew()) {
            String chosen = fresh.get();
            String code = recoveryInput.get();
            run(() -> ops.resetPassphrase(code, chosen), s -> {
                onNewPassphrase.accept(chosen);
                recoveryInput.set("");
                done("New passphrase set with the recovery key, which still works. Other devices ask for the new "
                        + "passphrase at their next sync.");
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
            if (s.recoveryKey() && !dialogs.confirm("Replace the recovery key?", "The recovery key you have (printed or"
                    + " written down, here or on another device) stops working at once: only the new one will open the"
                    + " remote if the passphrase is forgotten. Write the new one down before you close this window.",
                    "Replace recovery key")) {
                say("Nothing changed: the recovery key you have still works.");
                return;
            }
            run(ops::newRecoveryKey, code -> {
                recoveryCode.set(code);
                done("Write this recovery key down and keep it apart from the passphrase. Anyone who has it can read "
                        + "your synced data" + (s.recoveryKey() ? "; the earlier recovery key no longer works." : "."));
            });
        });
    }

    /** After a leak: a new key, a new passphrase and a new recovery key; or finishes an earlier rotation. */
    public void rotate() {
        boolean resume = rotationUnfinished.get();
        if (!resume && !checkNew()) {
            return;
        }
        if (!resume && !dialogs.confirm("Rotate the key?", "Every object on the remote is encrypted again under a new"
                + " key. The passphrase and the recovery key change: every other device asks for the new passphrase,"
                + " and the recovery key you have stops working (a new one is shown here). Do this after a leak.",
                "Rotate key")) {
            say("Nothing changed: the key, the passphrase and the recovery key stay as they are.");
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
            done(String.format(Locale.ENGLISH, "Key rotated: %d objects re-encrypted (%,d bytes) in %.1f s.%s",
                    r.reencrypted(), r.bytesWritten(), r.took().toMillis() / 1000.0, r.recoveryKey() == null ? ""
                            : " The old recovery key no longer works; write down the new one, shown above."));
        });
    }

    /** True when the new passphrase is usable; else says why. */
    private boolean checkNew() {
        String p = fresh.get();
        if (p.length() < MIN_LENGTH) {
            fail("Choose a passphrase of at least " + MIN_LENGTH + " characters; a few unrelated words are best.");
            return false;
        }
        if (!p.equals(repeat.get())) {
            fail("The two new passphrases differ.");
            return false;
        }
        if (p.equals(savedPassphrase)) {
            fail("That is the passphrase this device already uses.");
            return false;
        }
        return true;
    }

    private <T> void run(java.util.function.Supplier<T> work, Consumer<T> then) {
        if (!feedback.begin()) {
            return;
        }
        async.run(() -> {
            T result = work.get();
            return new Object[] {result, result instanceof KeyringStatus k ? k : ops.status()};
        }, pair -> {
            feedback.busy(false);
            show((KeyringStatus) pair[1]);
            @SuppressWarnings("unchecked")
            T result = (T) pair[0];
            then.accept(result);
        }, e -> {
            feedback.busy(false);
            progress.set(0);
            fail(e instanceof SyncException s ? s.getMessage() + " " + s.hint()
                    : e instanceof IllegalArgumentException ? e.getMessage().replaceFirst("^recoveryKey: ", "")
                    : String.valueOf(e.getMessage()));
        });
    }

    private String technical = "";

    private void show(KeyringStatus s) {
        technical = "The passphrase is stretched with " + s.kdf() + " before it opens the remote's keys.";
        rotationUnfinished.set(s.rotationUnfinished());
        recoveryAction.set(s.recoveryKey() ? REPLACE : CREATE);
        status.set(words(s, zone));
    }

    /** "Passphrase changed on sam-laptop, 23 Nov 2026, 14:02 · recovery key: yes · Argon2id, 64 MiB, 3 passes". */
    static String words(KeyringStatus s, ZoneId zone) {
        String event = switch (s.lastEvent()) {
            case CREATED -> "Encryption set up";
            case UPGRADED -> "Moved to the keyring";
            case PASSPHRASE_CHANGED -> "Passphrase changed";
            case RECOVERY_KEY_CREATED -> "Recovery key made";
            case PASSPHRASE_RESET -> "Passphrase set with the recovery key";
            case ROTATION_STARTED -> "Key rotation started (unfinished)";
            case ROTATED -> "Key rotated";
        };
        return event + " on " + s.changedBy() + ", " + WHEN.format(s.changedAt().atZone(zone)) + "\n"
                + (s.recoveryKey() ? "A recovery key exists." : "No recovery key yet: make one in case the passphrase is forgotten.")
                + (s.legacyDescriptor() ? "\nDevices with an older Tandem still open it with the same passphrase." : "");
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
