package dev.tandem.app.web;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.RepeatPhrases;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

/**
 * An edit from the page, made on the item as the page last saw it. Each field carries its base (the
 * value the page showed): a field whose base is still its value (or that holds the page's value already,
 * when a page sends its draft again) is saved; a field another device
 * changed since is not written over, and the page's value is kept in Conflicts (as lost to the other
 * device's, with the browser as its author) for "use lost value". Tags are rows that merge by adding
 * and removing, so an edit of them applies what the page added and removed against its base. All of
 * it is one transaction ({@link OutsideEdits#merge}), which writes only if the item is still as read.
 *
 * <p>Values are checked before anything is written: a bad date (due or start), time, length, priority,
 * repeat, a Someday that is not true or false, a time on an item without a due date, or a title that is
 * empty or too long refuses the whole edit. A start date after the due date is allowed, as on the desktop.
 */
final class WebEdits {
    /** What an edit did: the fields kept as conflicts instead of saved (empty when all were saved). */
    record Result(List<String> stale) {
    }

    private final TodoStore store;
    private final TagStore tags;
    private final OutsideEdits edits;

    WebEdits(TodoStore store) {
        this.store = store;
        this.tags = store.tags();
        this.edits = new OutsideEdits(store);
    }

    Result apply(String id, Map<String, Object> set, Map<String, Object> base, String browserId, String browserName) {
        // Decided on the item as read, written only if it is still so (OutsideEdits#merge): a sync that
        // commits in between makes this read and decide again, and its change is merged, not written over.
        for (int attempt = 0; attempt < OutsideEdits.ATTEMPTS; attempt++) {
            Item current = store.get(id).orElseThrow(() -> new BadRequest(404, "server.item.gone"));
            List<String> currentTags = tags.of(id);
            Decided d = decide(current.withTags(String.join(" ", currentTags)), set, base, browserId, browserName);
            if (edits.merge(current, currentTags, d.next(), d.tags(), d.clashes())) {
                return new Result(d.stale());
            }
        }
        throw new BadRequest(409, "server.edit.changing");
    }

    private record Decided(Item next, List<String> tags, OutsideEdits.Clashes clashes, List<String> stale) {
    }

    private Decided decide(Item current, Map<String, Object> set, Map<String, Object> base, String browserId,
                           String browserName) {
        Item next = current;
        List<String> stale = new ArrayList<>();
        Map<String, Object> lost = new LinkedHashMap<>();
        List<String> tagList = current.tagList();
        for (Map.Entry<String, Object> e : set.entrySet()) {
            String field = e.getKey();
            Object now = ItemJson.field(current, field);
            if (!base.containsKey(field)) {
                throw new BadRequest("server.edit.noBase", field);
            }
            if (field.equals("tags")) {
                tagList = mergedTags(tagList, strings(base.get(field)), strings(e.getValue()));
                continue;
            }
            Item edited = with(next, field, e.getValue());
            // Already the value sent: a page sending its draft again, the answer to the first send lost.
            if (sameValue(now, base.get(field)) || sameValue(now, ItemJson.field(edited, field))) {
                next = edited;
            } else {
                stale.add(field);
                lost.put(COLUMNS.getOrDefault(field, field), column(edited, field));
            }
        }
        // As the desktop's editor: a start date set takes the todo out of Someday (one removed leaves it), unless
        // the edit says otherwise.
        if (next.startDate() != null && !Objects.equals(next.start(), current.start()) && !set.containsKey("someday")) {
            next = next.withSomeday(false);
        }
        if (set.get("time") != null && next.dueDate() == null) {
            throw new BadRequest("server.edit.timeNeedsDue");
        }
        if (!Objects.equals(next.title(), current.title())) {
            if (next.title() == null || next.title().isBlank()) {
                throw new BadRequest("server.edit.titleNeeded");
            }
        }
        String tooBig = TextLimits.problemOfChange(current, next);
        if (tooBig != null) {
            throw new BadRequest("server.refused", tooBig);
        }
        OutsideEdits.Clashes clashes = new OutsideEdits.Clashes(browserId, browserName, Map.of(), lost,
                store.clock().instant());
        return new Decided(next, tagList, clashes, stale);
    }

