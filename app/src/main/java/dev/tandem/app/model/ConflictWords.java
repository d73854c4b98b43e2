package dev.tandem.app.model;

import dev.tandem.engine.Conflict;
import dev.tandem.ui.messages.Messages;

/**
 * A conflict in words, the same in the window, the command line and the web page: a column's name
 * ("Due date") and a value as a person reads it ("done", "in Trash", "(empty)").
 */
public final class ConflictWords {
    private ConflictWords() {
    }

    /**
     * A readable name for a column (or a field as the web page names it: {@code time}, {@code lengthMinutes}), as a
     * person reads it in a sentence or a list of fields: always a name of its own, capitalised as the others are,
     * never the column's name.
     */
    public static String fieldLabel(String field) {
        if (field == null) {
            return "";
        }
        String key = switch (field) {
            case "priority" -> "priority";
            case "dueTime", "time" -> "time";
            case "durationMinutes", "lengthMinutes" -> "length";
            case "remindAt", "remindDismissed" -> "reminder";
            case "repeat", "seriesId" -> "repeat";
            case "tags" -> "tags";
            case "kind" -> "kind";
            case "createdAt" -> "createdAt";
            case "title" -> "title";
            case "notes" -> "notes";
            case "due" -> "due";
            case "done" -> "done";
            case "doneAt" -> "doneAt";
            case "listId" -> "list";
            case "trashedAt" -> "trash";
            case "name" -> "name";
            case "_deleted" -> "deleted";
            case "parentId" -> "parent";
            case "sectionId" -> "section";
            case "rank" -> "rank";
            case "start" -> "start";
            case "someday" -> "someday";
            case "collapsed" -> "collapsed";
            default -> null;
        };
        return key == null ? field : Messages.text("common.conflict.field." + key);
    }

    /** The kept side in words: for an edit of a deleted entity, the delete ("deleted"), not the field. */
    public static String keptText(Conflict c) {
        boolean editOfDeleted = c.kind() == Conflict.Kind.EDIT_DELETE && !"_deleted".equals(c.field());
        return valueText(editOfDeleted ? "_deleted" : c.field(), c.keptValue());
    }

    public static String valueText(String field, Object value) {
        if ("_deleted".equals(field)) {
            return Messages.text(value != null && !"0".equals(String.valueOf(value)) ? "common.conflict.value.deleted"
                    : "common.conflict.value.kept");
        }
        String structure = structureText(field, value);
        if (structure != null) {
            return structure;
        }
        if (value == null) {
            return Messages.text("common.conflict.value.empty");
        }
        if ("done".equals(field)) {
            return Messages.text("0".equals(String.valueOf(value)) ? "common.conflict.value.notDone"
                    : "common.conflict.value.done");
        }
        if ("trashedAt".equals(field)) {
            return Messages.text("common.conflict.value.inTrash");
        }
        String s = String.valueOf(value);
        return s.isBlank() ? Messages.text("common.conflict.value.empty") : s;
    }

    /**
     * Where a todo sits, in words rather than ids and keys (Conflicts shows the todo itself beside them); null
     * for a field that is not one of these.
     */
    private static String structureText(String field, Object value) {
        boolean set = value != null && !String.valueOf(value).isBlank() && !"0".equals(String.valueOf(value));
        return switch (field) {
            case "trashedAt" -> set ? null : Messages.text("common.conflict.value.notInTrash");
            case "parentId" -> Messages.text(set ? "common.conflict.value.underTodo" : "common.conflict.value.topOfList");
            case "sectionId" -> Messages.text(set ? "common.conflict.value.inSection" : "common.conflict.value.noSection");
            case "rank" -> Messages.text(set ? "common.conflict.value.ownPlace" : "common.conflict.value.empty");
            case "someday" -> Messages.text(set ? "common.conflict.value.someday" : "common.conflict.value.notSomeday");
            case "collapsed" -> Messages.text(set ? "common.conflict.value.folded" : "common.conflict.value.unfolded");
            default -> null;
        };
    }

}
