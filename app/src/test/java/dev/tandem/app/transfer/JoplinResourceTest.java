package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joplin's resources (attached files) from a RAW folder and a JEX archive made as Joplin writes
 * them: a resource item ({@code type_: 4}) with title and MIME type, its file in {@code resources/},
 * and notes linking to it as {@code :/ID}.
 */
@Tag("unit")
class JoplinResourceTest {
    private static final String NOTE = "0123456789abcdef0123456789abcdef";
    private static final String RECEIPT = "aaaabbbbccccddddeeeeffff00001111";
    private static final String GONE = "9999888877776666555544443333aaaa";
    private static final String OTHER_NOTE = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path tmp;

    private TodoStore store;

    private TodoStore profile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("profile"));
        Db db = Schema.database(dir.resolve("tandem.db")).build();
        store = new TodoStore(db, Clock.systemUTC(), Fixtures.ZONE);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static final byte[] JPEG = AttachmentTransferTest.bytes(5000, 42);

    /** The export's entries: a note linking the receipt twice, a missing resource and another note; the files. */
    private static Map<String, byte[]> export() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put(NOTE + ".md", utf8("Receipts\n\nShop: ![Receipt from the shop](:/" + RECEIPT + ")\n"
                + "<img src=\":/" + RECEIPT + "\" width=\"200\"/>\nLost: [scan](:/" + GONE + ")\nSee [the list](:/"
                + OTHER_NOTE + ")\n\nid: " + NOTE + "\nparent_id: \ncreated_time: 2026-09-05T10:00:00.000Z\n"
                + "is_todo: 0\nencryption_applied: 0\ntype_: 1"));
        e.put(OTHER_NOTE + ".md", utf8("Shopping\n\nMilk\n\nid: " + OTHER_NOTE + "\nparent_id: \nis_todo: 1\n"
                + "encryption_applied: 0\ntype_: 1"));
        e.put(RECEIPT + ".md", utf8("receipt-2026.jpg\n\nid: " + RECEIPT + "\nmime: image/jpeg\nfilename: \n"
                + "created_time: 2026-09-05T09:00:00.000Z\nfile_extension: jpg\nencryption_applied: 0\nsize: 5000\ntype_: 4"));
        e.put(GONE + ".md", utf8("scan.pdf\n\nid: " + GONE + "\nmime: application/pdf\nfile_extension: pdf\n"
                + "encryption_applied: 0\ntype_: 4"));
        e.put("resources/" + RECEIPT + ".jpg", JPEG);
        return e;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void assertImported(ImportReport r) throws IOException {
        assertEquals(2, r.added(), r.toString());
        assertEquals(1, r.attachments(), r.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 attachment named but not in") && w.contains("scan.pdf")),
                r.warnings().toString());
        Item note = Fixtures.byTitle(store, "Receipts");
        List<Attachment> files = store.attachments().of(note.id());
        assertEquals(1, files.size(), files.toString());
        Attachment receipt = files.get(0);
        assertEquals("receipt-2026.jpg", receipt.name());
        assertEquals("image/jpeg", receipt.type());
        assertEquals(5000L, receipt.size());
        assertEquals(Instant.parse("2026-09-05T09:00:00Z").toEpochMilli(), receipt.createdAt());
        assertArrayEquals(JPEG, Files.readAllBytes(store.attachments().file(receipt).orElseThrow()));
        String expected = "Shop: ![Receipt from the shop](attachment:" + receipt.id() + ")\n<img src=\"attachment:"
                + receipt.id() + "\" width=\"200\"/>\nLost: [scan](:/" + GONE + ")\nSee [the list](:/" + OTHER_NOTE + ")";
        assertEquals(expected, note.notes());
    }

    @Test
    void importRawFolder_noteLinkingAResource_attachesItWithTitleAndTypeAndRewritesTheLinks() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("raw"));
        for (Map.Entry<String, byte[]> e : export().entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        profile();

        assertImported(Fixtures.importPath(store, dir));
    }

    @Test
    void importJex_noteLinkingAResource_attachesItWithTitleAndTypeAndRewritesTheLinks() throws IOException {
        Path jex = tmp.resolve("export.jex");
        try (OutputStream out = Files.newOutputStream(jex); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            // Resources first, as Joplin may write them: the notes that name them come later in the archive.
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>(export().entrySet());
            Collections.reverse(entries);
            for (Map.Entry<String, byte[]> e : entries) {
                TarArchiveEntry t = new TarArchiveEntry(e.getKey());
                t.setSize(e.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        profile();

        ImportReport first = Fixtures.importPath(store, jex);
        assertImported(first);
        ImportReport again = Fixtures.importPath(store, jex);
        assertEquals(0, again.added());
        assertEquals(0, again.attachments(), "a second import adds no file either");
    }
}
