package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached files through the JSON backup (a Tandem archive) and the Markdown folder, on real
 * profiles with their attachment stores, real files and real archives: rows and bytes come back as
 * they were, and what is missing or damaged is said, not fatal.
 */
@Tag("unit")
class AttachmentTransferTest {
    @TempDir
    Path tmp;

    private final List<TodoStore> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(s -> s.close());
    }

    private TodoStore profile(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Db db = Schema.database(dir.resolve("tandem.db")).build();
        TodoStore s = new TodoStore(db, Clock.systemUTC(), Fixtures.ZONE);
        open.add(s);
        return s;
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] content(TodoStore s, Attachment a) throws IOException {
        return Files.readAllBytes(s.attachments().file(a).orElseThrow());
    }

    /** A note with an image shown inline, a PDF linked, and a file its notes do not name. */
    private Item noteWithFiles(TodoStore s, byte[] png, byte[] pdf, byte[] txt) {
        AttachmentStore files = s.attachments();
        Item it = s.add("Lisbon trip", "Travel", null, null, TodoDetails.note(List.of("spain"))).item();
        Attachment map = files.add(it.id(), new ByteArrayInputStream(png), "Map of Lisbon.png", null, Long.MAX_VALUE);
        Attachment pass = files.add(it.id(), new ByteArrayInputStream(pdf), "Boarding pass (1).pdf", null, Long.MAX_VALUE);
        files.add(it.id(), new ByteArrayInputStream(txt), "packing.txt", null, Long.MAX_VALUE);
        s.update(it.id(), cur -> cur.withNotes("Route:\n\n" + map.markdown() + "\n\nTickets: " + pass.markdown() + "\n"));
        return s.get(it.id()).orElseThrow();
    }

    @Test
    void export_zipThenImportIntoANewProfile_bringsBackEveryRowAndTheBytes() throws IOException {
        TodoStore a = profile("a");
        byte[] png = bytes(70_000, 1);
        byte[] pdf = bytes(120_000, 2);
        Item note = noteWithFiles(a, png, pdf, bytes(10, 3));
        Path zip = tmp.resolve("backup.zip");

        ExportReport out = Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);

        assertEquals(3, out.attachments(), out.toString());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("tandem.json") != null);
            for (Attachment f : a.attachments().of(note.id())) {
                assertTrue(z.getEntry("attachments/" + f.blob()) != null, f.name());
            }
        }
        TodoStore b = profile("b");
        ImportReport in = Fixtures.importPath(b, zip);
        assertEquals(3, in.attachments(), in.toString());
        assertTrue(in.summary().contains("3 attachments"), in.summary());
        assertEquals(Fixtures.rows(a, "attachments"), Fixtures.rows(b, "attachments"));
        assertEquals(note.notes(), b.get(note.id()).orElseThrow().notes());
        for (Attachment f : b.attachments().of(note.id())) {
            Attachment original = a.attachments().get(f.id()).orElseThrow();
            assertArrayEquals(content(a, original), content(b, f), f.name());
        }
    }

    @Test
    void import_plainJsonNamingFiles_importsTheItemsAndReportsTheFilesMissing() throws IOException {
        TodoStore a = profile("a");
        Item note = noteWithFiles(a, bytes(100, 4), bytes(100, 5), bytes(10, 6));
        Path json = tmp.resolve("backup.json");

        ExportReport out = Transfer.export(a, Format.TANDEM_JSON, json, Progress.NONE);
        assertTrue(out.summary(json.toString()).contains("3 attachments named without the files' bytes: export to a .zip"),
                out.summary(json.toString()));

        TodoStore b = profile("b");
        ImportReport in = Fixtures.importPath(b, json);
        assertEquals(1, in.added());
        assertEquals(0, in.attachments());
        assertTrue(in.warnings().stream().anyMatch(w -> w.startsWith("3 attachments named but not in backup.json, left out:")
                && w.contains("Map of Lisbon.png")), in.warnings().toString());
        assertEquals(List.of(), Fixtures.rows(b, "attachments"));
        assertEquals(note.notes(), b.get(note.id()).orElseThrow().notes(), "the notes come back as they were");
    }

    @Test
    void import_archiveWithAFileAltered_leavesThatOneOutAsDamaged() throws IOException {
        TodoStore a = profile("a");
        Item note = noteWithFiles(a, bytes(100, 7), bytes(100, 8), bytes(10, 9));
        Path good = tmp.resolve("good.zip");
        Transfer.export(a, Format.TANDEM_JSON, good, Progress.NONE);
        Attachment map = a.attachments().of(note.id()).stream()
                .filter(f -> f.name().startsWith("Map")).findFirst().orElseThrow();
        Path bad = tmp.resolve("bad.zip");
        try (ZipFile z = new ZipFile(good.toFile()); OutputStream os = Files.newOutputStream(bad);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = z.getInputStream(e)) {
                    byte[] b = in.readAllBytes();
                    if (e.getName().equals("attachments/" + map.blob())) {
                        b[0] ^= 1;
                    }
                    out.write(b);
                }
                out.closeEntry();
            }
        }

        TodoStore b = profile("b");
        ImportReport in = Fixtures.importPath(b, bad);

        assertEquals(2, in.attachments());
        assertTrue(in.warnings().stream().anyMatch(w -> w.contains("damaged") && w.contains("Map of Lisbon.png")),
                in.warnings().toString());
        assertTrue(b.attachments().get(map.id()).isEmpty());
    }

    @Test
    void markdownRoundTrip_noteWithAnImageAndAPdf_keepsBothByteForByteAndTheNotesAsTheyWere() throws IOException {
        TodoStore a = profile("a");
        byte[] png = bytes(50_000, 10);
        byte[] pdf = bytes(80_000, 11);
        Item note = noteWithFiles(a, png, pdf, bytes(10, 12));
        Path dir = tmp.resolve("md");

        ExportReport out = Transfer.export(a, Format.MARKDOWN, dir, Progress.NONE);

        assertEquals(3, out.attachments());
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("Travel/_attachments/Map of Lisbon.png")));
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("Travel/_attachments/Boarding pass (1).pdf")));
        String md = Files.readString(dir.resolve("Travel/Lisbon trip.md"));
        assertTrue(md.contains("![Map of Lisbon.png](_attachments/Map%20of%20Lisbon.png)"), md);
        assertTrue(md.contains("[Boarding pass (1).pdf](_attachments/Boarding%20pass%20%281%29.pdf)"), md);
        assertTrue(md.contains("- _attachments/packing.txt"), md);

        TodoStore b = profile("b");
        ImportReport in = Fixtures.importPath(b, dir);

        assertEquals(1, in.added(), in.toString());
        assertEquals(3, in.attachments(), in.toString());
        assertEquals(note.notes(), b.get(note.id()).orElseThrow().notes());
        assertEquals(Fixtures.rows(a, "attachments").size(), Fixtures.rows(b, "attachments").size());
        AttachmentStore original = a.attachments();
        for (Attachment f : b.attachments().of(note.id())) {
            Attachment was = original.get(f.id()).orElseThrow(() -> new AssertionError("a new id for " + f.name()));
            assertEquals(was.name(), f.name());
            assertEquals(was.type(), f.type());
            assertArrayEquals(content(a, was), content(b, f), f.name());
        }
    }

    @Test
    void markdownImport_relativeLinksToFilesBesideTheNote_becomeAttachments() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        byte[] cat = bytes(300, 13);
        byte[] doc = bytes(400, 14);
        Files.createDirectories(dir.resolve("Pets/images"));
        Files.write(dir.resolve("Pets/images/cat.jpg"), cat);
        Files.createDirectories(dir.resolve("Pets/files"));
        Files.write(dir.resolve("Pets/files/Vet bill.pdf"), doc);
        Files.writeString(dir.resolve("Pets/other.md"), "# Other\n");
        Files.writeString(dir.resolve("outside.txt"), "not under the note's folder, still inside the import");
        String body = "# Cat\n\n![the cat](images/cat.jpg)\nBill: [bill](<files/Vet bill.pdf> \"the bill\")\n"
                + "See [other](other.md), [web](https://example.com/x.png), [gone](images/missing.png),"
                + " [up](../outside.txt) and [out](../../etc/passwd).\n";
        Files.writeString(dir.resolve("Pets/Cat.md"), body);
        TodoStore b = profile("b");

        ImportReport in = Fixtures.importPath(b, dir);

        Item catNote = Fixtures.byTitle(b, "Cat");
        List<Attachment> files = b.attachments().of(catNote.id());
        assertEquals(Set.of("cat.jpg", "Vet bill.pdf", "outside.txt"),
                files.stream().map(Attachment::name).collect(Collectors.toSet()), files.toString());
        assertEquals(3, in.attachments());
        Attachment catFile = files.stream().filter(f -> f.name().equals("cat.jpg")).findFirst().orElseThrow();
        Attachment bill = files.stream().filter(f -> f.name().equals("Vet bill.pdf")).findFirst().orElseThrow();
        assertEquals("image/jpeg", catFile.type());
        assertArrayEquals(cat, content(b, catFile));
        assertArrayEquals(doc, content(b, bill));
        String notes = catNote.notes();
        assertTrue(notes.contains("![the cat](attachment:" + catFile.id() + ")"), notes);
        assertTrue(notes.contains("[bill](<attachment:" + bill.id() + "> \"the bill\")"), notes);
        assertTrue(notes.contains("[other](other.md)") && notes.contains("[web](https://example.com/x.png)")
                && notes.contains("[gone](images/missing.png)") && notes.contains("[out](../../etc/passwd)"), notes);
        assertFalse(Fixtures.titles(b).contains("cat"), "a linked file is no note");
    }
}
