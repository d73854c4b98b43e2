package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.time.api.Dates;

/**
 * Export a random profile, import it into a fresh one: what the format promises to carry arrives
 * unchanged (the property form of {@link RoundTripTest}). Profiles are built only through
 * {@link TodoStore}'s public methods, with text of every kind and at the exact size limits.
 */
@Tag("property")
class RoundTripProperties {

    // ------------------------------------------------------------------ properties

    @Property(tries = 40)
    void exportThenImport_randomProfileJson_identical(@ForAll("profiles") Profile profile) throws IOException {
        Path tmp = Files.createTempDirectory("roundtrip-json");
        try (TodoStore source = Fixtures.store(); TodoStore fresh = Fixtures.store()) {
            profile.build(source);
            Path file = tmp.resolve("backup.json");
            ExportReport out = Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
            assertEquals(profile.size(), out.items(), "every item, trashed ones included, is in the backup");
            ImportReport in = Transfer.importPath(fresh, file, null, Progress.NONE);
            assertEquals(profile.size(), in.added());
            assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
            assertEquals(Fixtures.rows(source, "lists"), Fixtures.rows(fresh, "lists"));
            assertEquals(Fixtures.rows(source, "item_tags"), Fixtures.rows(fresh, "item_tags"));
            assertEquals(Fixtures.rows(source, "item_links"), Fixtures.rows(fresh, "item_links"));
        } finally {
            TestFiles.deleteTree(tmp);
        }
    }

    @Property(tries = 40)
    void exportThenImport_randomProfileMarkdown_openItemsSame(@ForAll("profiles") Profile profile) throws IOException {
        Path tmp = Files.createTempDirectory("roundtrip-md");
        try (TodoStore source = Fixtures.store(); TodoStore fresh = Fixtures.store()) {
            profile.build(source);
            Path dir = tmp.resolve("md");
            Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
            Map<String, Item> before = open(source);
            if (!before.isEmpty()) {
                Transfer.importPath(fresh, dir, null, Progress.NONE);
            }
            Map<String, Item> after = open(fresh);
            assertEquals(new TreeSet<>(before.keySet()), new TreeSet<>(after.keySet()), "same todos, by id");
            Map<String, Path> fileOf = filesById(dir);
            Map<String, TodoList> sourceLists = source.lists().stream()
                    .collect(Collectors.toMap(TodoList::id, Function.identity()));
            for (Item b : before.values()) {
                Item a = after.get(b.id());
                String what = "todo " + b.id() + " " + Text.show(b.title());
                assertEquals(b.title(), a.title(), what);
                assertEquals(effective(source, b), effective(fresh, a), what + ": notes, tags, priority, repeat");
                assertEquals(b.due(), a.due(), what);
                assertEquals(b.isDone(), a.isDone(), what);
                // The list: LIST/TITLE.md, the folder's name made safe for every platform; back into that list.
                TodoList list = b.listId() == null ? null : sourceLists.get(b.listId());
                if (list == null) {
                    assertNull(a.listId(), what + " was in the Inbox");
                    continue;
                }
                Path file = fileOf.get(b.id());
                assertNotNull(file, what + ": no file with its id");
                String folder = dir.relativize(file).getName(0).toString();
                assertEquals(folder, Fixtures.listName(fresh, a).orElse(null), what + ": the list its folder names");
                if (plain(list.name(), source.lists())) {
                    assertEquals(list.name(), folder, what + ": a plain list name is the folder's name as it is");
                }
            }
        } finally {
            TestFiles.deleteTree(tmp);
        }
    }

    // ------------------------------------------------------------------ comparisons (as RoundTripTest)

    /** What a todo says, wherever it keeps it: notes body, tags, priority level and rule, from fields or lines. */
    private static List<Object> effective(TodoStore s, Item it) {
        NoteAttributes.Split split = NoteAttributes.split(it.notes());
        NoteAttributes a = RealFields.exported(it, new TagStore(s).of(it.id()), split.attributes());
        return Arrays.asList(split.body(), new TreeSet<>(a.tags()), RealFields.priority(a.priority()), a.repeats());
    }

