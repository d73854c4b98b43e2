package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Authors;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SettingsStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tandem device name [NEW]}: the name other devices show for this one, in History and
 * Conflicts. A new name is saved in the profile's settings (the desktop app goes by it at its next
 * start) and as this device's synced name, so the next sync carries it to the other devices.
 */
final class DeviceCommands {
    private final PrintStream out;
    private final PrintStream err;

    DeviceCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int device(TodoStore store, Path dir, Args a) {
        List<String> words = a.positional();
        if (words.isEmpty() || !words.get(0).equals("name")) {
            throw new UsageError("device: expected 'name' or 'name NEW'");
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
}
