package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile saved filters in a Tandem archive: a huge query, one nested past every bound, a hundred thousand of
 * them, a name of a megabyte, style sheet text for a colour, SQL for a name or a query. Each is skipped (or its
 * colour dropped) with a line in the report, within a time bound; the archive's honest todo and filter land, and
 * the profile's own todo and filter stay as they were.
 */
@Tag("unit")
class HostileFilterImportTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();

    @BeforeEach
    void seed() {
        store.add("Mine, untouched", null, null);
        store.savedFilters().save("Mine", FilterParser.parse("p1", store.today()), "#112233");
    }

    @AfterEach
    void close() {
        Messages.use(Language.ENGLISH);
        store.close();
    }

    private static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String row(String name, String query, String color) {
        return "{\"id\":\"f\",\"name\":" + quoted(name) + ",\"query\":" + quoted(query) + ",\"color\":" + quoted(color)
                + ",\"rank\":\"a0\",\"createdAt\":1763800000000}";
    }

    /** An archive (a zip holding tandem.json) with an honest todo, the honest filter first, then {@code rows}. */
    private Path archive(List<String> rows) throws IOException {
        StringBuilder doc = new StringBuilder("{\"format\":\"tandem\",\"version\":2,\"tables\":{\"lists\":[],")
                .append("\"items\":[{\"id\":\"h1\",\"title\":\"Honest todo\",\"done\":0}],\"saved_filters\":[")
                .append(row("Honest", "overdue", "#00aa00"));
        rows.forEach(r -> doc.append(',').append(r));
        doc.append("]}}");
        Path zip = tmp.resolve("hostile.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            out.putNextEntry(new ZipEntry(TandemJson.ENTRY));
            out.write(doc.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private Path archive(String... rows) throws IOException {
        return archive(List.of(rows));
    }

    /** Imports within the time bound; the honest todo and filter land, the profile's own are as they were. */
    private ImportReport lands(Path file) {
        ImportReport r = assertTimeoutPreemptively(BOUND, () -> Fixtures.importPath(store, file));
        assertEquals("Honest todo", store.get("h1").orElseThrow().title());
        Fixtures.byTitle(store, "Mine, untouched");
        assertEquals(2, store.allItems().size());
        SavedFilter mine = store.savedFilters().named("Mine").orElseThrow();
        assertEquals(List.of("p1", "#112233"), List.of(mine.query(), mine.color()));
        SavedFilter honest = store.savedFilters().named("Honest").orElseThrow();
        assertEquals(List.of("overdue", "#00aa00"), List.of(honest.query(), honest.color()));
        return r;
    }

    private Optional<SavedFilter> named(String name) {
        return store.savedFilters().named(name);
    }

    @Test
    void import_queryOf100000Characters_skippedWithALineAndTheRestLands() throws Exception {
        ImportReport r = lands(archive(row("Long", "p1 | ".repeat(20_000), "")));

        assertEquals(List.of("saved_filters[1], line 1: saved filter \"Long\" skipped: A query has at most 1,000 characters."),
                r.warnings());
        assertEquals(1, r.filters());
        assertTrue(named("Long").isEmpty());
    }

    @Test
    void import_query10000ParenthesesDeep_skippedWithALineAsIsOneDeepWithin1000Characters() throws Exception {
        ImportReport r = lands(archive(row("Deep", "(".repeat(10_000) + "p1" + ")".repeat(10_000), ""),
                row("Deep but short", "(".repeat(400) + "p1" + ")".repeat(400), ""),
                row("Not deep", "!!!p1", "")));

        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertEquals("saved_filters[1], line 1: saved filter \"Deep\" skipped: A query has at most 1,000 characters.",
                r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith("saved_filters[2], line 1: saved filter \"Deep but short\" skipped: At 34:")
                && r.warnings().get(1).contains("at most 32 levels"), r.warnings().get(1));
        assertTrue(named("Deep").isEmpty() && named("Deep but short").isEmpty());
        assertEquals("!!!p1", named("Not deep").orElseThrow().query());
    }

    @Test
    void import_100000Filters_readsTheFirst1000AndSaysTheRestWereSkipped() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i < Limits.MAX_FILTERS; i++) {
            rows.add(row("F" + i, "p2", ""));
        }
        // Past the bound: never parsed, so never named in the report, however bad.
        while (rows.size() < 100_000 - 1) {
            rows.add(row("X" + rows.size(), "((", ""));
        }
        Path zip = archive(rows);

        Incoming read = assertTimeoutPreemptively(BOUND,
                () -> Transfer.read(Format.TANDEM_JSON, zip, store.dateClock(), Progress.NONE));
        assertEquals(Limits.MAX_FILTERS, read.filters().size(), "what the reader holds is bounded");
        ImportReport r = lands(zip);

        assertEquals(List.of("the file holds 100,000 saved filters; only the first 1,000 were read, the rest skipped"),
                r.warnings());
        assertEquals(Limits.MAX_FILTERS, r.filters());
        assertEquals(Limits.MAX_FILTERS + 1, store.savedFilters().all().size());
        assertEquals("F999", store.savedFilters().all().get(Limits.MAX_FILTERS).name(), "the file's order, after Mine");
    }

    @Test
    void import_nameOfOneMegabyte_skippedWithItsLengthAndTheRestLands() throws Exception {
        ImportReport r = lands(archive(row("n".repeat(1_000_000), "p1", "")));

        assertEquals(List.of("saved_filters[1], line 1: saved filter \"" + "n".repeat(40) + "…\" skipped: its name has "
                + "1,000,000 characters, more than the 200 Tandem takes"), r.warnings());
        assertEquals(2, store.savedFilters().all().size());
    }

    @Test
    void import_styleSheetOrScriptForAColour_keepsTheFilterWithoutColourAndSaysSo() throws Exception {
        ImportReport r = lands(archive(row("Script", "p1", "url(javascript:alert(1))"),
                row("Rule", "p2", "#fff;}body{display:none"), row("Named", "p3", "red"),
                row("Not hex", "p4", "#12345g"), row("Short", "today", "#fff")));

        assertEquals(List.of("5 saved filters' colours were not a #rrggbb colour and left empty"), r.warnings());
        for (String name : List.of("Script", "Rule", "Named", "Not hex", "Short")) {
            assertEquals("", named(name).orElseThrow().color(), name);
        }
    }

    @Test
    void import_sqlInANameOrAQuery_nameKeptAsTextQuerySkippedAndTablesIntact() throws Exception {
        String sql = "'); DROP TABLE items;--";
        ImportReport r = lands(archive(row(sql, "p3", ""), row("Evil query", sql, ""),
                row("Evil search", "search: x' OR 1=1; DROP TABLE items;--", "")));

        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("saved_filters[2], line 1: saved filter \"Evil query\" skipped: At 1:"),
                r.warnings().get(0));
        assertEquals("p3", named(sql).orElseThrow().query());
        assertTrue(named("Evil query").isEmpty());
        SavedFilter search = named("Evil search").orElseThrow();
        assertEquals(List.of(), FilteredItems.of(store, FilterParser.parse(search.query(), store.today())));
        assertEquals(2, store.allItems().size(), "items still there");
    }

    @Test
    void import_manyFiltersThatDoNotRead_reportNamesTwentyAndCountsTheRest() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("Bad " + i, "p1 &&", ""));
        }
        ImportReport r = lands(archive(rows));

        assertEquals(FilterRows.MAX_NAMED + 1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("saved_filters[1], line 1: saved filter \"Bad 0\" skipped: At "),
                r.warnings().get(0));
        assertEquals("10 more saved filters skipped for such reasons", r.warnings().get(FilterRows.MAX_NAMED));
        assertEquals(2, store.savedFilters().all().size());
    }

    @Test
    void import_inGerman_saysWhichFilterWasSkippedInGerman() throws Exception {
        Messages.use(Language.GERMAN);
        ImportReport r = lands(archive(row("", "p1", ""), row("Lang", "x".repeat(2_000), "")));

        assertEquals(List.of("saved_filters[1], Zeile 1: gespeicherter Filter „“ übersprungen: sein Name ist leer",
                "saved_filters[2], Zeile 1: gespeicherter Filter „Lang“ übersprungen: Eine Abfrage hat höchstens 1.000 Zeichen."),
                r.warnings());
        assertFalse(named("Lang").isPresent());
    }
}
