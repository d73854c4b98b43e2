package dev.tandem.app.model;

import dev.tandem.engine.Conflict;

/**
 * A conflict in words, the same in the window, the command line and the web page: a column's name
 * ("Due date") and a value as a person reads it ("done", "in Trash", "(empty)").
 */
public final class ConflictWords {
    private ConflictWords() {
    }

    /** A readable name for a column. */
    public static String fieldLabel(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "title" -> "Title";
            case "notes" -> "Notes";
            case "due" -> "Due date";
            case "done" -> "Done";
            case "doneAt" -> "Completed at";
            case "listId" -> "List";
            case "trashedAt" -> "Trash";
            case "name" -> "Name";
            case "_deleted" -> "Deleted";
            case "parentId" -> "Parent";
            case "sectionId" -> "Section";
            case "rank" -> "Place in the list";
            case "start" -> "Start date";
            case "someday" -> "Someday";
            case "collapsed" -> "Subtasks folded";
            default -> field;
        };
    }

    /** The kept side in words: for an edit of a deleted entity, the delete ("deleted"), not the field. */
    public static String keptText(Conflict c) {
        boolean editOfDeleted = c.kind() == Conflict.Kind.EDIT_DELETE && !"_deleted".equals(c.field());
        return valueText(editOfDeleted ? "_deleted" : c.field(), c.keptValue());
    }

    public static String valueText(String field, Object value) {
        if ("_deleted".equals(field)) {
            return value != null && !"0".equals(String.valueOf(value)) ? "deleted" : "kept";
        }
        String structure = structureText(field, value);
        if (structure != null) {
            return structure;
        }
        if (value == null) {
            return "(empty)";
        }
        if ("done".equals(field)) {
            return "0".equals(String.valueOf(value)) ? "not done" : "done";
        }
        if ("trashedAt".equals(field)) {
            return "in Trash";
        }
        String s = String.valueOf(value);
        return s.isBlank() ? "(empty)" : s;
    }

    /**
     * Where a todo sits, in words rather than ids and keys (Conflicts shows the todo itself beside them); null
     * for a field that is not one of these.
     */
    private static String structureText(String field, Object value) {
        boolean set = value != null && !String.valueOf(value).isBlank() && !"0".equals(String.valueOf(value));
        return switch (field) {
            case "trashedAt" -> set ? null : "not in Trash";
            case "parentId" -> set ? "under another todo" : "at the top of its list";
            case "sectionId" -> set ? "in a section" : "in no section";
            case "rank" -> set ? "a place of its own" : "(empty)";
            case "someday" -> set ? "Someday" : "not Someday";
            case "collapsed" -> set ? "folded" : "unfolded";
            default -> null;
        };
    }

}
