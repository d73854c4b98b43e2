package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.FolderRemote;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * The folder picked with "Choose…" for folder sync. A folder that holds other files gets a new {@code Tandem}
 * folder inside it instead, made at once (the user chose where), and the note under the field says so; the look
 * at the folder and the making run off the UI thread. The note stays only while the field holds what was chosen:
 * a folder typed afterwards clears it.
 */
final class FolderChoice {
    private final Async async;
    private final StringProperty folder;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private String chosen;

    /** {@code folder} is the form's folder field, which the choice fills. */
    FolderChoice(Async async, StringProperty folder) {
        this.async = async;
        this.folder = folder;
        folder.addListener((o, a, b) -> {
            if (!b.equals(chosen)) {
                note.set("");
            }
        });
    }

    /** Why the folder field holds another folder than the one chosen; "" when it does not. */
    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void chosen(Path dir) {
        async.run(() -> {
            FolderRemote.Look look = FolderRemote.look(dir);
            if (look.contents() != FolderRemote.Contents.OTHER) {
                return dir;
            }
            Path inside = dir.resolve(FolderRemote.SUBFOLDER);
            try {
                Files.createDirectories(inside);
            } catch (IOException e) {
                // No words of its own: the note shows the cause's (the system's), in the person's language around them.
                throw new UncheckedIOException(inside.toString(), e);
            }
            return inside;
        }, made -> {
            chosen = made.toString();
            folder.set(chosen);
            note.set(made.equals(dir) ? ""
                    : Messages.text("settings.sync.folder.madeInside", made.getFileName().toString()));
        }, e -> {
            folder.set(dir.toString());
            Throwable why = e.getCause() != null ? e.getCause() : e;
            note.set(Messages.text("settings.sync.folder.cannotMake", Feedback.why(why)));
        });
    }
}
