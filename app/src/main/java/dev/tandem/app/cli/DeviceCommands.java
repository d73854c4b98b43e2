package dev.tandem.app.cli;

import dev.tandem.app.DeviceNames;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Authors;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * {@code tandem device name [NEW]}: the name other devices show for this one, in History and
 * Conflicts. A new name is saved in the profile's settings (the desktop app goes by it at its next
 * start) and as this device's synced name, so the next sync carries it to the other devices.
 * {@code tandem device list} shows the devices the remote knows of; {@code tandem device forget
 * NAME|ID} retires one (docs/SYNC_FORMAT.md, "Retired devices"); with {@code --rotate-key} it then rotates the
 * remote's key as {@code tandem keys rotate} does, so the key a forgotten phone kept opens nothing written
 * afterwards (docs/WEB.md, "When a phone is forgotten"). The keyring is opened before anything is forgotten, so a
 * rotation that cannot run stops the command first. Forgetting never revokes a storage credential; it says so.
 */
final class DeviceCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final SyncCommands syncs;
    private final KeyCommands keys;

    DeviceCommands(PrintStream out, PrintStream err, SyncCommands syncs, KeyCommands keys) {
        this.out = out;
        this.err = err;
        this.syncs = syncs;
        this.keys = keys;
    }

    int device(TodoStore store, Path dir, Args a) {
        List<String> words = a.positional();
        if (a.flags().contains("--rotate-key") && (words.isEmpty() || !words.get(0).equals("forget"))) {
            throw new UsageError(Messages.text("cli.device.expected"));
        }
        if (!words.isEmpty() && words.get(0).equals("list") && words.size() == 1) {
            return list(store, dir, a);
        }
        if (!words.isEmpty() && words.get(0).equals("forget") && words.size() >= 2) {
            boolean rotate = a.flags().contains("--rotate-key");
            if (rotate) {
                keys.checkRotatable(dir, a);
            }
            int done = forget(store, dir, a, String.join(" ", words.subList(1, words.size())));
            err.println(Messages.text("cli.device.credential"));
            return rotate ? keys.rotate(store, dir, new Args(List.of("rotate"), a.options(), Set.of())) : done;
        }
        if (words.isEmpty() || !words.get(0).equals("name")) {
            throw new UsageError(Messages.text("cli.device.expected"));
        }
        Authors authors = new Authors(store);
        SettingsStore settings = new SettingsStore(dir);
        if (words.size() == 1) {
            // The chosen name, else the one the app last said (the host name of its machine).
            out.println(settings.deviceName(authors.ownName().orElseGet(DeviceNames::hostName)));
            return 0;
        }
        String wanted = String.join(" ", words.subList(1, words.size()));
        String name = Authors.validName(wanted)
                .orElseThrow(() -> new Cli.Failure(Messages.text("cli.device.badName", wanted)));
        settings.saveDeviceName(name);
        authors.register(name);
        err.println(Messages.text("cli.device.named", name));
        return 0;
    }

    /** One line per device the remote knows of: name, id, last seen, and whether it is this one or retired. */
    private int list(TodoStore store, Path dir, Args a) {
        Authors authors = new Authors(store);
        try (SyncEngine engine = syncs.engineFor(a, dir)) {
            for (RemoteDevice d : store.replica().devices(engine)) {
                String name = d.thisDevice() ? Messages.text("cli.device.thisOne", name(authors, d)) : name(authors, d);
                String seen = d.lastSeen() == null ? Messages.text("cli.device.neverSeen")
                        : Messages.text("cli.device.lastSeen", Formats.day(
                                LocalDate.ofInstant(d.lastSeen(), ZoneId.systemDefault()), store.today()));
                out.printf("%-32s %s  %s%s%n", TerminalText.field(name), d.id(), seen,
                        d.retired() ? "  " + Messages.text("cli.device.retired") : "");
            }
        }
        return 0;
    }

    /** Retires the device named by its synced name, its full id or the end of its id; exactly one must match. */
    private int forget(TodoStore store, Path dir, Args a, String which) {
        Authors authors = new Authors(store);
        try (SyncEngine engine = syncs.engineFor(a, dir)) {
            List<RemoteDevice> matches = store.replica().devices(engine).stream()
                    .filter(d -> d.id().toString().equals(which) || d.id().toString().endsWith(which)
                            || name(authors, d).equalsIgnoreCase(which))
                    .toList();
            if (matches.size() != 1) {
                throw new Cli.Failure(matches.isEmpty() ? Messages.text("cli.device.forgetNone", engine.describe(), which)
                        : Messages.text("cli.device.forgetMany", matches.size(), which));
            }
            RemoteDevice d = matches.get(0);
            if (d.thisDevice()) {
                throw new Cli.Failure(Messages.text("cli.device.forgetSelf", which));
            }
            boolean now = store.replica().forget(engine, d.id());
            err.println(now ? Messages.text("cli.device.forgot", authors.label(d.id().toString()), d.id().toString())
                    : Messages.text("cli.device.alreadyRetired", authors.label(d.id().toString())));
        }
        return 0;
    }

    /** The device's synced name; this device's own, or "This device" when it has none. */
    private static String name(Authors authors, RemoteDevice d) {
        return d.thisDevice() ? authors.ownName().orElse(Authors.thisDevice()) : authors.label(d.id().toString());
    }
}
