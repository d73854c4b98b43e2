package dev.tandem.app.cli;

import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The connection check's step lines as {@code tandem check} prints them: each in the user's language
 * ({@link SyncWords}), and a folder remote's folder that is not there named, with what to do about it.
 */
final class CheckLines {
    private CheckLines() {
    }

    /** What the step did, or why it failed and what to do; {@code folder} is the folder remote's folder, if it is one. */
    static String step(ConnectionCheck.Step step, Optional<Path> folder) {
        if (!step.ok() && step.diagnosis() == SyncException.Diagnosis.FOLDER_MISSING && folder.isPresent()) {
            return Messages.text("cli.check.folderMissing", TerminalText.field(folder.get().toString()));
        }
        return SyncWords.stepText(step);
    }

    /** The folder of the remote checked: {@code --remote folder:DIR}, else the saved folder remote; empty for others. */
    static Optional<Path> folder(Args a, Path dataDir) {
        String remote = a.options().get("--remote");
        try {
            if (remote != null) {
                return remote.startsWith("folder:") && !remote.substring(7).isBlank()
                        ? Optional.of(Path.of(remote.substring(7)).toAbsolutePath()) : Optional.empty();
            }
            SyncSettings saved = new SettingsStore(dataDir).loadSync();
            return saved.mode() == SyncSettings.Mode.FOLDER && !saved.folder().isBlank()
                    ? Optional.of(Path.of(saved.folder()).toAbsolutePath()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
