package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RetentionTest {
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 26, 0, 0);

    private static List<BackupName> dailies(int days) {
        List<BackupName> out = new ArrayList<>();
        for (int d = days; d >= 1; d--) {
            out.add(new BackupName("p", DAY.minusDays(d).withHour(0).withMinute(39), 1));
        }
        return out;
    }

    @Test
    void keep_manualBackupMinutesAfterTheDailyOne_keepsBoth() {
        List<BackupName> all = dailies(30);
        BackupName daily = new BackupName("p", DAY.withMinute(39), 1);
        BackupName manual = new BackupName("p", DAY.withMinute(47), 1, true);
        all.add(daily);
        all.add(manual);
        Set<BackupName> kept = Retention.keep(all, DAY.withMinute(47));
        assertTrue(kept.contains(daily), "the daily backup before the manual one was deleted");
        assertTrue(kept.contains(manual));
    }

    @Test
    void keep_daysAfterTwoManualPresses_stillKeepsTheDailyBackupBeforeThem() {
        List<BackupName> all = new ArrayList<>(dailies(10));
        BackupName good = new BackupName("p", DAY.withMinute(39), 1);
        all.add(good);
        all.add(new BackupName("p", DAY.withMinute(47), 1, true));
        all.add(new BackupName("p", DAY.withMinute(50), 1, true));
        for (int d = 1; d <= 5; d++) {
            all.add(new BackupName("p", DAY.plusDays(d).withMinute(39), 1));
        }
        LocalDateTime later = DAY.plusDays(5).withHour(12);
        Set<BackupName> kept = Retention.keep(all, later);
        // The day's newest (the second press) is kept as that day's; the good copy stays with it.
        assertTrue(kept.contains(new BackupName("p", DAY.withMinute(50), 1, true)), kept.toString());
        assertTrue(kept.contains(good), kept.toString());
    }

    @Test
    void keep_dailyBackupsForAYear_keepsEachOfTheLastSevenDaysAndAtMostTheRestrictedRules() {
        List<BackupName> all = dailies(365);
        Set<BackupName> kept = Retention.keep(all, DAY.withHour(10));
        assertTrue(kept.size() <= Retention.LAST + Retention.DAILY + Retention.WEEKLY + Retention.MONTHLY, kept.toString());
        for (int d = 1; d <= Retention.DAILY; d++) {
            assertTrue(kept.contains(new BackupName("p", DAY.minusDays(d).withMinute(39), 1)), "day -" + d);
        }
        assertFalse(kept.contains(all.get(0)), "a year-old backup that no rule keeps");
    }

    @Test
    void keep_backupsThatStoppedLongAgo_keepsTheLastOnes() {
        List<BackupName> all = dailies(20);
        Set<BackupName> kept = Retention.keep(all, DAY.plusYears(2));
        assertEquals(all.get(all.size() - 1), kept.stream().max(Retention.NEWEST_FIRST.reversed()).orElseThrow());
        assertTrue(kept.size() >= Retention.DAILY);
    }
}
