package dev.tandem.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in the user's cache directory and points sqlite-jdbc at it
 * ({@code org.sqlite.lib.path}), as JavaFX does with {@code ~/.openjfx/cache}.
 *
 * <p>Left alone, sqlite-jdbc writes its 1.1 MB library to a new file in the temporary directory on
 * every start, and on the database's path to the first frame that took about 0.1 s (wall clock,
 * loaded machine). Here it is written once per library version (named by the jar entry's CRC) and
 * then only checked. Anything unexpected leaves sqlite-jdbc to do what it does by default.
 *
 * <p>Finding the library's name inside the jar asks sqlite-jdbc which platform this is, and on Linux that
 * runs a process ({@code uname -o}, to tell Termux from Linux): tens of milliseconds on every command. So what
 * was found is kept in a pointer file ({@link NativePointer}) beside the library, valid for one sqlite-jdbc jar
 * (its path, size and time) and one platform; a later start reads it and starts no process. The pointer only
 * ever names a library inside the cache directory: one that names another place is ignored.
 *
 * <p>sqlite-jdbc also lists its temporary directory at its first load, to delete libraries older runs left
 * there; pointed at the library's own folder, that listing is one entry instead of the whole of {@code /tmp}.
 */
final class SqliteNativeCache {
    private SqliteNativeCache() {
    }

    static void use(Map<String, String> env) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        Path cache = cacheDir(env);
        Optional<String> jar = sqliteJar();
        Optional<Path> known = jar.flatMap(j -> NativePointer.read(cache, j));
        if (known.isPresent()) {
            point(known.get());
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            URL url = LibraryLoaderUtil.class.getResource(resource);
            if (url == null) {
                return;
            }
            URLConnection conn = url.openConnection();
            if (!(conn instanceof JarURLConnection jarConnection)) {
                return;
            }
            long crc = jarConnection.getJarEntry().getCrc();
            long size = jarConnection.getJarEntry().getSize();
            if (crc < 0 || size < 0) {
                return;
            }
            Path dir = cache.resolve("sqlite-" + Long.toHexString(crc));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib) || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                try (InputStream in = conn.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                // Atomic, so a second Tandem starting at the same moment never loads a half-written file.
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            point(lib);
            if (jar.isPresent()) {
                NativePointer.write(cache, jar.get(), lib);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // sqlite-jdbc unpacks to the temporary directory as usual.
        }
    }

    private static void point(Path lib) {
        System.setProperty("org.sqlite.lib.path", lib.getParent().toString());
        System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
        System.setProperty("org.sqlite.tmpdir", lib.getParent().toString());
    }

    /** sqlite-jdbc's jar as a file path, which the pointer is valid for; empty when it is not loaded from a file. */
    private static Optional<String> sqliteJar() {
        try {
            CodeSource source = LibraryLoaderUtil.class.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar.toAbsolutePath().normalize().toString()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The platform's per-user cache: XDG on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows. */
    static Path cacheDir(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "Tandem", "cache")
                    : Path.of(home, "AppData", "Local", "Tandem", "cache");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "Tandem");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "tandem")
                : Path.of(home, ".cache", "tandem");
    }
}
