package dev.tandem.app.vm.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CountLineTest {
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void of_wholeList_countsTodos() {
        assertEquals("1 todo", CountLine.of(1, 1));
        assertEquals("12,000 todos", CountLine.of(12_000, 12_000));
    }

    @Test
    void of_firstPageOnly_saysNothingYet() {
        assertEquals("", CountLine.of(200, -1));
    }

    @Test
    void of_someOfManyMatches_saysHowMany() {
        assertEquals("1,000 newest of about 100,000 matches", CountLine.of(1_000, 100_000));
    }

    @Test
    void of_viewEmptiedWhileTheIndexCountIsStale_saysNoTodos() {
        assertEquals("0 todos", CountLine.of(0, 12));
        assertEquals("0 todos", CountLine.of(0, 0, 12));
    }

    @Test
    void of_withNotes_saysTodosAndNotes() {
        assertEquals("3 todos · 2 notes", CountLine.of(5, 2, 5));
        assertEquals("1 todo · 1 note", CountLine.of(2, 1, 2));
        assertEquals("1,200 notes", CountLine.of(1_200, 1_200, 1_200));
        assertEquals("4 todos", CountLine.of(4, 0, 4));
        assertEquals("1,000 newest of about 5,000 matches", CountLine.of(1_000, 10, 5_000));
    }
}
