package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.DeviceRoster;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings' device list: the devices the remote knows of, when each was last seen, and
 * "Forget" for one gone for good (docs/SYNC_FORMAT.md, "Retired devices"). Reading the remote and
 * forgetting run off the UI thread through {@link Async}; no toolkit needed. On an encrypted remote,
 * forgetting may go on to rotate the remote's key ({@link #offerRotation}): a forgotten phone keeps
 * the key its passphrase gave, which opens nothing written after a rotation (docs/WEB.md, "When a
 * phone is forgotten"). Forgetting never revokes the storage credential a device used; the question
 * says so.
 */
public final class DevicesViewModel implements HasFeedback {
    /** One device as the list shows it. */
    public record Row(UUID id, String name, String seen, boolean retired, boolean thisDevice) {
        /** Offered "Forget": not this device, not one retired already. */
        public boolean forgettable() {
            return !retired && !thisDevice;
        }
    }

    /** What the list says while sync is off. */
    public static String syncOff() {
        return Messages.text("settings.devices.syncOff");
    }

    /** Above the list: what it holds, and when to forget a device. */
    public static String help() {
        return Messages.text("settings.devices.help");
    }

    /** The question before forgetting {@code name}: what it does, and that the storage credential stays valid. */
    public static String forgetText(String name) {
        return Messages.text("settings.devices.forget.text", name) + "\n\n"
                + Messages.text("settings.devices.forget.credential");
    }

    /** The choice beside it, on an encrypted remote: rotate the key once the device is forgotten. */
    public static String rotateChoice() {
        return Messages.text("settings.devices.forget.rotate");
    }

    private final Feedback feedback = new Feedback();
    /** Opens the key's rotation; null when the remote is not encrypted. */
    private Runnable rotation;
    private final Supplier<Optional<SyncEngine>> engine;
    private final DeviceRoster roster;
    private final Async async;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    // Kept: a read-only view listens to its list weakly, so one made per call could be collected
    // with the dialog's listener on it, and the dialog would stop following the rows.
    private final ObservableList<Row> rowsRO = FXCollections.unmodifiableObservableList(rows);

    public DevicesViewModel(Supplier<Optional<SyncEngine>> engine, DeviceRoster roster, Async async, Clock clock) {
        this.engine = engine;
        this.roster = roster;
        this.async = async;
        this.clock = clock;
    }

    public ObservableList<Row> rows() {
        return rowsRO;
    }

    /** Reads the devices from the remote (one request per device). */
    public void load() {
        Optional<SyncEngine> e = engine.get();
        if (e.isEmpty()) {
            rows.clear();
            feedback.say(syncOff());
            return;
        }
        read(e.get(), list -> feedback.say(list.size() == 1 ? Messages.text("settings.devices.onlyThis") : ""));
    }

    /** Offers rotating the key after forgetting; {@code open} opens "Encryption keys…" at its rotation. */
    public void offerRotation(Runnable open) {
        this.rotation = open;
    }

    /** Whether the question offers rotating the key too (the remote is encrypted). */
    public boolean offersRotation() {
        return rotation != null;
    }

    /** Retires {@code row}'s device from the remote, then reads the list again. */
    public void forget(Row row) {
        forget(row, false);
    }

    /**
     * Retires {@code row}'s device, then reads the list again; with {@code rotate} (offered only on an encrypted
     * remote) the key's rotation opens once the device is retired, and only then: a forget that failed (the remote
     * unreachable) leaves the device live, and a rotation then would only lock it out without telling it why.
     */
    public void forget(Row row, boolean rotate) {
        Optional<SyncEngine> e = engine.get();
        if (!row.forgettable() || e.isEmpty()) {
            return;
        }
        feedback.busy(true);
        async.run(() -> roster.forget(e.get(), row.id()), now -> {
            String said = Messages.text(now ? "settings.devices.forgot" : "settings.devices.alreadyRetired",
                    row.name());
            read(e.get(), list -> feedback.say(said));
            if (rotate) {
                openRotation();
            }
        }, this::failed);
    }

    /** Opens the key's rotation, when offered. */
    void openRotation() {
        if (rotation != null) {
            rotation.run();
        }
    }

    private void read(SyncEngine e, Consumer<List<Row>> then) {
        feedback.busy(true);
        async.run(() -> rowsOf(e), list -> {
            feedback.busy(false);
            rows.setAll(list);
            then.accept(list);
        }, this::failed);
    }

    private void failed(Throwable t) {
        feedback.end(Messages.text("settings.devices.unreachable", String.valueOf(t.getMessage())));
    }

    private List<Row> rowsOf(SyncEngine e) {
        List<Row> out = new ArrayList<>();
        for (DeviceRoster.Entry d : roster.list(e)) {
            out.add(new Row(d.id(), d.name(), seen(d.lastSeen(), clock.instant()), d.retired(), d.thisDevice()));
        }
        return out;
    }

    /** "Last seen today", "yesterday", "12 days ago"; "Never seen" when the remote holds no time. */
    static String seen(Instant at, Instant now) {
        if (at == null) {
            return Messages.text("settings.devices.neverSeen");
        }
        long days = Math.max(0, Duration.between(at, now).toDays());
        return days == 0 ? Messages.text("settings.devices.seenToday") : days == 1
                ? Messages.text("settings.devices.seenYesterday") : Messages.text("settings.devices.seenDaysAgo", days);
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}
