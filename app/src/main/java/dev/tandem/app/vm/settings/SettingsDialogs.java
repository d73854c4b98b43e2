package dev.tandem.app.vm.settings;

import dev.tandem.app.vm.shared.Questions;

/** The dialogs of the sync settings, opened by their flow; the app shows real ones, tests substitute answers. */
public interface SettingsDialogs extends Questions {
    /** Shows the sync settings dialog over {@code settings}; true when the user saved. */
    boolean editSyncSettings(SettingsViewModel settings);

    /** Shows "Encryption keys"; {@code offerRecoveryKey}: opened to make a recovery key after setting up encryption. */
    void manageKeys(KeysViewModel keys, boolean offerRecoveryKey);
}
