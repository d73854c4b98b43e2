package dev.tandem.app.model;

import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * A conflict's value as a person reads it, by its column: a time as a day and a time, a date as a
 * date, a priority as "Priority 1", a repeat in words, a list by its name, where a todo sits in words
 * rather than ids and keys. Never a column's stored form: no epoch milliseconds, ids or order keys.
 * A value of a column this version does not know (a newer Tandem's) is shown only when it is text.
 */
final class ConflictValues {
    private ConflictValues() {
    }

    /** {@code value} of {@code table.field}; times in {@code zone}, list ids named by {@code listName} (may be null). */
    static String text(String table, String field, Object value, ZoneId zone, Function<String, String> listName) {
        if ("_deleted".equals(field)) {
            return say(set(value) ? "deleted" : "kept");
        }
        boolean set = set(value);
        String s = value == null ? "" : String.valueOf(value).strip();
        switch (field) {
            case "done":
                return say(set ? "done" : "notDone");
            case "trashedAt":
                return say(set ? "inTrash" : "notInTrash");
            case "parentId":
                return say(set ? "underTodo" : "topOfList");
            case "sectionId":
                return say(set ? "inSection" : "noSection");
            case "rank", "position":
                return say(set ? "ownPlace" : "empty");
            case "someday":
                return say(set ? "someday" : "notSomeday");
            case "collapsed":
                return say(set ? "folded" : "unfolded");
            case "removedAt":
                return say(set ? "tagRemoved" : "tagOn");
            case "remindDismissed":
                return say(set ? "dismissed" : "notDismissed");
            case "kind":
                return say("note".equals(s) ? "note" : "todo");
            case "seriesId":
                return say(set ? "inSeries" : "notInSeries");
            case "itemId":
                return say(set ? "onATodo" : "empty");
            case "blob":
                return say(set ? "aFile" : "empty");
            case "externalId":
                return say(set ? "anId" : "empty");
            default:
                break;
        }
        if (value == null || s.isEmpty()) {
            return say("empty");
        }
        return switch (field) {
            case "createdAt", "doneAt", "remindAt" -> time(value, zone);
            case "due", "start" -> date(s);
            case "dueTime" -> clock(s);
            case "durationMinutes" -> value instanceof Number n && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE
                    ? length(n.intValue()) : say("other");
            case "priority" -> value instanceof Number n ? Messages.text("common.conflict.value.priority", n.longValue())
                    : say("other");
            case "repeat" -> Recurrence.parse(s).map(Recurrence::describe).orElseGet(() -> say("otherRepeat"));
            case "listId" -> listName == null ? say("anotherList")
                    : Messages.text("common.conflict.value.inList", listName.apply(s));
            case "size" -> value instanceof Number n ? FileWords.size(n.longValue()) : say("other");
            case "title", "notes", "name", "query", "color", "tag", "type", "system" -> String.valueOf(value);
            // A column of a newer Tandem: its text reads as it is; a number or bytes would mean nothing.
            default -> value instanceof String ? String.valueOf(value) : say("other");
        };
    }

    private static boolean set(Object value) {
        String s = value == null ? "" : String.valueOf(value).strip();
        return !s.isEmpty() && !"0".equals(s);
    }

    private static String say(String key) {
        return Messages.text("common.conflict.value." + key);
    }

    private static String time(Object value, ZoneId zone) {
        if (!(value instanceof Number n)) {
            return say("other");
        }
        return Formats.dayYearTime(Instant.ofEpochMilli(n.longValue()).atZone(zone).toLocalDateTime());
    }

    /** "30 min", "1 h 30 min": the words quick add's lengths use (text.Durations, a layer above). */
    private static String length(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        if (h == 0) {
            return Messages.text("text.length.minutes", m);
        }
        return m == 0 ? Messages.text("text.length.hours", h) : Messages.text("text.length.hoursMinutes", h, m);
    }

    private static String date(String iso) {
        try {
            return Formats.dayYear(LocalDate.parse(iso));
        } catch (RuntimeException e) {
            return say("other");
        }
    }

    private static String clock(String hhmm) {
        try {
            return Formats.time(LocalTime.parse(hhmm));
        } catch (RuntimeException e) {
            return say("other");
        }
    }
}
