package dev.tandem.app.vm.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.engine.sync.SyncEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * AttachmentsViewModel and images: a pasted image attached with its Markdown handed back, and an image
 * in the notes shown from the local copy or fetched from the remote, with what it says when it cannot
 * be.
 */
@Tag("unit")
class AttachmentsViewModelImageTest extends AttachmentsViewModelFixture {
    @Test
    void pasteImage_attachesAPngAndHandsBackItsMarkdown() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Whiteboard", null, null);
        AttachmentsViewModel vm = vm(p);
        int[] argb = new int[6 * 4];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 10) << 16 | 0x80;
        }
        AtomicReference<String> markdown = new AtomicReference<>();

        ui.execute(() -> vm.pasteImage(it.id(), new PastedImage(6, 4, argb), markdown::set));
        ui.await(() -> markdown.get() != null);

        Attachment a = p.attachments().of(it.id()).get(0);
        assertEquals("Pasted image 2026-05-12 14.03.22.png", a.name());
        assertEquals("image/png", a.type());
        assertEquals("![Pasted image 2026-05-12 14.03.22.png](attachment:" + a.id() + ")", markdown.get());
        BufferedImage back = ImageIO.read(p.attachments().file(a).orElseThrow().toFile());
        assertEquals(6, back.getWidth());
        assertEquals(4, back.getHeight());
        assertEquals(argb[13], back.getRGB(1, 2), "lossless: the pixel as it was pasted");
    }

    @Test
    void pasteImage_overTheLimit_isRefusedSayingTheLimit() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Photo", null, null);
        AttachmentsViewModel vm = vm(p);
        // Noise does not compress: far over 1 MB as PNG.
        Random r = new Random(7);
        int[] argb = new int[800 * 800];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = r.nextInt();
        }
        List<String> inserted = new ArrayList<>();

        ui.execute(() -> vm.pasteImage(it.id(), new PastedImage(800, 800, argb), inserted::add));
        ui.await(() -> vm.errorProperty().get());

        assertEquals("The pasted image is larger than the limit of 1 MB; it was not attached.",
                ui.get(vm::messageProperty).get());
        assertTrue(inserted.isEmpty(), "nothing goes into the notes");
        assertTrue(p.attachments().of(it.id()).isEmpty());
    }

    @Test
    void image_bytesHere_isReadyWithTheLocalCopysAddress() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Plan", null, null);
        Attachment a = p.attachments().add(it.id(), file("plan.png", 500), limit);
        AttachmentsViewModel vm = vm(p);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).isReady());

        assertEquals(p.attachments().file(a).orElseThrow().toUri().toString(), ui.get(img::state).url());
        assertEquals("plan.png", ui.get(img::state).name());
    }

    @Test
    void image_notOnTheRemote_saysSoAndIsLookedForAgainWhenShownAgain() throws Exception {
        Profile laptop = profile("laptop", null);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 500), limit);
        // The row reached this device, the bytes did not: the laptop has not synced since.
        Profile phone = profile("phone", folderEngine());
        phone.attachments().restore(a);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.MISSING);
        assertTrue(ui.get(img::state).text().startsWith("Not on the remote yet"), ui.get(img::state).text());

        assertTrue(ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan")) == img, "the same image, looked for again");
    }

    @Test
    void image_noSync_saysThereIsNowhereToFetchFrom() throws Exception {
        Profile laptop = profile("laptop", null);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 500), limit);
        Profile phone = profile("phone", null);
        phone.attachments().restore(a);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.MISSING);
        assertEquals("Not on this device, and sync is off.", ui.get(img::state).text());
    }

    @Test
    void image_damagedOnTheRemote_failsWithItsMessageAndKeepsNoCopy() throws Exception {
        SyncEngine engine = folderEngine();
        Profile laptop = profile("laptop", engine);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 300_000), limit);
        laptop.store().replica().sync(engine);
        Profile phone = profile("phone", engine);
        phone.store().replica().sync(engine);
        Path stored;
        try (Stream<Path> s = Files.walk(tmp.resolve("remote"))) {
            stored = s.filter(f -> Files.isRegularFile(f) && f.toString().contains(a.blob())).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.FAILED);

        String text = ui.get(img::state).text();
        assertTrue(text.startsWith("Could not download it: ") && text.length() > "Could not download it: ".length(), text);
        assertFalse(phone.store().attachments().blobs().has(a.blob()), "no damaged copy is kept");
    }
}
