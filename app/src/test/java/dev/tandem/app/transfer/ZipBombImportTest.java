package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives that inflate: a Tandem archive whose attached files are megabytes of zeros that zip to
 * a few KB, with hashes that are not theirs and sizes in the rows that lie. Nothing of them stays
 * in the attachment store; past the import's budget nothing is imported at all; an honest archive
 * still imports with its files. A Joplin export (a tar, which does not compress) is held to the same
 * budget.
 */
@Tag("unit")
class ZipBombImportTest {
    private static final int FILES = 4;
    private static final int FILE_BYTES = 8 * 1024 * 1024;

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

    /** An honest archive: {@value #FILES} notes, each with a file of zeros (one byte apart, so each its own blob). */
    private Path honestArchive() throws IOException {
        TodoStore a = profile("a");
        AttachmentStore files = a.attachments();
        for (int i = 0; i < FILES; i++) {
            Item it = a.add("Note " + i, null, null);
            files.add(it.id(), new ZeroInput(FILE_BYTES + i), "zeros-" + i + ".bin", null, Long.MAX_VALUE);
        }
        Path zip = tmp.resolve("honest.zip");
        Transfer.export(a, Format.TANDEM_JSON, zip, Progress.NONE);
        assertTrue(Files.size(zip) < 200 * 1024, "the zeros zip small: " + Files.size(zip));
        return zip;
    }

    /** The archive with every file's bytes replaced by other zeros (another length): no hash is theirs. */
    private Path bomb(Path honest) throws IOException {
        Path bad = tmp.resolve("bomb.zip");
        try (ZipFile z = new ZipFile(honest.toFile()); OutputStream os = Files.newOutputStream(bad);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().startsWith(TandemJson.FILES)) {
                    new ZeroInput(FILE_BYTES * 2L).transferTo(out);
                } else {
                    try (InputStream in = z.getInputStream(e)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return bad;
    }

    /** Every file under the profile's attachment store, temporary ones too. */
    private static List<Path> storedFiles(TodoStore s) throws IOException {
        try (Stream<Path> all = Files.walk(s.attachments().blobs().directory())) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void importPath_filesWithWrongHashes_storesNoneOfTheirBytes() throws IOException {
        Path bomb = bomb(honestArchive());
        TodoStore b = profile("b");
        ImportReport report = Fixtures.importPath(b, bomb);
        assertEquals(0, report.attachments());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains(FILES + " attachments whose bytes are not")),
                report.warnings().toString());
        assertEquals(List.of(), storedFiles(b), "bytes of refused files stayed");
    }

    @Test
    void write_archiveInflatingPastTheBudget_importsNothingAndLeavesNoBytes() throws IOException {
        Path honest = honestArchive();
        TodoStore b = profile("b");
        Item mine = b.add("Mine, untouched", null, null);
        long budget = FILE_BYTES * 2L + FILE_BYTES / 2;
        for (Path archive : List.of(honest, bomb(honest))) {
            Incoming in = Transfer.read(Format.TANDEM_JSON, archive, b.dateClock(), Progress.NONE);
            ImportException e = assertThrows(ImportException.class, () -> ImportWriter.write(b, in, Progress.NONE, budget));
            assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
            assertEquals(List.of(mine), b.allItems(), archive + ": rows written");
            assertEquals(List.of(), storedFiles(b), archive + ": bytes stayed");
        }
    }

    /** A Joplin export with {@code notes} notes, each linking a resource of {@code bytes} zeros. */
    private Path jex(int notes, long bytes) throws IOException {
        Path jex = tmp.resolve("export.jex");
        try (OutputStream out = Files.newOutputStream(jex); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < notes; i++) {
                String note = String.format("%032x", i + 1);
                String res = String.format("%032x", 1000 + i);
                entry(tar, note + ".md", ("Note " + i + "\n\n![scan](:/" + res + ")\n\nid: " + note
                        + "\nparent_id: \nis_todo: 0\nencryption_applied: 0\ntype_: 1").getBytes(StandardCharsets.UTF_8));
                entry(tar, res + ".md", ("scan-" + i + ".bin\n\nid: " + res + "\nmime: application/octet-stream\n"
                        + "file_extension: bin\nencryption_applied: 0\nsize: 10\ntype_: 4").getBytes(StandardCharsets.UTF_8));
                TarArchiveEntry t = new TarArchiveEntry("resources/" + res + ".bin");
                t.setSize(bytes + i);
                tar.putArchiveEntry(t);
                new ZeroInput(bytes + i).transferTo(tar);
                tar.closeArchiveEntry();
            }
        }
        return jex;
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] b) throws IOException {
        TarArchiveEntry t = new TarArchiveEntry(name);
        t.setSize(b.length);
        tar.putArchiveEntry(t);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    @Test
    void write_jexPastTheBudget_importsNothingAndLeavesNoBytes() throws IOException {
        Path jex = jex(FILES, FILE_BYTES);
        TodoStore b = profile("b");
        Incoming in = Transfer.read(Format.JOPLIN_JEX, jex, b.dateClock(), Progress.NONE);
        assertEquals(FILES, in.attachments().size());
        ImportException e = assertThrows(ImportException.class,
                () -> ImportWriter.write(b, in, Progress.NONE, FILE_BYTES * 2L + FILE_BYTES / 2));
        assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
        assertEquals(List.of(), b.allItems());
        assertEquals(List.of(), storedFiles(b));
        // Within the budget, the same export imports with its files.
        ImportReport ok = ImportWriter.write(b, in, Progress.NONE, FILE_BYTES * (FILES + 1L));
        assertEquals(FILES, ok.attachments());
    }

    @Test
    void importPath_honestArchive_importsEveryFile() throws IOException {
        Path honest = honestArchive();
        TodoStore b = profile("b");
        ImportReport report = Fixtures.importPath(b, honest);
        assertEquals(FILES, report.attachments());
        List<Attachment> rows = b.attachments().all();
        assertEquals(FILES, rows.size());
        for (Attachment a : rows) {
            assertEquals(a.size(), Files.size(b.attachments().file(a).orElseThrow()));
        }
        assertEquals(FILES, storedFiles(b).stream().filter(p -> !p.getFileName().toString().endsWith(".up")).count());
    }

    @Test
    void budget_smallOrLargeDisk_leavesTheMarginAndNeverPassesTheCap() {
        assertEquals(0, AttachmentImport.budget(Limits.DISK_MARGIN_BYTES / 2));
        assertEquals(500_000_000L, AttachmentImport.budget(Limits.DISK_MARGIN_BYTES + 500_000_000L));
        assertEquals(Limits.MAX_IMPORT_FILES_BYTES, AttachmentImport.budget(Long.MAX_VALUE / 2));
    }

    /** {@code n} zero bytes, never all in memory. */
    static final class ZeroInput extends InputStream {
        private long left;

        ZeroInput(long n) {
            this.left = n;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
