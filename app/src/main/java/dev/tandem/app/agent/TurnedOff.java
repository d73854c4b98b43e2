package dev.tandem.app.agent;

import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SettingsWatch;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the agent when "Remind me when Tandem is closed" is turned off, wherever that happens: the window saves
 * {@code agent.autostart=off} in the profile's settings, and the agent, watching them ({@link SettingsWatch}),
 * sees the file change and stops itself. This is what stops it on Windows, where Java cannot find another process
 * by its command line, and a second way everywhere else beside {@code tandem agent --stop}.
 *
 * <p>Only a change counts: an agent started by hand while the setting is already "off" keeps running until
 * stopped.
 */
public final class TurnedOff implements AutoCloseable {
    private final SettingsWatch watch;

    private TurnedOff(SettingsWatch watch) {
        this.watch = watch;
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
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable once = () -> {
            if (isOff(dir) && stopped.compareAndSet(false, true)) {
                stop.run();
            }
        };
        SettingsWatch w = SettingsWatch.start(dir, "tandem-agent-setting", once);
        if (w == null) {
            return null;
        }
        TurnedOff t = new TurnedOff(w);
        if (isOff(dir)) {
            t.close();
            once.run();
        }
        return t;
    }

    @Override
    public void close() {
        watch.close();
    }
}
