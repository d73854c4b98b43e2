package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.text.QuickAdd;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.app.text.TodoDraft;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the options add and edit share: --priority, --tags, --repeat, --remind ("none" clears in edit). */
final class DetailOptions {
    private DetailOptions() {
    }

    static boolean isNone(String v) {
        return v.isBlank() || v.strip().equalsIgnoreCase("none");
    }

    static Integer priority(String v) {
        String p = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("p")) {
            p = p.substring(1);
        }
        if (!p.matches("[1-4]")) {
            throw new UsageError("--priority: give 1 (highest) to 4, or none");
        }
        return Integer.parseInt(p);
    }

    static List<String> tags(String v) {
        return Arrays.stream(v.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Recurrence repeat(String v) {
        String p = v.strip();
        Optional<Recurrence> r = RepeatPhrases.parse(p.toLowerCase(java.util.Locale.ROOT).startsWith("every")
                || !p.contains(" ") && RepeatPhrases.parse(p).isPresent() ? p : "every " + p);
        return r.or(() -> Recurrence.parse(p)).orElseThrow(() -> new UsageError(
                "--repeat: cannot read '" + v + "'; try every day, every weekday, every monday, every 2 weeks,"
                        + " every month on the 1st, every year or an RRULE such as FREQ=WEEKLY;BYDAY=MO"));
    }

    /** "9am", "18:00", "tomorrow 18:00": on the given date (or the phrase's), else the next time it comes. */
    static Long remindAt(String v, LocalDate due, LocalDate today, ZonedDateTime now) {
        TodoDraft d = TodoDraft.parse("x " + v.strip(), today);
        if (d.remindTime() == null || !d.title().equals("x")) {
            throw new UsageError("--remind: cannot read '" + v + "'; try 9am, 18:00 or tomorrow 18:00");
        }
        LocalDate on = d.due() != null ? d.due() : due;
        return new TodoDraft(new QuickAdd("x", on, null), null, List.of(), null, d.remindTime()).remindAt(now);
    }

    /** "note" or "todo" (any case): whether the item is a note. */
    static boolean note(String kind) {
        String k = kind.strip().toLowerCase(java.util.Locale.ROOT);
        if (!k.equals("note") && !k.equals("todo")) {
            throw new UsageError("--kind must be note or todo, not '" + kind + "'");
        }
        return k.equals("note");
    }
}
