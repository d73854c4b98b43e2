package dev.tandem.app.model.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.FilterSql;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.QueryCost;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Recurrence;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import dev.tandem.app.text.filter.FilterParser;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;

/**
 * The SQL a filter compiles to finds exactly the todos a plain evaluation of the same tree in memory
 * finds, on random profiles with random queries; and a query's text parses back to the same tree.
 */
@Tag("property")
class FilterProperties {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final String[] WORDS = {"report", "quarterly", "milk", "bank", "garden", "draft", "invoice"};
    private static final String[] TAGS = {"errand", "urgent", "home", "call"};
    private static final String[] LISTS = {"Work", "Home", "Club", "Inbox"};
    private static final String[] INBOX_WORDS = {"Inbox", "inbox", "Eingang", "Boîte de réception", "Réception", "In*"};
    private static final String[] SECTIONS = {"Later", "This week"};

    /** What the test made, to evaluate in memory: names of lists and sections, tags per todo. */
    private record Made(Map<String, String> listNames, Map<String, String> sectionNames, Map<String, Set<String>> tags,
            Set<String> shared, LocalDate today) {
    }

    @Property(tries = 12)
    void sql_randomQueriesOverRandomProfiles_sameAsInMemory(@ForAll @LongRange(min = 1, max = 1_000_000) long seed)
            throws IOException {
        Random r = new Random(seed);
        Path dir = Files.createTempDirectory("filters");
        TestClock clock = new TestClock(ZONE);
        clock.set(Instant.parse("2026-11-01T09:00:00Z"));
        try (Db db = Db.open(dir.resolve("t.db"))) {
            TodoStore store = new TodoStore(db, clock, ZONE);
            Made made = profile(store, clock, r);
            for (int q = 0; q < 40; q++) {
                String text = RandomQueries.query(r, FilterProperties::condition);
                Filter f = FilterParser.parse(text, made.today());
                assertEquals(f, FilterParser.parse(f.text(), made.today()), "text of " + text);
                Set<String> bySql = new TreeSet<>();
                FilteredItems.of(store, f).forEach(i -> bySql.add(i.id()));
                Set<String> inMemory = new TreeSet<>();
                for (Item it : store.allItems()) {
                    if (base(it, f) && eval(f, it, made)) {
                        inMemory.add(it.id());
                    }
                }
                assertEquals(inMemory, bySql, "query " + text + " (seed " + seed + ")");
                // A list's budget, not a sidebar count's 5 ms floor: this property is about what the SQL finds, and
                // a count's budget (its own tests) can run out on a machine busy enough to deschedule the query.
                assertEquals(inMemory.size(), FilteredItems.count(store, f, made.today(), QueryCost.Use.LIST),
                        "count of " + text);
            }
        }
    }

