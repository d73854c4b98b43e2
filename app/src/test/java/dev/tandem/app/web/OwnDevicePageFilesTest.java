package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.S3ProxyServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached files on the page as its own device (published by {@code tandem page publish} to an anonymous S3Proxy
 * bucket, opened in Debian's Chromium at phone size, as OwnDevicePageTest): an image the desktop attached shows in the
 * editor, downloaded and checked by the page's sync core; a file attached on the page reaches the desktop's
 * {@code tandem sync --attachments} byte for byte; with a budget of 0 MB the image still shows and nothing is kept.
 */
@Tag("browser")
class OwnDevicePageFilesTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(20);

    @TempDir
    Path desktop;
    @TempDir
    Path files;
    Chromium chromium;
    S3ProxyServer s3;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private CliRun.Result tandem(String... args) {
        CliRun.Result r = CliRun.run(Map.of("AWS_ENDPOINT_URL", s3.endpoint(), "AWS_ACCESS_KEY_ID", s3.identity(),
                "AWS_SECRET_ACCESS_KEY", s3.credential(), "AWS_REGION", s3.region(), "TANDEM_PASSPHRASE", PASSPHRASE),
                desktop, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private void fill(String id, String value) {
        chromium.js("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void awaitSynced() {
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')"
                + " && document.getElementById('device-sync-error').hidden", SYNC);
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
        s3 = AnonymousS3.shared();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        tandem("add", "Trip");
        Matcher found = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"Trip\"")
                .matcher(tandem("list", "--json").out());
        assertTrue(found.find());
        String id = found.group(1);
        Path png = files.resolve("map.png");
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0xff0000);
        ImageIO.write(image, "png", png.toFile());
        tandem("attach", id, png.toAbsolutePath().toString());
        tandem("sync", "--remote", remote);
        tandem("--lang", "en", "page", "publish", "--remote", "s3://" + bucket);

        chromium = Chromium.start(Chromium.Size.PHONE);
        String page = s3.endpoint() + "/" + bucket + "/page/index.html";
        chromium.open(page);
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        fill("join-endpoint", s3.endpoint());
        fill("join-bucket", bucket);
        fill("join-prefix", "tandem");
        fill("join-region", s3.region());
        fill("join-access-key", s3.identity());
        fill("join-secret-key", s3.credential());
        fill("join-name", "Anna’s phone");
        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", JOIN);
        awaitSynced();

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
        awaitSynced();
        tandem("sync", "--remote", remote, "--attachments");
        Path saved = files.resolve("saved");
        tandem("attachments", id, "--save", saved.toAbsolutePath().toString());
        assertArrayEquals(sent, Files.readAllBytes(saved.resolve("receipt.bin")));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(saved.resolve("map.png")));

        // A budget of 0 MB: what was kept goes, the image still shows, and nothing is kept for it.
        usage(page);
        fill("file-budget", "0");
        chromium.click("#file-budget-save");
        chromium.await("return document.getElementById('file-usage').textContent.startsWith('No files kept')", SYNC);
        assertEquals(7L, ((Number) openAndAwaitImage(page, id)).longValue());
        String after = usage(page);
        assertTrue(after.startsWith("No files kept"), after);
    }
}
