package dev.tandem.app.transfer;

import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * ical4j set up once for reading other apps' files and for a desktop app with no network: relaxed
 * parsing and unfolding (Apple and Outlook bend RFC 5545), timezone definitions from the bundled
 * database only (never fetched from the internet), and a plain in-memory timezone cache.
 */
public final class Ical {
    private Ical() {
    }

    static {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        System.setProperty("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
    }

    /** Runs the static set-up above; call before the first use of ical4j. */
    public static void init() {
        // The work is in the static initializer, so it happens once.
    }

    /**
     * A builder for one file (call {@link #init} first). ical4j's own {@code new CalendarBuilder()} makes its whole
     * list of property factories (some 60, each with its own lists) anew for every property it reads, and the
     * parameter and component factories likewise: reading a feed of 10,000 events made some 500 MB of garbage, and
     * collecting it paused the window's frames past 50 ms. The factories hold no state, so this builder makes
     * each list once and reads the whole file with it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static CalendarBuilder builder() {
        List<ParameterFactory<?>> parameters = (List) new DefaultParameterFactorySupplier().get();
        List<PropertyFactory<?>> properties = (List) new DefaultPropertyFactorySupplier().get();
        List<ComponentFactory<?>> components = (List) new DefaultComponentFactorySupplier().get();
        return new CalendarBuilder(CalendarParserFactory.getInstance().get(), () -> parameters, () -> properties,
                () -> components, TimeZoneRegistryFactory.getInstance().createRegistry());
    }

    /** The PRODID of Tandem's exports. */
    static final String PRODID = "-//Tandem//Tandem todos//EN";
    /** Tandem's own property naming the todo's list, kept by other apps and ignored by them. */
    static final String X_LIST = "X-TANDEM-LIST";
    /** Tandem's own property of a todo's start date, where DTSTART says something else (a time, a repeat's first day). */
    static final String X_START = "X-TANDEM-START";
    /** Tandem's own property of a todo's place among its siblings (a {@code Rank} key), so the order comes back. */
    static final String X_RANK = "X-TANDEM-RANK";
    /** The calendar's display name (Apple, Google, Thunderbird). */
    static final String X_CALNAME = "X-WR-CALNAME";
}
