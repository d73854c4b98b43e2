package dev.tandem.app.model.filter;

import java.util.List;

/**
 * A smart list's query as a tree: conditions joined by and, or and not. Made by {@link FilterParser}
 * from what a person types ({@code #Work & p1 & !overdue}), turned into one SQL query with bound
 * parameters by {@link dev.tandem.app.model.FilterSql}, and written back as text by {@link #text()}, so the condition
 * builder and the query box show the same thing.
 *
 * <p>Dates stay as they were said ({@link DateSaid}: "today", "+3d", "fri") and are read against the
 * day the filter runs, so a saved "due before: +7d" moves with the days.
 */
public sealed interface Filter {
    /** The longest query read, in characters, wherever it comes from (typed, synced, imported, sent by the page). */
    int MAX_CHARS = 1000;

    /** The query as a person types it; parsing it gives this tree again. */
    String text();

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return join(parts, " & ");
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return join(parts, " | ");
        }
    }

    record Not(Filter part) implements Filter {
        @Override
        public String text() {
            return "!" + inner(part);
        }
    }

    /**
     * A list by name ({@code #Work}); lists have no sublists, so {@code ##Work} means the same. A {@code *}
     * stands for any characters ({@code #Work*}), and the Inbox's name in any language names the Inbox
     * ({@link NamePattern}).
     */
    record InList(String name) implements Filter {
        @Override
        public String text() {
            return "#" + name;
        }
    }

    /** A tag ({@code @errand}); a {@code *} stands for any characters ({@code @urg*}). */
    record Tagged(String tag) implements Filter {
        @Override
        public String text() {
            return "@" + tag;
        }
    }

    /** Priority 1 to 4 ({@code p1}); 0 is no priority. */
    record Priority(int level) implements Filter {
        @Override
        public String text() {
            return level == 0 ? "no priority" : "p" + level;
        }
    }

    /** Due from one day to another, both included ({@code today}, {@code due: fri}, {@code due: next 7 days}). */
    record DueBetween(DateSaid from, DateSaid to, String said) implements Filter {
        @Override
        public String text() {
            return said;
        }
    }

    /** Due before a day, not on it. */
    record DueBefore(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "due before: " + day.text();
        }
    }

    /** Due after a day, not on it. */
    record DueAfter(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "due after: " + day.text();
        }
    }

    /** Starts before a day, not on it. */
    record StartBefore(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "start before: " + day.text();
        }
    }

    /** Starts after a day, not on it. */
    record StartAfter(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "start after: " + day.text();
        }
    }

    /** Made after a day (from the next day on). */
    record CreatedAfter(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "created after: " + day.text();
        }
    }

    /** Made before a day. */
    record CreatedBefore(DateSaid day) implements Filter {
        @Override
        public String text() {
            return "created before: " + day.text();
        }
    }

    /** Words in the title or notes, through the full-text index ({@code search: quarterly report}). */
    record Search(String words) implements Filter {
        @Override
        public String text() {
            return "search: " + words;
        }
    }

    /** In a section of that name. */
    record InSection(String name) implements Filter {
        @Override
        public String text() {
            return "section: " + name;
        }
    }

    /** A condition without an argument. */
    record Is(Flag flag) implements Filter {
        @Override
        public String text() {
            return flag.word();
        }
    }

    /** The conditions without an argument, as typed. */
    enum Flag {
        OVERDUE("overdue"), NO_DATE("no date"), RECURRING("recurring"), NO_START("no start"), SOMEDAY("someday"),
        HAS_NOTES("has: notes"), HAS_ATTACHMENT("has: attachment"), SUBTASK("subtask"), SHARED("shared"), DONE("done"),
        NO_TAGS("no tags");

        private final String word;

        Flag(String word) {
            this.word = word;
        }

        /** The words a person types for it. */
        public String word() {
            return word;
        }
    }

    private static String join(List<Filter> parts, String op) {
        StringBuilder b = new StringBuilder();
        for (Filter p : parts) {
            if (!b.isEmpty()) {
                b.append(op);
            }
            b.append(inner(p));
        }
        return b.toString();
    }

    /** A part inside another: an and or an or in parentheses, so the text parses back to the same tree. */
    private static String inner(Filter p) {
        return p instanceof And || p instanceof Or ? "(" + p.text() + ")" : p.text();
    }
}
