package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import tells a person, in their language: where (the line, the entry) stays an argument of
 * the sentence, and a repeat Tandem keeps only in part is one sentence whatever it lost.
 */
@Tag("unit")
class ImportLanguagesTest {
    private static final String HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\n";
    private static final String BINS = vtodo("c", "Bins", "DTSTART;VALUE=DATE:20261124\r\nDUE;VALUE=DATE:20261124\r\n"
            + "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5\r\nEXDATE;VALUE=DATE:20261222,20261229");

    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();

    @AfterEach
    void close() {
        Messages.use(Language.ENGLISH);
        store.close();
    }

    private ImportException refused(String name, String text) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), text);
        return assertThrows(ImportException.class, () -> Fixtures.importPath(store, file));
    }

    private ImportReport importIcs(String vtodos) throws Exception {
        Path file = Files.writeString(tmp.resolve("in.ics"),
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Tasks//EN\r\n" + vtodos + "END:VCALENDAR\r\n");
        return Fixtures.importPath(store, file);
    }

    private static String vtodo(String uid, String summary, String more) {
        return "BEGIN:VTODO\r\nUID:" + uid + "\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:" + summary + "\r\n"
                + more + "\r\nEND:VTODO\r\n";
    }

    @Test
    void csvBadIndent_german_saysTheLineAndTheProblemInGerman() throws Exception {
        Messages.use(Language.GERMAN);
        assertEquals("i.csv, Zeile 2: INDENT „nine“ muss 1 bis 5 sein",
                refused("i.csv", HEADER + "task,A,,4,nine,,,,,\n").getMessage());
    }

    @Test
    void jsonNotUtf8_french_namesTheEntryLineAndByteWithFrenchPunctuation() throws Exception {
        Messages.use(Language.FRENCH);
        Path file = Files.write(tmp.resolve("latin.json"), "{\"format\":\"tandem\",\n\"x\":\"Caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        ImportException e = assertThrows(ImportException.class, () -> Fixtures.importPath(store, file));
        assertEquals("latin.json, ligne 2\u00a0: pas du texte UTF-8 (octet 0xE9)\u202f; enregistrez-le en UTF-8 et réessayez",
                e.getMessage());
    }

    @Test
    void startDateNotADate_english_quotesTheValueAsBefore() {
        ImportException e = assertThrows(ImportException.class,
                () -> Limits.isoDate("a.md", "file a.md", "soon", "start"));
        assertEquals("a.md, file a.md: the start date 'soon' is not a date (yyyy-mm-dd)", e.getMessage());
    }

    @Test
    void jsonWrongType_english_quotesTheTextAsBefore() throws Exception {
        ImportException e = refused("t.json", "{\"format\":\"tandem\",\"version\":1,\"tables\":{\"items\":["
                + "{\"id\":\"a1\",\"title\":\"x\",\"done\":\"yes\"}]}}");
        assertTrue(e.getMessage().endsWith(": done must be a whole number, not the text 'yes'"), e.getMessage());
    }

    @Test
    void repeatLosingTwoThings_english_oneSentenceJoinedWithAnd() throws Exception {
        ImportReport r = importIcs(BINS);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains(", \"Bins\": repeats ") && w.endsWith(" but will not stop after 5 times (COUNT=5) and will come due"
                + " on the 2 dates its calendar left out (EXDATE 2026-12-22, 2026-12-29)"), w);
    }

    @Test
    void lastDayOfTheMonth_english_keepsTheApostrophe() throws Exception {
        ImportReport r = importIcs(vtodo("d", "Rent", "DUE;VALUE=DATE:20261130\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1"));
        assertTrue(r.warnings().get(0).contains(" (Tandem's last day of the month, as BYMONTHDAY=-1 said;"), r.warnings().toString());
    }

    @Test
    void repeatLosingTwoThings_german_oneGermanSentence() throws Exception {
        Messages.use(Language.GERMAN);
        ImportReport r = importIcs(BINS);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains(", „Bins“: wiederholt sich ") && w.endsWith(", aber hört nicht nach 5 Malen auf (COUNT=5)"
                + " und wird auch an den 2 Daten fällig, die sein Kalender ausließ (EXDATE 2026-12-22, 2026-12-29)"), w);
    }
}
