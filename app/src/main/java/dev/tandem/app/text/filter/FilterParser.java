package dev.tandem.app.text.filter;

import dev.tandem.app.model.Queries;
import dev.tandem.app.model.filter.DateSaid;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.app.text.TypedSpaces;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a query: conditions ({@code #Work}, {@code @errand}, {@code p1}, {@code overdue},
 * {@code due before: +7d}, {@code search: quarterly}…) joined by {@code &}, {@code |} and {@code !},
 * with parentheses; {@code !} binds closest, then {@code &}, then {@code |}, as in Todoist. Todoist's comma
 * between groups ({@code today, overdue}) joins them as {@code |} does, one list holding every group's
 * todos, when each part reads alone; else the comma is a character of the condition it stands in
 * ({@code search: milk, bread}). Todoist's own forms read as their conditions: {@code 7 days},
 * {@code next 7 days}, {@code no labels}, {@code date before:}, {@code +7 days}; {@code assigned to:}
 * says that no one is assigned todos here.
 *
 * <p>Bounded before anything is built: at most {@link #MAX_CHARS} characters, {@link #MAX_DEPTH} levels of
 * parentheses and {@link #MAX_CONDITIONS} conditions, so a query synced from another device or sent by
 * the phone page cannot make the parser or the SQL it becomes grow without end. A problem names where
 * it is (from 1) and what was expected there.
 *
 * <p>A date is kept in a form every language reads the same ({@link DateSaid}): what a person types in
 * their language ("freitag", "vendredi prochain") becomes a weekday, and a date said any other way
 * quick add reads ("dec 24", "24.12.") the day it means, read on {@code today}.
 */
public final class FilterParser {
    public static final int MAX_CHARS = Filter.MAX_CHARS;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_CONDITIONS = 100;

    private static final Pattern PRIORITY = Pattern.compile("p([1-4])");
    private static final Pattern KEYED = Pattern.compile("((?:due|date)\\s+before|(?:due|date)\\s+after|due|date"
            + "|start\\s+before|start\\s+after|created\\s+after|created\\s+before|search|section|has)\\s*:\\s*(.*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** Todoist's conditions about who a todo is assigned to, or who added it: Tandem has no assignees. */
    private static final Pattern ASSIGNED = Pattern.compile("assigned(\\s+(to|by)\\s*:.*)?|added\\s+by\\s*:.*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_DAYS = Pattern.compile("(?:next )?(\\d{1,3}) days?");
    /** A day counted from today in words, as Todoist writes it: "+7 days", "-1 week", "in 2 weeks", "3 days ago". */
    private static final Pattern RELATIVE_WORDS = Pattern.compile(
            "(?:([+-]) ?|in )?(\\d{1,4}) ?(d|days?|w|weeks?|m|months?|y|years?)( ago)?");
    private final String q;
    private final LocalDate today;
    /** Where this parser's text ends: the query's end, or a comma between Todoist's groups. */
    private final int end;
    private int pos;
    private int depth;
    private int conditions;

    private FilterParser(String q, LocalDate today, int from, int end) {
        this.q = q;
        this.today = today;
        this.pos = from;
        this.end = end;
    }

    /** The query's tree, its dates read on {@code today}. */
    public static Filter parse(String query, LocalDate today) {
        if (query != null && query.length() > MAX_CHARS) {
            throw new FilterException(MAX_CHARS, Messages.text("filter.error.tooLong", MAX_CHARS));
        }
        // Within the bound, a no-break or other Unicode space is read as the space it looks like ("due: 12 déc." typed
        // on a phone); one character for one, so the length checked is the length read.
        String q = query == null ? "" : TypedSpaces.plain(query);
        if (q.isBlank()) {
            throw new FilterException(0, Messages.text("filter.error.empty"));
        }
        List<Integer> commas = topLevelCommas(q);
        if (commas.isEmpty()) {
            return whole(q, today, 0, q.length(), 0);
        }
        // Todoist's comma shows each part as a group of its own; here one list holds them all, as "|" would.
        // A part that does not read alone ("search: milk, bread", a list named "Team, Alpha") keeps the
        // comma as a character of the whole, read as before.
        List<Filter> parts = new ArrayList<>();
        int from = 0;
        int counted = 0;
        FilterException problem = null;
        for (int i = 0; i <= commas.size() && problem == null; i++) {
            int to = i < commas.size() ? commas.get(i) : q.length();
            try {
                FilterParser p = parser(q, today, from, to, counted);
                parts.add(p.finish());
                counted = p.conditions;
            } catch (FilterException e) {
                problem = e;
            }
            from = to + 1;
        }
        if (problem == null) {
            return new Filter.Or(parts);
        }
        try {
            return whole(q, today, 0, q.length(), 0);
        } catch (FilterException e) {
            throw problem;
        }
    }

    private static Filter whole(String q, LocalDate today, int from, int to, int counted) {
        return parser(q, today, from, to, counted).finish();
    }

    private static FilterParser parser(String q, LocalDate today, int from, int to, int counted) {
        FilterParser p = new FilterParser(q, today, from, to);
        p.conditions = counted;
        return p;
    }

    private Filter finish() {
        Filter f = or();
        skipSpace();
        if (pos < end) {
            throw error(q.charAt(pos) == ')' ? "filter.error.unopened" : "filter.error.expectedOperator");
        }
        return f;
    }

    /** Where the commas outside parentheses stand. */
    private static List<Integer> topLevelCommas(String q) {
        List<Integer> out = new ArrayList<>();
        int level = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level = Math.max(0, level - 1);
            } else if (c == ',' && level == 0) {
                out.add(i);
            }
        }
        return out;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (peek('|')) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(unary()));
        while (peek('&')) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter unary() {
        skipSpace();
        if (peek('!')) {
            pos++;
            return nested(() -> new Filter.Not(unary()));
        }
        if (peek('(')) {
            int open = pos++;
            Filter inner = nested(this::or);
            skipSpace();
            if (!peek(')')) {
                throw new FilterException(open, Messages.text("filter.error.unclosed", open + 1));
            }
            pos++;
            return inner;
        }
        return condition();
    }

    private Filter nested(Supplier<Filter> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("filter.error.tooDeep", MAX_DEPTH);
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    /** One condition: the text up to the next operator or closing parenthesis. */
    private Filter condition() {
        skipSpace();
        int start = pos;
        while (pos < end && "&|)".indexOf(q.charAt(pos)) < 0) {
            pos++;
        }
        String raw = q.substring(start, pos).strip();
        if (raw.isEmpty()) {
            throw new FilterException(start, Messages.text("filter.error.expectedCondition", start + 1));
        }
        if (++conditions > MAX_CONDITIONS) {
            throw new FilterException(start, Messages.text("filter.error.tooMany", MAX_CONDITIONS));
        }
        String word = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (raw.startsWith("#")) {
            return new Filter.InList(name(raw.replaceFirst("^##?", ""), raw, start));
        }
        if (raw.startsWith("@")) {
            return new Filter.Tagged(name(raw.substring(1), raw, start));
        }
        Matcher pm = PRIORITY.matcher(word);
        if (pm.matches()) {
            return new Filter.Priority(Integer.parseInt(pm.group(1)));
        }
        switch (word) {
            case "no priority" -> {
                return new Filter.Priority(0);
            }
            case "today", "tomorrow", "yesterday" -> {
                DateSaid d = new DateSaid(word);
                return new Filter.DueBetween(d, d, word);
            }
            case "no date", "no due date" -> {
                return new Filter.Is(Filter.Flag.NO_DATE);
            }
            // Todoist calls tags labels.
            case "no labels", "no label", "no tags", "no tag" -> {
                return new Filter.Is(Filter.Flag.NO_TAGS);
            }
            default -> {
            }
        }
        Matcher days = NEXT_DAYS.matcher(word);
        if (days.matches() && Integer.parseInt(days.group(1)) >= 1) {
            // Todoist's "7 days" and "next 7 days": due from today through the 7th day, as "due: next 7 days".
            return nextDays(Integer.parseInt(days.group(1)));
        }
        if (ASSIGNED.matcher(raw).matches()) {
            throw new FilterException(start, Messages.text("filter.error.assigned", start + 1, raw));
        }
        for (Filter.Flag f : Filter.Flag.values()) {
            if (f.word().equals(word) && f != Filter.Flag.HAS_NOTES && f != Filter.Flag.HAS_ATTACHMENT) {
                return new Filter.Is(f);
            }
        }
        Matcher km = KEYED.matcher(raw);
        if (!km.matches()) {
            throw new FilterException(start, Messages.text("filter.error.unknown", start + 1, raw));
        }
        String arg = km.group(2).strip();
        int argAt = start + km.start(2);
        return switch (km.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
            case "search" -> {
                if (Queries.ftsMatch(arg).isEmpty()) {
                    throw new FilterException(argAt, Messages.text("filter.error.noName", argAt + 1, "search:"));
                }
                yield new Filter.Search(arg);
            }
            case "section" -> new Filter.InSection(name(arg, "section:", argAt));
            case "has" -> switch (arg.toLowerCase(Locale.ROOT)) {
                case "notes", "note" -> new Filter.Is(Filter.Flag.HAS_NOTES);
                case "attachment", "attachments", "file", "files" -> new Filter.Is(Filter.Flag.HAS_ATTACHMENT);
                default -> throw new FilterException(argAt, Messages.text("filter.error.has", argAt + 1, arg));
            };
            case "due", "date" -> {
                Matcher nd = NEXT_DAYS.matcher(arg.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                if (nd.matches() && Integer.parseInt(nd.group(1)) >= 1) {
                    yield nextDays(Integer.parseInt(nd.group(1)));
                }
                DateSaid d = date(arg, argAt);
                yield new Filter.DueBetween(d, d, "due: " + d.text());
            }
            case "due before", "date before" -> new Filter.DueBefore(date(arg, argAt));
            case "due after", "date after" -> new Filter.DueAfter(date(arg, argAt));
            case "start before" -> new Filter.StartBefore(date(arg, argAt));
            case "start after" -> new Filter.StartAfter(date(arg, argAt));
            case "created after" -> new Filter.CreatedAfter(date(arg, argAt));
            default -> new Filter.CreatedBefore(date(arg, argAt));
        };
    }

    /** Due from today through the {@code n}th day (1 or more). */
    private static Filter nextDays(int n) {
        return new Filter.DueBetween(new DateSaid("today"), new DateSaid("+" + (n - 1) + "d"),
                "due: next " + n + (n == 1 ? " day" : " days"));
    }

    private static String name(String name, String said, int at) {
        String n = name.strip();
        if (n.isEmpty()) {
            throw new FilterException(at, Messages.text("filter.error.noName", at + 1, said));
        }
        return n;
    }

    private DateSaid date(String arg, int at) {
        String a = arg.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        DateSaid d = new DateSaid(a);
        if (!a.isEmpty() && d.on(today).isPresent()) {
            return d;
        }
        Matcher rel = RELATIVE_WORDS.matcher(a);
        if (rel.matches() && !("-".equals(rel.group(1)) && rel.group(4) != null)) {
            // Kept as a count from the day the filter runs, so a saved "due before: +7 days" moves with the days.
            boolean back = "-".equals(rel.group(1)) || rel.group(4) != null;
            return new DateSaid((back ? "-" : "+") + Integer.parseInt(rel.group(2)) + rel.group(3).charAt(0));
        }
        Optional<DatePhrases.WeekdaySaid> w = DatePhrases.weekday(a);
        if (w.isPresent()) {
            return DateSaid.weekday(w.get().day(), w.get().next());
        }
        Optional<LocalDate> day = a.isEmpty() ? Optional.empty() : DatePhrases.parse(a, today);
        if (day.isPresent()) {
            return new DateSaid(day.get().toString());
        }
        throw new FilterException(at, Messages.text("filter.error.badDate", at + 1, arg.strip()));
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < end && q.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < end && Character.isWhitespace(q.charAt(pos))) {
            pos++;
        }
    }

    private FilterException error(String key, Object... args) {
        Object[] withAt = new Object[args.length + 1];
        withAt[0] = pos + 1;
        System.arraycopy(args, 0, withAt, 1, args.length);
        return new FilterException(pos, Messages.text(key, withAt));
    }
}
