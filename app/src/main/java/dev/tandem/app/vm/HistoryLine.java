package dev.tandem.app.vm;

import dev.tandem.app.model.HistoryEntry;
import dev.tandem.app.model.Recurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** One line of the editor's history: what changed, on which device, when. */
public record HistoryLine(String what, String device, Instant at) {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter REMIND = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /**
     * How ids read in the lines: a list's name, a todo's title (a parent's), a section's name; each may say
     * "a deleted list" and the like for an id it does not know.
     */
    public record Names(Function<String, String> list, Function<String, String> item, Function<String, String> section) {
        static Names lists(Function<String, String> list) {
            return new Names(list, id -> "another todo", id -> "a section");
        }
    }

    /**
     * Turns the changelog entries of one item (oldest first) into readable lines, newest first: the
     * first change reads "Created", later ones say what they did to each field.
     */
    public static List<HistoryLine> describe(List<HistoryEntry> entries, Function<String, String> listName) {
        return describe(entries, listName, ZoneId.systemDefault());
    }

    /** {@link #describe(List, Function)}, with reminder times in {@code zone}. */
    public static List<HistoryLine> describe(List<HistoryEntry> entries, Function<String, String> listName,
                                             ZoneId zone) {
        return describe(entries, Names.lists(listName), zone);
    }

