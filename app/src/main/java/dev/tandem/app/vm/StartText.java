package dev.tandem.app.vm;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The chip a row shows for a start date still ahead ("starts Mon", "starts tomorrow", "starts 3 Dec"): the
 * todo is planned, not yet to do. A start date today or past says nothing more (the todo is in Today).
 */
final class StartText {
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private StartText() {
    }

    static String of(LocalDate start, LocalDate today) {
        if (start == null || !start.isAfter(today)) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(today, start);
        if (days == 1) {
            return "starts tomorrow";
        }
        if (days < 7) {
            return "starts " + start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
        return "starts " + (start.getYear() == today.getYear() ? SAME_YEAR : OTHER_YEAR).format(start);
    }
}
