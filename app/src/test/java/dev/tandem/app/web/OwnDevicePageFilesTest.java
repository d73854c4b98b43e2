package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached files on the page as its own device (published by {@code tandem page publish} to an anonymous S3Proxy
 * bucket, opened in Debian's Chromium at phone size, {@link OwnDevicePage}): an image the desktop attached shows in the
 * editor, downloaded and checked by the page's sync core; a file attached on the page reaches the desktop's
 * {@code tandem sync --attachments} byte for byte; with a budget of 0 MB the image still shows and nothing is kept.
 */
@Tag("browser")
class OwnDevicePageFilesTest {
    private static final Duration SYNC = OwnDevicePage.SYNC;

    @TempDir
    Path desktop;
    @TempDir
    Path files;
    OwnDevicePage own;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    /** Opens item {@code id} in the editor and waits for its image to be drawn: its width. */
    private Object openAndAwaitImage(String page, String id) {
        chromium.open(page + "#v=inbox");
        chromium.await("const open = document.querySelector(arguments[0]); if (open) open.click();"
                + " return !!open", SYNC, ".item[data-id=\"" + id + "\"] .item-open");
        return chromium.await("const img = document.querySelector('#files img.file-image');"
                + " return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null", SYNC);
    }

    private String usage(String page) {
        chromium.open(page + "#v=settings");
        return String.valueOf(chromium.await("const u = document.getElementById('file-usage'); return u && u.textContent",
                SYNC));
    }

    @Test
    void ownDevice_desktopImageShows_pageFileReachesDesktop_zeroBudgetKeepsNothing() throws IOException {
        own = new OwnDevicePage(desktop);
        own.tandem("add", "Trip");
        String id = OwnDevicePage.idOf(own.tandem("list", "--json").out(), "Trip");
        Path png = files.resolve("map.png");
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0xff0000);
        ImageIO.write(image, "png", png.toFile());
        own.tandem("attach", id, png.toAbsolutePath().toString());
        chromium = own.publishAndJoin("Trip", null);
        String page = own.pageUrl();

        assertEquals(7L, ((Number) openAndAwaitImage(page, id)).longValue(), "the desktop's image, drawn at its width");
        assertTrue(usage(page).startsWith("1 file kept"), usage(page));

        // A file attached on the page: its bytes go up with the next sync and the desktop saves the same bytes.
        byte[] sent = new byte[150_000];
        new Random(7).nextBytes(sent);
        openAndAwaitImage(page, id);
        chromium.js("const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
                + " const dt = new DataTransfer(); dt.items.add(new File([bytes], 'receipt.bin'));"
                + " const input = document.getElementById('attach-input'); input.files = dt.files;"
                + " input.dispatchEvent(new Event('change'));", Base64.getEncoder().encodeToString(sent));
        chromium.await("return document.getElementById('attach-status').textContent === 'Attached 1 file.'", SYNC);
        chromium.press("#device-sync-now");
        own.awaitSynced();
        own.tandem("sync", "--remote", own.remote, "--attachments");
        Path saved = files.resolve("saved");
        own.tandem("attachments", id, "--save", saved.toAbsolutePath().toString());
        assertArrayEquals(sent, Files.readAllBytes(saved.resolve("receipt.bin")));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(saved.resolve("map.png")));

        // A budget of 0 MB: what was kept goes, the image still shows, and nothing is kept for it.
        usage(page);
        own.fill("file-budget", "0");
        chromium.click("#file-budget-save");
        chromium.await("return document.getElementById('file-usage').textContent.startsWith('No files kept')", SYNC);
        assertEquals(7L, ((Number) openAndAwaitImage(page, id)).longValue());
        String after = usage(page);
        assertTrue(after.startsWith("No files kept"), after);
    }
}
