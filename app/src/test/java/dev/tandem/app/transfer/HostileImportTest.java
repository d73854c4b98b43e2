package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files for every importer: each is refused with the file and the line or
 * entry named, and the profile keeps exactly what it had.
 */
@Tag("unit")
class HostileImportTest {
    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();
    private List<Item> before;

    @BeforeEach
    void seed() {
        store.add("Mine, untouched", null, null);
        before = store.allItems();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportException refused(Path file) {
        ImportException e = assertThrows(ImportException.class, () -> Fixtures.importPath(store, file));
        assertEquals(before, store.allItems(), "nothing written: " + e.getMessage());
        assertEquals(0, store.lists().size(), "no list written");
        return e;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] truncated(byte[] b) {
        return Arrays.copyOf(b, b.length * 2 / 3);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- Tandem JSON

    private String backup(String items) {
        return "{\"format\":\"tandem\",\"version\":1,\"tables\":{\"lists\":[],\"items\":[" + items + "]}}";
    }

    @Test
    void json_truncated_refusedWithLine() throws Exception {
        Path good = tmp.resolve("full.json");
        Transfer.export(store, Format.TANDEM_JSON, good, Progress.NONE);
        ImportException e = refused(write("cut.json", truncated(Files.readAllBytes(good))));
        assertTrue(e.getMessage().startsWith("cut.json, line "), e.getMessage());
    }

    @Test
    void json_latin1_refusedAsNotUtf8WithLine() throws Exception {
        ImportException e = refused(write("latin.json", latin1(backup("{\"id\":\"a1\",\n\"title\":\"Café\"}"))));
        assertEquals("latin.json, line 2: not UTF-8 text (byte 0xE9); save it as UTF-8 and try again", e.getMessage());
    }

    @Test
    void json_hugeTitle_refusedNamingTheRow() throws Exception {
        ImportException e = refused(write("big.json", backup("{\"id\":\"a1\",\"title\":\"" + "x".repeat(20_000) + "\"}")));
        assertEquals("big.json, items[0], line 1: title: 20000 characters, more than the 10000 Tandem takes", e.getMessage());
    }

    @Test
    void json_newerVersionOrOtherFormat_refused() throws Exception {
        assertTrue(refused(write("v3.json", "{\"format\":\"tandem\",\"version\":3}")).getMessage()
                .contains("update Tandem"));
        assertTrue(refused(write("other.json", "{\"format\":\"something\"}")).getMessage()
                .contains("not a Tandem backup"));
    }

    @Test
    void json_wrongTypesAndIds_refused() throws Exception {
        assertTrue(refused(write("t.json", backup("{\"id\":\"a1\",\"title\":\"x\",\"done\":\"yes\"}"))).getMessage()
                .contains("done must be a whole number"));
        assertTrue(refused(write("n.json", backup("{\"id\":\"a1\",\"title\":{\"nested\":1}}"))).getMessage()
                .contains("must be text, a number"));
        assertTrue(refused(write("i.json", backup("{\"id\":\"../../x\",\"title\":\"x\"}"))).getMessage()
                .contains("is not a Tandem id"));
        assertTrue(refused(write("d.json", backup("{\"id\":\"a1\",\"title\":\"x\",\"title\":\"y\"}"))).getMessage()
                .contains("given twice"));
    }

    @Test
    void json_sqlInValues_isStoredAsText() throws Exception {
        String evil = "x'); DROP TABLE items; --";
        Fixtures.importPath(store, write("sql.json", backup("{\"id\":\"a1\",\"title\":\"" + evil + "\",\"due\":null}")));
        assertEquals(evil, store.get("a1").orElseThrow().title());
        assertEquals(2, store.allItems().size());
    }

    // ---------------------------------------------------------------- Todoist CSV

    private static final String HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\n";

    @Test
    void csv_truncatedInsideAQuotedCell_refused() throws Exception {
        ImportException e = refused(write("cut.csv", HEADER + "task,Fine,,4,1,,,,,\ntask,\"Unclosed,,4,1,,,,,\n"));
        assertTrue(e.getMessage().startsWith("cut.csv: not a readable CSV file"), e.getMessage());
    }

    @Test
    void csv_latin1_refusedWithLine() throws Exception {
        ImportException e = refused(write("latin.csv", latin1(HEADER + "task,Fine,,4,1,,,,,\ntask,Crème brûlée,,4,1,,,,,\n")));
        assertTrue(e.getMessage().startsWith("latin.csv, line 3: not UTF-8 text"), e.getMessage());
    }

    @Test
    void csv_utf16WithByteOrderMark_isRead() throws Exception {
        byte[] body = (HEADER + "task,Crème brûlée,,4,1,,,,,\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        Fixtures.importPath(store, write("Desserts.csv", b));
        assertEquals("Crème brûlée", Fixtures.byTitle(store, "Crème brûlée").title());
    }

    @Test
    void csv_hugeDescription_refusedNamingTheLine() throws Exception {
        ImportException e = refused(write("big.csv", HEADER + "task,Fine,,4,1,,,,,\ntask,Big,\"" + "y".repeat(1_200_000)
                + "\",4,1,,,,,\n"));
        assertEquals("big.csv, line 3: notes: 1200000 characters, more than the 1000000 Tandem takes", e.getMessage());
    }

    /**
     * DATE is read as quick add reads a title, a cost that grows with its words: a DATE longer than any date
     * is said (200 characters) is kept in the notes unread, however it reads, and the rows after it are read.
     */
    @Test
    void csv_dateLongerThanAnyDate_keptInTheNotesUnreadAndTheNextRowRead() throws Exception {
        String padded = "tomorrow" + " ".repeat(TodoistDates.MAX_CHARS) + "10am";
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            rows.append("task,Long ").append(i).append(",,4,1,,,\"").append(padded).append("\",de,\n");
        }
        rows.append("task,Fine,,4,1,,,Dec 3,en,\n");
        ImportReport r = Fixtures.importPath(store, write("Dates.csv", rows.toString()));
        assertEquals(201, r.added());
        Item first = Fixtures.byTitle(store, "Long 0");
        assertNull(first.due());
        assertTrue(first.notes().startsWith("Todoist date: tomorrow"), first.notes());
        assertEquals("12-03", Fixtures.byTitle(store, "Fine").due().substring(5), "the next 3 December");
    }

    @Test
    void csv_formulaLikeCells_areKeptAsPlainText() throws Exception {
        Fixtures.importPath(store, write("Sheet.csv", HEADER
                + "task,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",+1+1,4,1,,,,,\n"
                + "task,@SUM(A1:A9),-2,4,1,,,,,\n"));
        assertEquals("+1+1", Fixtures.byTitle(store, "=HYPERLINK(\"http://x\",\"click\")").notes());
        assertEquals("-2", Fixtures.byTitle(store, "@SUM(A1:A9)").notes());
    }

    @Test
    void csv_badIndentOrType_refusedWithLine() throws Exception {
        assertEquals("i.csv, line 2: INDENT 'nine' must be 1 to 5",
                refused(write("i.csv", HEADER + "task,A,,4,nine,,,,,\n")).getMessage());
        assertEquals("t.csv, line 2: TYPE 'project' is not task, section, note or meta",
                refused(write("t.csv", HEADER + "project,A,,4,1,,,,,\n")).getMessage());
        assertTrue(refused(write("h.csv", "NAME,VALUE\na,b\n")).getMessage().contains("not a Todoist export"));
    }

    // ---------------------------------------------------------------- iCalendar

    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            + "BEGIN:VTODO\r\nUID:one\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:First\r\nEND:VTODO\r\n"
            + "BEGIN:VTODO\r\nUID:two\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Second\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";

    @Test
    void ics_truncated_refusedWithLine() throws Exception {
        ImportException e = refused(write("cut.ics", ICS.substring(0, ICS.indexOf("SUMMARY:Second"))));
        assertTrue(e.getMessage().startsWith("cut.ics, line "), e.getMessage());
    }

    @Test
    void ics_latin1_refusedWithLine() throws Exception {
        ImportException e = refused(write("latin.ics", latin1(ICS.replace("Second", "Deuxième"))));
        assertTrue(e.getMessage().startsWith("latin.ics, line 12: not UTF-8 text"), e.getMessage());
    }

    @Test
    void ics_hugeDescription_refusedNamingTheTodo() throws Exception {
        ImportException e = refused(write("big.ics", ICS.replace("SUMMARY:Second", "SUMMARY:Second\r\nDESCRIPTION:"
                + "z".repeat(1_100_000))));
        assertTrue(e.getMessage().startsWith("big.ics, VTODO 2 (UID two): notes: 1100000 characters"), e.getMessage());
    }

    @Test
    void ics_badDueDate_refusedNamingTheTodo() throws Exception {
        ImportException e = refused(write("due.ics", ICS.replace("SUMMARY:Second", "SUMMARY:Second\r\nDUE:tomorrow")));
        assertTrue(e.getMessage().startsWith("due.ics"), e.getMessage());
    }

    // ---------------------------------------------------------------- Markdown

    @Test
    void markdown_unclosedFrontMatter_refusedNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(dir.resolve("ok.md"), "# Fine\n");
        Files.writeString(dir.resolve("cut.md"), "---\ntitle: Cut\ndue: 2026-12-01\n");
        assertEquals("notes, file cut.md, line 1: the front matter (---) is never closed", refused(dir).getMessage());
    }

    @Test
    void markdown_yamlAliasBomb_refused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bomb"));
        StringBuilder y = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        Files.writeString(dir.resolve("bomb.md"), y + "title: Boom\n---\nbody\n");
        assertTrue(refused(dir).getMessage().startsWith("bomb, file bomb.md"));
    }

