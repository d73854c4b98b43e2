package dev.tandem.app.backup;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where backups go. By default the user's Documents folder, "Tandem backups" in it: on Linux
 * {@code XDG_DOCUMENTS_DIR} (from the environment or {@code ~/.config/user-dirs.dirs}), else
 * {@code ~/Documents}; on macOS and Windows {@code ~/Documents}. Never inside the data dir: a
 * backup kept with what it backs up is lost with it (a wiped app folder, a dead disk partition).
 */
public final class BackupFolder {
    public static final String NAME = "Tandem backups";
    private static final Pattern USER_DIRS = Pattern.compile("^\\s*XDG_DOCUMENTS_DIR\\s*=\\s*\"([^\"]*)\"\\s*$",
            Pattern.MULTILINE);

    private BackupFolder() {
    }

    /** The default folder for this platform. */
    public static Path platformDefault(String osName, Map<String, String> env, String home) {
        return documents(osName, env, Path.of(home)).resolve(NAME);
    }

    private static Path documents(String osName, Map<String, String> env, Path home) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            String fromEnv = env.get("XDG_DOCUMENTS_DIR");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Path.of(fromEnv);
            }
            String configHome = env.getOrDefault("XDG_CONFIG_HOME", "");
            Path config = configHome.isBlank() ? home.resolve(".config") : Path.of(configHome);
            Optional<Path> fromFile = userDirs(config.resolve("user-dirs.dirs"), home);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return home.resolve("Documents");
    }

    /** XDG_DOCUMENTS_DIR as xdg-user-dirs writes it ("$HOME/Documents"); one that is $HOME itself is no Documents folder. */
    private static Optional<Path> userDirs(Path file, Path home) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Matcher m = USER_DIRS.matcher(Files.readString(file));
            if (!m.find()) {
                return Optional.empty();
            }
            String v = m.group(1).replace("$HOME", home.toString());
            Path p = Path.of(v);
            return p.isAbsolute() && !p.normalize().equals(home.normalize()) ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses a folder inside the data dir (or the data dir itself, or one holding it via a link).
     *
     * @throws IllegalArgumentException saying why, in words for a person
     */
    public static Path check(Path folder, Path dataDir) {
        Path f = real(folder);
        Path d = real(dataDir);
        if (f.startsWith(d)) {
            throw new IllegalArgumentException(Messages.text("common.backup.insideData", dataDir.toString()));
        }
        return folder.toAbsolutePath().normalize();
    }

    /** The real path of {@code p}, or of its nearest existing parent with the rest appended: a new folder is allowed. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
