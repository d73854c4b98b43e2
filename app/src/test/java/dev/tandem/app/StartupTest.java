package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app's start-up defers (sync) or caches (sqlite-jdbc's native library) keeps working. */
@Tag("unit")
class StartupTest {
    @TempDir
    Path tmp;

    @Test
    void deferredSync_startsWithTheSavedSettingsOnlyWhenAsked() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Device first = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3))) {
            first.settings().saveSync(SyncSettings.folder(tmp.resolve("remote"), 60));
        }
        try (Device d = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false)) {
            Await.quietFor(Duration.ofMillis(200), "a sync that started by itself would have a remote by now");
            assertEquals(SyncStatus.State.OFF, d.sync().status().state(), "no remote before startSync");
            d.start();
            Await.until("the sync to start", () -> d.sync().status().state() != SyncStatus.State.OFF);
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
            d.start();
            Await.until("the sync to start", () -> d.sync().status().state() != SyncStatus.State.OFF);
            Await.quietFor(Duration.ofMillis(200),
                    "the saved settings, were they applied late, would undo the chosen ones by now");
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
            Await.quietFor(Duration.ofMillis(20), "a rewrite of the library would get a later modified time");
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
