package dev.tandem.app.vm.settings;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;

/**
 * A connection check's words as Sync settings shows them: the engine's hint is written for anywhere
 * ("Check the bucket, folder or address in Sync settings"); inside Sync settings, for one kind of
 * remote, it names only that kind's fields and does not send the person where they are already.
 */
final class CheckWords {
    private CheckWords() {
    }

    /** The step's message with its hint said for {@code mode}, inside Sync settings. */
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
        return m.replace(" in Sync settings", "");
    }

    /** The hint for {@code reason}, for the fields {@code mode} shows; null where the engine's fits. */
    static String hint(SyncException.Reason reason, SyncSettings.Mode mode) {
        return switch (reason) {
            case NOT_FOUND -> switch (mode) {
                case WEBDAV -> "Check the address: the folder must exist on the server.";
                case S3 -> "Check the bucket name and the endpoint.";
                case FOLDER -> "Check the folder.";
                default -> null;
            };
            case AUTH -> switch (mode) {
                case WEBDAV -> "Check the user name and password (for Nextcloud, an app password).";
                case S3 -> "Check the access key and the secret key.";
                default -> null;
            };
            case PASSPHRASE_REQUIRED -> "Enter the passphrase the other devices use for this remote.";
            default -> null;
        };
    }

    /** Under the steps, once: which step failed, not its message again (the step's row says it). */
    static String summary(ConnectionCheck check) {
        return check.steps().stream().filter(s -> !s.ok()).findFirst()
                .map(s -> "The check stopped at “" + s.name() + "”: see below.").orElse("Everything works: Tandem can sync here.");
    }
}
