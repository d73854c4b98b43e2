package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The promise of {@link Retention}, checked against a second reading of it written with
 * {@link IsoFields}' weeks: the newest of each of the last 7 days and of each of the last 4 ISO
 * weeks are kept, the newest of all always, and nothing else.
 */
class RetentionProperties {
    private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** Backups from 60 days before {@code now} to a day after it (a clock set back). */
    record Case(LocalDateTime now, List<BackupName> backups) {
    }

    @Property(tries = 1000)
    void keep_anyBackups_keepsExactlyThePromisedSet(@ForAll("cases") Case c) {
        assertEquals(promised(c.backups(), c.now()), Retention.keep(c.backups(), c.now()));
    }

    @Property(tries = 300)
    void keep_anyBackups_keepsTheNewestAndOnlyWhatItWasGiven(@ForAll("cases") Case c) {
        List<BackupName> backups = c.backups();
        Set<BackupName> kept = Retention.keep(backups, c.now());
        backups.stream().max(Comparator.comparing(BackupName::taken).thenComparingInt(BackupName::sequence))
                .ifPresent(newest -> assertTrue(kept.contains(newest), "the newest backup " + newest + " was not kept"));
        assertTrue(backups.containsAll(kept));
    }

    @Property(tries = 100)
    void keep_dailyBackupsForAYear_keepsAtMostElevenAndOneOfEachOfTheLastSevenDays(@ForAll("nows") LocalDateTime now) {
        List<BackupName> daily = new java.util.ArrayList<>();
        for (int d = 0; d < 365; d++) {
            daily.add(new BackupName("p", now.minusDays(d).withHour(9).withMinute(0), 1));
        }
        Set<BackupName> kept = Retention.keep(daily, now.withHour(10));
        assertTrue(kept.size() <= Retention.DAYS + Retention.WEEKS, kept.size() + " kept");
        for (int d = 0; d < Retention.DAYS; d++) {
            LocalDate day = now.toLocalDate().minusDays(d);
            assertTrue(kept.stream().anyMatch(b -> b.taken().toLocalDate().equals(day)), "no backup of " + day);
        }
    }

    private static Set<BackupName> promised(List<BackupName> backups, LocalDateTime now) {
        Set<BackupName> out = new HashSet<>();
        Comparator<BackupName> order = Comparator.comparing(BackupName::taken).thenComparingInt(BackupName::sequence);
        backups.stream().max(order).ifPresent(out::add);
        for (int d = 0; d < Retention.DAYS; d++) {
            LocalDate day = now.toLocalDate().minusDays(d);
            backups.stream().filter(b -> b.taken().toLocalDate().equals(day)).max(order).ifPresent(out::add);
        }
        LocalDate weekDay = now.toLocalDate();
        for (int w = 0; w < Retention.WEEKS; w++) {
            LocalDate inWeek = weekDay.minusWeeks(w);
            backups.stream().filter(b -> sameIsoWeek(b.taken().toLocalDate(), inWeek)).max(order).ifPresent(out::add);
        }
        return out;
    }

    private static boolean sameIsoWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<int[]> offsets = Combinators.combine(Arbitraries.integers().between(-24 * 60, 60 * 24 * 60),
                Arbitraries.integers().between(1, 3)).as((minutes, seq) -> new int[] {minutes, seq});
        return Combinators.combine(nows(), offsets.list().ofMaxSize(80)).as((now, list) -> new Case(now,
                list.stream().map(o -> new BackupName("p", now.minusMinutes(o[0]), o[1])).distinct().toList()));
    }

    @Provide
    Arbitrary<LocalDateTime> nows() {
        return Arbitraries.integers().between(0, 1000 * 24 * 60).map(BASE::plusMinutes);
    }
}
