package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A field's name in a conflict's sentence ("Changed on another device while you edited: Title, Priority") reads the
 * same for every field, in the window, the command line and the web page: a name of its own, capitalised as the
 * others, never a column's name; in English, German and French.
 */
@Tag("unit")
class ConflictWordsTest {
    /** What a conflict is never about: the row's id, and what is read with a row but not kept in it. */
    private static final Set<String> NOT_FIELDS = Set.of("id", "context");
    /** The fields the web page edits, by the names it sends them with (ItemJson.FIELDS). */
    private static final List<String> PAGE_FIELDS = List.of("title", "due", "time", "lengthMinutes", "priority", "listId",
            "tags", "remindAt", "repeat", "notes", "start", "someday");

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
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
