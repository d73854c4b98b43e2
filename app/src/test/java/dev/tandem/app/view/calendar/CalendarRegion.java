package dev.tandem.app.view.calendar;

import dev.tandem.ui.messages.WeekStart;
import java.util.Locale;

/**
 * A region's dates for a calendar test: the format locale and the week's first day, both as the app reads them
 * once at start (from LANG). {@link #close()} puts back what the JVM had before, so the next test starts clean.
 */
final class CalendarRegion implements AutoCloseable {
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);
    private final Locale systemBefore = WeekStart.system();

    private CalendarRegion() {
    }

    /** Dates as in {@code region} until {@link #close()}. */
    static CalendarRegion use(Locale region) {
        CalendarRegion r = new CalendarRegion();
        r.switchTo(region);
        return r;
    }

    /** The dates as they are, to be put back by {@link #close()} after a test switches them. */
    static CalendarRegion saved() {
        return new CalendarRegion();
    }

    /** Dates as in {@code region} from now on; {@link #close()} still puts back what was there before. */
    void switchTo(Locale region) {
        Locale.setDefault(Locale.Category.FORMAT, region);
        WeekStart.system(region);
    }

    @Override
    public void close() {
        Locale.setDefault(Locale.Category.FORMAT, before);
        WeekStart.system(systemBefore);
    }
}
