package dev.tandem.app.vm.history;

import dev.tandem.app.vm.shared.Questions;

/** The dialogs of the data's past: its backups and the list as it was. */
public interface HistoryDialogs extends Questions {
    /** Shows "Backups" until it is closed. */
    default void backups(BackupsViewModel backups) {
    }

    /** Shows "Show as of…" until it is closed. */
    default void asOf(AsOfViewModel asOf) {
    }
}
