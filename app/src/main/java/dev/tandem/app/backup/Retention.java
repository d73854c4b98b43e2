package dev.tandem.app.backup;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups to keep, in the manner of restic's {@code forget}: a backup is kept when any rule
 * keeps it, and every other may be deleted.
 * <ol>
 * <li><b>within</b>: every backup taken in the {@value #WITHIN_HOURS} hours before now (or after
 *     it: a clock set back), whatever else there is: a person who notices damage and backs up has
 *     a day in which no backup is lost;</li>
 * <li><b>last</b>: the newest {@value #LAST};</li>
 * <li><b>daily, weekly, monthly</b>: the newest of each of the last {@value #DAILY} days,
 *     {@value #WEEKLY} ISO weeks and {@value #MONTHLY} months that have a backup (restic counts
 *     only buckets with a backup, so a profile whose backups stopped long ago keeps its last
 *     ones);</li>
 * <li><b>before manual</b>: for each {@link BackupName#manual} backup kept by a rule above, the
 *     newest backup taken before it and the newest scheduled one taken before it. "Back up now"
 *     is what someone does after noticing damage: the backup before it is then the good copy, and
 *     a second press must not make the first the only one guarded.</li>
 * </ol>
 * The guard of rule 4 is not applied again to the backups it keeps, which bounds the count: with
 * {@code n} backups in the last day, at most {@link #bound(int)} = n + 2 + 3 × ({@value #LAST} +
 * {@value #DAILY} + {@value #WEEKLY} + {@value #MONTHLY}) are kept (the rules of 2 and 3 keep at
 * most their sum, and each backup they keep guards at most two more; rule 1's manual backups guard
 * only backups of the day or the newest one and newest scheduled one before it). A failed backup
 * is never a {@link BackupName} (its {@code .partial} file never parses), so it never counts as
 * the good copy. Times are local wall-clock times, as the file names carry them; of two in one
 * minute the later ({@link BackupName#sequence}) is the newer. A pure function.
 */
public final class Retention {
    public static final int WITHIN_HOURS = 24;
    public static final int LAST = 3;
    public static final int DAILY = 7;
    public static final int WEEKLY = 4;
    public static final int MONTHLY = 6;
    static final Comparator<BackupName> NEWEST_FIRST =
            Comparator.comparing(BackupName::taken).thenComparingInt(BackupName::sequence).reversed();

    private Retention() {
    }

    /** The most backups {@link #keep} returns when {@code withinDay} of them are of the last {@value #WITHIN_HOURS} hours. */
    public static int bound(int withinDay) {
        return withinDay + 2 + 3 * (LAST + DAILY + WEEKLY + MONTHLY);
    }

    /** The backups of {@code backups} to keep at {@code now}; every other may be deleted. */
    public static Set<BackupName> keep(Collection<BackupName> backups, LocalDateTime now) {
        List<BackupName> newestFirst = backups.stream().distinct().sorted(NEWEST_FIRST).toList();
        LocalDateTime dayAgo = now.minusHours(WITHIN_HOURS);
        Set<BackupName> scheduled = new LinkedHashSet<>();
        for (BackupName b : newestFirst) {
            if (b.taken().isAfter(dayAgo)) {
                scheduled.add(b);
            }
        }
        scheduled.addAll(newestFirst.subList(0, Math.min(LAST, newestFirst.size())));
        newestOfEach(newestFirst, b -> b.taken().toLocalDate(), DAILY, scheduled);
        newestOfEach(newestFirst, b -> week(b.taken()), WEEKLY, scheduled);
        newestOfEach(newestFirst, b -> YearMonth.from(b.taken()), MONTHLY, scheduled);
        Set<BackupName> keep = new LinkedHashSet<>(scheduled);
        for (int i = 0; i < newestFirst.size(); i++) {
            if (newestFirst.get(i).manual() && scheduled.contains(newestFirst.get(i))) {
                guardBefore(newestFirst, i, keep);
            }
        }
        return keep;
    }

    /** Rule 4 for the manual backup at {@code i}: the next older backup, and the next older scheduled one. */
    private static void guardBefore(List<BackupName> newestFirst, int i, Set<BackupName> keep) {
        if (i + 1 < newestFirst.size()) {
            keep.add(newestFirst.get(i + 1));
        }
        for (int j = i + 1; j < newestFirst.size(); j++) {
            if (!newestFirst.get(j).manual()) {
                keep.add(newestFirst.get(j));
                return;
            }
        }
    }

    /** Restic's {@code --keep-daily n} and kin: the newest backup of each of the newest {@code n} buckets that have one. */
    private static void newestOfEach(List<BackupName> newestFirst, Function<BackupName, Object> bucket, int n,
                                     Set<BackupName> keep) {
        Object last = null;
        int buckets = 0;
        for (BackupName b : newestFirst) {
            Object key = bucket.apply(b);
            if (!Objects.equals(key, last)) {
                if (buckets == n) {
                    return;
                }
                keep.add(b);
                buckets++;
                last = key;
            }
        }
    }

    /** A running number of the ISO week {@code t} is in: weeks since the one of 1970-01-01 (a Thursday). */
    static long week(LocalDateTime t) {
        long monday = t.toLocalDate().toEpochDay() - (t.getDayOfWeek().getValue() - 1L);
        return Math.floorDiv(monday + 3, 7);
    }
}
