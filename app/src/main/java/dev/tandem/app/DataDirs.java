package dev.tandem.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    private static final String PRIVATE = "rwx------";

    /**
     * Creates the data directory if needed, readable by this user only where the file system has
     * POSIX permissions (todos and notes are private on a shared computer); an existing one made
     * more open, e.g. by an older version, is narrowed. Parent directories are created as usual.
     */
    public static Path createPrivate(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(PRIVATE)));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException e) {
                // Created by another Tandem process meanwhile; narrowed below like any existing one.
            }
        }
        if (posix && !PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).equals(PRIVATE)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(PRIVATE));
        }
        return dir;
    }

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

    /**
     * The main window's title: "Tandem" for the platform's default profile, which is the one a person
     * uses; another profile names itself by a short name (its folder's, or the folder above a folder
     * called "tandem"), never by a path, which a taskbar would show whole.
     */
    public static String windowTitle(Path dataDir, Path defaultDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.equals(defaultDir.toAbsolutePath().normalize())) {
            return "Tandem";
        }
        Path name = dir.getFileName();
        if (name != null && name.toString().equalsIgnoreCase("tandem") && dir.getParent() != null
                && dir.getParent().getFileName() != null) {
            name = dir.getParent().getFileName();
        }
        return name == null ? "Tandem" : "Tandem — " + name;
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
