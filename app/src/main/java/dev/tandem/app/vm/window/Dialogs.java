package dev.tandem.app.vm.window;

import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.filter.FilterDialogs;
import dev.tandem.app.vm.history.HistoryDialogs;
import dev.tandem.app.vm.settings.SettingsDialogs;
import dev.tandem.app.vm.sharing.SharingDialogs;

/**
 * Every dialog the window's view-models may open; the app shows real ones, tests substitute answers. Each
 * feature owns the interface of its own dialogs (the sync settings and keys, sharing, backups and the past,
 * smart lists), and its view-models take that one: this names them all from above, never the other way.
 */
public interface Dialogs extends Questions, SettingsDialogs, SharingDialogs, HistoryDialogs, FilterDialogs {
    /** Shows "Open on phone" (the web companion's pairing) until it is closed. */
    default void phoneWeb(PhoneWebViewModel phoneWeb) {
    }
}
