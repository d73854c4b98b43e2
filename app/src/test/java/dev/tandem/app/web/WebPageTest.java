package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The web page in a real browser (headless Chromium) against a real server and store: pairing, quick add,
 * ticking, editing, live changes from another device, stale edits, revoking. A phone's viewport unless the
 * desktop's layout (sidebar, list and detail side by side) is the point.
 */
@Tag("browser")
class WebPageTest {
    private static final Duration LIVE = Duration.ofSeconds(2);

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
    void page_withoutSession_showsPairing() {
        web.store.add("Secret plans", null, null);
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        assertEquals(true, chromium.js("return document.getElementById('app').hidden"));
        assertEquals(0L, chromium.js("return document.querySelectorAll('.item').length"));
        assertTrue(web.server.browsers().isEmpty());
    }

    @Test
    void pairing_tokenInFragment_pairsAtOnceAndClearsTheFragment() {
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        assertEquals("", chromium.js("return location.hash.includes('pair') ? location.hash : ''"));
        assertEquals(1, web.server.browsers().size());
    }

    @Test
    void pairing_typedCode_pairs_andAWrongOneSaysWhy() {
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        chromium.find("#pair-code").sendKeys("0000-0000", Keys.ENTER);
        String error = (String) chromium.await("return document.getElementById('pair-error').textContent");
        assertTrue(error.contains("wrong"), error);

        chromium.find("#pair-code").clear();
        chromium.find("#pair-code").sendKeys(web.server.pair().code(), Keys.ENTER);
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        assertEquals(1, web.server.browsers().size());
    }

    @Test
    void quickAdd_showsChipsWhileTyping_andAddsOnEnter() {
        openPaired(Chromium.Size.PHONE);
        chromium.find("#quick-add").sendKeys("Lunch with Ann tomorrow #Family");
        String chips = (String) chromium.await(
                "return [...document.querySelectorAll('#quick-add-chips .chip')].map(c => c.className + ':' + c.textContent).join('|')");
        assertTrue(chips.contains("chip-date"), chips);
        assertTrue(chips.contains("chip-list:#Family"), chips);

        chromium.find("#quick-add").sendKeys(Keys.ENTER);
        chromium.await("return document.getElementById('quick-add').value === ''");
        String message = (String) chromium.js("return document.getElementById('quick-add-message').textContent");
        assertTrue(message.startsWith("Added"), message);
        Item added = web.store.allItems().get(0);
        assertEquals("Lunch with Ann", added.title());
        assertEquals(web.store.today().plusDays(1), added.dueDate());
    }

    @Test
    void quickAdd_withoutTitle_keepsTheTextAndSaysWhy() {
        openPaired(Chromium.Size.PHONE);
        chromium.find("#quick-add").sendKeys("p1 #Family", Keys.ENTER);
        chromium.await("return document.getElementById('quick-add-message').classList.contains('error')");
        assertEquals("p1 #Family", chromium.js("return document.getElementById('quick-add').value"));
        String message = (String) chromium.js("return document.getElementById('quick-add-message').textContent");
        assertTrue(message.contains("add a title"), message);
        assertTrue(web.store.allItems().isEmpty());
    }

    @Test
    void longView_showsAPageOfRows_andMoreAsItScrolls() {
        WebFixture.seed(web.store, 450);
        openPaired(Chromium.Size.PHONE);
        chromium.await("return document.querySelectorAll('.item').length === 200");
        assertTrue(((String) chromium.js("return document.querySelector('.more').textContent")).contains("200 of 450"));
        chromium.js("document.querySelector('.more').scrollIntoView()");
        chromium.await("return document.querySelectorAll('.item').length === 400");
        chromium.js("document.querySelector('.more').scrollIntoView()");
        chromium.await("return document.querySelectorAll('.item').length === 450 && document.getElementById('more').hidden");
        // The line is under the list, never one of its items: it is no todo.
        assertEquals(0L, chromium.js("return document.querySelectorAll('#items .more, #items [role=status]').length"));
    }

