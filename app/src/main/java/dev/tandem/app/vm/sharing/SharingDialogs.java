package dev.tandem.app.vm.sharing;

import dev.tandem.app.vm.shared.Questions;

/** The dialogs of shared lists (docs/SHARING.md), opened from the sidebar's sharing commands. */
public interface SharingDialogs extends Questions {
    /** Shows "Share" of one list until it is closed. */
    default void share(ShareViewModel share) {
    }

    /** Shows "Join a shared list" until it is closed. */
    default void join(JoinViewModel join) {
    }
}
