package dev.tandem.app.agent;

import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Stops the agent when "Remind me when Tandem is closed" is turned off, wherever that happens: the window saves
 * {@code agent.autostart=off} in the profile's settings, and the agent, watching the profile's folder, sees the
 * file change and stops itself. This is what stops it on Windows, where Java cannot find another process by its
 * command line, and a second way everywhere else beside {@code tandem agent --stop}.
 *
 * <p>Only a change counts: an agent started by hand while the setting is already "off" keeps running until
 * stopped. On Linux and Windows the watch wakes on the system's change notification; the JDK's watch on macOS
 * looks at the folder every few seconds, a directory listing, not a read of the settings.
 */
public final class TurnedOff implements AutoCloseable {
    private final SettingsStore settings;
    private final Runnable stop;
    private final WatchService watch;
    private final Thread thread;

    private TurnedOff(Path dir, Runnable stop) throws IOException {
        this.settings = new SettingsStore(dir);
        this.stop = stop;
        this.watch = FileSystems.getDefault().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(this::run, "tandem-agent-setting");
        thread.setDaemon(true);
    }

    /** Whether the profile in {@code dir} has the setting off: read when the agent starts, before it holds the profile. */
    public static boolean isOff(Path dir) {
        return "off".equals(new SettingsStore(dir).get(Autostart.SETTING, ""));
    }

    /**
     * Calls {@code stop} once when the profile in {@code dir} turns the setting off. Null when {@code offAtStart}
     * ({@link #isOff}, read when the agent started), or when the folder cannot be watched (then {@code tandem
     * agent --stop} still stops it). Checked again once the watch is in place, so a change made while the agent
     * was starting is not missed.
     */
    public static TurnedOff watch(Path dir, boolean offAtStart, Runnable stop) {
        if (offAtStart) {
            return null;
        }
        try {
            TurnedOff t = new TurnedOff(dir, stop);
            t.thread.start();
            if (t.off()) {
                t.close();
                stop.run();
            }
            return t;
        } catch (IOException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "Cannot watch " + dir
                    + " for the reminder setting; turning it off will not stop this agent until the next sign-in", e);
            return null;
        }
    }

    private boolean off() {
        return isOff(settings.dir());
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                // The database's own files change on every commit: only the settings file (replaced by a move,
                // which is a create) or lost events send the agent to read it.
                boolean settingsChanged = key.pollEvents().stream().anyMatch(e -> e.kind() == StandardWatchEventKinds.OVERFLOW
                        || Path.of(SettingsStore.SETTINGS_FILE).equals(e.context()));
                if (settingsChanged && off()) {
                    stop.run();
                    return;
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Closed with the agent: nothing left to watch.
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            System.getLogger("tandem").log(System.Logger.Level.DEBUG, "closing the setting watch", e);
        }
    }
}
