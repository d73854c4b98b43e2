package dev.tandem.app.model;

import dev.tandem.engine.Conflict;
import dev.tandem.ui.messages.Messages;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * A conflict in words, the same in the window, the command line and the web page: what it is about
 * ("List “Errands”"), a column's name ("Due date", "Created") and each side's value as a person reads
 * it ({@link ConflictValues}). Never a column's own name or its stored form: a column this version
 * does not know reads "Another detail".
 */
public final class ConflictWords {
    private ConflictWords() {
    }

    /** A conflict as a screen shows it: what it is about, which field, the kept and the lost value. */
    public record Said(String title, String field, String kept, String lost) {
    }

    /** {@code c} in words, with names read from {@code store} and times in its zone. */
    public static Said say(TodoStore store, Conflict c) {
        Function<String, String> listName = id -> store.list(id).map(TodoList::name)
                .orElseGet(() -> Messages.text("common.conflict.title.deletedList"));
        ZoneId zone = store.dateClock().getZone();
        return new Said(title(store, c), fieldLabel(c.table(), c.field()), keptText(c, zone, listName),
                ConflictValues.text(c.table(), c.field(), c.lostValue(), zone, listName));
    }

    /** What the conflict is about: the todo's title, "List “Errands”", "Smart list “Urgent”", .... */
    public static String title(TodoStore store, Conflict c) {
        String id = c.entity();
        try {
            return switch (c.table()) {
                case "items" -> store.get(id).map(Item::titleOrEmpty).orElseGet(() ->
                        "title".equals(c.field()) && c.lostValue() instanceof String t
                                ? Messages.text("common.conflict.title.deletedTodoTitled", t)
                                : Messages.text("common.conflict.title.deletedTodo"));
                case "lists" -> named(store.list(id).map(TodoList::name), "list", "deletedList");
                case "sections" -> named(store.db().get(Section.class, id).map(Section::name), "section", "deletedSection");
                case "saved_filters" -> named(store.db().get(SavedFilter.class, id).map(SavedFilter::name),
                        "smartList", "deletedSmartList");
                case "attachments" -> named(store.db().get(Attachment.class, id).map(Attachment::name),
                        "file", "deletedFile");
                case "item_tags" -> store.db().get(ItemTag.class, id).map(t -> Messages.text("common.conflict.title.tag",
                        t.tag(), store.get(t.itemId()).map(Item::titleOrEmpty).orElse("")))
                        .orElseGet(() -> Messages.text("common.conflict.title.aTag"));
                case "item_links" -> Messages.text("common.conflict.title.link");
                case "devices" -> Messages.text("common.conflict.title.device");
                case "change_origins" -> Messages.text("common.conflict.title.origin");
                default -> Messages.text("common.conflict.title.other");
            };
        } catch (RuntimeException e) {
            return Messages.text("common.conflict.title.other");
        }
    }

    private static String named(Optional<String> name, String key, String deletedKey) {
        return name.filter(n -> !n.isBlank()).map(n -> Messages.text("common.conflict.title." + key, n))
                .orElseGet(() -> Messages.text("common.conflict.title." + deletedKey));
    }

    /**
     * A readable name for a todo's column (or a field as the web page names it: {@code time}, {@code lengthMinutes}),
     * as a person reads it in a sentence or a list of fields: always a name of its own, capitalised as the others
     * are, never the column's name.
     */
    public static String fieldLabel(String field) {
        return fieldLabel("items", field);
    }

    /** A readable name for a column of {@code table}; "Another detail" for one this version does not know. */
    public static String fieldLabel(String table, String field) {
        if (field == null) {
            return "";
        }
        String key = switch (field) {
            case "title" -> "title";
            case "notes" -> "notes";
            case "due" -> "due";
            case "done" -> "done";
            case "doneAt" -> "doneAt";
            case "listId" -> "list";
            case "trashedAt" -> "trash";
            case "name" -> "attachments".equals(table) ? "fileName" : "devices".equals(table) ? "deviceName" : "name";
            case "_deleted" -> "deleted";
            case "parentId" -> "parent";
            case "sectionId" -> "section";
            case "rank" -> switch (table) {
                case "lists" -> "listRank";
                case "sections" -> "sectionRank";
                case "saved_filters" -> "smartListRank";
                default -> "rank";
            };
            case "position" -> "position";
            case "start" -> "start";
            case "someday" -> "someday";
            case "collapsed" -> "sections".equals(table) ? "sectionCollapsed" : "collapsed";
            case "createdAt" -> "createdAt";
            case "priority" -> "priority";
            case "repeat" -> "repeat";
            case "seriesId" -> "series";
            case "remindAt" -> "remindAt";
            case "remindDismissed" -> "remindDismissed";
            case "kind" -> "kind";
            case "dueTime", "time" -> "time";
            case "durationMinutes", "lengthMinutes" -> "length";
            case "tags" -> "tags";
            case "query" -> "query";
            case "color" -> "color";
            case "tag", "removedAt" -> "tag";
            case "itemId" -> "todo";
            case "system", "externalId" -> "link";
            case "blob" -> "file";
            case "type" -> "fileType";
            case "size" -> "fileSize";
            case "via", "client" -> "origin";
            default -> "other";
        };
        return Messages.text("common.conflict.field." + key);
    }

    /** The kept side in words, times in the system's zone and lists unnamed ("another list"). */
    public static String keptText(Conflict c) {
        return keptText(c, ZoneId.systemDefault(), null);
    }

    /** The kept side in words: for an edit of a deleted entity, the delete ("deleted"), not the field. */
    static String keptText(Conflict c, ZoneId zone, Function<String, String> listName) {
        boolean editOfDeleted = c.kind() == Conflict.Kind.EDIT_DELETE && !"_deleted".equals(c.field());
        return ConflictValues.text(c.table(), editOfDeleted ? "_deleted" : c.field(), c.keptValue(), zone, listName);
    }

    /** A todo's {@code field} set to {@code value}, in words; times in the system's zone, lists unnamed. */
    public static String valueText(String field, Object value) {
        return ConflictValues.text("items", field, value, ZoneId.systemDefault(), null);
    }
}