    /**
     * As above, naming parents and sections too. A change to the todo's place reads as a move ("Moved under
     * “Move house”", "Moved out of “Move house”", "In section “Later”"); one that wrote only its rank, as
     * "Reordered". Folding its subtasks away or out is left out: it is how the list is looked at, not the todo.
     */
    public static List<HistoryLine> describe(List<HistoryEntry> entries, Names names, ZoneId zone) {
        Function<String, String> listName = names.list();
        Map<String, Object> last = new java.util.HashMap<>();
        Map<String, List<HistoryEntry>> byChange = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            byChange.computeIfAbsent(e.changeId(), k -> new ArrayList<>()).add(e);
        }
        List<HistoryLine> out = new ArrayList<>();
        boolean first = true;
        for (List<HistoryEntry> change : byChange.values()) {
            HistoryEntry head = change.get(0);
            if (first) {
                first = false;
                String title = change.stream().filter(e -> e.field().equals("title")).map(e -> String.valueOf(e.value()))
                        .findFirst().orElse(null);
                out.add(new HistoryLine(title == null ? "Created" : "Created “" + shorten(title) + "”", head.device(), head.at()));
                change.forEach(e -> last.put(e.field(), e.value()));
                continue;
            }
            // A restore writes every value of the item again with "_deleted" = 0 (so a device that
            // had forgotten the item gets it whole); it reads as the one thing it did.
            HistoryEntry restore = change.stream().filter(e -> e.field().equals("_deleted")
                    && "0".equals(String.valueOf(e.value()))).findFirst().orElse(null);
            if (restore != null) {
                out.add(new HistoryLine("Restored", restore.device(), restore.at()));
                change.forEach(e -> last.put(e.field(), e.value()));
                continue;
            }
            boolean moved = change.stream().anyMatch(e -> e.field().equals("parentId") || e.field().equals("sectionId")
                    || e.field().equals("listId"));
            for (HistoryEntry e : change) {
                String what = switch (e.field()) {
                    case "parentId" -> isEmpty(e.value())
                            ? isEmpty(last.get("parentId")) ? null
                            : "Moved out of “" + shorten(names.item().apply(String.valueOf(last.get("parentId")))) + "”"
                            : "Moved under “" + shorten(names.item().apply(String.valueOf(e.value()))) + "”";
                    case "sectionId" -> isEmpty(e.value())
                            ? isEmpty(last.get("sectionId")) ? null
                            : "Out of section “" + shorten(names.section().apply(String.valueOf(last.get("sectionId")))) + "”"
                            : "In section “" + shorten(names.section().apply(String.valueOf(e.value()))) + "”";
                    // A move writes the rank too: the move's own line says it.
                    case "rank" -> moved ? null : "Reordered";
                    default -> fieldChange(e.field(), e.value(), listName, zone);
                };
                if (what != null) {
                    out.add(new HistoryLine(what, e.device(), e.at()));
                }
            }
            change.forEach(e -> last.put(e.field(), e.value()));
        }
        Collections.reverse(out);
        return out;
    }

    static String fieldChange(String field, Object value, Function<String, String> listName) {
        return fieldChange(field, value, listName, ZoneId.systemDefault());
    }

    /**
     * What setting {@code field} of an item to {@code value} did, as a sentence; null for fields the user
     * never sees (ids, times kept for sorting, the series id that goes with a repeat).
     */
    static String fieldChange(String field, Object value, Function<String, String> listName, ZoneId zone) {
        boolean empty = value == null || String.valueOf(value).isBlank();
        return switch (field) {
            case "title" -> "Renamed to “" + shorten(String.valueOf(value)) + "”";
            case "notes" -> empty ? "Cleared the notes" : "Edited the notes";
            case "due" -> {
                if (empty) {
                    yield "Removed the due date";
                }
                try {
                    yield "Due " + DUE.format(LocalDate.parse(String.valueOf(value)));
                } catch (RuntimeException ex) {
                    yield "Due " + value;
                }
            }
            case "done" -> "0".equals(String.valueOf(value)) || empty ? "Reopened" : "Completed";
            case "trashedAt" -> empty ? "Restored from the Trash" : "Moved to the Trash";
            case "kind" -> "note".equals(String.valueOf(value)) ? "Made a note" : "Made a todo";
            case "listId" -> "Moved to " + (empty ? "Inbox" : listName.apply(String.valueOf(value)));
            case "_deleted" -> "0".equals(String.valueOf(value)) || empty ? "Restored" : "Deleted";
            case "priority" -> empty ? "Removed the priority" : "Priority " + String.valueOf(value).strip();
            case "repeat" -> empty ? "Stopped repeating" : Recurrence.parse(String.valueOf(value))
                    .map(r -> "Repeats " + r.describe()).orElse("Changed the repeat");
            case "remindAt" -> {
                if (empty) {
                    yield "Removed the reminder";
                }
                Long at = epochMillis(value);
                yield at == null ? "Changed the reminder"
                        : "Reminder set for " + REMIND.format(Instant.ofEpochMilli(at).atZone(zone));
            }
            case "remindDismissed" -> empty ? null : "Dismissed the reminder";
            case "dueTime" -> empty ? "Removed the time" : "At " + String.valueOf(value).strip();
            case "durationMinutes" -> {
                Long minutes = epochMillis(value);
                yield empty || minutes == null || minutes <= 0 ? "Removed the length"
                        : "Takes " + dev.tandem.app.text.Durations.format(minutes.intValue());
            }
            case "start" -> {
                if (empty) {
                    yield "Removed the start date";
                }
                try {
                    yield "Starts " + START.format(LocalDate.parse(String.valueOf(value).strip()));
                } catch (RuntimeException ex) {
                    yield "Starts " + value;
                }
            }
            case "someday" -> empty || "0".equals(String.valueOf(value)) ? "Back from Someday" : "Someday";
            case "parentId" -> empty ? "Moved out of its parent" : "Moved under another todo";
            case "sectionId" -> empty ? "Out of its section" : "Moved to a section";
            case "rank" -> "Reordered";
            // The series id changes with a repeat (its own line above) or when an occurrence is created; folding
            // subtasks away is how the list is looked at.
            case "doneAt", "createdAt", "id", "seriesId", "position", "tags", "context", "collapsed" -> null;
            default -> "Changed " + readable(field);
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }

    private static Long epochMillis(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A column name as words: "remindAt" reads "remind at", "_some_field" reads "some field". */
    static String readable(String field) {
        String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replace('_', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "a field" : words;
    }

    /** {@code s} on one line, cut to 48 characters with "…": a title named in a message or a history line. */
    static String shorten(String s) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() > 48 ? one.substring(0, 45) + "…" : one;
    }
}
