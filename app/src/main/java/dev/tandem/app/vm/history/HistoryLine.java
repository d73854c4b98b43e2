package dev.tandem.app.vm.history;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.app.text.Durations;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** One line of the editor's history: what changed, on which device, when. */
public record HistoryLine(String what, String device, Instant at) {
    /**
     * How ids read in the lines: a list's name, a todo's title (a parent's), a section's name; each may say
     * "a deleted list" and the like for an id it does not know.
     */
    public record Names(Function<String, String> list, Function<String, String> item, Function<String, String> section) {
        static Names lists(Function<String, String> list) {
            return new Names(list, id -> Messages.text("editor.history.anotherTodo"),
                    id -> Messages.text("editor.history.aSection"));
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
     * As above, naming parents and sections too. A tag added or removed (an entry of its own) reads "Tagged @x" or
     * "Removed the tag @x", and is never the "Created" line. A change to the todo's place reads as a move ("Moved under
     * “Move house”", "Moved out of “Move house”", "In section “Later”"); one that wrote only its rank, as
     * "Reordered". Folding its subtasks away or out is left out: it is how the list is looked at, not the todo.
     */
    public static List<HistoryLine> describe(List<HistoryEntry> entries, Names names, ZoneId zone) {
        Function<String, String> listName = names.list();
        Map<String, Object> last = new HashMap<>();
        Map<String, List<HistoryEntry>> byChange = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            byChange.computeIfAbsent(e.changeId(), k -> new ArrayList<>()).add(e);
        }
        List<HistoryLine> out = new ArrayList<>();
        boolean first = true;
        for (List<HistoryEntry> change : byChange.values()) {
            HistoryEntry head = change.get(0);
            if (HistoryEntry.isTag(head.field())) {
                // A tag's row changed, not the item: "Tagged @errand", "Removed the tag @errand".
                out.add(new HistoryLine(Messages.text(head.field().equals(HistoryEntry.TAG_ADDED)
                        ? "editor.history.tagged" : "editor.history.untagged", shorten(String.valueOf(head.value()))),
                        head.device(), head.at()));
                continue;
            }
            if (first) {
                first = false;
                String title = change.stream().filter(e -> e.field().equals("title")).map(e -> String.valueOf(e.value()))
                        .findFirst().orElse(null);
                out.add(new HistoryLine(title == null ? Messages.text("editor.history.created")
                        : Messages.text("editor.history.createdTitled", shorten(title)), head.device(), head.at()));
                change.forEach(e -> last.put(e.field(), e.value()));
                continue;
            }
            // A restore writes every value of the item again with "_deleted" = 0 (so a device that
            // had forgotten the item gets it whole); it reads as the one thing it did.
            HistoryEntry restore = change.stream().filter(e -> e.field().equals("_deleted")
                    && "0".equals(String.valueOf(e.value()))).findFirst().orElse(null);
            if (restore != null) {
                out.add(new HistoryLine(Messages.text("editor.history.restored"), restore.device(), restore.at()));
                change.forEach(e -> last.put(e.field(), e.value()));
                continue;
            }
            boolean moved = change.stream().anyMatch(e -> e.field().equals("parentId") || e.field().equals("sectionId")
                    || e.field().equals("listId"));
            for (HistoryEntry e : change) {
                String what = switch (e.field()) {
                    case "parentId" -> isEmpty(e.value())
                            ? isEmpty(last.get("parentId")) ? null
                            : Messages.text("editor.history.movedOutOf",
                                    shorten(names.item().apply(String.valueOf(last.get("parentId")))))
                            : Messages.text("editor.history.movedUnder",
                                    shorten(names.item().apply(String.valueOf(e.value()))));
                    case "sectionId" -> isEmpty(e.value())
                            ? isEmpty(last.get("sectionId")) ? null
                            : Messages.text("editor.history.outOfSection",
                                    shorten(names.section().apply(String.valueOf(last.get("sectionId")))))
                            : Messages.text("editor.history.inSection",
                                    shorten(names.section().apply(String.valueOf(e.value()))));
                    // A move writes the rank too: the move's own line says it.
                    case "rank" -> moved ? null : Messages.text("editor.history.reordered");
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
            case "title" -> Messages.text("editor.history.renamed", shorten(String.valueOf(value)));
            case "notes" -> Messages.text(empty ? "editor.history.notesCleared" : "editor.history.notesEdited");
            case "due" -> {
                if (empty) {
                    yield Messages.text("editor.history.dueRemoved");
                }
                try {
                    yield Messages.text("editor.history.due", Formats.dayYear(LocalDate.parse(String.valueOf(value))));
                } catch (RuntimeException ex) {
                    yield Messages.text("editor.history.due", String.valueOf(value));
                }
            }
            case "done" -> Messages.text("0".equals(String.valueOf(value)) || empty
                    ? "editor.history.reopened" : "editor.history.completed");
            case "trashedAt" -> Messages.text(empty ? "editor.history.restoredFromTrash"
                    : "editor.history.movedToTrash");
            case "kind" -> Messages.text("note".equals(String.valueOf(value)) ? "editor.history.madeNote"
                    : "editor.history.madeTodo");
            case "listId" -> empty ? Messages.text("editor.history.movedToInbox")
                    : Messages.text("editor.history.movedToList", listName.apply(String.valueOf(value)));
            case "_deleted" -> Messages.text("0".equals(String.valueOf(value)) || empty
                    ? "editor.history.restored" : "editor.history.deleted");
            case "priority" -> empty ? Messages.text("editor.history.priorityRemoved")
                    : Messages.text("editor.history.priority", String.valueOf(value).strip());
            case "repeat" -> empty ? Messages.text("editor.history.repeatStopped")
                    : Recurrence.parse(String.valueOf(value)).map(r -> Messages.text("editor.history.repeats",
                            r.describe()))
                    .orElseGet(() -> Messages.text("editor.history.repeatChanged"));
            case "remindAt" -> {
                if (empty) {
                    yield Messages.text("editor.history.reminderRemoved");
                }
                Long at = epochMillis(value);
                yield at == null ? Messages.text("editor.history.reminderChanged")
                        : Messages.text("editor.history.reminderSet",
                        Formats.dayTime(Instant.ofEpochMilli(at).atZone(zone).toLocalDateTime()));
            }
            case "remindDismissed" -> empty ? null : Messages.text("editor.history.reminderDismissed");
            case "dueTime" -> empty ? Messages.text("editor.history.timeRemoved")
                    : Messages.text("editor.history.time", time(String.valueOf(value).strip()));
            case "durationMinutes" -> {
                Long minutes = epochMillis(value);
                yield empty || minutes == null || minutes <= 0 ? Messages.text("editor.history.lengthRemoved")
                        : Messages.text("editor.history.length",
                                Durations.format(minutes.intValue()));
            }
            case "start" -> {
                if (empty) {
                    yield Messages.text("editor.history.startRemoved");
                }
                try {
                    yield Messages.text("editor.history.start",
                            Formats.day(LocalDate.parse(String.valueOf(value).strip())));
                } catch (RuntimeException ex) {
                    yield Messages.text("editor.history.start", String.valueOf(value));
                }
            }
            case "someday" -> Messages.text(empty || "0".equals(String.valueOf(value))
                    ? "editor.history.somedayOff" : "editor.history.someday");
            case "parentId" -> Messages.text(empty ? "editor.history.movedOutOfParent"
                    : "editor.history.movedUnderAnother");
            case "sectionId" -> Messages.text(empty ? "editor.history.outOfItsSection"
                    : "editor.history.movedToSection");
            case "rank" -> Messages.text("editor.history.reordered");
            // The series id changes with a repeat (its own line above) or when an occurrence is created; folding
            // subtasks away is how the list is looked at.
            case "doneAt", "createdAt", "id", "seriesId", "position", "tags", "context", "collapsed" -> null;
            default -> Messages.text("editor.history.changed", readable(field));
        };
    }

    /** A stored time of day ("14:00") as the language writes it; as stored when it does not parse. */
    static String time(String stored) {
        try {
            return Formats.time(LocalTime.parse(stored.strip()));
        } catch (RuntimeException e) {
            return stored;
        }
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
        return words.isEmpty() ? Messages.text("editor.history.aField") : words;
    }

    /** {@code s} on one line, cut to 48 characters with "…": a title named in a message or a history line. */
    public static String shorten(String s) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() > 48 ? one.substring(0, 45) + "…" : one;
    }
}
