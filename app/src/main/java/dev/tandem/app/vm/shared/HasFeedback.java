package dev.tandem.app.vm.shared;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A dialog's view-model, which reports through a {@link Feedback} it holds: its message, error and
 * busy states, read the same way in every dialog.
 */
public interface HasFeedback {
    Feedback feedback();

    /** What the last command did, or why it did nothing. */
    default ReadOnlyStringProperty messageProperty() {
        return feedback().messageProperty();
    }

    /** The message says why something failed. */
    default ReadOnlyBooleanProperty errorProperty() {
        return feedback().errorProperty();
    }

    /** A command runs: the actions wait. */
    default ReadOnlyBooleanProperty busyProperty() {
        return feedback().busyProperty();
    }
}
