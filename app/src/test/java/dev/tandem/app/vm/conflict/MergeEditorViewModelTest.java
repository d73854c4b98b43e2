package dev.tandem.app.vm.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MergeEditorViewModelTest {
    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    private static MergeEditorViewModel title(String name) {
        return new MergeEditorViewModel("Edit merged", "Trip", name, true, TextConflict.of("Book flights",
                "Book trains"),
                "This device", "Phone", new FakeDialogs(), v -> { });
    }

    @Test
    void save_twoLinesInGerman_fieldKeepsItsCapital() {
        Messages.use(Language.GERMAN);
        MergeEditorViewModel m = title("Titel");
        m.textProperty().set("Book\nflights");
        assertFalse(m.save());
        assertEquals("Das Feld „Titel“ ist einzeilig: Füge die Zeilen vor dem Speichern zusammen.",
                m.errorProperty().get());
    }

    @Test
    void save_emptyInEnglish_fieldInLowerCase() {
        MergeEditorViewModel m = title("Title");
        m.textProperty().set("  ");
        assertFalse(m.save());
        assertEquals("The title cannot be empty.", m.errorProperty().get());
    }
}