    /**
     * Another origin's page (a server on another port of the same machine: same site, so the browser
     * sends the SameSite cookie) posts a form and a fetch at Tandem: the Origin check and the missing
     * CSRF header refuse both, and nothing is added.
     */
    @Test
    void forgedCrossSiteRequests_areRefused() throws Exception {
        openPaired(Chromium.Size.DESKTOP);
        String target = web.server.url() + "api/outbox";
        Server evil = new Server();
        ServerConnector port = new ServerConnector(evil);
        port.setHost("127.0.0.1");
        evil.addConnector(port);
        byte[] page = ("<!doctype html><html><body><form id=f method=POST enctype=text/plain action=\"" + target + "\">"
                + "<input name='{\"entries\":[{\"key\":\"forged-by-form\",\"op\":\"add\",\"text\":\"Forged by form\"}],\"x\":\"'"
                + " value='\"}'></form>"
                + "<script>fetch('" + target + "', {method: 'POST', mode: 'no-cors', credentials: 'include',"
                + " body: JSON.stringify({entries: [{key: 'forged-by-fetch', op: 'add', text: 'Forged by fetch'}]})}).finally(() =>"
                + " document.getElementById('f').submit());</script></body></html>").getBytes(StandardCharsets.UTF_8);
        evil.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response,
                                  Callback callback) {
                response.getHeaders().put("Content-Type", "text/html");
                response.write(true, ByteBuffer.wrap(page), callback);
                return true;
            }
        });
        evil.start();
        try {
            chromium.open("http://127.0.0.1:" + port.getLocalPort() + "/");
            // The form's POST lands on Tandem's answer page.
            chromium.await("return location.href.includes('/api/outbox')", Duration.ofSeconds(10));
            assertTrue(chromium.driver().getPageSource().contains("other sites"), chromium.driver().getPageSource());
            assertTrue(web.store.allItems().isEmpty(), "a forged request added a todo");
        } finally {
            evil.stop();
        }
    }

    @Test
    void tick_completesTheTodo() {
        Item milk = web.store.add("Milk", null, null);
        openPaired(Chromium.Size.PHONE);
        chromium.find(row(milk) + " .item-done").click();
        awaitStore(() -> web.store.get(milk.id()).orElseThrow().isDone());
        chromium.await("return !document.querySelector('" + row(milk) + "')");
    }

    @Test
    void editor_notesEdited_savesTheText_andCheckBoxesTick() {
        Item trip = web.store.add("Trip", null, null);
        web.store.update(trip.id(), i -> i.withNotes("- [ ] passports\n- [ ] tickets"));
        openInEditor(trip);
        chromium.await("return document.querySelector('#notes-view input[data-line=\"1\"]')");

        // The notes may start under the sticky Save bar: scrolled to, as a person would.
        chromium.js("document.querySelector('#notes-view input[data-line=\"1\"]').scrollIntoView({block: 'center'})");
        chromium.find("#notes-view input[data-line='1']").click();
        awaitStore(() -> web.store.get(trip.id()).orElseThrow().notes().contains("- [x] tickets"));

        chromium.find("#notes-edit").click();
        chromium.find("#ed-notes").sendKeys(Keys.END, "\nBook the hotel");
        chromium.find("#save").click();
        awaitStore(() -> web.store.get(trip.id()).orElseThrow().notes().endsWith("Book the hotel"));
        assertTrue(web.store.get(trip.id()).orElseThrow().notes().startsWith("- [ ] passports\n- [x] tickets"));
        chromium.await("return document.getElementById('save').disabled");
    }

    @Test
    void editor_plainNote_offersNoDateTimeReminderOrRepeat() {
        Item packing = web.store.add("Packing list", null, null);
        web.store.update(packing.id(), i -> i.withNote(true));
        Item milk = web.store.add("Milk", null, null);
        openInEditor(packing);
        chromium.await("return document.getElementById('detail-heading').textContent.startsWith('Note')");
        for (String id : List.of("ed-due", "ed-time", "ed-length", "ed-repeat", "remind-add", "ed-start",
                "ed-someday")) {
            assertEquals(Boolean.FALSE, chromium.js("return document.getElementById('" + id + "').offsetParent !== null"),
                    id + " is not shown for a note");
        }
        chromium.find(row(milk) + " .item-open").click();
        chromium.await("return document.getElementById('detail-heading').textContent.startsWith('Todo')");
        assertEquals(Boolean.TRUE, chromium.js("return document.getElementById('ed-due').offsetParent !== null"));
    }

    @Test
    void changeByAnotherDevice_showsInTheOpenPage_keepingWhatIsTyped() {
        Item milk = web.store.add("Milk", null, null);
        openInEditor(milk);
        chromium.find("#notes-edit").click();
        chromium.find("#ed-notes").sendKeys("Oat milk, two cartons");

        web.store.update(milk.id(), i -> i.withTitle("Milk and eggs"));
        web.store.add("Bread", null, null);
        chromium.await("return [...document.querySelectorAll('.item-title')].map(e => e.textContent).join('|')"
                + " === 'Milk and eggs|Bread' || [...document.querySelectorAll('.item-title')].length === 2"
                + " && [...document.querySelectorAll('.item-title')].some(e => e.textContent === 'Bread')", LIVE);
        chromium.await("return document.getElementById('ed-title').value === 'Milk and eggs'", LIVE);
        assertEquals("Oat milk, two cartons", chromium.js("return document.getElementById('ed-notes').value"));
        // What was typed is saved as it goes, next to the other device's title.
        awaitStore(() -> "Oat milk, two cartons".equals(web.store.get(milk.id()).orElseThrow().notes()));
        assertEquals("Milk and eggs", web.store.get(milk.id()).orElseThrow().title());
    }

    @Test
    void staleEdit_becomesAConflict_andTheOtherDevicesValueStays() {
        Item milk = web.store.add("Milk", null, null);
        openInEditor(milk);
        // The desktop's edit lands between the page's showing the title and its typing being saved.
        chromium.js("document.getElementById('ed-title').value += ' (phone)'");
        web.store.update(milk.id(), i -> i.withTitle("Milk (laptop)"));
        // In the title, then Save: leaving the field sends what it holds, whether or not the live refresh came.
        chromium.find("#ed-title").sendKeys(Keys.END);
        chromium.find("#save").click();

        String error = (String) chromium.await("return !document.getElementById('detail-error').hidden"
                + " && document.getElementById('detail-error').textContent");
        assertTrue(error.startsWith("Changed on another device while you edited"), error);
        assertEquals("Milk (laptop)", web.store.get(milk.id()).orElseThrow().title());
        chromium.await("return document.getElementById('ed-title').value === 'Milk (laptop)'");
        assertEquals(1, web.store.conflicts().list().size());

        chromium.find("#detail-error .link-button").click();
        String lost = (String) chromium.await("return document.querySelector('.conflict dd:last-of-type')"
                + " && document.querySelector('.conflict dd:last-of-type').textContent");
        assertEquals("Milk (phone)", lost);
        assertTrue((Boolean) chromium.js("return document.querySelector('[data-view=conflicts] .badge') !== null"));
    }

    @Test
    void revokingThisBrowser_returnsToPairing() {
        openPaired(Chromium.Size.PHONE);
        chromium.find("#settings-button").click();
        chromium.await("return document.querySelector('.browsers li button.danger')");
        chromium.js("window.confirm = () => true");
        chromium.find(".browsers li button.danger").click();
        chromium.await("return !document.getElementById('pair').hidden");
        assertTrue(web.server.browsers().isEmpty());
        assertEquals(true, chromium.js("return document.getElementById('app').hidden"));
    }

    @Test
    void revokedFromTheDesktop_openPageReturnsToPairing() {
        openPaired(Chromium.Size.PHONE);
        web.server.revoke(web.server.browsers().get(0).id());
        chromium.await("return !document.getElementById('pair').hidden", Duration.ofSeconds(10));
    }

    @Test
    void serverGone_quickAddKeepsTheTodoOnThePhone_andAddsItOnceWhenBack() {
        Item milk = web.store.add("Milk", null, null);
        openPaired(Chromium.Size.PHONE);
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        chromium.find("#quick-add").sendKeys("Bread", Keys.ENTER);
        String message = (String) chromium.await("return document.getElementById('quick-add-message').textContent"
                + ".startsWith('Kept') && document.getElementById('quick-add-message').textContent");
        assertEquals("Kept on this phone: “Bread” is added when Tandem is reachable.", message);
        chromium.await("return [...document.querySelectorAll('.item.waiting .item-title')].some(t => t.textContent === 'Bread')");
        // Ticking works offline too.
        chromium.find(".item[data-id='" + milk.id() + "'] .item-done").click();
        chromium.await("return document.getElementById('waiting-text').textContent.startsWith('2 changes waiting')");
        assertEquals(1, web.store.allItems().size());

        web.restartServer();
        WebFixture.awaitStore(() -> web.store.allItems().stream().anyMatch(i -> i.title().equals("Bread"))
                && web.store.get(milk.id()).orElseThrow().isDone(), Duration.ofSeconds(40));
        chromium.await("return document.getElementById('waiting').hidden", Duration.ofSeconds(10));
        assertEquals(1, web.store.allItems().stream().filter(i -> i.title().equals("Bread")).count());
    }

    @Test
    void phone_oneColumn_withTouchTargetsOf44px() {
        web.store.add("Milk", null, null);
        openPaired(Chromium.Size.PHONE);
        assertEquals(390L, chromium.js("return document.documentElement.clientWidth"));
        assertEquals(false, chromium.js("return document.getElementById('sidebar').checkVisibility({visibilityProperty: true})"));
        assertEquals("", chromium.js("return [...document.querySelectorAll('button, input, select, textarea')]"
                + ".filter(e => e.checkVisibility({visibilityProperty: true})).filter(e => { const r = e.getBoundingClientRect();"
                + " return r.width < 44 || r.height < 44; }).map(e => e.id || e.className).join(', ')"));
        chromium.find("#menu-button").click();
        chromium.await("return document.getElementById('sidebar').checkVisibility({visibilityProperty: true})");
    }

    @Test
    void desktop_sidebarListAndDetail_sideBySide() {
        Item milk = web.store.add("Milk", null, null);
        openInEditor(milk);
        assertEquals(true, chromium.js("const s = document.getElementById('sidebar').getBoundingClientRect(),"
                + " l = document.getElementById('list-pane').getBoundingClientRect(),"
                + " d = document.getElementById('detail').getBoundingClientRect();"
                + " return s.width > 0 && s.right <= l.left + 1 && l.right <= d.left + 1 && d.width > 300"));
    }

    /** A paired page showing its first view. */
    private void openPaired(Chromium.Size size) {
        chromium = Chromium.paired(web, size);
    }

    /** A paired desktop page with the item open in its editor. */
    private void openInEditor(Item it) {
        openPaired(Chromium.Size.DESKTOP);
        chromium.find(row(it) + " .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === arguments[0]", it.title());
    }

    private static String row(Item it) {
        return ".item[data-id=\"" + it.id() + "\"]";
    }

    private static void awaitStore(BooleanSupplier condition) {
        WebFixture.awaitStore(condition, Duration.ofSeconds(5));
    }
}
