package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever repeat rule Tandem shows, in English, German or French, reads back as the same rule in a
 * repeat field ({@link RepeatPhrases#field}): a person who retypes a rule as shown gets that rule. Every
 * shape {@link Recurrence#describe} words (a plain interval, weekdays, a day of the month, a day of the
 * year, each with intervals), then random rules up to the largest interval.
 */
@Tag("property")
class RepeatReadBackProperties {
    private static final List<Language> LANGUAGES = List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH);

    @Example
    void field_everyShapeAsDescribed_sameRule() {
        // Failures by language and kind of rule, with the count and the first of each, so the message stays short.
        Map<String, List<String>> wrong = new TreeMap<>();
        int count = 0;
        for (Language l : LANGUAGES) {
            for (Recurrence r : shapes()) {
                String said = Messages.in(l, r::describe);
                Optional<Recurrence> read = Messages.in(l, () -> RepeatPhrases.field(said));
                if (!read.equals(Optional.of(r))) {
                    count++;
                    wrong.computeIfAbsent(l.tag() + " " + kind(r), k -> new ArrayList<>())
                            .add("\"" + said + "\" read as " + read.map(Recurrence::toRule).orElse("nothing"));
                }
            }
        }
        Map<String, String> firsts = new TreeMap<>();
        wrong.forEach((k, v) -> firsts.put(k, v.size() + ", e.g. " + v.get(0)));
        assertEquals(Map.of(), firsts, count + " descriptions do not read back");
    }

    @Property(tries = 300)
    void field_randomRuleAsDescribed_sameRule(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        Recurrence r = random(new Random(seed));
        for (Language l : LANGUAGES) {
            String said = Messages.in(l, r::describe);
            assertEquals(Optional.of(r), Messages.in(l, () -> RepeatPhrases.field(said)), l.tag() + ": " + said);
        }
    }

    /** Each kind of rule with intervals 1 to 3 (plain ones to 12, and the largest), every weekday set and day. */
    private static List<Recurrence> shapes() {
        List<Recurrence> out = new ArrayList<>();
        for (Freq f : Freq.values()) {
            for (int n = 1; n <= 12; n++) {
                out.add(Recurrence.every(f, n));
            }
            out.add(Recurrence.every(f, Recurrence.MAX_INTERVAL));
        }
        for (int n = 1; n <= 3; n++) {
            for (int mask = 1; mask < 128; mask++) {
                out.add(new Recurrence(Freq.WEEKLY, n, days(mask), 0));
            }
            for (int d = 1; d <= 31; d++) {
                out.add(new Recurrence(Freq.MONTHLY, n, Set.of(), d));
            }
            for (Month m : Month.values()) {
                for (int d = 1; d <= m.maxLength(); d++) {
                    out.add(new Recurrence(Freq.YEARLY, n, Set.of(), d, m.getValue()));
                }
            }
        }
        return out;
    }

    /** "yearly on a day, every n": a rule's kind, for the message. */
    private static String kind(Recurrence r) {
        String on = !r.byDay().isEmpty() ? " on weekdays" : r.byMonthDay() != 0 ? " on a day" : "";
        return r.freq().name().toLowerCase(Locale.ROOT) + on + (r.interval() == 1 ? "" : ", every n");
    }

    private static Recurrence random(Random r) {
        int n = r.nextBoolean() ? 1 + r.nextInt(12) : 1 + r.nextInt(Recurrence.MAX_INTERVAL);
        Freq f = Freq.values()[r.nextInt(4)];
        boolean plain = r.nextInt(3) == 0;
        if (plain) {
            return Recurrence.every(f, n);
        }
        return switch (f) {
            case DAILY -> Recurrence.every(f, n);
            case WEEKLY -> new Recurrence(f, n, days(1 + r.nextInt(127)), 0);
            case MONTHLY -> new Recurrence(f, n, Set.of(), 1 + r.nextInt(31));
            case YEARLY -> {
                Month m = Month.of(1 + r.nextInt(12));
                yield new Recurrence(f, n, Set.of(), 1 + r.nextInt(m.maxLength()), m.getValue());
            }
        };
    }

    /** The weekdays of a 7-bit mask, Monday the lowest bit. */
    private static Set<DayOfWeek> days(int mask) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & 1 << d.ordinal()) != 0) {
                days.add(d);
            }
        }
        return days;
    }
}
