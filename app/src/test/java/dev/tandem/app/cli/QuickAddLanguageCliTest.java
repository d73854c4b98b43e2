package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem add} reads quick add in the language it speaks, and English too. */
@Tag("unit")
class QuickAddLanguageCliTest {
    /** Thursday 26 November 2026, 10:00. */
    private static final Clock THURSDAY = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Result run(Map<String, String> env, String... args) {
        return CliRun.run(System.in, env, THURSDAY, tmp, args);
    }

    @Test
    void add_langDe_readsGermanDateTimeAndLength() {
        Result add = run(Map.of(), "--lang", "de", "add", "Zahnarzt morgen um 14 Uhr für 30 Minuten");
        assertEquals(0, add.code(), add.err());
        String json = run(Map.of(), "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Zahnarzt\""), json);
        assertTrue(json.contains("\"due\":\"2026-11-27\""), json);
        assertTrue(json.contains("\"dueTime\":\"14:00\""), json);
        assertTrue(json.contains("\"durationMinutes\":30"), json);
    }

    @Test
    void add_langFr_readsFrenchDateTimeAndLength() {
        Result add = run(Map.of(), "--lang", "fr", "add", "Dentiste demain à 14h pendant 30 minutes");
        assertEquals(0, add.code(), add.err());
        String json = run(Map.of(), "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Dentiste\""), json);
        assertTrue(json.contains("\"due\":\"2026-11-27\""), json);
        assertTrue(json.contains("\"dueTime\":\"14:00\""), json);
        assertTrue(json.contains("\"durationMinutes\":30"), json);
    }

    @Test
    void add_tandemLangFrenchRepeat_readsTheRule() {
        Result add = run(Map.of("TANDEM_LANG", "fr"), "add", "Yoga tous les lundis et mercredis");
        assertEquals(0, add.code(), add.err());
        String json = run(Map.of(), "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Yoga\""), json);
        assertTrue(json.contains("\"repeat\":\"FREQ=WEEKLY;BYDAY=MO,WE\""), json);
    }

    @Test
    void add_english_germanWordsStayInTheTitle() {
        Result add = run(Map.of(), "--lang", "en", "add", "Zahnarzt morgen um 14 Uhr");
        assertEquals(0, add.code(), add.err());
        String json = run(Map.of(), "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Zahnarzt morgen um 14 Uhr\""), json);
        assertTrue(json.contains("\"due\":null"), json);
    }

    @Test
    void add_unknownLanguage_usageErrorNamingIt() {
        Result add = run(Map.of(), "--lang", "xx", "add", "Milk");
        assertEquals(2, add.code());
        assertTrue(add.err().contains("\"xx\""), add.err());
    }
}
