package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.settings.WeekStartSetting;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Settings…": loads the saved settings off the FX thread, shows the dialog over a
 * {@link SettingsViewModel}, then saves and applies what the user saved, off the FX thread too,
 * and says where sync now goes.
 */
public final class SyncSettingsFlow {
    private final Async async;
    private final SettingsDialogs dialogs;
    private final Supplier<SyncSettings> load;
    private final Consumer<SyncSettings> saveAndApply;
    private final Function<SyncSettings, ConnectionCheck> checker;
    private final Function<SyncSettings, KeyOps> keyOps;
    private final Supplier<String> deviceName;
    private final Consumer<String> rename;
    private final Supplier<CalDavViewModel> phoneSync;
    private final Supplier<DevicesViewModel> devices;
    private Supplier<AttachmentSettingsViewModel> attachments;
    private Supplier<CalendarsViewModel> calendars;
    private SettingsStore languageStore;
    private SettingsStore weekStore;
    private Consumer<Optional<DayOfWeek>> weekApplied;
    private Autostart autostart;
    private Supplier<ShortcutHelp> shortcut;

    /** A flow without the "This device" name (it starts empty and is never applied). */
    public SyncSettingsFlow(Async async, SettingsDialogs dialogs, Supplier<SyncSettings> load, Consumer<SyncSettings> saveAndApply,
                            Function<SyncSettings, ConnectionCheck> checker, Function<SyncSettings, KeyOps> keyOps) {
        this(async, dialogs, load, saveAndApply, checker, keyOps, () -> "", name -> { }, null, null);
    }

    /**
     * {@code deviceName}: the name this device goes by now; {@code rename}: gives it the name saved in
     * the form, when it changed (called off the FX thread, after the settings were saved);
     * {@code phoneSync}: makes the view-model of the form's "Phone (CalDAV)…", null for none;
     * {@code devices}: that of "Devices…", likewise.
     */
    public SyncSettingsFlow(Async async, SettingsDialogs dialogs, Supplier<SyncSettings> load, Consumer<SyncSettings> saveAndApply,
                            Function<SyncSettings, ConnectionCheck> checker, Function<SyncSettings, KeyOps> keyOps,
                            Supplier<String> deviceName, Consumer<String> rename, Supplier<CalDavViewModel> phoneSync,
                            Supplier<DevicesViewModel> devices) {
        this.phoneSync = phoneSync;
        this.devices = devices;
        this.deviceName = deviceName;
        this.rename = rename;
        this.async = async;
        this.dialogs = dialogs;
        this.load = load;
        this.saveAndApply = saveAndApply;
        this.checker = checker;
        this.keyOps = keyOps;
    }

    /** The form offers Settings → Language, the choice saved in {@code store}. */
    public void useLanguage(SettingsStore store) {
        this.languageStore = store;
    }

    /**
     * The form offers "Week starts on", the choice saved in {@code store}; {@code applied} runs on the FX thread
     * once a choice is saved (the window's calendar takes it then).
     */
    public void useWeekStart(SettingsStore store, Consumer<Optional<DayOfWeek>> applied) {
        this.weekStore = store;
        this.weekApplied = applied;
    }

    /**
     * The form offers the reminder agent's autostart and the quick-add shortcut's help; {@code shortcut} reads
     * the agent's state file, so it is called where the form's settings are loaded, off the UI thread.
     */
    public void useSession(Autostart autostart, Supplier<ShortcutHelp> shortcut) {
        this.autostart = autostart;
        this.shortcut = shortcut;
    }

    /** The form offers "Attachments…", each time made by {@code make}. */
    public void useAttachments(Supplier<AttachmentSettingsViewModel> make) {
        this.attachments = make;
    }

    /** The form offers "Calendars…", each time made by {@code make}. */
    public void useCalendars(Supplier<CalendarsViewModel> make) {
        this.calendars = make;
    }

    public void open() {
        SettingsStore languages = languageStore;
        SettingsStore weeks = weekStore;
        Autostart session = autostart;
        Supplier<ShortcutHelp> help = shortcut;
        async.run(() -> new Loaded(load.get(), languages == null ? Optional.empty() : LanguageSetting.saved(languages),
                        weeks == null ? Optional.empty() : WeekStartSetting.saved(weeks),
                        session != null && session.enabled(), help == null ? null : help.get()),
                loaded -> edit(loaded, languages));
    }

