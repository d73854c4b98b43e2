package dev.tandem.app.vm.shared;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions a view-model may ask and the notices it may give: confirmations, a choice, a line of text,
 * files and folders. A feature's view-models take these (or their feature's own dialogs, which extend them),
 * not {@code Dialogs}: that names every feature's dialog, so a feature taking it would reach itself back
 * through it. The app shows real ones, tests substitute answers.
 */
public interface Questions {
    /** Asks a question that destroys nothing if answered yes; true when the user chose {@code okLabel}. */
    boolean confirm(String title, String message, String okLabel);

    /**
     * Asks before something that loses data (a delete, emptying the Trash, a restore over the current data,
     * leaving a shared list, removing a member, replacing what was typed): it looks destructive, and Enter
     * answers Cancel, so only a deliberate choice of {@code okLabel} goes on. True when the user chose it.
     */
    boolean confirmDestructive(String title, String message, String okLabel);

    /**
     * Asks to pick one of {@code choices} (button labels, the first the default); the index picked, empty
     * when cancelled. Without a dialog of its own this asks {@link #confirm} about the first choice.
     */
    default Optional<Integer> choose(String title, String message, List<String> choices) {
        return confirm(title, message, choices.get(0)) ? Optional.of(0) : Optional.empty();
    }

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    /** Asks for a file to open (an import); empty when cancelled. */
    Optional<Path> chooseFile(String title);

    /** A kind of file a chooser offers first: "Tandem backups" with its patterns ({@code *.tandembackup}). */
    record FileKind(String description, List<String> patterns) {
    }

    /**
     * Asks for a file of {@code kind} (other files one choice away), starting in {@code folder} when it
     * exists; empty when cancelled.
     */
    default Optional<Path> chooseFile(String title, FileKind kind, Path folder) {
        return chooseFile(title);
    }

    /** Asks for files to attach, any kind, several at once; empty when cancelled. */
    default List<Path> chooseFiles(String title) {
        return chooseFile(title).map(List::of).orElse(List.of());
    }

    /** Asks for an existing folder (an import); empty when cancelled. */
    Optional<Path> chooseFolder(String title);

    /** Asks where to save, suggesting {@code suggestedName} (an export); empty when cancelled. */
    Optional<Path> chooseSaveTarget(String title, String suggestedName);

    /** A transient notification (sync errors, failures of commands). */
    void notify(String title, String message, boolean error);
}
