package dev.tandem.app.vm.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a chip says of a file: its kind in words and its size as a file manager writes it. */
@Tag("unit")
class AttachmentRowTest {
    private static AttachmentRow row(String name, String type, long size) {
        return AttachmentRow.of(new Attachment("id", "item", "blob", name, type, size, 0L));
    }

    @Test
    void humanSize_powersOfAThousand_roundedAsAFileManagerDoes() {
        assertEquals("0 bytes", AttachmentRow.humanSize(0));
        assertEquals("1 byte", AttachmentRow.humanSize(1));
        assertEquals("999 bytes", AttachmentRow.humanSize(999));
        assertEquals("1 KB", AttachmentRow.humanSize(1_000));
        assertEquals("1.5 MB", AttachmentRow.humanSize(1_500_000));
        assertEquals("100 MB", AttachmentRow.humanSize(100_000_000));
        assertEquals("1 GB", AttachmentRow.humanSize(999_990_000));
    }

    @Test
    void details_kindsOfFiles_sayWhatTheyAre() {
        assertEquals("PNG image · 2.4 MB", row("shot.png", "image/png", 2_400_000).details());
        assertEquals("PDF · 120 KB", row("a.pdf", "application/pdf", 120_000).details());
        assertEquals("Text · 12 bytes", row("a.txt", "text/plain", 12).details());
        assertEquals("KEY file · 1 KB", row("deck.key", "application/octet-stream", 1_000).details());
        assertEquals("File · 1 KB", row("README", "application/octet-stream", 1_000).details());
    }

    @Test
    void viewable_onlyImagesTheAppDecodes() {
        assertTrue(row("a.jpg", "image/jpeg", 1).viewable());
        AttachmentRow heic = row("a.heic", "image/heic", 1);
        assertEquals(AttachmentRow.Kind.IMAGE, heic.kind());
        assertFalse(heic.viewable(), "an image JavaFX cannot decode opens with the system's application");
    }
}
