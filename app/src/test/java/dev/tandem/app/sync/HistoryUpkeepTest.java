package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's history window and the daily pruning run. */
@Tag("unit")
class HistoryUpkeepTest {
    @TempDir
    Path tmp;

    @Test
    void keep_unsetOrUnreadable_aYear_elseTheSavedDays() {
        SettingsStore settings = new SettingsStore(tmp);
        try (TodoStore store = TodoStore.open(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC)) {
            HistoryUpkeep upkeep = new HistoryUpkeep(store.replica(), settings, Clock.systemUTC());
            assertEquals(Duration.ofDays(365), upkeep.keep());
            settings.put(HistoryUpkeep.KEEP_DAYS, "soon");
            assertEquals(Duration.ofDays(365), upkeep.keep());
            upkeep.setKeepDays(30);
            assertEquals(Duration.ofDays(30), upkeep.keep());
            assertThrows(IllegalArgumentException.class, () -> upkeep.setKeepDays(-1));
        }
    }

    @Test
    void pruneIfDue_runsOnceADay() {
        SettingsStore settings = new SettingsStore(tmp);
        Instant start = Instant.parse("2026-11-24T08:00:00Z");
        try (TodoStore store = TodoStore.open(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC)) {
            at(store, settings, start).pruneIfDue();
            assertEquals(Long.toString(start.toEpochMilli()), settings.get("history.prunedAt", null), "never ran: runs now");
            at(store, settings, start.plus(Duration.ofHours(23))).pruneIfDue();
            assertEquals(Long.toString(start.toEpochMilli()), settings.get("history.prunedAt", null), "not again within the day");
            Instant next = start.plus(Duration.ofHours(25));
            at(store, settings, next).pruneIfDue();
            assertEquals(Long.toString(next.toEpochMilli()), settings.get("history.prunedAt", null));
        }
    }

    private static HistoryUpkeep at(TodoStore store, SettingsStore settings, Instant now) {
        return new HistoryUpkeep(store.replica(), settings, Clock.fixed(now, ZoneOffset.UTC));
    }
}
