package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.model.filter.RandomQueries;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of saved filters ({@link FilterParser} over {@link FilteredItems}, the desktop's smart lists) for the
 * page as its own device, whose tandem-sync/app/filters.js is a second implementation read by
 * test/filters-golden.test.js. A seeded profile (lists, one called Inbox and one gone, tags, priorities, due and
 * start dates, times, Someday, repeats, notes, sections, subtasks, done, trashed, plain notes, files, made on many
 * days) as the rows the replica holds, and queries (every condition of docs/FILTERS.md's table, nesting, "!",
 * Todoist's "," groups, wildcards, dates relative to a fixed today, errors, random ones), each with what the SQL
 * finds (the ids in order) or the parser's refusal (its key, where, and the English sentence); then, with German and
 * French in effect, queries whose days are said in that language (weekdays, "morgen", "dans 3 jours", "24.12.",
 * "le 1er", "morgen früh", "vendredi soir"), in English too, and the ones the desktop refuses, with the sentence in
 * that language; in each language, no-break spaces where spaces are typed ("12 déc." from a phone), read as spaces.
 * Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class FilterGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "filters.json").toAbsolutePath().normalize();
    private static final String[] WORDS = {"report", "quarterly", "milk", "bank", "garden", "draft", "invoice", "Café"};
    private static final String[] TAGS = {"errand", "urgent", "home", "call", "urgent-call", "aaaa"};
    private static final String[] LISTS = {"Work", "Home", "Club", "Inbox", "Team, Alpha", "WORK plan"};
    private static final String[] SECTIONS = {"Later", "This week"};
    private static final String[] DATES = {"today", "tomorrow", "yesterday", "+3d", "-2d", "+1w", "-1w", "+1m", "-1y",
        "2026-11-20", "2026-12-24", "fri", "next fri", "mon", "next sun", "+7 days", "-1 week", "in 2 weeks",
        "3 days ago", "dec 24", "next week", "on fri", "the 15th", "in january", "31/12", "weekend", "tmr", "in 3 months",
        "TODAY", "  +2D ", "2026-02-30", "soon", "feb 30", "-3 days ago", "next month", "next monday", "thursday"};
    private static final String[] ERROR_KEYS = {"empty", "tooLong", "tooDeep", "tooMany", "expectedCondition",
        "expectedOperator", "unclosed", "unopened", "unknown", "badDate", "noName", "has", "assigned"};
    /** Every form of the table, said plainly; the random ones join these. */
    private static final String[] FIXED = {
        "#Work", "##Work", "#work", "#WORK", "#Inbox", "#inbox", "#Eingang", "#Boîte de réception", "#Réception",
        "#BOÎTE DE RÉCEPTION", "#In*", "#*box", "#Team, Alpha", "#Team", "#Nowhere", "#Work*", "#*o*", "#W*k", "#*",
        "#*ork*", "#w*K*", "##", "#", "@errand", "@Errand", "@urg*", "@*call", "@*", "@u*t", "@urgent", "@@urgent",
        "@ errand", "@home & #Home", "no tags", "no labels", "no label", "no tag", "p1", "p2", "p3", "p4", "P1",
        "no priority", "p5", "today", "tomorrow", "yesterday", "overdue", "no date", "no due date", "due: today",
        "due: next 7 days", "due: next 1 day", "due: 0 days", "7 days", "next 7 days", "1 day", "next 3 days", "0 days",
        "due before: +7d", "due after: -3d", "date: tomorrow", "date before: fri", "date after: 2026-11-20",
        "due before: 2026-11-26", "start before: today", "start after: -3d", "no start", "someday", "recurring",
        "search: report", "search: rep", "search: café", "search: CAFE", "search: milk, bank", "search: report draft",
        "search: !!!", "search:", "search: quart rep", "has: notes", "has: note", "has: attachment", "has: files",
        "has: file", "has: attachments", "has: cats", "subtask", "section: Later", "section: later", "section: This week",
        "section: Nowhere", "section:", "shared", "done", "done & p1", "!done", "done | !done", "created after: -5d",
        "created before: -5d", "created after: 2026-11-01", "created before: today",
        "assigned to: me", "assigned", "assigned by: ann", "added by: me", "ASSIGNED TO: x",
        "#Work & p1", "overdue | @errand", "#Work & !overdue & due before: +7d", "#Work & p1 | !@errand",
        "(#Work | #Home) & (p1 | p2)", "!(today | overdue)", "!!p1", "!(!(!(p2)))", "today, overdue", "p1, p2, p3",
        "#Work, #Home", "today,", ", today", "p1 ,, p2", "(p1, p2)", "(p1 | p2), (today)",
        "", "   ", "#Work &", "& p1", "p1 | ", "(p1", "p1)", "((p1)", "p1 p2", "p1 & (", "overdue)", "due before: someday soon",
        "due before:", "blah", "#Work & blah", "p1 & & p2", "!", "!()", "()", "(p1 | (p2 & (p3 | (p4))))",
        "#Work & @home & p1 & today & recurring", "no date & !someday", "subtask & !done", "due: fri", "due: next fri",
        "due before: +1m & due after: -1m", "start before: +1y", "search: report & #Work", "@urg* | @*rand",
        "  #Work   &   p1  ", "#Work\t&\np1", "p1 & p1 & p1", "(today | today) & (today)", "search: Draft | search: milk",
        "(p1) p2", "(today) overdue", "!(p1) #Work", "(p1 & p2) )", "(#Work) ,(p1) x",
    };
    /**
     * A day with its part of the day ("tomorrow morning": DayParts, the day of the words before it), weekdays with and
     * without "next", and what neither reads: a part alone or first, two parts, a day in another language.
     */
    private static final String[] ENGLISH_SAID = {
        "due: tomorrow morning", "due: Tomorrow Morning", "due: tomorrow  evening", "due: fri evening", "due: friday night",
        "due: next fri afternoon", "due: next friday in the morning", "due: next week morning", "due: dec 24 evening",
        "due: in 2 days in the evening", "due: today at night", "due: on friday evening", "due: tmr morning",
        "due before: tomorrow evening", "due after: mon night", "start after: today morning", "start before: next mon morning",
        "created after: yesterday evening", "created before: today morning", "date: weekend morning", "due: tonight",
        "due: this evening", "due: tomorrow tonight", "due: morning", "due: in the morning", "due: morning tomorrow",
        "due: tomorrow morgen", "due: demain matin", "due: morgen früh", "due: +3d evening", "due: next 3 days morning",
        "due: tomorrow morning evening", "due: tomorrow mornings", "due: tomorrow\u00a0morning", "due: tomorrow’s morning",
        "tomorrow morning", "tomorrow morning & p1", "due: fri evening & p1", "due: tomorrow morning | overdue",
        "due: tomorrow morning, due: fri evening", "!(due: tomorrow morning) & due before: +1w",
        "due: friday", "due: Next Friday", "due: next  fri", "due: this fri", "due: fri next", "due: next", "due: nextfri",
        "due before: next sunday", "start after: next mon", "due: next freitag", "due: freitag", "due: vendredi prochain",
        // No-break spaces where spaces are typed (a phone's, a time copied from a calendar): read as spaces.
        "due: dec\u00a024", "due\u00a0before:\u202ffri", "due: in\u00a03\u00a0days & p1", "due after: 2026-11-27\u202f",
        "search:\u00a0milk", "search: draft\u00a0report", "#Team\u00a0Alpha & p2", "\u00a0", "due: feb\u202f30",
        "@errand\u202f|\u00a0overdue", "due: next\u00a07 days", "due: fri\u202fevening", "due: tomorrow\u202fmorning", "due: dec\u200924", "due:\u3000fri",
        // What only JavaScript calls white space (a zero-width no-break space, a line separator): a word's own.
        "due: dec\ufeff24", "due:\u2028fri", "due: tomorrow\ufeff", "due:\ufefffri", "due: in 3\ufeffdays", "@errand\ufeff",
        "due: next\u20287 days", "search: milk\ufeff", "search: \ufeff", "search: -\u2028", "search: \u001f",
    };
    /** Days said in German, read with the desktop's German words beside English's; the errors' sentences are German. */
    private static final String[] GERMAN = {
        "due: freitag", "due: Freitag", "due: fr", "due: fr.", "due: am freitag", "due: diesen freitag", "due: mittwoch",
        "due: mi", "due before: nächsten freitag", "due: nächster montag", "due: kommenden mittwoch", "due: nächsten mittwoch",
        "due: freitag nächste woche", "due: sonnabend", "due: so.", "due: heute", "due: morgen", "due after: übermorgen",
        "due before: nächste woche", "due: kommende woche", "due before: nächsten monat", "due: wochenende",
        "due: am wochenende", "due before: in 3 tagen", "due: in 1 tag", "due before: in 2 wochen", "due after: in 1 monat",
        "due: 24.12.", "due: 1.12.", "due: am 1.12.", "due: 1.12.2026", "due: 24. dezember", "due: 3 dez", "due: 28. nov.",
        "due: am 15.", "due: zum 30.", "due before: im dezember", "due: im november", "due: bis freitag", "due: am montag",
        "start before: montag", "start after: sonntag", "created after: montag", "created before: morgen",
        "date before: samstag", "date: donnerstag", "date after: dienstag", "due: fri", "due before: tomorrow",
        "due: next fri", "due: 2026-11-27", "due: +3d", "due: in 2 weeks", "due: gestern", "due: vor 3 tagen", "due: 31.02.",
        "due: 30. februar", "due: freitagabend", "due: morgen früh", "due: heute abend", "due: nächsten", "due: montag freitag", "heute", "morgen", "freitag",
        "überfällig", "due before: freitag & p1", "(due: morgen | due: übermorgen) & !done", "#Eingang & due before: nächste woche",
        "due: montag, due: dienstag", "!(due before: nächsten montag) & due before: +1m", "@errand | due after: in 5 tagen",
        "due: Morgen Früh", "due: morgen abend", "due: übermorgen früh", "due: heute morgen", "due: morgen morgen",
        "due: freitag nachmittag", "due: am freitag abends", "due: nächsten freitag abend", "due: freitag nächste woche abends",
        "due: morgen in der nacht", "due: morgen am vormittag", "due: 24.12. abends", "due: in 3 tagen abends",
        "due: montag am abend", "due before: morgen früh", "start after: heute abend", "created before: morgen abend",
        "due: tomorrow morning", "due: morgen evening", "due: tomorrow abend", "due: früh", "due: abends", "due: in der nacht",
        "due: abend morgen", "due: morgen früh abend", "due: gestern abend", "due: morgen frueh", "due: morgen\u00a0früh",
        "morgen früh", "due: nächsten Freitag", "start after: kommenden freitag", "due: Nächster Montag", "due: nächste freitag",
        "due: next freitag", "due: freitag next", "due: kommenden", "due: nächste woche abends",
        "due: 24.\u00a0dezember", "due before: 3\u202fdez", "due: in 3\u00a0tagen", "due: nächsten\u00a0freitag",
        "due: morgen\u202fabend", "due: 30.\u00a0februar", "due: 24.\ufeffdezember", "due: in 3\u2028tagen",
    };
    private static final String[] FRENCH = {
        "due: vendredi", "due: Vendredi", "due: ven", "due: ven.", "due: ce vendredi", "due: vendredis", "due: mercredi",
        "due: mer.", "due before: vendredi prochain", "due: le lundi prochain", "due: mercredi prochain", "due: dimanche",
        "due: aujourd'hui", "due: auj", "due: ce soir", "due: ce matin", "due: demain", "due after: après-demain",
        "due: après demain", "due before: la semaine prochaine", "due: semaine prochaine", "due before: le mois prochain",
        "due: ce week-end", "due: le week-end", "due before: dans 3 jours", "due: dans 1 jour", "due before: dans 2 semaines",
        "due after: dans 1 mois", "due: 24/12", "due: le 1/12", "due: 1/12/2026", "due: 24 décembre", "due: 1er décembre",
        "due: le 28 nov", "due: le 15", "due: le 1er", "due before: en décembre", "due: au mois de novembre",
        "due: pour vendredi", "due: avant demain", "start before: lundi", "start after: dimanche", "created after: lundi",
        "created before: demain", "date before: samedi", "date: jeudi", "date after: mardi", "due: fri", "due before: tomorrow",
        "due: next fri", "due: 2026-11-27", "due: +3d", "due: in 2 weeks", "due: hier", "due: il y a 3 jours", "due: 31/02",
        "due: 30 février", "due: vendredi soir", "due: demain matin", "due: prochain", "due: lundi vendredi", "aujourd'hui", "demain", "vendredi",
        "en retard", "due before: vendredi & p1", "(due: demain | due: après-demain) & !done",
        "#Boîte de réception & due before: la semaine prochaine", "due: lundi, due: mardi",
        "!(due before: lundi prochain) & due before: +1m", "@errand | due after: dans 5 jours",
        "due: Demain Matin", "due: demain soir", "due: demain après-midi", "due: demain l'après-midi", "due: lundi l’après-midi",
        "due: vendredi prochain soir", "due: le vendredi prochain au soir", "due: samedi la nuit", "due: demain dans la soirée",
        "due: demain ce soir", "due: aujourd’hui soir", "due: après-demain matin", "due: 24/12 soir", "due: dans 3 jours le matin",
        "due before: demain matin", "start after: ce soir", "created before: demain soir", "due: tomorrow morning",
        "due: demain evening", "due: soir", "due: le matin", "due: matin demain", "due: demain matin soir", "due: hier soir",
        "due: ce vendredi soir", "demain matin", "due: Vendredi Prochain", "start after: le mardi prochain",
        "due: prochain vendredi", "due: next vendredi", "due: vendredi next", "due: la semaine prochaine soir",
        "due: 12\u00a0déc.", "due: 24\u202fdécembre", "due: le 1er\u00a0décembre", "due: dans 3\u00a0jours",
        "due: vendredi\u202fsoir", "due before: ce\u00a0vendredi", "due: 31\u00a0avril", "due: 12\ufeffdéc.", "due: dans 3\u2028jours",
    };

    @Test
    void filters_everyCase_findsWhatTheVectorsSay() throws IOException {
        Messages.use(Language.ENGLISH);
        // A clock that moves only when told, to the millisecond, so the vectors are the same on every run.
        ManualClock clock = new ManualClock();
        clock.millis.set(Instant.parse("2026-10-10T09:00:00Z").toEpochMilli());
        Random r = new Random(20261125L);
        try (Db db = Db.openMemory()) {
            TodoStore store = new TodoStore(db, clock, ZoneOffset.UTC);
            profile(store, clock, r);
            clock.millis.set(Instant.parse("2026-11-25T09:00:00Z").toEpochMilli());
            LocalDate today = store.today();
            List<String> queries = new ArrayList<>(List.of(FIXED));
            queries.addAll(List.of(ENGLISH_SAID));
            for (String d : DATES) {
                for (String key : List.of("due: ", "due before: ", "due after: ", "start before: ", "created after: ")) {
                    queries.add(key + d);
                }
            }
            queries.add("p1 & ".repeat(99) + "p1");
            queries.add("p1 & ".repeat(100) + "p1");
            queries.add("(".repeat(32) + "p1" + ")".repeat(32));
            queries.add("(".repeat(33) + "p1" + ")".repeat(33));
            queries.add("!".repeat(32) + "p1");
            queries.add("!".repeat(33) + "p1");
            queries.add("#" + "a".repeat(999));
            queries.add("#" + "a".repeat(1000));
            queries.add("#*a*a*a*a*a*b");
            // Parts of the day up to the bound: 41 conditions that read, and one date of 124 parts that does not.
            queries.add("due: tomorrow morning | ".repeat(40) + "due: tomorrow morning");
            queries.add("due: " + "morning ".repeat(124));
            queries.add("@*a*a*a*a*a*b");
            for (int i = 0; i < 160; i++) {
                queries.add(RandomQueries.query(r, FilterGoldenTest::condition));
            }
            List<Object> cases = new ArrayList<>();
            for (String q : queries) {
                cases.add(run(store, q, today));
            }
            List<Object> languages = new ArrayList<>();
            try {
                for (Language l : List.of(Language.GERMAN, Language.FRENCH)) {
                    Messages.use(l);
                    List<Object> said = new ArrayList<>();
                    for (String q : l == Language.GERMAN ? GERMAN : FRENCH) {
                        said.add(run(store, q, today));
                    }
                    languages.add(obj("lang", l.tag(), "cases", said));
                }
            } finally {
                Messages.use(Language.ENGLISH);
            }
            Map<String, Object> out = obj("today", today.toString(), "profile", rows(store), "cases", cases,
                    "languages", languages);
            String text = GoldenOut.json(out) + "\n";
            KeptVectors.writeOrCompare(VECTORS, text, "filters.js");
        }
    }

    /** One query: the ids it finds in order, or the refusal's key, where and sentence (in the language in effect). */
    private static Map<String, Object> run(TodoStore store, String q, LocalDate today) {
        try {
            List<Object> ids = new ArrayList<>();
            for (Item it : FilteredItems.of(store, FilterParser.parse(q, today))) {
                ids.add(it.id());
            }
            return obj("query", q, "ids", ids);
        } catch (FilterException e) {
            return obj("query", q, "error", key(e.getMessage()), "at", (long) e.at(), "message", e.getMessage());
        }
    }

    /** The catalogue's key of a parser's sentence, in the language in effect: the one pattern it fills. */
    private static String key(String message) {
        String found = null;
        for (String k : ERROR_KEYS) {
            String pattern = Catalogue.pattern(Messages.language(), "filter.error." + k).orElseThrow();
            StringBuilder re = new StringBuilder();
            for (String part : pattern.split("\\{\\d\\}", -1)) {
                re.append(re.isEmpty() ? "" : "[\\s\\S]*").append(Pattern.quote(part));
            }
            if (Pattern.compile(re.toString()).matcher(message).matches()) {
                assertEquals(null, found, "two keys fill " + message);
                found = k;
            }
        }
        assertEquals(true, found != null, "no key fills " + message);
        return found;
    }

    /** The rows the replica holds: lists, sections, todos with every column, tags and files. */
    private static Map<String, Object> rows(TodoStore store) {
        List<Object> lists = new ArrayList<>();
        for (TodoList l : store.db().query(TodoList.class, "SELECT * FROM lists ORDER BY id")) {
            lists.add(List.of(l.id(), l.name()));
        }
        List<Object> sections = new ArrayList<>();
        for (Section s : store.db().query(Section.class, "SELECT * FROM sections ORDER BY id")) {
            sections.add(List.of(s.id(), s.name()));
        }
        List<Object> items = new ArrayList<>();
        for (Item it : store.db().query(Item.class, "SELECT * FROM items ORDER BY id")) {
            items.add(obj("id", it.id(), "listId", it.listId(), "title", it.title(), "notes", it.notes(), "due", it.due(),
                    "dueTime", it.dueTime(), "start", it.start(), "someday", it.someday(), "repeat", it.repeat(),
                    "parentId", it.parentId(), "sectionId", it.sectionId(), "done", it.done(), "createdAt", it.createdAt(),
                    "priority", it.priority(), "kind", it.kind(), "trashedAt", it.trashedAt()));
        }
        List<Object> tags = new ArrayList<>();
        for (ItemTag t : store.db().query(ItemTag.class, "SELECT * FROM item_tags WHERE removedAt IS NULL ORDER BY id")) {
            tags.add(List.of(t.itemId(), t.tag()));
        }
        List<Object> files = new ArrayList<>();
        for (Attachment a : store.db().query(Attachment.class, "SELECT * FROM attachments ORDER BY id")) {
            files.add(a.itemId());
        }
        return obj("lists", lists, "sections", sections, "items", items, "tags", tags, "attached", files);
    }

    private static void profile(TodoStore store, ManualClock clock, Random r) {
        List<String> listIds = new ArrayList<>();
        for (String name : LISTS) {
            listIds.add(store.createList(name).id());
        }
        // Ids of their own, not random ones: the order's last key is the id, and the vectors are compared byte for byte.
        List<String> sectionIds = new ArrayList<>();
        for (int i = 0; i < SECTIONS.length; i++) {
            Section s = new Section(String.format("0190d8a0-0000-7000-8000-%012d", 900 + i), listIds.get(0), SECTIONS[i],
                    "V" + i, null, clock.millis());
            store.db().transaction(tx -> tx.save(s));
            sectionIds.add(s.id());
        }
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 90; n++) {
            clock.millis.addAndGet(Duration.ofHours(r.nextInt(20)).toMillis());
            LocalDate made = store.today();
            LocalDate today = LocalDate.parse("2026-11-25");
            String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " " + n;
            String listId = r.nextInt(4) == 0 ? null : listIds.get(r.nextInt(listIds.size()));
            LocalDate due = r.nextInt(3) == 0 ? null : today.plusDays(r.nextInt(25) - 12);
            Integer priority = r.nextInt(3) == 0 ? null : 1 + r.nextInt(4);
            Set<String> itemTags = new HashSet<>();
            for (String t : TAGS) {
                if (r.nextInt(5) == 0) {
                    itemTags.add(t);
                }
            }
            Recurrence repeat = r.nextInt(6) == 0 ? Recurrence.every(Recurrence.Freq.WEEKLY, 1) : null;
            LocalDate start = r.nextInt(4) == 0 ? today.plusDays(r.nextInt(11) - 5) : null;
            boolean someday = due == null && start == null && r.nextInt(4) == 0;
            String parent = !ids.isEmpty() && r.nextInt(5) == 0 ? ids.get(r.nextInt(ids.size())) : null;
            TodoDetails details = new TodoDetails(priority, new ArrayList<>(itemTags.stream().sorted().toList()), repeat, null)
                    .when(start, someday);
            String id = store.add(String.format("0190d8a0-0000-7000-8000-%012d", n), title, null, listId, parent, due, details)
                    .item().id();
            ids.add(id);
            String notes = switch (r.nextInt(8)) {
                case 0 -> WORDS[r.nextInt(WORDS.length)] + " notes";
                case 1 -> "   ";
                case 2 -> "\n";
                default -> null;
            };
            if (notes != null) {
                store.update(id, x -> x.withNotes(notes));
            }
            if (due != null && r.nextInt(3) == 0) {
                String time = String.format("%02d:%02d", r.nextInt(24), r.nextInt(4) * 15);
                store.update(id, x -> x.withDueTimeText(time));
            }
            if (parent == null && listIds.get(0).equals(listId) && r.nextBoolean()) {
                store.update(id, x -> x.withSectionId(sectionIds.get(r.nextInt(sectionIds.size()))));
            }
            switch (r.nextInt(14)) {
                case 0, 1 -> store.setDone(id, true);
                case 2 -> store.update(id, x -> x.withNote(true));
                case 3 -> store.update(id, x -> x.withTrashedAt(clock.millis()));
                // A list gone (deleted on another device): its todos are the Inbox's.
                case 4 -> store.update(id, x -> x.withListId("0190d8a0-dead-7000-8000-00000000000" + r.nextInt(10)));
                case 5 -> store.db().transaction(tx -> tx.save(new Attachment(Attachment.class.getSimpleName() + id, id,
                        "blob", "a.txt", "text/plain", 1L, clock.millis())));
                default -> {
                }
            }
        }
    }

    private static String condition(Random r) {
        String d = DATES[r.nextInt(12)];
        return switch (r.nextInt(22)) {
            case 0 -> "#" + LISTS[r.nextInt(LISTS.length)].toLowerCase(Locale.ROOT);
            case 1 -> "@" + TAGS[r.nextInt(TAGS.length)];
            case 2 -> r.nextBoolean() ? "@urg*" : "#*o*";
            case 3 -> "p" + (1 + r.nextInt(4));
            case 4 -> "no priority";
            case 5 -> r.nextBoolean() ? "today" : "overdue";
            case 6 -> "no date";
            case 7 -> "due before: " + d;
            case 8 -> "due after: " + d;
            case 9 -> "due: " + (r.nextBoolean() ? d : "next " + (1 + r.nextInt(10)) + " days");
            case 10 -> "recurring";
            case 11 -> "search: " + WORDS[r.nextInt(WORDS.length)].substring(0, 3);
            case 12 -> "start before: " + d;
            case 13 -> r.nextBoolean() ? "no start" : "start after: " + d;
            case 14 -> "someday";
            case 15 -> "has: " + (r.nextBoolean() ? "notes" : "attachment");
            case 16 -> "subtask";
            case 17 -> "section: " + SECTIONS[r.nextInt(SECTIONS.length)];
            case 18 -> "done";
            case 19 -> "no tags";
            case 20 -> "#inbox";
            default -> (r.nextBoolean() ? "created after: " : "created before: ") + d;
        };
    }
}
