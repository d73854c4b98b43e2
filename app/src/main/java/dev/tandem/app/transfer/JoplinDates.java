package dev.tandem.app.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates in Markdown front matter the way Joplin writes them (ISO 8601 in UTC with a space for the
 * "T": {@code 2026-11-22 09:30:00.123Z}) and the variants other tools write (a "T", an offset, a
 * plain date, no seconds).
 */
final class JoplinDates {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private JoplinDates() {
    }

    static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Epoch milliseconds; a date alone or a time without a zone is read in {@code zone}. */
    static Optional<Long> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().replace(' ', 'T');
        if (s.endsWith("TZ")) {
            s = s.substring(0, s.length() - 2) + "Z";
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            // try the forms below
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.replaceFirst("(T\\d\\d:\\d\\d)(Z|[+-])", "$1:00$2"))
                    .toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            // try the forms below
        }
        try {
            return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            // try the forms below
        }
        try {
            return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(zone)
                    .toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The local date of a front matter date: a plain date as written, a time in {@code zone}. */
    static Optional<LocalDate> parseDate(String text, ZoneId zone) {
        if (text != null && text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.of(LocalDate.parse(text.strip()));
        }
        return parse(text, zone).map(ms -> Instant.ofEpochMilli(ms).atZone(zone).toLocalDate());
    }
}
