package dev.tandem.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FormsTest {
    private static final String FILES = "{0, plural, one {# file} other {# files}}";

    @Test
    void format_countsInTheShippedLanguages_theirFormsAndDigits() {
        assertEquals("1 file", Forms.format(FILES, Locale.ENGLISH, 1));
        assertEquals("0 files", Forms.format(FILES, Locale.ENGLISH, 0));
        assertEquals("1,000 files", Forms.format(FILES, Locale.ENGLISH, 1000L));
        assertEquals("1.000 files", Forms.format(FILES, Locale.GERMAN, 1000));
        assertEquals("0 file", Forms.format(FILES, Locale.FRENCH, 0));
        assertEquals(icu(FILES, Locale.FRENCH, 1234567), Forms.format(FILES, Locale.FRENCH, 1234567));
    }

    @Test
    void format_anotherLanguageAFractionANegativeOrQuotedSyntax_leftToIcu() {
        assertNull(Forms.format(FILES, Locale.forLanguageTag("pl"), 2));
        assertNull(Forms.format(FILES, Locale.ENGLISH, 1.5));
        assertNull(Forms.format(FILES, Locale.ENGLISH, -1));
        assertNull(Forms.format("'{'0'}' " + FILES, Locale.ENGLISH, 2));
        assertNull(Forms.format("{0, plural, offset:1 one {#} other {#}}", Locale.ENGLISH, 2));
        assertNull(Forms.format("{0, spellout}", Locale.ENGLISH, 2));
        assertNull(Forms.format("{0, plural, one {# file}", Locale.ENGLISH, 1));
        // Where it gives up, Message still answers through ICU.
        assertEquals(icu(FILES, Locale.forLanguageTag("pl"), 2), Message.format(FILES, Locale.forLanguageTag("pl"), 2));
    }

    @Test
    void format_exactNestedAndApostrophes_asIcu() {
        String[] patterns = {
            "{0, plural, one {one} =1 {exactly one} =0 {none} other {# of them}}",
            "{0, plural, one {# list} other {# lists}} in {1, select, note {the note ''{2}''} other {{2}}}",
            "{0, plural, other {{1, select, a {# in a} other {# elsewhere}}}}",
            "It''s {0, plural, one {# day''s} other {# days''}} work, isn't it",
            "{1, select, new {the new {0, plural, one {key} other {keys}}} other {#}}",
            "{0} on the {0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
            "{0} le {0, selectordinal, one {#er} other {#}}",
        };
        for (String p : patterns) {
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH}) {
                for (Object n : new Object[] {0, 1, 2, 3, 11, 12, 13, 21, 22, 23, 111, 1001L}) {
                    for (String word : new String[] {"note", "a", "new", "other", "zzz"}) {
                        Object[] args = {n, word, "x"};
                        assertEquals(icu(p, l, args), Forms.format(p, l, args), p + " " + l + " " + n + " " + word);
                    }
                }
            }
        }
    }

    private static String icu(String p, Locale l, Object... args) {
        return new com.ibm.icu.text.MessageFormat(p, l).format(args);
    }
}
