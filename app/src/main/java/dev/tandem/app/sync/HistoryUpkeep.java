package dev.tandem.app.sync;

import dev.tandem.app.model.Replica;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.PrunedHistory;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps a profile's history bounded: {@link Replica#pruneHistory} with the window the user chose
 * ({@value #KEEP_DAYS}, default {@value #DEFAULT_KEEP_DAYS} days), at most once a day, in the
 * background after sync starts; and on demand from {@code tandem compact}.
 */
public final class HistoryUpkeep {
    /** Settings key: days of history kept (the last versions of every field are kept whatever their age). */
    public static final String KEEP_DAYS = "history.keepDays";
    public static final int DEFAULT_KEEP_DAYS = 365;
    /** Settings key: when history was last pruned, epoch milliseconds. */
    static final String PRUNED_AT = "history.prunedAt";
    private static final Duration EVERY = Duration.ofDays(1);

    private final Replica db;
    private final SettingsStore settings;
    private final Clock clock;

    public HistoryUpkeep(Replica db, SettingsStore settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** The window the user chose; an unreadable setting counts as the default. */
    public Duration keep() {
        try {
            int days = Integer.parseInt(settings.get(KEEP_DAYS, Integer.toString(DEFAULT_KEEP_DAYS)).strip());
            return Duration.ofDays(Math.max(0, days));
        } catch (NumberFormatException e) {
            return Duration.ofDays(DEFAULT_KEEP_DAYS);
        }
    }

    /** Saves a new window, in days (0 keeps only the last versions of every field). */
    public void setKeepDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException(Messages.text("common.history.badKeepDays", String.valueOf(days)));
        }
        settings.put(KEEP_DAYS, Integer.toString(days));
    }

    /** Prunes now, whatever the last run; records when. Off the UI thread. */
    public PrunedHistory prune() {
        // Tags of todos sync forgot for good would otherwise stay for ever, synced and kept.
        PrunedHistory pruned = db.pruneHistory(keep());
        settings.put(PRUNED_AT, Long.toString(clock.millis()));
        return pruned;
    }

    /** Prunes when the last run is a day old or more (or never happened); empty result otherwise. */
    public PrunedHistory pruneIfDue() {
        long last;
        try {
            last = Long.parseLong(settings.get(PRUNED_AT, "0"));
        } catch (NumberFormatException e) {
            last = 0;
        }
        if (clock.millis() - last < EVERY.toMillis()) {
            return new PrunedHistory(0, 0, 0);
        }
        return prune();
    }
}
