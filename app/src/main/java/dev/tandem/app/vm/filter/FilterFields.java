package dev.tandem.app.vm.filter;

import dev.tandem.app.model.filter.DateSaid;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.filter.FilterParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the condition builder's fields say, and the two ways between them and a {@link Filter} tree:
 * {@link #filter()} builds the tree (never query text by hand), {@link #of(Filter)} reads a tree back
 * onto the fields when it is one the fields can hold.
 *
 * <p>The shape the fields make, and so the only one they read back: the conditions joined by one
 * operator ({@code &} for "all of these", {@code |} for "any of these"), at most one per field (tags:
 * any number), and, for "include done", the part {@code (done | !done)}. A query without {@code done}
 * finds open todos only; naming done either way lifts that, and in "any of these" the part is joined
 * with {@code &} around the rest, so it never adds every done todo. No condition at all is
 * {@code !done} (every open todo), or {@code done | !done} with done ones too.
 *
 * @param list       a list's name, or empty for any list
 * @param tags       tags without {@code @}, each one condition
 * @param dueBefore  for {@link Due#BEFORE}: the day as typed ({@code +7d}, {@code fri}, {@code 2026-12-24})
 * @param words      words to search for, or empty
 * @param anyOf      "any of these" ({@code |}) rather than "all of these" ({@code &})
 */
public record FilterFields(String list, List<String> tags, Priority priority, Due due, String dueBefore, Start start,
                           String words, boolean hasNotes, boolean hasFiles, boolean includeDone, boolean anyOf) {

    /** The priority field: any, 1 to 4, or none. */
    public enum Priority { ANY, P1, P2, P3, P4, NONE }

    /** The due field: a window, or before a day typed in {@code dueBefore}. */
    public enum Due { ANY, OVERDUE, TODAY, TOMORROW, NEXT_7_DAYS, NO_DATE, BEFORE }

    /** The start field: any, without a start date, or started (starts today or earlier). */
    public enum Start { ANY, NO_START, STARTED }

    /** Nothing chosen: every open todo. */
    public static final FilterFields EMPTY = new FilterFields("", List.of(), Priority.ANY, Due.ANY, "", Start.ANY, "",
            false, false, false, false);

    private static final Filter DONE = new Filter.Is(Filter.Flag.DONE);
    private static final Filter EITHER_DONE = new Filter.Or(List.of(DONE, new Filter.Not(DONE)));
    private static final DateSaid TODAY = new DateSaid("today");
    private static final DateSaid TOMORROW = new DateSaid("tomorrow");
    // The parser's own tree for the window, so what the builder makes reads back equal. Its dates are
    // relative ("today", "+6d"): the day parsed on does not matter.
    private static final Filter NEXT_7_DAYS = FilterParser.parse("due:next 7 days", LocalDate.EPOCH);

    public FilterFields {
        list = list == null ? "" : list;
        tags = List.copyOf(tags);
        dueBefore = dueBefore == null ? "" : dueBefore;
        words = words == null ? "" : words;
    }

    /** The tree these fields make. */
    public Filter filter() {
        List<Filter> parts = conditions();
        if (parts.isEmpty()) {
            return includeDone ? EITHER_DONE : new Filter.Not(DONE);
        }
        Filter core = parts.size() == 1 ? parts.get(0) : anyOf ? new Filter.Or(parts) : new Filter.And(parts);
        if (!includeDone) {
            return core;
        }
        List<Filter> all = new ArrayList<>(core instanceof Filter.And a ? a.parts() : List.of(core));
        all.add(EITHER_DONE);
        return new Filter.And(all);
    }

    /** The conditions of the fields that say something, in the fields' order. */
    private List<Filter> conditions() {
        List<Filter> out = new ArrayList<>();
        if (!list.isBlank()) {
            out.add(new Filter.InList(list.strip()));
        }
        for (String t : tags) {
            out.add(new Filter.Tagged(t));
        }
        switch (priority) {
            case ANY -> { }
            case NONE -> out.add(new Filter.Priority(0));
            default -> out.add(new Filter.Priority(priority.ordinal()));
        }
        switch (due) {
            case ANY -> { }
            case OVERDUE -> out.add(new Filter.Is(Filter.Flag.OVERDUE));
            case TODAY -> out.add(new Filter.DueBetween(TODAY, TODAY, TODAY.text()));
            case TOMORROW -> out.add(new Filter.DueBetween(TOMORROW, TOMORROW, TOMORROW.text()));
            case NEXT_7_DAYS -> out.add(NEXT_7_DAYS);
            case NO_DATE -> out.add(new Filter.Is(Filter.Flag.NO_DATE));
            case BEFORE -> out.add(new Filter.DueBefore(new DateSaid(dueBefore.strip())));
        }
        switch (start) {
            case ANY -> { }
            case NO_START -> out.add(new Filter.Is(Filter.Flag.NO_START));
            case STARTED -> out.add(new Filter.StartBefore(TOMORROW));
        }
        if (!words.isBlank()) {
            out.add(new Filter.Search(words.strip()));
        }
        if (hasNotes) {
            out.add(new Filter.Is(Filter.Flag.HAS_NOTES));
        }
        if (hasFiles) {
            out.add(new Filter.Is(Filter.Flag.HAS_ATTACHMENT));
        }
        return out;
    }

    /** The fields that make {@code f}, or empty when it is beyond them (another shape, or conditions they lack). */
    public static Optional<FilterFields> of(Filter f) {
        if (f.equals(new Filter.Not(DONE))) {
            return Optional.of(EMPTY);
        }
        if (isEitherDone(f)) {
            return Optional.of(EMPTY.withIncludeDone());
        }
        if (f instanceof Filter.And a) {
            List<Filter> parts = new ArrayList<>(a.parts());
            boolean done = parts.removeIf(FilterFields::isEitherDone);
            if (parts.isEmpty() || a.parts().size() - parts.size() > 1) {
                return Optional.empty();
            }
            Optional<FilterFields> rest = parts.size() == 1 && parts.get(0) instanceof Filter.Or o && done
                    ? flat(o.parts(), true) : parts.size() == 1 ? single(parts.get(0)) : flat(parts, false);
            return done ? rest.map(FilterFields::withIncludeDone) : rest;
        }
        if (f instanceof Filter.Or o) {
            return flat(o.parts(), true);
        }
        return single(f);
    }

    private static Optional<FilterFields> single(Filter f) {
        return f instanceof Filter.And || f instanceof Filter.Or ? Optional.empty() : flat(List.of(f), false);
    }

    private static boolean isEitherDone(Filter f) {
        return f instanceof Filter.Or o && o.parts().size() == 2 && o.parts().contains(DONE)
                && o.parts().contains(new Filter.Not(DONE));
    }

    /** Conditions joined by one operator onto the fields, each field taken once (tags any number of times). */
    private static Optional<FilterFields> flat(List<Filter> parts, boolean anyOf) {
        Builder b = new Builder();
        for (Filter p : parts) {
            if (!b.take(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(new FilterFields(b.list, b.tags, b.priority, b.due, b.dueBefore, b.start, b.words, b.notes,
                b.files, false, anyOf && parts.size() > 1));
    }

    private FilterFields withIncludeDone() {
        return new FilterFields(list, tags, priority, due, dueBefore, start, words, hasNotes, hasFiles, true, anyOf);
    }

    /** The fields read from conditions so far; a second condition for one field is beyond them. */
    private static final class Builder {
        String list = "";
        final List<String> tags = new ArrayList<>();
        Priority priority = Priority.ANY;
        Due due = Due.ANY;
        String dueBefore = "";
        Start start = Start.ANY;
        String words = "";
        boolean notes;
        boolean files;

        boolean take(Filter p) {
            if (p instanceof Filter.InList l && list.isEmpty()) {
                list = l.name();
            } else if (p instanceof Filter.Tagged t && t.tag().chars().noneMatch(c -> c == ',' || Character.isWhitespace(c))) {
                // The tags field splits at spaces and commas: a tag holding one would come back as two.
                tags.add(t.tag());
            } else if (p instanceof Filter.Priority pr && priority == Priority.ANY) {
                priority = pr.level() == 0 ? Priority.NONE : Priority.values()[pr.level()];
            } else if (p instanceof Filter.Search s && words.isEmpty()) {
                words = s.words();
            } else if (p.equals(new Filter.Is(Filter.Flag.HAS_NOTES)) && !notes) {
                notes = true;
            } else if (p.equals(new Filter.Is(Filter.Flag.HAS_ATTACHMENT)) && !files) {
                files = true;
            } else if (start == Start.ANY && p.equals(new Filter.Is(Filter.Flag.NO_START))) {
                start = Start.NO_START;
            } else if (start == Start.ANY && p.equals(new Filter.StartBefore(TOMORROW))) {
                start = Start.STARTED;
            } else {
                return due == Due.ANY && takeDue(p);
            }
            return true;
        }

        private boolean takeDue(Filter p) {
            if (p.equals(new Filter.Is(Filter.Flag.OVERDUE))) {
                due = Due.OVERDUE;
            } else if (p.equals(new Filter.DueBetween(TODAY, TODAY, TODAY.text()))) {
                due = Due.TODAY;
            } else if (p.equals(new Filter.DueBetween(TOMORROW, TOMORROW, TOMORROW.text()))) {
                due = Due.TOMORROW;
            } else if (p.equals(NEXT_7_DAYS)) {
                due = Due.NEXT_7_DAYS;
            } else if (p.equals(new Filter.Is(Filter.Flag.NO_DATE))) {
                due = Due.NO_DATE;
            } else if (p instanceof Filter.DueBefore d) {
                due = Due.BEFORE;
                dueBefore = d.day().text();
            } else {
                return false;
            }
            return true;
        }
    }
}
