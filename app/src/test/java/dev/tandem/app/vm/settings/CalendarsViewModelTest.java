package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.TinyHttp;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.model.events.DayPlanner;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.WorkingHoursSetting;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings → Calendars without a toolkit: feeds served on 127.0.0.1 by a few lines of HTTP ({@link TinyHttp}), files on disk, the work
 * run on the calling thread ({@link Async#direct}), on a fixed clock. A huge or hostile feed is "could not read"
 * with the reason under the caps of {@link FeedLimits} (small here), and the page goes on adding and listing.
 */
@Tag("unit")
class CalendarsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    /** The default caps but a 4 KiB body, so a "huge" feed is small to serve. */
    private static final FeedLimits LIMITS = new FeedLimits(4096, 65_536, 4, 20_000, 50, 1_000, 1_000, 50_000, 2_000,
            Duration.ofSeconds(20));

    @TempDir
    Path tmp;

    private EventStore store;
    private TinyHttp http;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger changed = new AtomicInteger();
    private final List<String> savedLoginAsked = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private SettingsStore settings;
    private CalendarsViewModel vm;

    static String ics(String... summaries) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        int day = 2;
        for (String s : summaries) {
            b.append("BEGIN:VEVENT\r\nUID:").append(s).append("\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:202612")
                    .append(String.format("%02d", day++)).append("T100000Z\r\nDURATION:PT1H\r\nSUMMARY:").append(s)
                    .append("\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    @BeforeEach
    void setUp() throws Exception {
        store = EventStore.open(Optional.of(tmp.resolve("tandem.db")));
        http = new TinyHttp();
        settings = new SettingsStore(tmp);
        vm = new CalendarsViewModel(store, LIMITS, CLOCK, a -> {
            savedLoginAsked.add(a);
            throw new FeedException("no saved account");
        }, Async.direct(errors::add), dialogs, changed::incrementAndGet, settings);
        vm.load();
    }

    @AfterEach
    void tearDown() throws Exception {
        http.close();
        store.close();
    }

    private String serve(String path, int status, byte[] body) {
        http.on(path, (r, out) -> {
            TinyHttp.head(out, status + " X", "Content-Type: text/calendar", "Content-Length: " + body.length);
            out.write(body);
        });
        return http.url(path);
    }

    private CalendarRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void chooseAndAddFile_icsFile_isListedWithItsEventsCount_removeForgetsIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("course.ics"), ics("Lecture", "Lab", "Exam"));
        dialogs.pathAnswers.add(file);
        vm.chooseAndAddFile();
        CalendarRow course = row("course");
        assertEquals(3, course.events());
        assertFalse(course.failed());
        assertEquals(file.toString(), course.source());
        assertTrue(course.state().startsWith("3 events"), course.state());
        assertTrue(changed.get() > 0, "the views shown read their events again");
        vm.remove("course");
        assertTrue(vm.rows().isEmpty());
        assertTrue(store.subscriptions().isEmpty());
        assertEquals(0, store.count("course"), "its events are forgotten");
    }

    @Test
    void addFeed_webcalLikeAddressOnLoopback_readsItAndClearsTheField_refreshNowReadsAgain() {
        String url = serve("/team.ics", 200, ics("Standup").getBytes(StandardCharsets.UTF_8));
        vm.feedUrlProperty().set(url);
        vm.addFeed();
        assertEquals("", vm.feedUrlProperty().get());
        assertEquals(1, row("team").events());
        assertTrue(vm.messageProperty().get().contains("team"), vm.messageProperty().get());
        vm.refreshNow();
        assertFalse(vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void addFeed_hugeAndHostileFeeds_showCouldNotReadWithTheReason_andThePageGoesOn() {
        byte[] huge = new byte[(int) LIMITS.maxBytes() * 4];
        java.util.Arrays.fill(huge, (byte) 'A');
        vm.feedUrlProperty().set(serve("/huge.ics", 200, huge));
        vm.addFeed();
        vm.feedUrlProperty().set(serve("/login.ics", 200,
                "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8)));
        vm.addFeed();
        vm.feedUrlProperty().set(serve("/gone.ics", 500, "oops".getBytes(StandardCharsets.UTF_8)));
        vm.addFeed();
        assertTrue(row("huge").failed());
        assertTrue(row("huge").state().startsWith("Could not read: larger than"), row("huge").state());
        assertTrue(row("login").state().startsWith("Could not read: not an iCalendar file"), row("login").state());
        assertTrue(row("gone").state().contains("500"), row("gone").state());
        // The page is still usable: not busy, and a good feed is added and read after the bad ones.
        assertFalse(vm.busyProperty().get());
        vm.feedUrlProperty().set(serve("/good.ics", 200, ics("Party", "Picnic").getBytes(StandardCharsets.UTF_8)));
        vm.addFeed();
        assertEquals(2, row("good").events());
        // "Refresh now" keeps each reason beside its calendar and says how many could not be read.
        vm.refreshNow();
        assertTrue(vm.messageProperty().get().startsWith("3 calendars could not be read"), vm.messageProperty().get());
        assertTrue(row("huge").failed());
        assertEquals(2, row("good").events());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void addFeed_cleartextAwayFromThisComputerOrBlank_isRefusedAndTheAddressStaysTyped() {
        vm.addFeed();
        assertTrue(vm.errorProperty().get());
        vm.feedUrlProperty().set("http://example.com/cal.ics");
        vm.addFeed();
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("only https"), vm.messageProperty().get());
        assertEquals("http://example.com/cal.ics", vm.feedUrlProperty().get(), "what was typed is kept");
        assertTrue(store.subscriptions().isEmpty());
    }

    @Test
    void addFile_sameNameTwice_secondIsNumbered() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("cal.ics"), ics("One"));
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("cal.ics"), ics("Two"));
        vm.addFile(a);
        vm.addFile(b);
        assertEquals(List.of("cal", "cal 2"), vm.rows().stream().map(CalendarRow::name).toList());
    }

    @Test
    void colourRenameAndShown_changeTheStore_badColourAndTakenNameAreRefused() throws Exception {
        vm.addFile(Files.writeString(tmp.resolve("home.ics"), ics("Dinner")));
        vm.addFile(Files.writeString(tmp.resolve("work.ics"), ics("Meeting")));
        vm.colour("home", "#12AB3c");
        assertEquals("#12ab3c", row("home").colour());
        vm.colour("home", "red;-fx-background-image:url(x)");
        assertTrue(vm.errorProperty().get());
        assertEquals("#12ab3c", store.subscription("home").orElseThrow().colour());
        vm.rename("home", "work");
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("work"), vm.messageProperty().get());
        dialogs.textAnswers.add("Family");
        vm.askRename("home");
        assertEquals(List.of("Family", "work"), vm.rows().stream().map(CalendarRow::name).toList());
        assertEquals(1, store.count("Family"), "the events move with the name");
        int before = changed.get();
        row("work").shown().set(false);
        assertFalse(store.subscription("work").orElseThrow().enabled());
        assertTrue(changed.get() > before);
        assertTrue(store.between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"),
                ZoneOffset.UTC).stream().noneMatch(e -> e.calendar().equals("work")), "a calendar not shown shows nothing");
    }

    @Test
    void discover_noPasswordTyped_fallsBackToTheSavedLogin_andSaysWhyItFailed() {
        vm.accountUrlProperty().set("https://cloud.example.invalid/dav");
        vm.discover();
        assertEquals(List.of("https://cloud.example.invalid/dav"), savedLoginAsked);
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("no saved account"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void discover_blankAddress_isRefusedWithoutAskingAnything() {
        vm.discover();
        assertTrue(vm.errorProperty().get());
        assertTrue(savedLoginAsked.isEmpty());
    }

    /** The typed log-in goes to the typed account's server only; another server gets the saved one. */
    @Test
    void login_typedPassword_isUsedForItsOwnServerOnly() {
        String url = serve("/dav/", 401, new byte[0]);
        vm.accountUrlProperty().set(url);
        vm.accountUserProperty().set("me@example.com");
        vm.accountPasswordProperty().set("secret");
        vm.discover();
        assertTrue(savedLoginAsked.isEmpty(), "the typed log-in was used");
        assertTrue(vm.errorProperty().get(), "the server refused it");
    }

    @Test
    void loadHours_nothingSaved_showsTheDefault_saveHoursKeepsThem_andANewPageReadsThemBack() throws Exception {
        vm.loadHours();
        assertEquals("9:00", vm.hoursStartProperty().get());
        assertEquals("17:00", vm.hoursEndProperty().get());
        vm.hoursStartProperty().set(" 8:30");
        vm.hoursEndProperty().set("16:15 ");
        vm.saveHours();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertEquals("Working hours saved: 8:30 to 16:15.", vm.messageProperty().get());
        assertEquals("08:30-16:15", WorkingHoursSetting.load(settings).toString());
        assertTrue(Files.readString(tmp.resolve(SettingsStore.SETTINGS_FILE)).contains("plan.hours=08\\:30-16\\:15"),
                Files.readString(tmp.resolve(SettingsStore.SETTINGS_FILE)));
        CalendarsViewModel again = new CalendarsViewModel(store, LIMITS, CLOCK, a -> {
            throw new FeedException("no saved account");
        }, Async.direct(errors::add), dialogs, () -> { }, new SettingsStore(tmp));
        again.loadHours();
        assertEquals("8:30", again.hoursStartProperty().get());
        assertEquals("16:15", again.hoursEndProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void saveHours_endNotAfterStartOrNotATime_isRefusedWithWhy_keepsWhatWasTyped_andSavesNothing() {
        settings.put(WorkingHoursSetting.KEY, "10:00-18:00");
        vm.hoursStartProperty().set("17:00");
        vm.hoursEndProperty().set("9:00");
        vm.saveHours();
        assertTrue(vm.errorProperty().get());
        assertEquals("The end, 9:00, must come after the start, 17:00.", vm.messageProperty().get());
        assertEquals("17:00", vm.hoursStartProperty().get());
        assertEquals("9:00", vm.hoursEndProperty().get());
        vm.hoursEndProperty().set("17:00");
        vm.saveHours();
        assertTrue(vm.errorProperty().get(), "an end equal to the start is refused too");
        vm.hoursEndProperty().set("half past five");
        vm.saveHours();
        assertTrue(vm.errorProperty().get());
        assertEquals("“half past five” is not a time: write it like 9:00 or 17:30.", vm.messageProperty().get());
        vm.hoursStartProperty().set("25:00");
        vm.saveHours();
        assertTrue(vm.messageProperty().get().contains("25:00"), vm.messageProperty().get());
        assertEquals("half past five", vm.hoursEndProperty().get());
        assertEquals("10:00-18:00", settings.get(WorkingHoursSetting.KEY, ""));
        assertEquals(new DayPlanner.Hours(LocalTime.of(10, 0), LocalTime.of(18, 0)),
                WorkingHoursSetting.load(settings));
    }
}
