package dev.tandem.app.vm.shared;

import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The chip a row shows for a start date still ahead ("starts Mon", "starts tomorrow", "starts 3 Dec"): the
 * todo is planned, not yet to do. A start date today or past says nothing more (the todo is in Today).
 */
public final class StartText {
    private StartText() {
    }

    public static String of(LocalDate start, LocalDate today) {
        if (start == null || !start.isAfter(today)) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(today, start);
        if (days == 1) {
            return Messages.text("editor.startChip.tomorrow");
        }
        if (days < 7) {
            return Messages.text("editor.startChip.on", Formats.weekdayShort(start.getDayOfWeek()));
        }
        return Messages.text("editor.startChip.on", Formats.date(start, today));
    }
}
