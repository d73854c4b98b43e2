package dev.tandem.app.vm.shared;

import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** How a reminder's time that has passed is said: by the reminders that ring and by the editor beside its field. */
public final class PassedTime {
    private PassedTime() {
    }

    /** "9:00 today has passed", "18:30 yesterday has passed", "Mon 16 Nov 9:00 has passed". */
    public static String of(long at, ZonedDateTime now) {
        ZonedDateTime t = Instant.ofEpochMilli(at).atZone(now.getZone());
        long days = ChronoUnit.DAYS.between(t.toLocalDate(), now.toLocalDate());
        String time = Formats.time(t.toLocalTime());
        return days == 0 ? Messages.text("notify.passed.today", time) : days == 1 ? Messages.text("notify.passed.yesterday", time)
                : Messages.text("notify.passed.day", Formats.day(t.toLocalDate()), time);
    }
}
