package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Trash on the page as its own device (published to an S3Proxy bucket, opened in Debian's Chromium at phone
 * size, {@link OwnDevicePage}), the desktop's command line on the other side: two todos the desktop moved to the
 * Trash show in the page's Trash, latest first; one is restored, the other deleted for good (the page asks first,
 * and a Cancel deletes nothing). After a sync the desktop has the restored todo back in its Inbox and the other no
 * longer at all, as its own Delete for good leaves it.
 */
@Tag("browser")
class OwnDevicePageTrashTest {
    @TempDir
    Path desktop;
    OwnDevicePage page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    private void press(String id, String which) {
        page.chromium.js("document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .' + arguments[1]).click()",
                id, which);
    }

    @Test
    void ownDevice_restoresOneAndDeletesOneForGood_desktopHasTheSame() throws Exception {
        page = new OwnDevicePage(desktop);
        page.tandem("add", "Old boxes");
        page.tandem("add", "Spare keys");
        page.tandem("add", "Keep me");
        String json = page.tandem("list", "--json").out();
        String boxes = OwnDevicePage.idOf(json, "Old boxes");
        String keys = OwnDevicePage.idOf(json, "Spare keys");
        page.tandem("rm", boxes);
        page.tandem("rm", keys);
        page.desktopSync();
        page.publish("en");
        page.join(OwnDevicePage.JOIN);

        page.chromium.js("[...document.querySelectorAll('#nav-views .nav-item')].find((b) => b.dataset.view === 'trash').click()");
        page.awaitTitles(List.of("Spare keys", "Old boxes"));
        assertEquals("Trash", page.chromium.js("return document.getElementById('view-title').textContent"));
        assertEquals(true, page.chromium.js("return document.getElementById('quick-add-form').hidden"),
                "nothing is added into the Trash");

        // Asked first; Cancel deletes nothing.
        press(keys, "trash-delete");
        assertTrue(page.chromium.driver().switchTo().alert().getText().contains("“Spare keys” will be deleted on all your devices."));
        page.chromium.driver().switchTo().alert().dismiss();
        press(boxes, "trash-restore");
        page.awaitTitles(List.of("Spare keys"));
        press(keys, "trash-delete");
        page.chromium.driver().switchTo().alert().accept();
        page.awaitTitles(List.of());
        assertEquals("The Trash is empty.", page.chromium.await("const e = document.getElementById('empty');"
                + " return !e.hidden && e.textContent", OwnDevicePage.SYNC));
        page.chromium.js("location.hash = '#v=inbox'");
        page.chromium.await("return [...document.querySelectorAll('#items .item .item-title')].some((e) =>"
                + " e.textContent === 'Old boxes')", OwnDevicePage.SYNC);
        page.chromium.press("#device-sync-now");
        page.awaitSynced();

        page.desktopSync();
        String after = page.tandem("list", "--json").out();
        assertTrue(after.contains("\"Old boxes\"") && after.contains("\"Keep me\"") && !after.contains("Spare keys"), after);
        try (TodoStore store = TodoStore.open(Schema.database(desktop.resolve(Device.DB_FILE)), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            Optional<Item> restored = store.get(boxes);
            assertTrue(restored.isPresent() && !restored.get().isTrashed(), String.valueOf(restored));
            assertEquals(Optional.empty(), store.get(keys), "deleted for good, not only in the Trash");
        }
    }
}
