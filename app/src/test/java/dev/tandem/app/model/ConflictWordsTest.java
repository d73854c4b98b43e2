package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a conflict shows never names a column or shows a stored value: every column of the schema has
 * words in English, German and French, and times, dates, lists and places read as a person says them.
 */
@Tag("unit")
class ConflictWordsTest {
    private static final Pattern STORED_NUMBER = Pattern.compile("\\d{5,}");
    private static final long MADE = 1_795_856_511_239L;
    /** What a conflict is never about: the row's id, and what is read with a row but not kept in it. */
    private static final Set<String> NOT_FIELDS = Set.of("id", "context");
    /** The fields the web page edits, by the names it sends them with (ItemJson.FIELDS). */
    private static final List<String> PAGE_FIELDS = List.of("title", "due", "time", "lengthMinutes", "priority", "listId",
            "tags", "remindAt", "repeat", "notes", "start", "someday");
    private TodoStore store;

    @BeforeEach
    void open() {
        store = new TodoStore(Db.openMemory(), Clock.fixed(Instant.ofEpochMilli(MADE), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        Messages.use(Language.ENGLISH);
        store.close();
    }

    private record Column(String table, String name) {
    }

    private List<Column> schemaColumns() {
        record Name(String id) {
        }
        List<Column> out = new ArrayList<>();
        for (Name t : store.db().query(Name.class, "SELECT name AS id FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_tandem%' ESCAPE '\\' AND name NOT LIKE '%fts%'")) {
            for (Name c : store.db().query(Name.class, "SELECT name AS id FROM pragma_table_info(?)", t.id())) {
                if (!c.id().equals("id")) {
                    out.add(new Column(t.id(), c.id()));
                }
            }
        }
        return out;
    }

    @Test
    void fieldLabel_everyColumnOfTheSchema_aWordOfItsOwnInEachLanguage() {
        List<Column> columns = schemaColumns();
        assertTrue(columns.size() > 40, "the schema's columns: " + columns);
        for (Language language : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
            Messages.use(language);
            String unknown = ConflictWords.fieldLabel("items", "aColumnOfANewerTandem");
            for (Column c : columns) {
                String label = ConflictWords.fieldLabel(c.table(), c.name());
                assertNotEquals(c.name(), label, c + " in " + language);
                assertNotEquals(unknown, label, c + " has no words in " + language);
            }
        }
    }

    @Test
    void say_listMadeOnTwoDevices_germanWordsAndADateNoStoredNumbers() {
        TodoList errands = store.createList("Errands");
        Messages.use(Language.GERMAN);
        ConflictWords.Said created = ConflictWords.say(store, conflict("lists", errands.id(), "createdAt", MADE,
                MADE + 1_527));
        assertEquals("Liste „Errands“", created.title());
        assertEquals("Erstellungszeit", created.field());
        assertTrue(created.kept().contains("2026"), created.kept());
        ConflictWords.Said place = ConflictWords.say(store, conflict("lists", errands.id(), "position", 1L, 4L));
        assertEquals("Platz unter den Listen", place.field());
        assertEquals("ein eigener Platz", place.kept());
        for (ConflictWords.Said s : List.of(created, place)) {
            assertFalse(STORED_NUMBER.matcher(s.kept() + s.lost()).find(), s.toString());
        }
    }

    @Test
    void say_everyKindOfValue_readsAsAPersonSaysIt() {
        Item it = store.add("Call Sam", "Errands", null, null, TodoDetails.NONE).item();
        String errands = store.findList("Errands").orElseThrow().id();
        assertEquals("Call Sam", ConflictWords.say(store, conflict("items", it.id(), "title", "Call Sam", "Ring Sam"))
                .title());
        assertEquals("in “Errands”", said("listId", errands));
        assertEquals("Priority 1", said("priority", 1L));
        assertEquals("Every week", capitalised(said("repeat", "FREQ=WEEKLY")));
        assertEquals("a note", said("kind", "note"));
        assertEquals("Thu 3 Dec 2026", said("due", "2026-12-03"));
        assertEquals("14:30", said("dueTime", "14:30"));
        assertEquals("30 min", said("durationMinutes", 30L));
        assertFalse(STORED_NUMBER.matcher(said("remindAt", MADE)).find(), said("remindAt", MADE));
        assertFalse(STORED_NUMBER.matcher(said("doneAt", MADE)).find());
        assertEquals("another value", said("aColumnOfANewerTandem", 12_345_678L));
        assertEquals("A deleted todo", ConflictWords.say(store, conflict("items", "gone", "due", "2026-01-01", null))
                .title());
        assertEquals("Something a newer Tandem saved", ConflictWords.say(store, conflict("gadgets", "x", "name", "a",
                "b")).title());
        Messages.use(Language.FRENCH);
        assertEquals("Priorité 1", said("priority", 1L));
        assertEquals("dans «\u00a0Errands\u00a0»", said("listId", errands));
        assertEquals("Date de création", ConflictWords.fieldLabel("items", "createdAt"));
    }

    private String said(String field, Object value) {
        return ConflictWords.say(store, conflict("items", store.allItems().get(0).id(), field, value, null)).kept();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Conflict conflict(String table, String entity, String field, Object kept, Object lost) {
        return new Conflict(1, Conflict.Kind.EDIT_EDIT, table, entity, field, kept, "k", "a", lost, "l", "b",
                Instant.EPOCH, Instant.EPOCH, false);
    }

    @Test
    void fieldLabel_everyItemColumnAndPageField_aCapitalisedNameOfItsOwnInEveryLanguage() {
        List<String> fields = new ArrayList<>(PAGE_FIELDS);
        for (RecordComponent c : Item.class.getRecordComponents()) {
            if (!NOT_FIELDS.contains(c.getName())) {
                fields.add(c.getName());
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Language language : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
            Messages.use(language);
            for (String f : fields) {
                String label = ConflictWords.fieldLabel(f);
                if (label.equals(f) || label.isBlank() || !Character.isUpperCase(label.codePointAt(0))) {
                    wrong.add(language.tag() + " " + f + " → " + label);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void fieldLabel_pageFieldsAndTheirColumns_readTheSame() {
        assertEquals(ConflictWords.fieldLabel("dueTime"), ConflictWords.fieldLabel("time"));
        assertEquals(ConflictWords.fieldLabel("durationMinutes"), ConflictWords.fieldLabel("lengthMinutes"));
        assertEquals("Title, Priority", String.join(", ", List.of("title", "priority").stream()
                .map(ConflictWords::fieldLabel).toList()));
    }
}
