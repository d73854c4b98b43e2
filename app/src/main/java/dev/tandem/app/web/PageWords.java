package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The phone page's words in one language, as {@code /messages.json} answers them (the page's i18n.js reads
 * it): the language's tag, its direction and the {@code page.*} patterns, and for a language other than English
 * its quick add table ({@code quickadd}: the catalogue's {@code quickadd_TAG.properties}, the one the desktop's
 * quick add reads beside English, but the keys the page does not read), with which the page as its own device reads quick add in that language
 * (the JS core's app/quick-add-grammar.js), and its words of dates and rules ({@code dates}: patterns, formats and
 * names, so the page as its own device says a row's day, time and length as {@code DueDates} does, describes a
 * rule as {@code Recurrence.describe} does and labels quick add's chips as {@code QuickAddToken} does, letter for
 * letter). {@code tandem serve} answers it per
 * request; {@code tandem page publish} writes it beside the published page, in the profile's language.
 */
public final class PageWords {
    /** The warnings quick add says as it is typed (TodoDraft.warning), which the page as its own device says too. */
    private static final Set<String> QUICK_ADD_WARNINGS = Set.of("text.quickAdd.notADate", "text.quickAdd.outOfRange",
            "text.quickAdd.startsAfterDue");
    /**
     * Keys of the quick add table the page's reader (quick-add-grammar.js) has no use for, left out of what it is sent:
     * the past (the desktop's {@code --as-of}), the words written in lower case (which the page does not read yet),
     * and "every" (the page reads a repeat's first word from its rules). The parts of the day stay: saved filters
     * read them (quick-add-when.js, splitPart).
     */
    private static final List<String> UNREAD = List.of("quickadd.past.", "quickadd.lowerCase", "quickadd.every");
    /** Made once per language: the catalogue is part of the app. */
    private static final Map<Language, byte[]> JSON = new ConcurrentHashMap<>();

    private PageWords() {
    }

    /** The JSON bytes (UTF-8); shared, so callers only read them. */
    public static byte[] json(Language language) {
        Objects.requireNonNull(language, "language");
        return JSON.computeIfAbsent(language, l -> JsonText.write(obj("lang", l.tag(),
                "dir", l.rightToLeft() ? "rtl" : "ltr", "messages", Messages.patterns(l, "page"),
                "quickadd", quickAdd(l), "dates", dateWords(l))).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The words of dates and rules in the language, for the page as its own device to say them as the desktop does
     * (the JS core's app/due-labels.js, app/edits.js and app/quick-add.js): the catalogue's {@code text.repeat.*},
     * {@code text.day.*}, {@code text.length.*}, quick add's chips' {@code text.chip.*} and its warnings'
     * {@code text.quickAdd.notADate}, {@code outOfRange} and {@code startsAfterDue} patterns (keys without
     * {@code text.}), the date and time formats of a row's due
     * label ({@code formats.day}, {@code dateYear}, {@code time}: {@link java.time.format.DateTimeFormatter}
     * patterns), the weekdays' full and short names from Monday and the months' short names from January, as
     * {@link Formats} gives them.
     */
    static Map<String, Object> dateWords(Language l) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        Messages.patterns(l, "text").forEach((k, v) -> {
            if (k.startsWith("text.repeat.") || k.startsWith("text.day.") || k.startsWith("text.length.")
                    || k.startsWith("text.chip.") || QUICK_ADD_WARNINGS.contains(k)) {
                patterns.put(k.substring("text.".length()), v);
            }
        });
        out.put("patterns", patterns);
        Map<String, String> formats = new LinkedHashMap<>();
        for (String kind : List.of("day", "dateYear", "time")) {
            formats.put(kind, Catalogue.pattern(l, "formats." + kind).orElseThrow());
        }
        out.put("formats", formats);
        LocalDate monday = LocalDate.of(2026, 11, 23);
        out.put("weekdays", IntStream.range(0, 7).mapToObj(i -> Formats.format(l, "formats.weekday", monday.plusDays(i)))
                .toList());
        out.put("weekdaysShort", IntStream.range(0, 7)
                .mapToObj(i -> Formats.format(l, "formats.weekdayShort", monday.plusDays(i))).toList());
        out.put("monthsShort", IntStream.rangeClosed(1, 12)
                .mapToObj(m -> Formats.format(l, "formats.monthShort", LocalDate.of(2026, m, 1))).toList());
        return out;
    }

    /**
     * The language's quick add table but its {@link #UNREAD} keys, or null where quick add reads English alone: English
     * itself (read by the parser's code) and the pseudo-languages, as the desktop's Grammar has none for them.
     */
    static Map<String, String> quickAdd(Language l) {
        if (l == Language.ENGLISH || l.pseudo()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>(Catalogue.file("quickadd", l.tag()));
        out.keySet().removeIf(k -> UNREAD.stream().anyMatch(k::startsWith));
        return out;
    }
}
