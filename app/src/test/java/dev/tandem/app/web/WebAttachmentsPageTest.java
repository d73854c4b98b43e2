package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.sync.AttachmentFetcher;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached files in a real browser (headless Chromium) against a real server: a note's image shows inline
 * and a PDF as a chip, an image still downloading to the server says so and appears once it is there, and a
 * file chosen in the browser is attached and linked in the notes.
 */
@Tag("browser")
class WebAttachmentsPageTest {
    @TempDir
    Path dir;
    WebFixture web;
    AttachmentStore files;
    Chromium chromium;
    final AttachmentRoutesTest.HeldTasks downloads = new AttachmentRoutesTest.HeldTasks();

    @BeforeEach
    void start() {
        web = new WebFixture(dir, (store, b) -> {
            files = store.attachments();
            return b.attachments(files, new AttachmentFetcher(store, Optional::empty, downloads),
                    () -> AttachmentStore.DEFAULT_LIMIT);
        });
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    private Attachment attach(Item it, byte[] bytes, String name, String type) {
        return files.add(it.id(), new ByteArrayInputStream(bytes), name, type, AttachmentStore.DEFAULT_LIMIT);
    }

    private void openInEditor(Item it) {
        chromium = Chromium.start(Chromium.Size.DESKTOP);
        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        chromium.find(".item[data-id=\"" + it.id() + "\"] .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === arguments[0]", it.title());
    }

    @Test
    void note_withImageAndPdf_showsTheImageInlineAndAChipForThePdf() {
        Item it = web.store.add("Trip", null, null);
        Attachment png = attach(it, AttachmentRoutesTest.PNG, "map.png", "image/png");
        Attachment pdf = attach(it, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "Tickets.pdf", "application/pdf");
        web.store.update(it.id(), cur -> cur.withNotes("The map:\n\n" + png.markdown() + "\n\nTickets: " + pdf.markdown()));
        openInEditor(it);
        Object width = chromium.await("const i = document.querySelector('#notes-view img[data-attachment]');"
                + " return i && i.complete && i.naturalWidth", Duration.ofSeconds(5));
        assertEquals(1L, width);
        String chip = (String) chromium.await("const c = document.querySelector('#notes-view a.attachment-chip');"
                + " return c && c.textContent");
        assertTrue(chip.contains("Tickets.pdf") && chip.contains("PDF"), chip);
        String listed = (String) chromium.js("return [...document.querySelectorAll('#files .chip-name')].map(c => c.textContent).join('|')");
        assertEquals("map.png|Tickets.pdf", listed);
    }

    @Test
    void note_imageNotOnTheServerYet_saysDownloadingThenShowsIt() throws Exception {
        Item it = web.store.add("From the phone", null, null);
        byte[] bytes = AttachmentRoutesTest.PNG;
        String blob = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Attachment a = new Attachment(AttachmentStore.idOf(it.id(), blob), it.id(), blob, "photo.png", "image/png",
                (long) bytes.length, 1L);
        web.store.writeAll(tx -> tx.save(a));
        web.store.update(it.id(), cur -> cur.withNotes(a.markdown()));
        openInEditor(it);
        String waiting = (String) chromium.await("const w = document.querySelector('#notes-view .attachment-waiting');"
                + " return w && w.textContent", Duration.ofSeconds(5));
        assertTrue(waiting.contains("Downloading"), waiting);
        // The download arrives: the same bytes attached elsewhere put the file on this device.
        attach(web.store.add("Elsewhere", null, null), bytes, "copy.png", "image/png");
        Object width = chromium.await("const i = document.querySelector('#notes-view img[data-attachment]');"
                + " return !document.querySelector('#notes-view .attachment-waiting') && i.complete && i.naturalWidth",
                Duration.ofSeconds(10));
        assertEquals(1L, width);
    }

    @Test
    void attach_fileChosenInTheBrowser_isAttachedAndLinkedInTheNotes() throws Exception {
        Item it = web.store.add("Invoice", null, null);
        Path pdf = Files.write(dir.resolve("Invoice 2026.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        openInEditor(it);
        chromium.js("document.getElementById('attach-input').hidden = false");
        chromium.find("#attach-input").sendKeys(pdf.toString());
        String chip = (String) chromium.await("const c = document.querySelector('#notes-view a.attachment-chip');"
                + " return c && c.textContent", Duration.ofSeconds(10));
        assertTrue(chip.contains("Invoice 2026.pdf"), chip);
        Attachment a = files.of(it.id()).get(0);
        assertEquals("application/pdf", a.type());
        chromium.await("return document.getElementById('save-hint').textContent === ''");
        assertTrue(web.store.get(it.id()).orElseThrow().notes().contains("[Invoice 2026.pdf](attachment:" + a.id() + ")"));
    }
}
