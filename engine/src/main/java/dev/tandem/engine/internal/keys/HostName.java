package dev.tandem.engine.internal.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, for "changed on sam-laptop". Read from the environment or /etc/hostname
 * rather than a reverse DNS lookup, which can hang for seconds on a network that is down.
 */
public final class HostName {
    private HostName() {
    }

    public static String ofThisMachine() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // No such file on macOS or Windows; the fallback below names the device well enough.
        }
        return "a device";
    }
}
