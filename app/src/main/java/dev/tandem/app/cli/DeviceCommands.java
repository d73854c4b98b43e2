package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Authors;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tandem device name [NEW]}: the name other devices show for this one, in History and
 * Conflicts. A new name is saved in the profile's settings (the desktop app goes by it at its next
 * start) and as this device's synced name, so the next sync carries it to the other devices.
 * {@code tandem device list} shows the devices the remote knows of; {@code tandem device forget
 * NAME|ID} retires one (docs/SYNC_FORMAT.md, "Retired devices").
 */
final class DeviceCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final SyncCommands syncs;

    DeviceCommands(PrintStream out, PrintStream err, SyncCommands syncs) {
        this.out = out;
        this.err = err;
        this.syncs = syncs;
    }

    int device(TodoStore store, Path dir, Args a) {
        List<String> words = a.positional();
        if (!words.isEmpty() && words.get(0).equals("list") && words.size() == 1) {
            return list(store, dir, a);
        }
        if (!words.isEmpty() && words.get(0).equals("forget") && words.size() >= 2) {
            return forget(store, dir, a, String.join(" ", words.subList(1, words.size())));
        }
        if (words.isEmpty() || !words.get(0).equals("name")) {
            throw new UsageError("device: expected 'name [NEW]', 'list' or 'forget NAME|ID'");
        }
        Authors authors = new Authors(store);
        SettingsStore settings = new SettingsStore(dir);
        if (words.size() == 1) {
            // The chosen name, else the one the app last said (the host name of its machine).
            out.println(settings.deviceName(authors.ownName().orElseGet(Device::hostName)));
            return 0;
        }
        String wanted = String.join(" ", words.subList(1, words.size()));
        String name = Authors.validName(wanted)
                .orElseThrow(() -> new Cli.Failure("device name: " + Authors.NAME_PROBLEM + " Got “" + wanted + "”."));
        settings.saveDeviceName(name);
        authors.register(name);
        err.println("This device is now called " + name + "; other devices show it after the next sync.");
        return 0;
    }

    /** One line per device the remote knows of: name, id, last seen, and whether it is this one or retired. */
    private int list(TodoStore store, Path dir, Args a) {
        Authors authors = new Authors(store);
        try (SyncEngine engine = syncs.engineFor(a, dir)) {
            for (RemoteDevice d : engine.devices(store.db())) {
                String name = d.thisDevice() ? name(authors, d) + " (this device)" : name(authors, d);
                String seen = d.lastSeen() == null ? "never seen"
                        : "last seen " + d.lastSeen().toString().substring(0, 10);
                out.printf("%-32s %s  %s%s%n", name, d.id(), seen, d.retired() ? "  retired" : "");
            }
        }
        return 0;
    }

    /** Retires the device named by its synced name, its full id or the end of its id; exactly one must match. */
    private int forget(TodoStore store, Path dir, Args a, String which) {
        Authors authors = new Authors(store);
        try (SyncEngine engine = syncs.engineFor(a, dir)) {
            List<RemoteDevice> matches = engine.devices(store.db()).stream()
                    .filter(d -> d.id().toString().equals(which) || d.id().toString().endsWith(which)
                            || name(authors, d).equalsIgnoreCase(which))
                    .toList();
            if (matches.size() != 1) {
                throw new Cli.Failure("device forget: " + (matches.isEmpty() ? "no device on " + engine.describe()
                        + " is called or has the id “" + which + "”" : matches.size() + " devices match “" + which
                        + "”; give the full id") + ". 'tandem device list' shows them.");
            }
            RemoteDevice d = matches.get(0);
            if (d.thisDevice()) {
                throw new Cli.Failure("device forget: “" + which + "” is this device; forget it from another one.");
            }
            boolean now = engine.forget(store.db(), d.id());
            err.println(now ? "Forgot " + authors.label(d.id().toString()) + " (" + d.id() + "). Other devices stop"
                    + " keeping what only it would need; if it syncs again, it re-joins as a new device and loses nothing."
                    : authors.label(d.id().toString()) + " was already retired.");
        }
        return 0;
    }

    /** The device's synced name; this device's own, or "This device" when it has none. */
    private static String name(Authors authors, RemoteDevice d) {
        return d.thisDevice() ? authors.ownName().orElse(Authors.THIS_DEVICE) : authors.label(d.id().toString());
    }
}
