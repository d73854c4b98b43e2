package dev.tandem.app.settings;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;

/**
 * Tells a running process when another one saved the profile's settings: {@code tandem sync --save}
 * while the window is open, the window turning off "Remind me when Tandem is closed" while the agent
 * runs. {@link SettingsStore} replaces a file by a move, which is a create; the operating system
 * reports it (inotify on Linux, no polling; the JDK's watch on macOS looks at the folder every few
 * seconds, a listing, not a read). The database's own files in the same folder change on every
 * commit and are not looked at. What the callback reads it reads again from the files, so a change
 * this process made itself is read as no change.
 */
public final class SettingsWatch implements AutoCloseable {
    private static final Set<Path> FILES = Set.of(Path.of(SettingsStore.SETTINGS_FILE),
            Path.of(SettingsStore.SECRETS_FILE));

    private final WatchService watch;
    private final Thread thread;

    private SettingsWatch(Path dir, String name, Runnable onChange) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(() -> loop(onChange), name);
        thread.setDaemon(true);
    }

    /**
     * Calls {@code onChange}, on a thread of its own named {@code name}, after each change of the settings or
     * secrets file in {@code dir}; null when the folder cannot be watched (logged).
     */
    public static SettingsWatch start(Path dir, String name, Runnable onChange) {
        try {
            SettingsWatch w = new SettingsWatch(dir, name, onChange);
            w.thread.start();
            return w;
        } catch (IOException | RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "Cannot watch " + dir
                    + " for settings saved by another program; they apply at the next start", e);
            return null;
        }
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean settings = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    // Lost events may have been ours to see.
                    settings |= e.kind() == StandardWatchEventKinds.OVERFLOW || FILES.contains(e.context());
                }
                if (settings) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        System.getLogger("tandem").log(System.Logger.Level.WARNING, "Reading settings saved by another"
                                + " program failed: " + e.getMessage(), e);
                    }
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Closed: nothing left to watch.
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            System.getLogger("tandem").log(System.Logger.Level.DEBUG, "closing the settings watch", e);
        }
    }
}
