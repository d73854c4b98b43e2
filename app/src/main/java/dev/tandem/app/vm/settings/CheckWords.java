package dev.tandem.app.vm.settings;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;

/**
 * A connection check's words as Settings shows them: the engine's hint is written for anywhere
 * ("Check the bucket, folder or address in Settings"); inside Settings, for one kind of
 * remote, it names only that kind's fields and does not send the person where they are already.
 */
final class CheckWords {
    private CheckWords() {
    }

    /** The step's message with its hint said for {@code mode}, inside Settings. */
    static String step(ConnectionCheck.Step step, SyncSettings.Mode mode) {
        String m = step.message() == null ? "" : step.message();
        SyncException.Reason r = step.reason();
        if (r == null) {
            return m;
        }
        String generic = r.hint();
        String here = hint(r, mode);
        if (here != null && m.endsWith(generic)) {
            return m.substring(0, m.length() - generic.length()) + here;
        }
        return m.replace(" in Settings", "");
    }

    /** The hint for {@code reason}, for the fields {@code mode} shows; null where the engine's fits. */
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
                .map(s -> Messages.text("settings.check.stoppedAt",
                        s.name())).orElse(Messages.text("settings.check.allGood"));
    }
}
