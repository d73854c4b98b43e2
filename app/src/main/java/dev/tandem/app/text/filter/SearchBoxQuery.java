package dev.tandem.app.text.filter;

import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.TypedSpaces;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the search box holds: plain words (searched as before, through the full-text index alone) or a
 * query with operators. Two forms read as a query:
 * <ul>
 * <li>a query as a smart list takes it, recognised by {@code &} or {@code |}, a word opening with
 *     {@code !} or {@code (}, or a keyed condition ({@code due before: fri}): read by {@link FilterParser}
 *     as it is;</li>
 * <li>words beside a list, a tag or a priority ({@code @errand p1 milk}), as Todoist's search box takes
 *     them: each {@code #list}, {@code @tag}, {@code p1}–{@code p4} and, beside those, each one-word
 *     keyword ({@code overdue}, {@code today}…) is a condition, the other words are searched, all of it
 *     joined by "and".</li>
 * </ul>
 * Parts separated by commas that each read as a query ({@code today, overdue}) are one, as Todoist's groups
 * are ({@link FilterParser}). Anything else ("overdue invoices", "milk, eggs", "wow!") stays a plain search,
 * so a word that happens to be a keyword is still found in titles. Bounded as {@link FilterParser} is.
 *
 * <p>Every Unicode space (a phone's no-break or narrow space, {@link TypedSpaces}) reads as a plain space first, as
 * quick add and the filters read it, then the text is stripped as Java strips: "@errand&#92;u00a0milk" is a tag and
 * a word, not one tag, and "milk&#92;u00a0eggs" two words, not a phrase. The page's own search (web/device-search.js)
 * reads white space so too.
 */
public final class SearchBoxQuery {
    /** {@code &} or {@code |} anywhere, {@code !} or {@code (} opening a word, or a keyed condition. */
    private static final Pattern OPERATOR = Pattern.compile("[&|]|(^|\\s)[!(]|\\b(due|start|created|search|section|has)"
            + "(\\s+(before|after))?\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST = Pattern.compile("##?(\\S+)");
    private static final Pattern TAG = Pattern.compile("@(\\S+)");
    private static final Pattern PRIORITY = Pattern.compile("[pP]([1-4])");
    /** One-word keywords that are conditions beside a list, a tag or a priority. */
    private static final Set<String> KEYWORDS = Set.of("today", "tomorrow", "yesterday", "overdue", "recurring",
            "someday", "subtask", "shared", "done");

    private SearchBoxQuery() {
    }

    /**
     * The query {@code text} holds, read on {@code today}; empty for plain words (a search).
     *
     * @throws FilterException a query that does not read, saying where
     */
    public static Optional<Filter> read(String text, LocalDate today) {
        String t = text == null ? "" : TypedSpaces.plain(text).strip();
        if (t.length() > FilterParser.MAX_CHARS) {
            throw new FilterException(FilterParser.MAX_CHARS, Messages.text("filter.error.tooLong", FilterParser.MAX_CHARS));
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (OPERATOR.matcher(t).find()) {
            // As typed, so a problem's place counts from what the person sees.
            return Optional.of(FilterParser.parse(text, today));
        }
        if (t.indexOf(',') >= 0) {
            // Todoist's groups ("today, overdue"), when every part reads as a condition; else words ("milk, eggs").
            try {
                return Optional.of(FilterParser.parse(text, today));
            } catch (FilterException e) {
                // Not a query: read as words and sigils below.
            }
        }
        String[] tokens = t.split("\\s+");
        List<Filter> conditions = new ArrayList<>();
        for (String token : tokens) {
            Filter c = sigil(token);
            if (c != null) {
                conditions.add(c);
            }
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        conditions.clear();
        List<String> words = new ArrayList<>();
        for (String token : tokens) {
            Filter c = sigil(token);
            String lower = token.toLowerCase(Locale.ROOT);
            if (c == null && KEYWORDS.contains(lower)) {
                c = FilterParser.parse(lower, today);
            }
            if (c != null) {
                conditions.add(c);
            } else {
                words.add(token);
            }
        }
        String searched = String.join(" ", words);
        if (!Queries.ftsMatch(searched).isEmpty()) {
            conditions.add(new Filter.Search(searched));
        }
        if (conditions.size() > FilterParser.MAX_CONDITIONS) {
            throw new FilterException(0, Messages.text("filter.error.tooMany", FilterParser.MAX_CONDITIONS));
        }
        return Optional.of(conditions.size() == 1 ? conditions.get(0) : new Filter.And(conditions));
    }

    /**
     * What the window lists for {@code text}: plain words as a search (within {@code tag}, when one is
     * given), a query as what it finds, a query that does not read as why; null for blank text.
     */
    public static Listing listing(String text, LocalDate today, String tag) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return read(text, today).<Listing>map(Listing.FilterListing::search)
                    .orElseGet(() -> new Listing.SearchListing(TypedSpaces.plain(text).strip(), tag));
        } catch (FilterException e) {
            return Listing.FilterListing.searchProblem(e.getMessage());
        }
    }

    /** A list, a tag or a priority written as one word, else null. */
    private static Filter sigil(String token) {
        var list = LIST.matcher(token);
        if (list.matches()) {
            return new Filter.InList(list.group(1));
        }
        var tag = TAG.matcher(token);
        if (tag.matches()) {
            return new Filter.Tagged(tag.group(1));
        }
        var p = PRIORITY.matcher(token);
        return p.matches() ? new Filter.Priority(Integer.parseInt(p.group(1))) : null;
    }
}
