package dev.tandem.app.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A random occurrence to complete, with what synced rows may hold: rules well formed and not (every kind, lower
 * case, RRULE: in front, spaces, empty parts, values out of bounds), due dates at month ends, on leap days, at the
 * edges of {@link DateRange}, damaged or blank, none (the creation day counts), reminders near the ends of a long,
 * start dates, tags to normalise (some removed), a tree of subtasks (notes, done and trashed ones, their own rules)
 * and, now and then, the next occurrence there already. Drawn from a seeded {@link Random}, so the same seed makes
 * the same case ({@link SeriesGoldenTest}).
 */
final class SeriesSpread {
    private static final List<String> BROKEN = List.of("", "  ", "FREQ=HOURLY", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;INTERVAL=1000", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=", "FREQ=WEEKLY;BYDAY=,MO",
            ";FREQ=DAILY", "FREQ=DAILY;COUNT=3", "FREQ=MONTHLY;BYDAY=MO", "FREQ=YEARLY;BYMONTHDAY=5",
            "FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=5", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=DAILY;WKST=SU", "FREQ", "INTERVAL=2", "FREQ=DAILY;INTERVAL=x", "FREQ=DAILY;INTERVAL=99999999999",
            "FREQ=DAILY;" + "X".repeat(200));
    private static final List<String> TAGS = List.of("Home", "@work", " Two  words ", "\u00c9T\u00c9", "home",
            "x".repeat(70), "@@a", "E\u0301t\u00e9", "tab\there", "@", "\u00a0nbsp\u00a0");
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final int[] INTERVALS = {1, 1, 1, 1, 2, 3, 5, 7, 13, 52, 999};

    private final Random r;

    SeriesSpread(Random r) {
        this.r = r;
    }

    SeriesGoldenTest.Case occurrence() {
        long now = DateRange.FIRST.toEpochDay() * 86_400_000L + (long) (r.nextDouble() * 1100 * 365.25 * 86_400_000L);
        SeriesGoldenTest.Case c = new SeriesGoldenTest.Case(now);
        SeriesGoldenTest.Row it = c.item(r.nextInt(10) == 0 ? "\u00e9t\u00e9 \ud83c\udf1e" : "Occurrence");
        it.set("repeat", rule()).set("priority", r.nextInt(3) == 0 ? (long) (1 + r.nextInt(4)) : null);
        LocalDate due = someDay();
        it.set("due", dueText(due));
        if (r.nextInt(4) == 0) {
            it.set("createdAt", r.nextBoolean() ? -r.nextLong(4_000_000_000_000L) : r.nextLong(40_000_000_000_000L));
        }
        if (r.nextInt(3) == 0) {
            it.set("remindAt", r.nextInt(5) == 0 ? Long.MAX_VALUE - r.nextInt(1000) : now + r.nextInt(1_000_000_000));
        }
        if (r.nextInt(3) == 0) {
            it.set("start", r.nextInt(6) == 0 ? "someday" : due.minusDays(r.nextInt(10)).toString());
        }
        it.set("seriesId", r.nextInt(3) == 0 ? c.id() : null).set("dueTime", r.nextInt(4) == 0 ? "09:30" : null)
                .set("durationMinutes", r.nextInt(4) == 0 ? 45L : null).set("listId", r.nextBoolean() ? c.id() : null)
                .set("sectionId", r.nextInt(4) == 0 ? c.id() : null).set("rank", r.nextBoolean() ? "a" + r.nextInt(9) : null)
                .set("notes", r.nextInt(3) == 0 ? "- [ ] one\n- [x] two" : null)
                .set("someday", r.nextInt(8) == 0 ? 1L : null).set("collapsed", r.nextInt(8) == 0 ? 1L : null)
                .set("remindDismissed", r.nextInt(8) == 0 ? now : null);
        switch (r.nextInt(12)) {
            case 0 -> it.set("kind", "note");
            case 1 -> it.set("done", 1L).set("doneAt", now - 5);
            case 2 -> it.set("kind", "todo");
            default -> { }
        }
        tags(c, it);
        children(c, it, 0);
        if (r.nextInt(10) == 0) {
            nextThere(c, it);
        }
        return c.target(it);
    }