    private Item with(Item it, String field, Object v) {
        LocalDate today = store.today();
        return switch (field) {
            case "title" -> it.withTitle(text(v, field).strip());
            case "notes" -> it.withNotes(text(v, field));
            case "due" -> it.withDue(v == null || v.toString().isBlank() ? null : date(v.toString()));
            case "time" -> it.withDueTime(v == null || v.toString().isBlank() ? null : time(v.toString()));
            case "lengthMinutes" -> it.withDuration(length(v));
            case "priority" -> it.withPriority(priority(v));
            case "listId" -> it.withListId(v == null || v.toString().isBlank() ? null : listId(v.toString()));
            case "remindAt" -> it.withRemindAt(v == null ? null : moment(v, field));
            case "repeat" -> SeriesStore.withRule(it, v == null || v.toString().isBlank() ? null : repeat(v.toString()), today);
            case "start" -> it.withStart(v == null || v.toString().isBlank() ? null : date(v.toString()));
            case "someday" -> it.withSomeday(flag(v, field));
            default -> throw new BadRequest("server.field.unknown", field);
        };
    }

    private String listId(String id) {
        return store.list(id).orElseThrow(() -> new BadRequest("server.edit.noSuchList")).id();
    }

    private static List<String> mergedTags(List<String> now, List<String> base, List<String> wanted) {
        LinkedHashSet<String> out = new LinkedHashSet<>(now);
        wanted.stream().filter(t -> !base.contains(t)).forEach(out::add);
        base.stream().filter(t -> !wanted.contains(t)).forEach(out::remove);
        return List.copyOf(out);
    }

    private static boolean sameValue(Object now, Object base) {
        if (now instanceof Number a && base instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        return Objects.equals(now, base);
    }

    /** The page's fields not named after their item column. */
    private static final Map<String, String> COLUMNS = Map.of("time", "dueTime", "lengthMinutes", "durationMinutes");

    /** A page field's value as its item column holds it. */
    private static Object column(Item it, String column) {
        return switch (column) {
            case "title" -> it.title();
            case "notes" -> it.notes();
            case "due" -> it.due();
            case "time" -> it.dueTime();
            case "lengthMinutes" -> it.durationMinutes();
            case "priority" -> it.priority();
            case "listId" -> it.listId();
            case "remindAt" -> it.remindAt();
            case "repeat" -> it.repeat();
            case "start" -> it.start();
            case "someday" -> it.someday();
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static String text(Object v, String field) {
        if (!(v instanceof String s)) {
            throw new BadRequest("server.field.notText", field);
        }
        return s;
    }

    /** A date as the page writes one, {@code YYYY-MM-DD}, within {@link DateRange}; else 400 saying which. */
    private static LocalDate date(String v) {
        Optional<LocalDate> d = DateRange.read(v);
        if (d.isPresent()) {
            return d.get();
        }
        try {
            LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest("server.edit.notADate", v);
        }
        throw new BadRequest("server.edit.dateOutOfRange", v, DateRange.FIRST_TEXT, DateRange.LAST_TEXT);
    }

    /** A reminder's moment, in milliseconds, on a date within {@link DateRange}; else 400. */
    private static Long moment(Object v, String field) {
        long at = number(v, field);
        if (!DateRange.containsMillis(at)) {
            throw new BadRequest("server.edit.remindOutOfRange", DateRange.FIRST_TEXT, DateRange.LAST_TEXT);
        }
        return at;
    }

    private static LocalTime time(String v) {
        LocalTime t = Item.clock(v);
        if (t == null) {
            throw new BadRequest("server.edit.notATime", v);
        }
        return t;
    }

    /** Minutes, 1 to a week (the desktop's bound), or null for no length. */
    private static Long length(Object v) {
        if (v == null) {
            return null;
        }
        long m = number(v, "lengthMinutes");
        if (m < 1 || m > Durations.MAX_MINUTES) {
            throw new BadRequest("server.edit.length", String.valueOf(Durations.MAX_MINUTES));
        }
        return m;
    }

    private static Integer priority(Object v) {
        if (v == null) {
            return null;
        }
        long p = number(v, "priority");
        if (p < 1 || p > 4) {
            throw new BadRequest("server.edit.priority");
        }
        return (int) p;
    }

    private static boolean flag(Object v, String field) {
        if (!(v instanceof Boolean b)) {
            throw new BadRequest("server.edit.notBoolean", field);
        }
        return b;
    }

    private static long number(Object v, String field) {
        if (!(v instanceof Number n)) {
            throw new BadRequest("server.edit.notANumber", field);
        }
        return n.longValue();
    }

    /** In the page's language (the request's, {@code Messages.in}) as quick add reads it, or English. */
    private static Recurrence repeat(String text) {
        return RepeatPhrases.field(text).orElseThrow(() -> new BadRequest("server.edit.repeat", text.strip()));
    }

    static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new BadRequest("server.edit.tagsList");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            out.add(ItemTag.normalize(String.valueOf(o)));
        }
        return out;
    }
}
