package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app's start-up defers (sync) or caches (sqlite-jdbc's native library) keeps working. */
class StartupTest {
    @TempDir
    Path tmp;

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void deferredSync_startsWithTheSavedSettingsOnlyWhenAsked() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Device first = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3))) {
            first.settings().saveSync(SyncSettings.folder(tmp.resolve("remote"), 60));
        }
        try (Device d = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false)) {
            Thread.sleep(200);
            assertEquals(SyncStatus.State.OFF, d.sync().status().state(), "no remote before startSync");
            d.startSync();
            waitFor(() -> d.sync().status().state() != SyncStatus.State.OFF);
            assertTrue(d.sync().status().remote().contains("remote"), d.sync().status().remote());
        }
    }

    @Test
    void deferredSync_doesNotUndoSettingsAppliedMeanwhile() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Device d = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false)) {
            d.settings().saveSync(SyncSettings.folder(tmp.resolve("saved"), 60));
            d.applySync(SyncSettings.folder(tmp.resolve("chosen"), 60));
            d.startSync();
            waitFor(() -> d.sync().status().state() != SyncStatus.State.OFF);
            Thread.sleep(200);
            assertTrue(d.sync().status().remote().contains("chosen"), d.sync().status().remote());
        }
    }

    @Test
    void nativeCacheDir_followsEachPlatformsConvention() {
        String os = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Linux");
            assertEquals(Path.of("/x/cache/tandem"), SqliteNativeCache.cacheDir(Map.of("XDG_CACHE_HOME", "/x/cache")));
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "tandem"), SqliteNativeCache.cacheDir(Map.of()));
            System.setProperty("os.name", "Windows 11");
            assertEquals(Path.of("C:/L", "Tandem", "cache"), SqliteNativeCache.cacheDir(Map.of("LOCALAPPDATA", "C:/L")));
            System.setProperty("os.name", "Mac OS X");
            assertEquals(Path.of(System.getProperty("user.home"), "Library", "Caches", "Tandem"), SqliteNativeCache.cacheDir(Map.of()));
        } finally {
            System.setProperty("os.name", os);
        }
    }

    @Test
    void nativeCache_unpacksOnceAndPointsSqliteJdbcAtIt() throws Exception {
        String path = System.clearProperty("org.sqlite.lib.path");
        String name = System.clearProperty("org.sqlite.lib.name");
        String tmpdir = System.clearProperty("org.sqlite.tmpdir");
        try {
            Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            SqliteNativeCache.use(env);
            Path dir = Path.of(System.getProperty("org.sqlite.lib.path"));
            Path lib = dir.resolve(System.getProperty("org.sqlite.lib.name"));
            assertTrue(dir.startsWith(tmp.resolve("cache")), dir.toString());
            assertTrue(Files.size(lib) > 100_000, "the library was written");
            long written = Files.getLastModifiedTime(lib).toMillis();

            System.clearProperty("org.sqlite.lib.path");
            Thread.sleep(20);
            SqliteNativeCache.use(env);
            assertEquals(written, Files.getLastModifiedTime(lib).toMillis(), "a second start only checks it");
        } finally {
            restore("org.sqlite.lib.path", path);
            restore("org.sqlite.lib.name", name);
            restore("org.sqlite.tmpdir", tmpdir);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
