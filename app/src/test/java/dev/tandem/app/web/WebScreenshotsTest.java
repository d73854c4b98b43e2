package dev.tandem.app.web;

import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.FilterParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;

/**
 * {@code screenshots/web-phone.png} (Today on a 390×844 phone), {@code web-phone-item.png} (a note's editor
 * with its Markdown rendered and check boxes partly ticked), {@code web-phone-dark.png} (the Inbox in the
 * dark scheme), {@code web-phone-offline.png} (offline, with changes waiting), {@code web-phone-agenda.png} and
 * {@code web-phone-week.png} (the days to plan, with times and lengths), {@code web-desktop.png} (a shared list
 * with a todo open, 1400×900) and {@code web-desktop-week.png} (the week as seven columns): the page in headless
 * Chromium, paired, over the demo's profile and a family list shared with others; {@code web-phone-smart-lists.png}
 * (the drawer's Smart lists, one of them open beneath).
 */
@Tag("screenshots")
class WebScreenshotsTest {
    @TempDir
    Path dir;
    Path out;
    WebFixture web;
    Item packing;
    Item dinner;
    TodoList family;

    @BeforeEach
    void start() throws Exception {
        out = Files.createDirectories(Path.of(System.getProperty("tandem.screenshots.dir", "screenshots")));
        // The page's "today" is the real one, as the store's is: the demo's dates are relative to it.
        Set<String> shared = new CopyOnWriteArraySet<>();
        web = new WebFixture(dir, b -> b.clock(Clock.systemUTC()).deviceName("Sam's laptop").sharedLists(() -> shared));
        seed(web.store);
        shared.add(family.id());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** The demo's lists and todos, and what a phone shows off best: tags, priorities, repeats, a checklist note. */
    private void seed(TodoStore s) {
        DemoMode.seed(s);
        LocalDate today = s.today();
        String home = s.findList("Home").orElseThrow().id();
        family = s.createList("Family");
        Item mia = s.add("Pick up Mia from football", null, family.id(), today,
                new TodoDetails(2, List.of("kids"), Recurrence.weekly(Set.of(DayOfWeek.from(today))), null)).item();
        // Times and lengths, as a day is planned: the Agenda and the Week show them under each day.
        s.update(mia.id(), i -> i.withDueTime(LocalTime.of(16, 30)).withDuration(45L));
        dinner = s.add("Grandma's 80th birthday dinner", null, family.id(), today.plusDays(5),
                new TodoDetails(1, List.of("birthday"), null, null)).item();
        s.update(dinner.id(), i -> i.withNotes("Table for 9 at **Casa Nostra**, 19:30.\n\n"
                + "- [x] Book the table\n- [x] Tell Uncle Joe\n- [ ] Order the cake (lemon, her favourite)\n"
                + "- [ ] Photo book from the summer\n\nAsk about the *window table*."));
        s.add("Sign the school trip form", null, family.id(), today.plusDays(1),
                new TodoDetails(3, List.of("kids", "school"), null, null));
        s.add("Renew the car insurance", null, null, today,
                new TodoDetails(1, List.of("car", "bills"), null, null));
        s.add("Take out the recycling", null, home, today,
                new TodoDetails(null, List.of("chores"), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null));
        Item dentist = s.add("Call the dentist for a check-up", null, null, today.plusDays(2),
                new TodoDetails(4, List.of("health"), null, null)).item();
        s.update(dentist.id(), i -> i.withDueTime(LocalTime.of(9, 0)).withDuration(15L));
        packing = s.add("Packing list — Lisbon", null, null, null,
                new TodoDetails(null, List.of("travel"), null, null, true)).item();
        s.update(packing.id(), i -> i.withNotes("- [x] Passports\n- [x] Travel insurance\n"
                + "- [ ] Charger and adapters\n- [ ] Sunscreen\n\nFlight **LH 1172**, Fri 07:40; two nights at"
                + " [Memmo Alfama](https://www.memmohotels.com/alfama)."));
    }

    @Test
    void phoneDarkAndDesktop() throws Exception {
        try (Chromium phone = paired(Chromium.Size.PHONE)) {
            show(phone, "#v=today");
            save(phone, "web-phone.png");
            show(phone, "#v=inbox&item=" + packing.id());
            phone.await("return document.querySelectorAll('#notes-view input[type=checkbox]').length === 4");
            save(phone, "web-phone-item.png");
            show(phone, "#v=agenda");
            save(phone, "web-phone-agenda.png");
            show(phone, "#v=week");
            save(phone, "web-phone-week.png");
            phone.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            show(phone, "#v=inbox");
            phone.await("return matchMedia('(prefers-color-scheme: dark)').matches");
            save(phone, "web-phone-dark.png");
        }
        try (Chromium desktop = paired(Chromium.Size.DESKTOP)) {
            // Headless Chromium's window includes room for a toolbar it does not draw: the page gets exactly 1400×900.
            desktop.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
                    Chromium.Size.DESKTOP.width, "height", Chromium.Size.DESKTOP.height, "deviceScaleFactor", 1, "mobile", false));
            show(desktop, "#v=list:" + family.id() + "&item=" + dinner.id());
            desktop.await("return document.querySelectorAll('#notes-view input[type=checkbox]').length === 4");
            save(desktop, "web-desktop.png");
            show(desktop, "#v=week");
            save(desktop, "web-desktop-week.png");
        }
    }

    /** {@code web-phone-smart-lists.png}: saved filters in the drawer with their colours and counts, one open. */
    @Test
    void phoneSmartLists() throws Exception {
        LocalDate today = web.store.today();
        web.store.savedFilters().save("Urgent", FilterParser.parse("p1 | p2", today), "#e05a47");
        web.store.savedFilters().save("Work this week",
                FilterParser.parse("#Work & due: next 7 days", today), "#2a9d8f");
        web.store.savedFilters().save("Kids", FilterParser.parse("@kids", today), "#e9c46a");
        web.store.savedFilters().save("Errands without a date",
                FilterParser.parse("#Groceries & no date", today), null);
        String urgent = web.store.savedFilters().named("Urgent").orElseThrow().id();
        try (Chromium phone = paired(Chromium.Size.PHONE)) {
            show(phone, "#v=filter:" + urgent);
            phone.find("#menu-button").click();
            phone.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'"
                    + " && document.querySelectorAll('#nav-filters li').length === 4");
            phone.js("document.getElementById('filters-heading').scrollIntoView({block: 'center'});"
                    + " document.activeElement && document.activeElement.blur()");
            Thread.sleep(700);
            save(phone, "web-phone-smart-lists.png");
        }
    }

    /** {@code web-phone-offline.png}: the Inbox with the server out of reach, a todo added and one ticked, waiting. */
    @Test
    void phoneOffline_changesWaiting() throws Exception {
        try (Chromium phone = paired(Chromium.Size.PHONE)) {
            phone.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
            show(phone, "#v=inbox");
            web.server.close();
            phone.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
            phone.find("#quick-add").sendKeys("Buy stamps at the post office", Keys.ENTER);
            phone.await("return document.getElementById('quick-add').value === ''");
            phone.js("[...document.querySelectorAll('.item')].find(r => r.querySelector('.item-title').textContent"
                    + " === 'Renew the car insurance').querySelector('.item-done').click()");
            phone.await("return document.getElementById('waiting-text').textContent.startsWith('2 changes waiting')",
                    Duration.ofSeconds(10));
            phone.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
                    + " document.getElementById('toast').hidden = true");
            Thread.sleep(700);
            save(phone, "web-phone-offline.png");
        }
    }

    private Chromium paired(Chromium.Size size) {
        Chromium c = Chromium.start(size);
        c.open(web.server.pair().url());
        c.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view"
                + " && document.querySelectorAll('#nav-lists li').length === 4", Duration.ofSeconds(10));
        // The name it paired under is said for a few seconds: not what these pictures show.
        c.js("document.getElementById('toast').hidden = true");
        return c;
    }

    /** Goes to the route and waits until its rows (and item, if any) show and nothing moves any more. */
    private static void show(Chromium c, String hash) throws InterruptedException {
        c.js("location.hash = arguments[0]", hash);
        String view = hash.replaceAll("^#v=([^&]+).*", "$1");
        c.await("return document.getElementById('items').dataset.view === arguments[0]"
                + " && document.querySelectorAll('#items .item').length > 0", Duration.ofSeconds(10), view);
        if (hash.contains("item=")) {
            c.await("return !document.getElementById('detail-body').hidden && document.getElementById('ed-title').value",
                    Duration.ofSeconds(10));
        }
        c.js("document.activeElement && document.activeElement.blur()");
        Thread.sleep(700);
    }

    private void save(Chromium c, String name) throws Exception {
        Files.write(out.resolve(name), c.driver().getScreenshotAs(OutputType.BYTES));
    }
}
