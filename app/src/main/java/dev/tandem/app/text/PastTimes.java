package dev.tandem.app.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment in the past as people write it, for "as of": {@code 2026-11-24 18:00}, {@code 2026-11-24}
 * (the end of that day: as the day left it), {@code yesterday} (likewise), {@code 3 days ago},
 * {@code 2h ago}, or an ISO instant ({@code 2026-11-24T17:00:00Z}). Local times are in {@code zone}. The
 * language in effect adds its own words from its quick-add table ({@code quickadd.past.*}: "gestern",
 * "vor 3 Tagen", "hier", "il y a 3 jours"); English always works too.
 */
public final class PastTimes {
    private static final Pattern AGO = Pattern.compile(
            "(\\d{1,4})\\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\\s+ago");
    private static final Pattern DAY_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(?::\\d{2})?)");

    private PastTimes() {
    }

    /** The moment {@code text} names; empty when it names none. */
    public static Optional<Instant> parse(String text, Clock clock, ZoneId zone) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (s.equals("today") || s.equals("yesterday")) {
            return Optional.of(endOf(s.equals("today") ? today : today.minusDays(1), zone));
        }
        Optional<Grammar> own = Grammar.current();
        if (own.isPresent() && own.get().yesterday(s)) {
            return Optional.of(endOf(today.minusDays(1), zone));
        }
        Optional<Duration> back = own.flatMap(g -> g.ago(s));
        if (back.isPresent()) {
            return Optional.of(clock.instant().minus(back.get()));
        }
        Matcher ago = AGO.matcher(s);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2).charAt(0)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return Optional.of(clock.instant().minus(d));
        }
        try {
            Matcher dt = DAY_TIME.matcher(s);
            if (dt.matches()) {
                return Optional.of(LocalDateTime.of(LocalDate.parse(dt.group(1)), LocalTime.parse(pad(dt.group(2))))
                        .atZone(zone).toInstant());
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(endOf(LocalDate.parse(s), zone));
            }
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
    }

    private static String pad(String time) {
        return time.indexOf(':') == 1 ? "0" + time : time;
    }
}
