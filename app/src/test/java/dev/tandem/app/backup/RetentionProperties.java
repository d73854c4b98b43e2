package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * {@link Retention}'s promises over months of backups as a folder sees them: each day the app may
 * take its daily backup (or fail to: a {@code .partial} that never parses, or not run at all),
 * and a person may press "Back up now" a few times (some of which fail too); after each good
 * backup the folder is pruned. After every prune: every backup of the last 24 hours is there; for
 * every manual backup there, the scheduled backup that was the newest when it was taken is there,
 * and while the manual one is kept by a rule of its own (of the day, last, daily, weekly, monthly)
 * so is the backup just before it; and the folder holds at most {@link Retention#bound}(backups of
 * the last 24 hours).
 */
@Tag("property")
class RetentionProperties {
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** One attempt: minutes after START, whether a person asked for it, whether it failed. */
    record Attempt(int minute, boolean manual, boolean failed) {
    }

    @Property(tries = 200)
    void keep_monthsOfDailyManualAndFailedBackups_keepsTheDayAndTheBackupBeforeEachManualOneWithinTheBound(
            @ForAll("schedules") List<Attempt> schedule) {
        List<BackupName> folder = new ArrayList<>();
        Map<BackupName, BackupName> scheduledBefore = new HashMap<>();
        Map<BackupName, BackupName> justBefore = new HashMap<>();
        for (Attempt a : schedule) {
            LocalDateTime now = START.plusMinutes(a.minute());
            BackupName name = new BackupName("p", now, 1 + (int) folder.stream().filter(b -> b.taken().equals(now)).count(),
                    a.manual());
            if (a.failed()) {
                // What a failed backup leaves: at most its .partial, which is never a backup.
                assertTrue(BackupName.parse(name.fileName() + BackupName.PARTIAL).isEmpty());
                continue;
            }
            newest(folder, false).ifPresent(b -> scheduledBefore.put(name, b));
            newest(folder, true).ifPresent(b -> justBefore.put(name, b));
            folder.add(name);
            Set<BackupName> kept = Retention.keep(folder, now);
            assertTrue(folder.containsAll(kept));
            folder.retainAll(kept);
            check(folder, now, scheduledBefore, justBefore);
        }
    }

    private static void check(List<BackupName> folder, LocalDateTime now, Map<BackupName, BackupName> scheduledBefore,
                              Map<BackupName, BackupName> justBefore) {
        long ofTheDay = folder.stream().filter(b -> b.taken().isAfter(now.minusHours(24))).count();
        assertTrue(folder.size() <= Retention.bound((int) ofTheDay), folder.size() + " kept, " + ofTheDay + " of the day");
        List<BackupName> onTheirOwn = List.copyOf(Retention.keep(folder, now));
        for (BackupName b : folder) {
            if (!b.manual()) {
                continue;
            }
            BackupName good = scheduledBefore.get(b);
            assertTrue(good == null || folder.contains(good), "the scheduled backup " + good + " before " + b + " is gone");
            BackupName prev = justBefore.get(b);
            if (prev != null && keptByARuleOfItsOwn(folder, b, now)) {
                assertTrue(folder.contains(prev), "the backup " + prev + " just before " + b + " is gone");
            }
        }
        assertTrue(onTheirOwn.containsAll(folder), "pruning again at once deletes more");
    }

    /** Whether {@code b} stays when no other manual backup guards anything: by the day, last, daily, weekly or monthly rule. */
    private static boolean keptByARuleOfItsOwn(List<BackupName> folder, BackupName b, LocalDateTime now) {
        List<BackupName> asScheduled = folder.stream().map(x -> new BackupName(x.profile(), x.taken(), x.sequence())).toList();
        return Retention.keep(asScheduled, now).contains(new BackupName(b.profile(), b.taken(), b.sequence()));
    }

    private static Optional<BackupName> newest(List<BackupName> folder, boolean anyKind) {
        return folder.stream().filter(b -> anyKind || !b.manual()).min(Retention.NEWEST_FIRST);
    }

    @Provide
    Arbitrary<List<Attempt>> schedules() {
        // Per day: the daily backup at some minute of the morning (or none: the app not running), and 0-3 presses.
        Arbitrary<List<Attempt>> day = Combinators.combine(
                Arbitraries.integers().between(0, 4 * 60), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 24 * 60 - 1).list().ofMaxSize(3),
                Arbitraries.integers().between(0, 9).list().ofSize(3)).as((dailyAt, dailyFate, presses, fates) -> {
                    List<Attempt> out = new ArrayList<>();
                    if (dailyFate > 0) {
                        out.add(new Attempt(dailyAt, false, dailyFate == 1));
                    }
                    for (int i = 0; i < presses.size(); i++) {
                        out.add(new Attempt(presses.get(i), true, fates.get(i) == 0));
                    }
                    return out;
                });
        return day.list().ofMinSize(30).ofMaxSize(150).map(days -> {
            List<Attempt> all = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                for (Attempt a : days.get(d)) {
                    all.add(new Attempt(d * 24 * 60 + a.minute(), a.manual(), a.failed()));
                }
            }
            all.sort(Comparator.comparingInt(Attempt::minute));
            return all;
        });
    }
}
