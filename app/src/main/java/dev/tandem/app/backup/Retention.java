package dev.tandem.app.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups to keep: the newest of each of the last {@value #DAYS} days (today among them) and
 * the newest of each of the last {@value #WEEKS} ISO weeks (this one among them), and the newest
 * of all whatever its age, so a profile whose backups stopped long ago keeps its last one. Times
 * are local wall-clock times, as the file names carry them; of two in one minute the later
 * ({@link BackupName#sequence}) is the newer. A pure function.
 */
public final class Retention {
    public static final int DAYS = 7;
    public static final int WEEKS = 4;
    static final Comparator<BackupName> NEWEST_FIRST =
            Comparator.comparing(BackupName::taken).thenComparingInt(BackupName::sequence).reversed();

    private Retention() {
    }

    /** The backups of {@code backups} to keep at {@code now}; every other may be deleted. */
    public static Set<BackupName> keep(Collection<BackupName> backups, LocalDateTime now) {
        List<BackupName> newestFirst = backups.stream().distinct().sorted(NEWEST_FIRST).toList();
        Set<BackupName> keep = new LinkedHashSet<>();
        if (newestFirst.isEmpty()) {
            return keep;
        }
        keep.add(newestFirst.get(0));
        LocalDate today = now.toLocalDate();
        LocalDate firstDay = today.minusDays(DAYS - 1);
        long thisWeek = week(today);
        Map<LocalDate, BackupName> byDay = new HashMap<>();
        Map<Long, BackupName> byWeek = new HashMap<>();
        for (BackupName b : newestFirst) {
            LocalDate day = b.taken().toLocalDate();
            if (!day.isBefore(firstDay) && !day.isAfter(today)) {
                byDay.putIfAbsent(day, b);
            }
            long w = week(day);
            if (w <= thisWeek && w > thisWeek - WEEKS) {
                byWeek.putIfAbsent(w, b);
            }
        }
        keep.addAll(byDay.values());
        keep.addAll(byWeek.values());
        return keep;
    }

    /** A running number of the ISO week {@code day} is in: weeks since the one of 1970-01-01 (a Thursday). */
    static long week(LocalDate day) {
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        return Math.floorDiv(monday.toEpochDay() + 3, 7);
    }
}