    private static Map<String, Item> open(TodoStore s) {
        return s.allItems().stream().filter(i -> !i.isTrashed()).collect(Collectors.toMap(Item::id, Function.identity()));
    }

    /** Each exported file by the id in its front matter. */
    private static Map<String, Path> filesById(Path dir) throws IOException {
        Map<String, Path> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n', 4);
                String first = text.substring(4, nl);
                if (first.startsWith("id: ")) {
                    out.put(first.substring(4).strip(), p);
                }
            }
        }
        return out;
    }

    /**
     * A list name any file system takes as a folder name unchanged: letters, digits and single inner
     * spaces, at most 80 characters, not the Inbox nor a Windows device name, and no other list
     * with the same name ignoring case.
     */
    private static boolean plain(String name, List<TodoList> lists) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.length() <= 80 && name.matches("[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*")
                && !lower.equals("inbox") && !lower.matches("con|prn|aux|nul|com[1-9]|lpt[1-9]")
                && lists.stream().filter(l -> l.name().toLowerCase(Locale.ROOT).equals(lower)).count() == 1;
    }

    // ------------------------------------------------------------------ the profiles

    /** One todo as added, then edited through the store. */
    record ItemSpec(String title, Integer list, LocalDate due, Integer priority, List<String> tags, Recurrence repeat,
                    Long remindAt, String newTitle, String notes, boolean done, boolean trashed) {
        @Override
        public String toString() {
            return "Item[title=" + Text.show(title) + ", list=" + list + ", due=" + due + ", priority=" + priority
                    + ", tags=" + tags.stream().map(Text::show).toList() + ", repeat=" + (repeat == null ? null : repeat.toRule())
                    + ", remindAt=" + remindAt + ", newTitle=" + Text.show(newTitle) + ", notes=" + Text.show(notes)
                    + ", done=" + done + ", trashed=" + trashed + "]";
        }
    }

    /** Lists, todos added through the store, and todos imported from a calendar app's file under these UIDs (linked). */
    record Profile(List<String> lists, List<ItemSpec> items, List<String> uids) {
        int size() {
            return items.size() + uids.size();
        }

        void build(TodoStore store) {
            List<String> listIds = new ArrayList<>();
            for (String name : lists) {
                listIds.add(store.createList(name).id());
            }
            for (ItemSpec s : items) {
                String listId = s.list() == null ? null : listIds.get(s.list());
                Item it = store.add(s.title(), null, listId, s.due(),
                        new TodoDetails(s.priority(), s.tags(), s.repeat(), s.remindAt())).item();
                if (s.newTitle() != null) {
                    store.update(it.id(), i -> i.withTitle(s.newTitle()));
                }
                if (s.notes() != null) {
                    store.update(it.id(), i -> i.withNotes(s.notes()));
                }
                if (s.done()) {
                    store.setDone(it.id(), true);
                }
                if (s.trashed()) {
                    store.trash(it.id());
                }
            }
            if (!uids.isEmpty()) {
                StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Tasks//EN\r\n");
                for (int i = 0; i < uids.size(); i++) {
                    ics.append("BEGIN:VTODO\r\nUID:").append(uids.get(i)).append("\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Imported ")
                            .append(i).append("\r\nEND:VTODO\r\n");
                }
                ics.append("END:VCALENDAR\r\n");
                ImportWriter.write(store, IcsImporter.read("calendar.ics", ics.toString(), Fixtures.ZONE, Progress.NONE),
                        Progress.NONE);
            }
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Profile[lists=")
                    .append(lists.stream().map(Text::show).toList()).append(", items=[");
            for (ItemSpec s : items) {
                b.append("\n    ").append(s);
            }
            return b.append("], uids=").append(uids.stream().map(Text::show).toList()).append("]").toString();
        }
    }

    @Provide
    Arbitrary<Profile> profiles() {
        return Text.listNames().list().ofMinSize(0).ofMaxSize(4)
                .flatMap(lists -> items(lists.size()).list().ofMinSize(0).ofMaxSize(12)
                        .flatMap(items -> uids().list().uniqueElements().ofMinSize(0).ofMaxSize(3)
                                .map(uids -> new Profile(lists, items, uids))));
    }

    /** UIDs as calendar apps write them: Google's and Apple's forms, plain words, UUIDs in upper case. */
    private static Arbitrary<String> uids() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                        .withChars("@.-_").ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                        .as((m, l) -> new UUID(m, l).toString().toUpperCase(Locale.ROOT))));
    }

    private static Arbitrary<ItemSpec> items(int lists) {
        Arbitrary<Integer> list = lists == 0 ? Arbitraries.just(null)
                : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(3, Arbitraries.integers().between(0, lists - 1)));
        Arbitrary<LocalDate> due = Dates.dates().between(LocalDate.of(2020, 1, 1), LocalDate.of(2035, 12, 31)).injectNull(0.4);
        Arbitrary<Integer> priority = Arbitraries.integers().between(1, 4).injectNull(0.5);
        Arbitrary<List<String>> tags = Text.tags().list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Long> remind = Arbitraries.longs().between(1_600_000_000_000L, 2_100_000_000_000L).injectNull(0.7);
        Arbitrary<Tuple.Tuple5<String, Integer, LocalDate, Integer, List<String>>> first =
                Combinators.combine(Text.titles(), list, due, priority, tags).as(Tuple::of);
        Arbitrary<Tuple.Tuple6<Recurrence, Long, String, String, Boolean, Boolean>> second =
                Combinators.combine(recurrences(), remind, Text.editedTitles().injectNull(0.75), Text.notes(),
                        Arbitraries.of(false, true), Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true))).as(Tuple::of);
        return Combinators.combine(first, second).as((a, b) -> new ItemSpec(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(),
                b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6()));
    }

    private static Arbitrary<Recurrence> recurrences() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(null)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(Recurrence.Freq.class), Arbitraries.integers().between(1, Recurrence.MAX_INTERVAL))
                        .as(Recurrence::every)),
                Tuple.of(1, Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7).map(Recurrence::weekly)),
                Tuple.of(1, Arbitraries.integers().between(1, 31).map(Recurrence::monthlyOn)));
    }

    /** Text of every kind: letters, other scripts, emoji, combining marks, quotes and the characters formats care about. */
    static final class Text {
        private static final List<String> SINGLE = List.of("a", "Z", "q", "7", "0", "é", "ß", "Ω", "ж", "中", "ا", "\u0301",
                "\u0308", "\"", "'", "#", ":", "/", "\\", "-", "*", "`", "[", "]", "|", "<", ">", "?", "!", ",", ".", "@",
                "%", "&", "{", "}", "~", "=", ";", "$");
        private static final List<String> MULTI = List.of("🚋", "😀", "👍🏽", "👨‍👩‍👧", "e\u0301", "Ä", "---", "# ", "- [ ] ",
                "Tags: x", "null", "yes", "no", "'quoted'", "\"q\"", "C:\\dir", "a/b", "http://x.y/z", "1e3", "..");
        private static final List<String> WORDS = List.of("Milk", "Send the report", "Plan", "trip", "Lisbon", "Ünïcödé", "日本語", "x");
        private static final int MAX_TITLE = Limits.MAX_TITLE_CHARS;
        private static final int MAX_NOTES = Limits.MAX_NOTES_CHARS;
        private static final int MAX_NAME = Limits.MAX_NAME_CHARS;

        private Text() {
        }

        /** Tokens joined: any content, spaces inside (and, with {@code lines}, newlines and tabs). */
        static Arbitrary<String> content(int maxTokens, boolean lines) {
            List<Tuple.Tuple2<Integer, Arbitrary<String>>> kinds = new ArrayList<>(List.of(
                    Tuple.of(6, Arbitraries.of(SINGLE)),
                    Tuple.of(3, Arbitraries.of(MULTI)),
                    Tuple.of(3, Arbitraries.of(WORDS)),
                    Tuple.of(3, Arbitraries.just(" "))));
            if (lines) {
                kinds.add(Tuple.of(2, Arbitraries.of("\n", "\n\n", "\t", "  ")));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Arbitrary<String> token = Arbitraries.frequencyOf(kinds.toArray(new Tuple.Tuple2[0]));
            return token.list().ofMinSize(1).ofMaxSize(maxTokens).map(t -> String.join("", t));
        }

        /** One char that is not white space (a bare combining mark included). */
        static Arbitrary<String> oneChar() {
            return Arbitraries.of(SINGLE);
        }

        /** As the store keeps a title given to add: stripped, so never with white space at either end. */
        static Arbitrary<String> titles() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, oneChar()),
                    Tuple.of(10, content(25, false).map(Text::stripped)),
                    Tuple.of(1, content(40, false).map(s -> exactly(s, MAX_TITLE, true))));
        }

        /**
         * A title changed by update: the store checks its length but strips nothing there, so white space at
         * the ends stays (a title of white space only is an empty title, which add refuses; left out).
         */
        static Arbitrary<String> editedTitles() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, oneChar()),
                    Tuple.of(10, content(25, false).filter(s -> !s.isBlank())),
                    Tuple.of(1, content(40, false).map(s -> exactly(s, MAX_TITLE, false)).filter(s -> !s.isBlank())));
        }

        /** The store strips list names too. */
        static Arbitrary<String> listNames() {
            return Arbitraries.frequencyOf(
                    Tuple.of(2, oneChar()),
                    Tuple.of(3, Arbitraries.of("Groceries", "Work", "work", "Inbox", "Home Projects", "Καλημέρα", "con")),
                    Tuple.of(6, content(12, false).map(Text::stripped)),
                    Tuple.of(1, content(30, false).map(s -> exactly(s, MAX_NAME, true))));
        }

        /** Notes are kept as given (the store strips nothing): null, one char, any text, or exactly the limit. */
        static Arbitrary<String> notes() {
            return Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(null)),
                    Tuple.of(2, Arbitraries.of(SINGLE)),
                    Tuple.of(8, content(60, true)),
                    Tuple.of(1, content(60, true).map(s -> exactly(s, MAX_NOTES, false))));
        }

        static Arbitrary<String> tags() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("home", "plants", "errands", "Work", "@phone", "two words", "émoji🚋", "日本")),
                    Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').withChars("éßΩж中-_").ofMinLength(1).ofMaxLength(70)));
        }

        private static String stripped(String s) {
            String t = s.strip();
            return t.isEmpty() ? "x" : t;
        }

        /** {@code seed} repeated to exactly {@code n} chars, no half surrogate pair at the end; no white space at the ends when asked. */
        static String exactly(String seed, int n, boolean strip) {
            String unit = seed.isEmpty() ? "x" : seed;
            StringBuilder b = new StringBuilder(n + unit.length());
            while (b.length() < n) {
                b.append(unit);
            }
            b.setLength(n);
            if (Character.isHighSurrogate(b.charAt(n - 1))) {
                b.setCharAt(n - 1, 'z');
            }
            if (strip) {
                if (Character.isWhitespace(b.charAt(0))) {
                    b.setCharAt(0, 'a');
                }
                if (Character.isWhitespace(b.charAt(n - 1))) {
                    b.setCharAt(n - 1, 'z');
                }
            }
            return b.toString();
        }

        /** A value shown in a report: Java-escaped, long ones as their length and start. */
        static String show(String s) {
            if (s == null) {
                return "null";
            }
            String head = s.length() > 60 ? s.substring(0, 60) : s;
            StringBuilder b = new StringBuilder("\"");
            head.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    b.append('\\').append((char) c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c < 0x20 || c > 0x7e) {
                    b.append(String.format("\\u%04x", c));
                } else {
                    b.append((char) c);
                }
            });
            b.append('"');
            return s.length() > 60 ? b + "…(" + s.length() + " chars)" : b.toString();
        }
    }
}
