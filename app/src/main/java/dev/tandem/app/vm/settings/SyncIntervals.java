package dev.tandem.app.vm.settings;

import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a device syncs, as Settings offers it: a few intervals in words ("Every 30 minutes")
 * rather than a number of seconds to type; a value saved another way (the command line, an older
 * Tandem) is offered too, in the same words, so opening and saving never changes it.
 */
public final class SyncIntervals {
    /** The intervals offered, in seconds. */
    public static final List<Integer> PRESETS = List.of(60, 300, 900, 1800, 3600, 6 * 3600);

    private SyncIntervals() {
    }

    /** The presets, with {@code current} among them in order when it is another value. */
    public static List<Integer> choices(int current) {
        List<Integer> out = new ArrayList<>(PRESETS);
        if (current > 0 && !out.contains(current)) {
            out.add(current);
            out.sort(Integer::compare);
        }
        return out;
    }

    /** "Every 30 seconds", "Every minute", "Every 15 minutes", "Every hour", "Every 6 hours", "Every 90 minutes". */
    public static String words(int seconds) {
        if (seconds <= 0) {
            return Messages.text("settings.sync.interval.never");
        }
        if (seconds % 3600 == 0) {
            return Messages.text("settings.sync.interval.hours", seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return Messages.text("settings.sync.interval.minutes", seconds / 60);
        }
        return Messages.text("settings.sync.interval.seconds", seconds);
    }
}
