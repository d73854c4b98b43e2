package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.PagePublisher;
import dev.tandem.app.web.PageWords;
import dev.tandem.app.model.Authors;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The sync settings form. Each field has an error message that shows once the field was touched
 * or a save was tried. "Test connection" builds the engine and runs its check in the background.
 */
public final class SettingsViewModel {
    /** Where to sync, as the dialog's buttons offer it. */
    public enum Target {
        OFF(SyncSettings.Mode.NONE), FOLDER(SyncSettings.Mode.FOLDER), S3(SyncSettings.Mode.S3),
        WEBDAV(SyncSettings.Mode.WEBDAV);

        final SyncSettings.Mode mode;

        Target(SyncSettings.Mode mode) {
            this.mode = mode;
        }

        static Target of(SyncSettings.Mode m) {
            for (Target t : values()) {
                if (t.mode == m) {
                    return t;
                }
            }
            return OFF;
        }
    }

    public static final List<String> FIELDS = List.of("folder", "endpoint", "region", "bucket", "prefix",
            "accessKey", "secretKey", "davUrl", "davUser", "davPassword", "davCertificate", "proxy", "passphrase",
            "interval");
    /** The repeated passphrase's field, for {@link #touch}: its mismatch shows under "passphrase". */
    public static final String PASSPHRASE_REPEAT = "passphraseRepeat";

    /** The name of the "This device" field, for {@link #error} and {@link #touch}. */
    public static final String DEVICE_NAME = "deviceName";

