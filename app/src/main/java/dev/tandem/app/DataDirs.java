package dev.tandem.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tandem keeps its data: {@code --data-dir DIR}, else {@code TANDEM_DATA_DIR}, else the
 * platform's app-data directory: Linux {@code $XDG_DATA_HOME/tandem} or
 * {@code ~/.local/share/tandem}; macOS {@code ~/Library/Application Support/Tandem}; Windows
 * {@code %APPDATA%\Tandem}. The installed app gets the same default, as it runs the same main class.
 */
public final class DataDirs {
    private DataDirs() {
    }

    public static final String ENV = "TANDEM_DATA_DIR";

    public static Path resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return Path.of(option).toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return platformDefault(System.getProperty("os.name", ""), env, System.getProperty("user.home"));
    }

    public static Path platformDefault(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            if (appData != null && !appData.isBlank()) {
                return Path.of(appData, "Tandem");
            }
            return Path.of(userHome, "AppData", "Roaming", "Tandem");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Tandem");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tandem");
        }
        return Path.of(userHome, ".local", "share", "tandem");
    }
}
