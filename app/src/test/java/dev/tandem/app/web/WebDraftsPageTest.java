package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The phone's item page saves as you go, in a real browser against a real server and store: what is typed
 * reaches the store without Save when the item is left, the page reloaded, or the connection comes back;
 * offline it is kept on the phone; a failed save keeps the text; toasts cover no control.
 */
@Tag("browser")
class WebDraftsPageTest {
    private static final Duration STORE = Await.DEFAULT_TIMEOUT;
    private static final String OFFLINE_KEPT =
            "Offline: changes are kept on this phone until Tandem is reachable.";

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void title_typedThenBack_isSavedWithoutPressingSave() {
        Item milk = web.store.add("Milk", null, null);
        openOnPhone(milk);
        chromium.find("#ed-title").sendKeys(Keys.END, " and eggs");
        chromium.find("#detail-back").click();
        awaitStore(() -> "Milk and eggs".equals(title(milk)));
        chromium.await("return [...document.querySelectorAll('.item-title')].some(e => e.textContent === 'Milk and eggs')");
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void notes_typedThenReload_areStillThereAndSaved() {
        Item trip = web.store.add("Trip", null, null);
        openOnPhone(trip);
        chromium.find("#notes-edit").click();
        chromium.find("#ed-notes").sendKeys("Book the hotel");
        chromium.driver().navigate().refresh();
        chromium.await("return document.getElementById('ed-notes').value === 'Book the hotel'");
        awaitStore(() -> "Book the hotel".equals(web.store.get(trip.id()).orElseThrow().notes()));
        assertEquals("Trip", title(trip));
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    /**
     * The server out of reach: what is typed goes to the outbox on the phone, shows through a reload, and is saved
     * once the server is back; the title, which the desktop changed meanwhile, becomes a Conflict instead of being
     * written over, named on the page.
     */
    @Test
    void offline_typedThenReload_keepsTheEdit_andSavesItWhenBack_aConcurrentEditBecomingAConflict() {
        Item milk = web.store.add("Milk", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        // The service worker keeps the page and what it fetched once it controls the page.
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        openRow(milk);
        // Each poll starts a look into the worker's cache and reads what the one before found.
        chromium.await("caches.open('tandem-api').then(c => c.keys()).then(k => window.kept = k.map(r => new URL(r.url).pathname));"
                + " return window.kept && ['/api/session', '/api/items/' + arguments[0]].every(p => window.kept.includes(p))",
                Duration.ofSeconds(10), milk.id());

        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", STORE);
        chromium.find("#ed-title").sendKeys(Keys.END, " (phone)");
        chromium.find("#notes-edit").click();
        chromium.find("#ed-notes").sendKeys("Oat milk, two cartons");
        chromium.find("#notes-edit").click();
        // One entry, or two when the notes were kept while the title's entry was being tried.
        chromium.await("return /^[12] changes? waiting/.test(document.getElementById('waiting-text').textContent)", STORE);
        web.store.update(milk.id(), i -> i.withTitle("Milk (laptop)"));

        chromium.driver().navigate().refresh();
        chromium.await("return document.getElementById('ed-notes').value === 'Oat milk, two cartons'"
                + " && document.getElementById('ed-title').value === 'Milk (phone)'", Duration.ofSeconds(10));
        assertEquals(OFFLINE_KEPT, chromium.js("return document.getElementById('offline').checkVisibility()"
                + " && document.getElementById('offline').textContent"));
        assertEquals("Oat milk, two cartons", chromium.js("return document.querySelector('#notes-view .notes-plain').textContent"));
        String notes = web.store.get(milk.id()).orElseThrow().notes();
        assertTrue(notes == null || notes.isEmpty(), notes);

        web.restartServer();
        awaitStore(() -> "Oat milk, two cartons".equals(web.store.get(milk.id()).orElseThrow().notes()), Duration.ofSeconds(40));
        assertEquals("Milk (laptop)", title(milk));
        assertEquals(1, web.store.conflicts().list().size());
        assertEquals("Milk (phone)", web.store.conflicts().list().get(0).lostValue());
        String named = (String) chromium.await("return !document.getElementById('toast').hidden"
                + " && document.getElementById('toast-text').textContent");
        assertTrue(named.startsWith("“Milk (phone)”: Changed on another device while you edited: Title."), named);
        chromium.await("return document.getElementById('ed-title').value === 'Milk (laptop)'");
        chromium.await("return document.getElementById('offline').hidden && document.getElementById('waiting').hidden"
                + " && localStorage.getItem('tandem.drafts') === '{}'");
    }

    @Test
    void saveRefused_keepsTheTextAndSaysSoUntilDiscarded() {
        Item gym = web.store.add("Gym", null, null);
        openOnPhone(gym);
        chromium.find("#ed-repeat").sendKeys("when the moon is blue");
        chromium.find("#ed-title").sendKeys(Keys.END, " twice");
        // Shown once the server refused the edit: nothing of it was written.
        String error = (String) chromium.await("return !document.getElementById('detail-error').hidden"
                + " && document.getElementById('detail-error').textContent.includes('moon')"
                + " && document.getElementById('detail-error').textContent", STORE);
        assertTrue(error.startsWith("Not saved: “when the moon is blue” is not a repeat"), error);
        assertEquals("Gym", title(gym));
        assertEquals(null, web.store.get(gym.id()).orElseThrow().recurrence());
        assertEquals("when the moon is blue", chromium.js("return document.getElementById('ed-repeat').value"));
        assertEquals("Gym twice", chromium.js("return document.getElementById('ed-title').value"));

        // Saved again (Enter) and refused again, the message drawn anew: meanwhile nothing on the page moves, so Discard
        // stays under the finger about to press it (a "1 change waiting" banner shown and gone above for the save on
        // its way pushed the page down and back, and a press landed beside the button).
        chromium.js("window.shifts = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.shifts.push("
                + "e.sources.map((s) => (s.node && (s.node.id || s.node.className)) + ' ' + s.previousRect.y + '>' + s.currentRect.y)"
                + ".join(', ')))).observe({type: 'layout-shift'}); window.refusals = 0;"
                + " new MutationObserver(() => window.refusals++).observe(document.getElementById('detail-error'), {childList: true});");
        chromium.find("#ed-title").sendKeys(Keys.ENTER);
        chromium.await("return window.refusals > 0 && document.getElementById('detail-error').textContent.includes('moon')"
                + " && document.getElementById('save-hint').textContent !== 'Saving…'", STORE);
        assertEquals(List.of(), chromium.js("return window.shifts"), "the page moved while the title was saved");

        chromium.click("#detail-error button:last-child");
        chromium.await("return document.getElementById('ed-repeat').value === ''"
                + " && document.getElementById('ed-title').value === 'Gym' && document.getElementById('detail-error').hidden",
                Duration.ofSeconds(15));
        assertEquals("{}", chromium.js("return localStorage.getItem('tandem.drafts')"));
    }

    @Test
    void discard_titleStillFocused_sendsNothingOfWhatItDiscards() {
        Item gym = web.store.add("Gym", null, null);
        openOnPhone(gym);
        chromium.find("#ed-repeat").sendKeys("when the moon is blue");
        chromium.await("return !document.getElementById('detail-error').hidden"
                + " && document.getElementById('detail-error').textContent.includes('moon')", STORE);
        chromium.find("#ed-title").sendKeys(Keys.END, " twice");
        // Every write sent, with when; and when the press on Discard began. A pause in typing is a save of its own
        // (the title's 600 ms debounce, which a loaded machine can let pass before the press): only what is sent
        // from the press on counts.
        chromium.js("window.sent = []; window.pressedAt = null; const plain = window.fetch; window.fetch = (path, opts) => {"
                + " if (opts && opts.method && opts.method !== 'GET') window.sent.push({ path: String(path), at: performance.now() });"
                + " return plain(path, opts); };"
                + " document.addEventListener('pointerdown', (e) => { if (window.pressedAt === null"
                + " && e.target.closest('#detail-error button:last-child')) window.pressedAt = performance.now(); }, true);");
        // Pressing Discard takes the focus from the title: that must not first send the text being thrown away.
        chromium.click("#detail-error button:last-child");

        chromium.await("return document.getElementById('ed-title').value === 'Gym' && document.getElementById('detail-error').hidden",
                STORE);
        assertEquals("", chromium.js("return document.getElementById('ed-repeat').value"));
        assertEquals("{}", chromium.js("return localStorage.getItem('tandem.drafts')"));
        assertEquals("[]", chromium.js("return window.pressedAt === null ? 'no press seen'"
                + " : JSON.stringify(window.sent.filter((s) => s.at >= window.pressedAt).map((s) => s.path))"));
        assertEquals("Gym", title(gym));
    }

    @Test
    void toast_onAnOpenItem_coversNeitherSaveNorAttachFile() {
        Item cello = web.store.add("Someday learn the cello", null, null);
        Item dentist = web.store.add("Dentist", null, null);
        web.store.update(dentist.id(), i -> i.withNotes("bring insurance card\n\n" + "- line\n".repeat(30)));
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.find(row(cello) + " .item-done").click();
        chromium.await("return !document.getElementById('toast').hidden && !document.querySelector(arguments[0])", row(cello));
        openRow(dentist);
        chromium.js("window.scrollTo(0, document.body.scrollHeight)");
        String overlaps = (String) chromium.js("const t = document.getElementById('toast');"
                + " if (t.hidden || !t.checkVisibility()) return 'the toast is not shown';"
                + " const a = t.getBoundingClientRect();"
                + " return ['save', 'attach'].filter(id => { const b = document.getElementById(id).getBoundingClientRect();"
                + " return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }).join(', ')");
        assertEquals("", overlaps);
        assertEquals(390L, chromium.js("return document.documentElement.clientWidth"));
        assertEquals(true, chromium.js("return document.getElementById('toast-action').textContent === 'Undo'"));
    }

    @Test
    void timeLengthAndReminder_setOnThePage_areStored() {
        LocalDate due = LocalDate.now().plusDays(2);
        Item dentist = web.store.add("Dentist", null, null);
        web.store.update(dentist.id(), i -> i.withDue(due));
        openOnPhone(dentist);
        // A time picker's choice, as the browser's picker commits it.
        chromium.js("const t = document.getElementById('ed-time'); t.value = '09:30';"
                + " t.dispatchEvent(new Event('input', {bubbles: true})); t.dispatchEvent(new Event('change', {bubbles: true}));");
        chromium.find("#ed-length").sendKeys("45");
        chromium.find("#remind-add").click();
        assertEquals(true, chromium.js("return document.getElementById('ed-remind-date').checkVisibility()"
                + " && document.getElementById('ed-remind-time').value === '09:30'"));
        String said = (String) chromium.js("return document.getElementById('remind-text').textContent");
        assertTrue(said.contains(String.valueOf(due.getDayOfMonth())) && said.contains("09:30"), said);
        long expected = due.atTime(9, 30).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        awaitStore(() -> {
            Item now = web.store.get(dentist.id()).orElseThrow();
            return LocalTime.of(9, 30).equals(now.timeOfDay()) && now.lengthMinutes() == 45
                    && Long.valueOf(expected).equals(now.remindAt());
        });
    }

    @Test
    void quickAddPlaceholder_fitsItsFieldOnAPhone() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        assertEquals(true, chromium.js("const i = document.getElementById('quick-add'), s = getComputedStyle(i);"
                + " const c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
                + " return c.measureText(i.placeholder).width"
                + " <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)"), "the placeholder is cut");
    }

    /** A paired phone with the item open from the list. */
    private void openOnPhone(Item it) {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        openRow(it);
    }

    /** Opens the item from its row; the list may be drawn again meanwhile, so the row is clicked as it is then. */
    private void openRow(Item it) {
        chromium.js("document.querySelector(arguments[0] + ' .item-open').click()", row(it));
        chromium.await("return document.getElementById('ed-title').value === arguments[0]", it.title());
    }

    private String title(Item it) {
        return web.store.get(it.id()).orElseThrow().title();
    }

    private static String row(Item it) {
        return ".item[data-id=\"" + it.id() + "\"]";
    }

    private static void awaitStore(BooleanSupplier condition) {
        awaitStore(condition, STORE);
    }

    private static void awaitStore(BooleanSupplier condition, Duration timeout) {
        WebFixture.awaitStore(condition, timeout);
    }
}