    private String rule() {
        if (r.nextInt(7) == 0) {
            return r.nextInt(5) == 0 ? null : BROKEN.get(r.nextInt(BROKEN.size()));
        }
        String freq = List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY").get(r.nextInt(4));
        StringBuilder b = new StringBuilder("FREQ=").append(freq);
        int interval = INTERVALS[r.nextInt(INTERVALS.length)];
        if (interval != 1 || r.nextInt(5) == 0) {
            b.append(";INTERVAL=").append(r.nextInt(8) == 0 ? "+" + interval : String.valueOf(interval));
        }
        if (freq.equals("WEEKLY") && r.nextBoolean()) {
            b.append(";BYDAY=");
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append(DAYS.get(r.nextInt(7)));
            }
        }
        if (freq.equals("MONTHLY") && r.nextInt(3) == 0) {
            b.append(";BYMONTHDAY=").append(1 + r.nextInt(31));
        }
        if (freq.equals("YEARLY") && r.nextInt(3) == 0) {
            b.append(";BYMONTH=").append(1 + r.nextInt(12)).append(";BYMONTHDAY=").append(1 + r.nextInt(31));
        }
        String rule = b.toString();
        return switch (r.nextInt(8)) {
            case 0 -> rule.toLowerCase(java.util.Locale.ROOT);
            case 1 -> "RRULE:" + rule;
            case 2 -> " " + rule.replace(";", " ; ") + " ;";
            case 3 -> rule + ";WKST=MO";
            default -> rule;
        };
    }

    private LocalDate someDay() {
        return switch (r.nextInt(6)) {
            case 0 -> LocalDate.of(1900 + r.nextInt(1100), 1 + r.nextInt(12), 1).plusMonths(1).minusDays(1 + r.nextInt(3));
            case 1 -> LocalDate.of(1904 + 4 * r.nextInt(270), 3, 1).minusDays(1);
            case 2 -> DateRange.LAST.minusDays(r.nextInt(800));
            case 3 -> DateRange.FIRST.plusDays(r.nextInt(40));
            default -> LocalDate.of(1990 + r.nextInt(60), 1, 1).plusDays(r.nextInt(366));
        };
    }

    private String dueText(LocalDate due) {
        return switch (r.nextInt(14)) {
            case 0 -> null;
            case 1 -> "   ";
            case 2 -> "2026-02-30";
            case 3 -> " " + due + "\t";
            case 4 -> "+10000-01-01";
            case 5 -> "1899-12-31";
            default -> due.toString();
        };
    }

    private void tags(SeriesGoldenTest.Case c, SeriesGoldenTest.Row on) {
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            c.tag(on, TAGS.get(r.nextInt(TAGS.size())), r.nextInt(5) == 0 ? c.now - 1 : null);
        }
    }

    private void children(SeriesGoldenTest.Case c, SeriesGoldenTest.Row parent, int depth) {
        int n = depth > 2 ? 0 : r.nextInt(depth == 0 ? 4 : 3);
        for (int i = 0; i < n; i++) {
            SeriesGoldenTest.Row k = c.item("Sub " + depth + "." + i).set("parentId", parent.id)
                    .set("rank", r.nextBoolean() ? "b" + i : null).set("due", r.nextBoolean() ? dueText(someDay()) : null)
                    .set("start", r.nextInt(4) == 0 ? someDay().toString() : null)
                    .set("remindAt", r.nextInt(4) == 0 ? c.now + 1000 : null)
                    .set("repeat", r.nextInt(5) == 0 ? "FREQ=DAILY" : null)
                    .set("collapsed", r.nextInt(4) == 0 ? 1L : null).set("priority", r.nextInt(3) == 0 ? 1L : null)
                    .set("dueTime", r.nextInt(5) == 0 ? "08:00" : null).set("notes", r.nextInt(4) == 0 ? "n" : null)
                    .set("listId", r.nextInt(4) == 0 ? c.id() : null).set("sectionId", r.nextInt(4) == 0 ? c.id() : null);
            switch (r.nextInt(8)) {
                case 0 -> k.set("kind", "note");
                case 1 -> k.set("done", 1L).set("doneAt", c.now - 9);
                case 2 -> k.set("trashedAt", c.now - 7);
                default -> { }
            }
            tags(c, k);
            children(c, k, depth + 1);
        }
    }

    /** The next occurrence already there (completed elsewhere and synced): completing makes no second one. */
    private void nextThere(SeriesGoldenTest.Case c, SeriesGoldenTest.Row it) {
        Item item = it.item();
        Recurrence rule = item.recurrence();
        LocalDate due = item.dueDate();
        if (rule == null || due == null) {
            return;
        }
        LocalDate next = SeriesStore.next(rule.anchoredAt(due), due);
        if (next == null) {
            return;
        }
        String series = item.seriesId() != null ? item.seriesId() : item.id();
        SeriesGoldenTest.Row there = new SeriesGoldenTest.Row(DerivedIds.occurrence(series, next.toString()));
        there.set("title", "There already").set("due", next.toString()).set("done", 0L).set("createdAt", c.now - 1);
        c.rows.add(there);
    }
}
