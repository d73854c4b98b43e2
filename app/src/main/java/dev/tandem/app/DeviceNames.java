package dev.tandem.app;

import dev.tandem.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a device is called before anyone renames it ({@link Device#rename}): the chosen name, else this computer's. */
public final class DeviceNames {
    private DeviceNames() {
    }

    /**
     * The name a device in {@code dataDir} goes by: the one the user chose (Settings or
     * {@code tandem device name}), else {@link #hostName()}.
     */
    public static String chosenName(Path dataDir) {
        return new SettingsStore(dataDir).deviceName(hostName());
    }

    /**
     * This computer's name for the device list, without a network lookup (InetAddress can wait
     * seconds for DNS on a machine without network).
     */
    public static String hostName() {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String v = Files.readString(etc).strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String user = System.getProperty("user.name", "");
        return os.contains("mac") ? user + "’s Mac" : "This computer";
    }
}
