package dev.tandem.app.vm.settings;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;

/**
 * A connection check's words as Settings shows them, in the user's language ({@link SyncWords}): the
 * general hint is written for anywhere ("Check the bucket, folder or address in Settings"); inside
 * Settings, for one kind of remote, it names only that kind's fields and does not send the person
 * where they are already.
 */
final class CheckWords {
    private CheckWords() {
    }

    /** The step's name in the user's language. */
    static String name(ConnectionCheck.Step step) {
        return SyncWords.stepName(step);
    }

    /**
     * What the step did, or why it failed, in the user's language, with the hint said for {@code mode}
     * inside Settings.
     */
    static String step(ConnectionCheck.Step step, SyncSettings.Mode mode) {
        SyncException.Reason r = step.reason();
        if (step.ok() || r == null || step.kind() == ConnectionCheck.Step.Kind.OTHER) {
            return SyncWords.stepText(step);
        }
        String here = hint(r, mode);
        // For a folder, "the folder, bucket or address" names fields this form does not show.
        String what = r == SyncException.Reason.NOT_FOUND && mode == SyncSettings.Mode.FOLDER
                ? Messages.text("settings.check.folderNotThere") : SyncWords.shortText(r);
        return what + " " + (here != null ? here : SyncWords.hint(r, SyncException.Diagnosis.NONE));
    }

    /** The hint for {@code reason}, for the fields {@code mode} shows; null where the general one fits. */
    static String hint(SyncException.Reason reason, SyncSettings.Mode mode) {
        return switch (reason) {
            case NOT_FOUND -> switch (mode) {
                case WEBDAV -> Messages.text("settings.check.hint.davNotFound");
                case S3 -> Messages.text("settings.check.hint.s3NotFound");
                case FOLDER -> Messages.text("settings.check.hint.folderNotFound");
                default -> null;
            };
            case AUTH -> switch (mode) {
                case WEBDAV -> Messages.text("settings.check.hint.davAuth");
                case S3 -> Messages.text("settings.check.hint.s3Auth");
                default -> null;
            };
            case PASSPHRASE_REQUIRED -> Messages.text("settings.check.hint.passphraseRequired");
            default -> null;
        };
    }

    /** Under the steps, once: which step failed, not its message again (the step's row says it). */
    static String summary(ConnectionCheck check) {
        return check.steps().stream().filter(s -> !s.ok()).findFirst()
                .map(s -> Messages.text("settings.check.stoppedAt", name(s)))
                .orElse(Messages.text("settings.check.allGood"));
    }
}