    private final SettingsCheck check;
    private final ObjectProperty<SyncSettings.Mode> mode = new SimpleObjectProperty<>(SyncSettings.Mode.NONE);
    private final Map<String, StringProperty> values = new HashMap<>();
    private final StringProperty passphraseRepeat = new SimpleStringProperty("");
    /** This device's display name: not part of the sync settings, saved apart ({@link #deviceNameChange()}). */
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final String initialDeviceName;
    private final Map<String, ReadOnlyStringWrapper> errors = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.OFF);
    private final ReadOnlyStringWrapper saveLabel = new ReadOnlyStringWrapper(Messages.text("settings.sync.save"));
    private final ReadOnlyBooleanWrapper keysAvailable = new ReadOnlyBooleanWrapper(false);
    private Runnable openKeys;
    private final SettingsOffers offers;
    private final FolderChoice folder;
    private boolean submitted;

    /**
     * Tests the settings for real: builds the engine, runs {@link dev.tandem.engine.sync.SyncEngine#check()}, closes it. A
     * folder that holds other files fails first, before anything is written into it.
     */
    public static ConnectionCheck realCheck(SyncSettings s) {
        return SettingsCheck.realCheck(s);
    }

    /**
     * The folder picked with "Choose…". One that holds other files gets a new {@code Tandem}
     * folder inside it instead, made at once, and the dialog says so ({@link FolderChoice}).
     */
    public void folderChosen(Path dir) {
        touched.add("folder");
        folder.chosen(dir);
    }

    /** Why the folder field holds another folder than the one chosen; "" when it does not. */
    public ReadOnlyStringProperty folderNoteProperty() {
        return folder.noteProperty();
    }

    /** The settings as saved when the dialog opened: "Encryption keys…" works on that remote only. */
    private final SyncSettings saved;
    /** "Publish the page to my storage", on the saved remote too. */
    private final PagePublishViewModel pagePublish;
    private final AddPhoneViewModel addPhone;

    public SettingsViewModel(SyncSettings initial, Async async, Function<SyncSettings, ConnectionCheck> checker) {
        this(initial, "", async, checker);
    }

    /** {@code deviceName}: the name this device goes by now, which the "This device" field starts with. */
    public SettingsViewModel(SyncSettings initial, String deviceName, Async async,
                             Function<SyncSettings, ConnectionCheck> checker) {
        this(initial, deviceName, async, checker, null, null);
    }

    /**
     * As above; {@code phoneSync} makes the view-model of "Phone (CalDAV)…", the profile's CalDAV
     * account, and {@code devices} that of "Devices…"; each null where the window offers none.
     */
    public SettingsViewModel(SyncSettings initial, String deviceName, Async async,
                             Function<SyncSettings, ConnectionCheck> checker, Supplier<CalDavViewModel> phoneSync,
                             Supplier<DevicesViewModel> devices) {
        this.offers = new SettingsOffers(new MoreSettings(phoneSync, devices));
        this.check = new SettingsCheck(async, checker, this::revalidate);
        this.pagePublish = new PagePublishViewModel(initial,
                new PagePublisher(PageWords.json(Messages.language())), async);
        this.addPhone = new AddPhoneViewModel(initial);
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(""));
            errors.put(f, new ReadOnlyStringWrapper(""));
        }
        errors.put(DEVICE_NAME, new ReadOnlyStringWrapper(""));
        initialDeviceName = deviceName == null ? "" : deviceName;
        this.saved = initial;
        this.deviceName.set(initialDeviceName);
        this.deviceName.addListener((o, a, b) -> revalidate());
        load(initial);
        mode.addListener((o, a, b) -> {
            target.set(Target.of(b));
            revalidate();
        });
        target.set(Target.of(mode.get()));
        target.addListener((o, a, b) -> mode.set(b.mode));
        values.values().forEach(p -> p.addListener((o, a, b) -> revalidate()));
        passphraseRepeat.addListener((o, a, b) -> revalidate());
        this.folder = new FolderChoice(async, value("folder"));
        revalidate();
    }

    /** Fills every field from {@code s}, as when the dialog opens. */
    public void load(SyncSettings s) {
        mode.set(s.mode());
        value("folder").set(s.folder());
        value("endpoint").set(s.endpoint());
        value("region").set(s.region());
        value("bucket").set(s.bucket());
        value("prefix").set(s.prefix());
        value("accessKey").set(s.accessKey());
        value("secretKey").set(s.secretKey());
        value("davUrl").set(s.dav().url());
        value("davUser").set(s.dav().user());
        value("davPassword").set(s.dav().password());
        value("davCertificate").set(s.dav().certificate());
        value("proxy").set(s.proxy());
        value("passphrase").set(s.passphrase());
        passphraseRepeat.set(s.passphrase());
        value("interval").set(String.valueOf(s.intervalSeconds()));
    }

    /** The language choice, the reminder agent, the shortcut's help and the dialogs beside, where offered. */
    public SettingsOffers offers() {
        return offers;
    }

    /** "Encryption keys…" runs {@code open}; offered only when the saved settings encrypt. */
    public void offerKeys(Runnable open) {
        openKeys = open;
        revalidate();
    }

    public ReadOnlyBooleanProperty keysAvailableProperty() {
        return keysAvailable.getReadOnlyProperty();
    }

    /** "Add a phone…" ({@link AddPhoneViewModel#available()} says whether to offer it). */
    public AddPhoneViewModel addPhone() {
        return addPhone;
    }

    /** "Publish the page to my storage" ({@link PagePublishViewModel#available()} says whether to offer it). */
    public PagePublishViewModel pagePublish() {
        return pagePublish;
    }

    public void openKeys() {
        if (openKeys != null) {
            openKeys.run();
        }
    }

    /** The remote took a new passphrase through "Encryption keys…": the form shows it, so Save keeps it. */
    public void passphraseChanged(String passphrase) {
        value("passphrase").set(passphrase);
        passphraseRepeat.set(passphrase);
    }

    /** The same choice as {@link #modeProperty()}, in the dialog's terms. */
    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<SyncSettings.Mode> modeProperty() {
        return mode;
    }

    /** The text of a field: one of {@link #FIELDS}. */
    public StringProperty value(String field) {
        StringProperty p = values.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return p;
    }

    public StringProperty passphraseRepeatProperty() {
        return passphraseRepeat;
    }

    /** The "This device" field: how other devices name this one. Its error is {@code error("deviceName")}. */
    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    /**
     * The name to give this device on Save: the field's, stripped, when it is valid and differs from
     * the name it started with; empty otherwise.
     */
    public Optional<String> deviceNameChange() {
        return Authors.validName(deviceName.get()).filter(n -> !n.equals(initialDeviceName.strip()));
    }

    /** The message to show under a field ({@link #FIELDS} or {@link #DEVICE_NAME}), "" when none (or not touched yet). */
    public ReadOnlyStringProperty error(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return check.checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return check.summary.getReadOnlyProperty();
    }

    public ObservableList<CheckStep> checkSteps() {
        return check.steps;
    }

    /** The user left a field: show its error from now on. */
    public void touch(String field) {
        touched.add(field);
        if (field.equals(PASSPHRASE_REPEAT)) {
            touched.add("passphrase");
        }
        revalidate();
    }

    /** The settings as typed (they may be invalid). */
    public SyncSettings settings() {
        int interval;
        try {
            interval = Integer.parseInt(value("interval").get().strip());
        } catch (NumberFormatException e) {
            interval = -1;
        }
        return new SyncSettings(mode.get(), value("folder").get(), value("endpoint").get(), value("region").get(),
                value("bucket").get(), value("prefix").get(), value("accessKey").get(), value("secretKey").get(),
                value("passphrase").get(), interval, new SyncSettings.Dav(value("davUrl").get(), value("davUser").get(),
                        value("davPassword").get(), value("davCertificate").get()), value("proxy").get());
    }

    private Map<String, String> problems() {
        SyncSettings s = settings();
        Map<String, String> p = s.validate();
        String iv = value("interval").get().strip();
        if (!iv.matches("\\d{1,6}")) {
            p.put("interval", Messages.text("settings.sync.interval.invalid"));
        }
        // Said once the repeat field is left (or on Save), never while either field is still being typed.
        if (!value("passphrase").get().equals(passphraseRepeat.get())
                && (submitted || touched.contains(PASSPHRASE_REPEAT))) {
            p.put("passphrase", Messages.text("settings.sync.passphrase.differ"));
        }
        // A name left as it was is not saved, so it cannot be wrong (the host name may be long).
        if (!deviceName.get().equals(initialDeviceName) && Authors.validName(deviceName.get()).isEmpty()) {
            p.put(DEVICE_NAME, Authors.nameProblem());
        }
        return p;
    }

    private void revalidate() {
        // The keys are the saved remote's: offered only while the form still names that remote and passphrase.
        SyncSettings now = settings();
        keysAvailable.set(openKeys != null && now.mode() == saved.mode() && now.describe().equals(saved.describe())
                && now.passphrase().equals(saved.passphrase()));
        boolean failedHere = check.failedFor(now);
        boolean makeHere = check.createFor(now);
        saveLabel.set(Messages.text(failedHere ? "settings.sync.saveAnyway"
                : makeHere ? "settings.sync.makeFolderAndSave" : "settings.sync.save"));
        if (!failedHere && !makeHere && !check.missingFolderSaid(now)) {
            check.saveWarning.set("");
        }
        Map<String, String> p = problems();
        valid.set(p.isEmpty());
        for (Map.Entry<String, ReadOnlyStringWrapper> e : errors.entrySet()) {
            String msg = p.getOrDefault(e.getKey(), "");
            e.getValue().set(submitted || touched.contains(e.getKey()) ? msg : "");
        }
    }

    /** Shows every error; returns the settings when they are valid. */
    public Optional<SyncSettings> submit() {
        submitted = true;
        revalidate();
        return valid.get() ? Optional.of(settings()) : Optional.empty();
    }

    /** Runs the connection check in the background; the steps appear in {@link #checkSteps()}. */
    public void testConnection() {
        if (mode.get() == SyncSettings.Mode.NONE) {
            check.refuse(Messages.text("settings.sync.chooseFirst"));
            return;
        }
        if (submit().isEmpty()) {
            check.refuse(Messages.text("settings.sync.fixFirst"));
            return;
        }
        check.run(settings(), false);
    }

    /**
     * "Save"; "Save anyway" once the check failed for the settings as they are now; "Make the folder and save"
     * once it found a folder remote's folder missing where it can be made.
     */
    public ReadOnlyStringProperty saveLabelProperty() {
        return saveLabel.getReadOnlyProperty();
    }

    /** Why saving these settings is risky, "" when it is not. */
    public ReadOnlyStringProperty saveWarningProperty() {
        return check.saveWarning.getReadOnlyProperty();
    }

    /** Turns true when a save that had to wait for the check may close the dialog. */
    public ReadOnlyBooleanProperty readyToCloseProperty() {
        return check.readyToClose.getReadOnlyProperty();
    }

    /**
     * Save: true when the dialog may close with {@link #settings()} now. Invalid settings show their
     * errors. A remote is checked for real first, in the background (unless these exact settings
     * passed a check already): if it passes, {@link #readyToCloseProperty()} turns true; if it
     * fails, the dialog says why and the next Save, of the same settings, saves anyway.
     */
    public boolean requestSave() {
        if (submit().isEmpty() || check.checking.get()) {
            return false;
        }
        SyncSettings s = settings();
        if (s.mode() == SyncSettings.Mode.NONE || check.decided(s)) {
            return true;
        }
        if (check.createFor(s)) {
            check.createAndRun(s);
            return false;
        }
        check.run(s, true);
        return false;
    }
}
