package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Sync settings…": loads the saved settings off the FX thread, shows the dialog over a
 * {@link SettingsViewModel}, then saves and applies what the user saved, off the FX thread too,
 * and says where sync now goes.
 */
public final class SyncSettingsFlow {
    private final Async async;
    private final Dialogs dialogs;
    private final Supplier<SyncSettings> load;
    private final Consumer<SyncSettings> saveAndApply;
    private final Function<SyncSettings, ConnectionCheck> checker;

    public SyncSettingsFlow(Async async, Dialogs dialogs, Supplier<SyncSettings> load, Consumer<SyncSettings> saveAndApply,
                            Function<SyncSettings, ConnectionCheck> checker) {
        this.async = async;
        this.dialogs = dialogs;
        this.load = load;
        this.saveAndApply = saveAndApply;
        this.checker = checker;
    }

    public void open() {
        async.run(load::get, current -> {
            SettingsViewModel vm = new SettingsViewModel(current, async, checker);
            if (!dialogs.editSyncSettings(vm)) {
                return;
            }
            SyncSettings chosen = vm.settings();
            async.run(() -> {
                saveAndApply.accept(chosen);
                return chosen;
            }, saved -> dialogs.notify("Sync settings saved", saved.mode() == SyncSettings.Mode.NONE
                    ? "Sync is off." : "Syncing with " + saved.describe() + ".", false));
        });
    }
}
