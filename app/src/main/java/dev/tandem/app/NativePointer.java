package dev.tandem.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link SqliteNativeCache} put sqlite-jdbc's native library for one sqlite-jdbc jar on one platform:
 * a few {@code key=value} lines in {@code sqlite-native.txt} in the cache directory, so that a later start
 * finds the library without asking sqlite-jdbc, which on Linux runs {@code uname -o} to find out.
 *
 * <p>The file is read as untrusted: at most {@link #MAX_BYTES}; valid only while the jar has the same path,
 * size and modification time and the platform is the same; the library it names must be a regular file (not a
 * link) inside the cache directory, with the size written beside it. Anything else is "not known", and the
 * caller finds the library the slow way and writes the pointer again.
 */
final class NativePointer {
    static final String FILE = "sqlite-native.txt";
    static final int MAX_BYTES = 4096;

    private NativePointer() {
    }

    /** The library the pointer in {@code cache} names for {@code jar}, if it is still valid. */
    static Optional<Path> read(Path cache, String jar) {
        try {
            Path file = cache.resolve(FILE);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            Map<String, String> saved = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    saved.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!describe(jar).equals(Map.of("jar", saved.getOrDefault("jar", ""),
                    "jarSize", saved.getOrDefault("jarSize", ""), "jarModified", saved.getOrDefault("jarModified", ""),
                    "platform", saved.getOrDefault("platform", "")))) {
                return Optional.empty();
            }
            Path root = cache.toAbsolutePath().normalize();
            Path lib = root.resolve(saved.getOrDefault("library", "")).normalize();
            if (!lib.startsWith(root) || lib.equals(root) || !Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS)
                    || !String.valueOf(Files.size(lib)).equals(saved.get("librarySize"))) {
                return Optional.empty();
            }
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the pointer to {@code lib} (inside {@code cache}) for {@code jar}; a failure only costs the next start time. */
    static void write(Path cache, String jar, Path lib) {
        try {
            Path root = cache.toAbsolutePath().normalize();
            Map<String, String> now = describe(jar);
            String text = "jar=" + now.get("jar") + "\njarSize=" + now.get("jarSize") + "\njarModified="
                    + now.get("jarModified") + "\nplatform=" + now.get("platform") + "\nlibrary="
                    + root.relativize(lib.toAbsolutePath().normalize()) + "\nlibrarySize=" + Files.size(lib) + "\n";
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, FILE, ".part");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, root.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // Only speed is lost: the next start asks sqlite-jdbc again.
        }
    }

    /** What the pointer is valid for: the jar's path, size and time, and this platform. */
    private static Map<String, String> describe(String jar) throws IOException {
        Path p = Path.of(jar);
        return Map.of("jar", jar, "jarSize", String.valueOf(Files.size(p)),
                "jarModified", String.valueOf(Files.getLastModifiedTime(p).toMillis()),
                "platform", System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", ""));
    }
}