    private static Made profile(TodoStore store, TestClock clock, Random r) {
        Map<String, String> listNames = new HashMap<>();
        Map<String, String> sectionNames = new HashMap<>();
        Map<String, Set<String>> tags = new HashMap<>();
        List<String> listIds = new ArrayList<>();
        for (String name : LISTS) {
            TodoList l = store.createList(name);
            listNames.put(l.id(), name);
            listIds.add(l.id());
        }
        List<String> sectionIds = new ArrayList<>();
        for (String name : SECTIONS) {
            String id = new SectionStore(store).create(listIds.get(0), name).id();
            sectionNames.put(id, name);
            sectionIds.add(id);
        }
        Set<String> shared = Set.of(listIds.get(2));
        store.setSharedLists(() -> shared);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            clock.advance(Duration.ofHours(r.nextInt(30)));
            LocalDate today = store.today();
            String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " " + n;
            String listId = r.nextInt(4) == 0 ? null : listIds.get(r.nextInt(listIds.size()));
            LocalDate due = r.nextInt(3) == 0 ? null : today.plusDays(r.nextInt(21) - 10);
            Integer priority = r.nextInt(3) == 0 ? null : 1 + r.nextInt(4);
            Set<String> itemTags = new HashSet<>();
            for (String t : TAGS) {
                if (r.nextInt(4) == 0) {
                    itemTags.add(t);
                }
            }
            Recurrence repeat = r.nextInt(6) == 0 ? Recurrence.every(Recurrence.Freq.WEEKLY, 1) : null;
            LocalDate start = r.nextInt(4) == 0 ? today.plusDays(r.nextInt(11) - 5) : null;
            boolean someday = due == null && start == null && r.nextInt(5) == 0;
            String parent = !ids.isEmpty() && listId != null && r.nextInt(5) == 0 ? ids.get(r.nextInt(ids.size())) : null;
            TodoDetails details = new TodoDetails(priority, new ArrayList<>(itemTags), repeat, null).when(start, someday);
            String id = store.add(title, null, listId, parent, due, details).item().id();
            Item it = store.get(id).orElseThrow();
            tags.put(id, itemTags);
            ids.add(id);
            if (r.nextInt(4) == 0) {
                store.update(id, x -> x.withNotes(WORDS[r.nextInt(WORDS.length)] + " notes"));
            }
            if (it.parentId() == null && listId != null && listId.equals(listIds.get(0)) && r.nextBoolean()) {
                store.update(id, x -> x.withSectionId(sectionIds.get(r.nextInt(sectionIds.size()))));
            }
            if (r.nextInt(5) == 0) {
                store.setDone(id, true);
            }
        }
        clock.advance(Duration.ofDays(2));
        return new Made(listNames, sectionNames, tags, shared, store.today());
    }

    private static String condition(Random r) {
        String[] dates = {"today", "tomorrow", "yesterday", "+3d", "-2d", "+1w", "-1w", "2026-11-20"};
        String d = dates[r.nextInt(dates.length)];
        return switch (r.nextInt(26)) {
            case 0 -> "#" + (r.nextInt(5) == 0 ? "Nowhere" : LISTS[r.nextInt(LISTS.length)].toLowerCase(Locale.ROOT));
            case 1 -> "##" + LISTS[r.nextInt(LISTS.length)];
            case 2 -> "@" + TAGS[r.nextInt(TAGS.length)];
            // The Inbox by its name in any language, and a list of one's own called so.
            case 22 -> "#" + INBOX_WORDS[r.nextInt(INBOX_WORDS.length)];
            // Todoist's wildcard, in a tag's name or a list's.
            case 23 -> r.nextBoolean() ? "@" + prefix(TAGS[r.nextInt(TAGS.length)], 1 + r.nextInt(3)) + "*"
                    : "@*" + TAGS[r.nextInt(TAGS.length)].substring(2);
            case 24 -> "#" + (r.nextBoolean() ? "*" + LISTS[r.nextInt(LISTS.length)].substring(2) : "W*k");
            case 25 -> r.nextBoolean() ? "no labels" : (1 + r.nextInt(9)) + " days";
            case 3 -> "p" + (1 + r.nextInt(4));
            case 4 -> "no priority";
            case 5 -> r.nextBoolean() ? "today" : "tomorrow";
            case 6 -> "overdue";
            case 7 -> "no date";
            case 8 -> "due before: " + d;
            case 9 -> "due after: " + d;
            case 10 -> "due: " + (r.nextBoolean() ? d : "next " + (1 + r.nextInt(10)) + " days");
            case 11 -> "recurring";
            case 12 -> "search: " + prefix(WORDS[r.nextInt(WORDS.length)], 3 + r.nextInt(3));
            case 13 -> "start before: " + d;
            case 14 -> r.nextBoolean() ? "no start" : "start after: " + d;
            case 15 -> "someday";
            case 16 -> "has: notes";
            case 17 -> "subtask";
            case 18 -> "section: " + SECTIONS[r.nextInt(SECTIONS.length)];
            case 19 -> "shared";
            case 20 -> "done";
            default -> (r.nextBoolean() ? "created after: " : "created before: ") + d;
        };
    }

    private static String prefix(String w, int n) {
        return w.substring(0, Math.min(n, w.length()));
    }

    /** Whether {@code name} is what {@code pattern} says, case aside, each "*" standing for any characters. */
    private static boolean like(String pattern, String name) {
        String re = java.util.Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return java.util.regex.Pattern.compile(re, java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL)
                .matcher(name).matches();
    }

    /** What every filter runs over: todos not in the Trash, open ones unless it names done. */
    private static boolean base(Item it, Filter f) {
        return !it.isTrashed() && !it.isNote() && (FilterSql.namesDone(f) || !it.isDone());
    }

    private static boolean eval(Filter f, Item it, Made m) {
        LocalDate today = m.today();
        String due = it.due() == null ? "" : it.due();
        String start = it.start() == null ? "" : it.start();
        if (f instanceof Filter.And a) {
            return a.parts().stream().allMatch(p -> eval(p, it, m));
        } else if (f instanceof Filter.Or o) {
            return o.parts().stream().anyMatch(p -> eval(p, it, m));
        } else if (f instanceof Filter.Not n) {
            return !eval(n.part(), it, m);
        } else if (f instanceof Filter.InList l) {
            boolean inbox = it.listId() == null || !m.listNames().containsKey(it.listId());
            if (inbox) {
                // The Inbox's names, as every language says it: a plain list of them, apart from the code's.
                return Set.of("inbox", "eingang", "boîte de réception", "réception").stream().anyMatch(n -> like(l.name(), n));
            }
            return like(l.name(), m.listNames().get(it.listId()));
        } else if (f instanceof Filter.Tagged t) {
            return m.tags().getOrDefault(it.id(), Set.of()).stream()
                    .anyMatch(x -> like(ItemTag.normalize(t.tag()), ItemTag.normalize(x)));
        } else if (f instanceof Filter.Priority p) {
            return it.priorityLevel() == p.level();
        } else if (f instanceof Filter.DueBetween d) {
            return !due.isEmpty() && due.compareTo(d.from().day(today).toString()) >= 0
                    && due.compareTo(d.to().day(today).toString()) <= 0;
        } else if (f instanceof Filter.DueBefore d) {
            return !due.isEmpty() && due.compareTo(d.day().day(today).toString()) < 0;
        } else if (f instanceof Filter.DueAfter d) {
            return due.compareTo(d.day().day(today).toString()) > 0;
        } else if (f instanceof Filter.StartBefore d) {
            return !start.isEmpty() && start.compareTo(d.day().day(today).toString()) < 0;
        } else if (f instanceof Filter.StartAfter d) {
            return start.compareTo(d.day().day(today).toString()) > 0;
        } else if (f instanceof Filter.CreatedAfter d) {
            return it.createdAt() >= d.day().day(today).plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
        } else if (f instanceof Filter.CreatedBefore d) {
            return it.createdAt() < d.day().day(today).atStartOfDay(ZONE).toInstant().toEpochMilli();
        } else if (f instanceof Filter.Search s) {
            List<String> tokens = new ArrayList<>();
            for (String field : new String[] {it.title(), it.notes()}) {
                if (field != null) {
                    tokens.addAll(List.of(field.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
                }
            }
            for (String w : s.words().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (tokens.stream().noneMatch(t -> t.startsWith(w))) {
                    return false;
                }
            }
            return true;
        } else if (f instanceof Filter.InSection s) {
            return it.sectionId() != null && s.name().equalsIgnoreCase(m.sectionNames().getOrDefault(it.sectionId(), "\u0000"));
        }
        return switch (((Filter.Is) f).flag()) {
            case OVERDUE -> !due.isEmpty() && due.compareTo(today.toString()) < 0;
            case NO_DATE -> due.isEmpty();
            case RECURRING -> it.repeat() != null && !it.repeat().isEmpty();
            case NO_START -> start.isEmpty();
            case SOMEDAY -> it.isSomeday();
            case HAS_NOTES -> it.notes() != null && !it.notes().isBlank();
            case HAS_ATTACHMENT -> false;
            case SUBTASK -> it.parentId() != null && !it.parentId().isEmpty();
            case SHARED -> it.listId() != null && m.shared().contains(it.listId());
            case NO_TAGS -> m.tags().getOrDefault(it.id(), Set.of()).isEmpty();
            case DONE -> it.isDone();
        };
    }
}