    private void edit(Loaded loaded, SettingsStore languages) {
        SyncSettings current = loaded.settings();
        SyncSettings[] saved = {current};
        SettingsViewModel[] form = {null};
        // "Forget" in Devices… may go on to rotate the key (the forgotten device's kept key then opens nothing written
        // afterwards): "Encryption keys…" opens at its rotation, with its new passphrase, recovery key and progress.
        Supplier<DevicesViewModel> deviceList = devices == null ? null : () -> {
            DevicesViewModel list = devices.get();
            if (saved[0].encrypted()) {
                list.offerRotation(() -> {
                    KeysViewModel keys = keys(saved, form[0]);
                    keys.sectionProperty().set(KeysViewModel.Section.ROTATE);
                    dialogs.manageKeys(keys, false);
                });
            }
            return list;
        };
        SettingsViewModel vm = new SettingsViewModel(current, deviceName.get(), async, checker, phoneSync, deviceList);
        form[0] = vm;
        if (attachments != null) {
            vm.offers().offerAttachments(attachments);
        }
        if (calendars != null) {
            vm.offers().offerCalendars(calendars);
        }
        if (languages != null) {
            LanguageSetting.Start start = LanguageSetting.start();
            vm.offers().offerLanguage(new LanguageViewModel(loaded.language(), start.system(), Messages.language(),
                    start.forcedBy(), l -> LanguageSetting.save(languages, l), async));
        }
        if (weekStore != null) {
            SettingsStore weeks = weekStore;
            Consumer<Optional<DayOfWeek>> applied = weekApplied;
            vm.offers().offerWeekStart(new WeekStartViewModel(loaded.weekStart(), WeekStart.of(Messages.language()),
                    WeekStartSetting.DAYS, d -> WeekStartSetting.save(weeks, d), d -> {
                        WeekStart.choose(d);
                        applied.accept(d);
                    }, async));
        }
        if (autostart != null) {
            vm.offers().offerSession(new AutostartViewModel(autostart, loaded.autostart(), async), loaded.shortcut());
        }
        if (current.encrypted()) {
            vm.offerKeys(() -> dialogs.manageKeys(keys(saved, vm), false));
        }
        if (!dialogs.editSyncSettings(vm)) {
            return;
        }
        SyncSettings chosen = vm.settings();
        Optional<String> newName = vm.deviceNameChange();
        boolean newlyEncrypted = chosen.encrypted() && !saved[0].encrypted();
        async.run(() -> {
            saveAndApply.accept(chosen);
            newName.ifPresent(rename);
            // A device joining a remote that has a recovery key already is not asked to make one (and
            // then to replace the one the others rely on). Unknown (the remote did not answer): not asked.
            return new Saved(chosen, newlyEncrypted && lacksRecoveryKey(chosen));
        }, result -> {
            SyncSettings done = result.settings();
            String where = done.mode() == SyncSettings.Mode.NONE ? Messages.text("settings.saved.off")
                    : Messages.text("settings.saved.syncing", done.describe());
            dialogs.notify(Messages.text("settings.saved.title"), newName
                    .map(n -> Messages.text("settings.saved.renamed", where, n)).orElse(where), false);
            if (result.offerRecoveryKey() && dialogs.confirm(Messages.text("settings.recoveryOffer.title"),
                    Messages.text("settings.recoveryOffer.text"), Messages.text("settings.recoveryOffer.create"))) {
                saved[0] = done;
                // The person chose "Create recovery key": it is made now, and the dialog opens showing it.
                KeysViewModel keys = keys(saved, null);
                keys.createRecoveryKey();
                dialogs.manageKeys(keys, true);
            }
        });
    }

    /** What the form opens with, read off the FX thread. */
    private record Loaded(SyncSettings settings, Optional<Language> language, Optional<DayOfWeek> weekStart,
            boolean autostart, ShortcutHelp shortcut) {
    }

    private record Saved(SyncSettings settings, boolean offerRecoveryKey) {
    }

    /** Whether the remote of {@code s} answers that no recovery key opens it (off the FX thread: it asks the remote). */
    private boolean lacksRecoveryKey(SyncSettings s) {
        try {
            return !keyOps.apply(s).status().recoveryKey();
        } catch (RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.INFO, "Could not read the remote's keyring; no recovery key"
                    + " offered: " + e.getMessage());
            return false;
        }
    }

    /**
     * The keys of the remote {@code saved[0]} names. A new passphrase is saved and given to the sync
     * service at once (else its next sync would stop with "the passphrase was changed"), and shown
     * in the settings form, if open, so that Save keeps it.
     */
    private KeysViewModel keys(SyncSettings[] saved, SettingsViewModel form) {
        return new KeysViewModel(keyOps.apply(saved[0]), async, dialogs, saved[0].passphrase(), passphrase -> {
            SyncSettings updated = saved[0].withPassphrase(passphrase);
            saved[0] = updated;
            if (form != null) {
                form.passphraseChanged(passphrase);
            }
            async.run(() -> {
                saveAndApply.accept(updated);
                return updated;
            }, s -> { });
        }, ZoneId.systemDefault());
    }
}