    @Test
    void markdown_latin1AndHugeFiles_refused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("enc"));
        Files.write(dir.resolve("a.md"), latin1("# Résumé\n"));
        assertTrue(refused(dir).getMessage().startsWith("enc, file a.md, line 1: not UTF-8 text"));
        Path big = Files.createDirectories(tmp.resolve("big"));
        Files.write(big.resolve("b.md"), new byte[(int) Limits.MAX_ENTRY_BYTES + 1]);
        assertTrue(refused(big).getMessage().contains("b.md: the file is 16 MB"));
    }

    @Test
    void markdown_typedYamlTags_areNotInstantiated() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tags"));
        Files.writeString(dir.resolve("t.md"), "---\ntitle: !!java.io.File [\"/etc/passwd\"]\n---\nbody\n");
        ImportException e = assertThrows(ImportException.class, () -> Fixtures.importPath(store, dir));
        assertTrue(e.getMessage().startsWith("tags, file t.md"), e.getMessage());
    }

    // ---------------------------------------------------------------- Joplin

    private Path jex(String name, String entry, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] good = ("Good\n\nbody\n\nid: 0123456789abcdef0123456789abcdef\nparent_id: \nis_todo: 0\ntype_: 1")
                    .getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry g = new TarArchiveEntry("0123456789abcdef0123456789abcdef.md");
            g.setSize(good.length);
            tar.putArchiveEntry(g);
            tar.write(good);
            tar.closeArchiveEntry();
            TarArchiveEntry e = new TarArchiveEntry(entry, true);
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return p;
    }

    @Test
    void jex_pathTraversalEntry_refusedAndNothingUnpacked() throws Exception {
        Path outside = tmp.resolve("evil.md");
        ImportException e = refused(jex("evil.jex", "../evil.md", "x\n\ntype_: 1".getBytes(StandardCharsets.UTF_8)));
        assertEquals("evil.jex, entry ../evil.md: the entry's name points outside the archive; refusing the file", e.getMessage());
        assertFalse(Files.exists(outside));
        assertTrue(refused(jex("abs.jex", "/etc/cron.d/x.md", new byte[1])).getMessage().contains("points outside"));
    }

    @Test
    void jex_truncated_refused() throws Exception {
        Path whole = Fixtures.copy("household.jex", tmp);
        byte[] b = Files.readAllBytes(whole);
        ImportException e = refused(write("cut.jex", Arrays.copyOf(b, 1800)));
        assertTrue(e.getMessage().startsWith("cut.jex"), e.getMessage());
    }

    @Test
    void jex_latin1Entry_refusedNamingIt() throws Exception {
        ImportException e = refused(jex("latin.jex", "abcdefabcdefabcdefabcdefabcdef12.md",
                latin1("Café\n\nbody\n\nid: abcdefabcdefabcdefabcdefabcdef12\nis_todo: 0\ntype_: 1")));
        assertEquals("latin.jex, entry abcdefabcdefabcdefabcdefabcdef12.md, line 1: not UTF-8 text (byte 0xE9); "
                + "save it as UTF-8 and try again", e.getMessage());
    }

    @Test
    void jex_hugeEntry_refused() throws Exception {
        byte[] big = new byte[(int) Limits.MAX_ENTRY_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        ImportException e = refused(jex("big.jex", "abcdefabcdefabcdefabcdefabcdef12.md", big));
        assertEquals("big.jex, entry abcdefabcdefabcdefabcdefabcdef12.md: larger than 16 MB", e.getMessage());
    }

    @Test
    void joplinRaw_itemWithoutType_refusedNamingTheFile() throws Exception {
        Path dir = Fixtures.copy("joplin-raw", tmp);
        Files.writeString(dir.resolve("00000000000000000000000000000001.md"), "Title\n\nbody\n\nid: 1\nparent_id: x");
        assertEquals("joplin-raw, file 00000000000000000000000000000001.md: not a Joplin item: it has no type_ property",
                refused(dir).getMessage());
    }

    // ---------------------------------------------------------------- dates no calendar keeps

    /**
     * Files whose todos carry dates outside the range Tandem keeps (a backup written with year 10,000, a calendar
     * with year 9999, a Todoist export with year 3000): every todo is imported, without that date, and the summary
     * says how many lost one. A repeating todo among them can be completed afterwards.
     */
    @Test
    void everyFormat_datesOutsideTheRange_todosKeptWithoutThemAndTheSummarySaysSo() throws Exception {
        ImportReport json = Fixtures.importPath(store, write("far.json", backup(
                "{\"id\":\"a1\",\"title\":\"Far\",\"due\":\"+999999999-12-31\",\"repeat\":\"FREQ=MONTHLY\"},"
                        + "{\"id\":\"a2\",\"title\":\"Near\",\"due\":\"2026-12-24\",\"start\":\"0001-01-01\"}")));
        assertEquals(2, json.added());
        assertTrue(json.warnings().contains("2 todos had a date outside 1900-01-01 to 2999-12-31; those dates were left out"),
                json.warnings().toString());
        Item far = store.get("a1").orElseThrow();
        assertEquals(null, far.due());
        assertEquals("2026-12-24", store.get("a2").orElseThrow().due());
        assertEquals(null, store.get("a2").orElseThrow().start());
        assertTrue(store.series().complete("a1").isPresent(), "completes, no stack trace");

        ImportReport ics = Fixtures.importPath(store, write("far.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                + "BEGIN:VTODO\r\nUID:far-1\r\nDTSTAMP:20261120T080000Z\r\nSUMMARY:Far ics\r\nDUE;VALUE=DATE:99991231\r\n"
                + "END:VTODO\r\nEND:VCALENDAR\r\n"));
        assertEquals(1, ics.added());
        assertTrue(ics.warnings().stream().anyMatch(w -> w.startsWith("1 todo had a date outside")), ics.warnings().toString());
        assertTrue(store.allItems().stream().anyMatch(i -> "Far ics".equals(i.title()) && i.due() == null));

        ImportReport csv = Fixtures.importPath(store, write("far.csv", HEADER + "task,Far csv,,4,1,,,3000-01-01,en,\n"));
        assertEquals(1, csv.added());
        assertTrue(store.allItems().stream().anyMatch(i -> "Far csv".equals(i.title()) && i.due() == null));
    }
}
