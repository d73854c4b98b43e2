package dev.tandem.app.tools;

import static dev.tandem.app.tools.AppScalePerfTest.line;
import static dev.tandem.app.tools.AppScalePerfTest.settle;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.calendar.CalendarFeeds;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.app.vm.calendar.SubscribedEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The week at 100,000 todos ({@link CalendarPerfTest#seed}) with {@value #EVENTS_PER_WEEK} events of a subscribed
 * calendar in each week shown (written through {@link EventStore} into the profile's {@code calendars.sqlite}),
 * against the same window with that calendar switched off, alternated: opening the week (Ctrl+Shift+W from the
 * Inbox) to the first frame of its grid; switching weeks (Page Down, Page Up) to the new week's grid; and a feed
 * of {@value #FEED_EVENTS} events read again ({@link FeedRefresh} into the store, then the views told, as
 * {@link CalendarFeeds} does) while the week is on screen, every interval between the FX thread's frames
 * recorded by an {@link AnimationTimer}, against the same time on screen without a refresh. Results in
 * {@code app/target/perf-calendar-events.txt}.
 */
@Tag("perf")
@ExtendWith(ApplicationExtension.class)
class CalendarEventsPerfTest extends CalendarEventsPerfFixture {
    // TestFX looks for @Start among the test class's own methods, not its fixture's.
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }

    @Test
    void weekWith1000EventsAnd100kTodos_openSwitchAndRefresh_againstNoEvents(FxRobot robot) throws Exception {
        open("calendar-events");
        MainViewModel vm = view.viewModel();
        CalendarViewModel cal = vm.calendar();
        settle(() -> vm.liveItems().isComplete() && vm.sidebar().size() > 4, Duration.ofSeconds(180));
        List<String> lines = new ArrayList<>() {
            @Override
            public boolean add(String l) {
                // Each figure as soon as it is measured, so a run cut short still says what it found.
                System.out.println(l);
                return super.add(l);
            }
        };

        // Off the UI thread: the week's events read, its plan with them, and the words the week's event nodes show.
        SubscribedEvents source = new SubscribedEvents(device.events(), () -> device.store().dateClock().getZone());
        List<Long> eventsRead = new ArrayList<>();
        List<Long> planWith = new ArrayList<>();
        List<Long> planWithout = new ArrayList<>();
        List<Long> texts = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            CalendarRange r = CalendarRange.of(CalendarRange.Mode.WEEK, LocalDate.now().plusWeeks(i % WEEKS), Locale.UK);
            List<Item> items = CalendarItems.query(device.store(), r.first(), r.last());
            long t0 = System.nanoTime();
            List<EventEntry> es = source.apply(r);
            long t1 = System.nanoTime();
            CalendarPlan p = CalendarPlan.of(items, es, r);
            long t2 = System.nanoTime();
            CalendarPlan.of(items, r);
            long t3 = System.nanoTime();
            int chars = 0;
            for (var d : p.days()) {
                for (EventEntry e : d.events()) {
                    chars += e.timeText().length() + e.spoken().length() + e.details().length();
                }
            }
            long t4 = System.nanoTime();
            assertTrue(chars > 0);
            eventsRead.add((t1 - t0) / 1_000_000);
            planWith.add((t2 - t1) / 1_000_000);
            planWithout.add((t3 - t2) / 1_000_000);
            texts.add((t4 - t3) / 1_000_000);
        }
        lines.add(line("the week's events read alone (off the UI thread)", eventsRead));
        lines.add(line("the week's plan with its events alone (off the UI thread)", planWith));
        lines.add(line("the week's plan without events alone (off the UI thread)", planWithout));
        lines.add(line("the texts of the week's kept events (time, spoken, details) alone", texts));

        // Opening the week from the Inbox, the calendar on and off in turn (which goes first alternates too).
        robot.clickOn("#items");
        List<Long> openWith = new ArrayList<>();
        List<Long> openWithout = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            for (int j = 0; j < 2; j++) {
                boolean events = (i + j) % 2 == 0;
                device.events().enable(WORK, events);
                (events ? openWith : openWithout).add(measure(
                        () -> robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL),
                        () -> vm.view() instanceof Listing.Calendar && weekShown(cal.rangeProperty().get(), events)));
                robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
                settle(() -> vm.view().equals(Listing.inbox()) && vm.liveItems().isComplete(), Duration.ofSeconds(120));
            }
        }
        lines.add(line("open the week from the Inbox, " + EVENTS_PER_WEEK + " events in it, key to the first frame", openWith));
        lines.add(line("open the week from the Inbox, the calendar off, key to the first frame", openWithout));

        // Switching weeks: runs of Page Down then Page Up, the calendar on and off in turn.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        List<Long> switchWith = new ArrayList<>();
        List<Long> switchWithout = new ArrayList<>();
        for (int block = 0; block < BLOCKS; block++) {
            // Forward, back, forward, back (weeks 0 to 10 and back, twice), on, off, off, on.
            boolean forward = block % 2 == 0;
            boolean events = (block / 2) % 2 == 0 ? forward : !forward;
            device.events().enable(WORK, events);
            onFx(() -> {
                cal.eventsChanged();
                return null;
            });
            settle(() -> weekShown(cal.rangeProperty().get(), events), Duration.ofSeconds(60));
            if (block == 0) {
                lines.add("this week's plan keeps " + onFx(() -> cal.planProperty().get().days().stream()
                        .mapToInt(d -> d.events().size()).sum()) + " of its events as blocks and "
                        + onFx(() -> cal.planProperty().get().days().stream().mapToInt(d -> d.moreEvents().size()).sum())
                        + " \"+k more\" chips (a day draws at most " + CalendarPlan.MAX_ALL_DAY + " all day and "
                        + CalendarPlan.MAX_EVENT_BLOCKS + " timed, " + CalendarPlan.MAX_SIDE_BY_SIDE + " side by side)");
            }
            for (int i = 0; i < SWITCHES; i++) {
                LocalDate first = onFx(() -> cal.rangeProperty().get().first()).plusWeeks(forward ? 1 : -1);
                (events ? switchWith : switchWithout).add(measure(() -> robot.type(forward ? KeyCode.PAGE_DOWN : KeyCode.PAGE_UP),
                        () -> cal.rangeProperty().get().first().equals(first) && weekShown(cal.rangeProperty().get(), events)));
            }
        }
        lines.add(line("switch weeks (Page Down, Page Up), events in each week, key to the new week's grid", switchWith));
        lines.add(line("switch weeks, the calendar off, key to the new week's grid", switchWithout));

        // A feed of 10,000 events read again while this week is on screen: the frames meanwhile, against as long idle.
        robot.type(KeyCode.HOME);
        device.events().enable(WORK, true);
        Path feed = tmp.resolve("feed.ics");
        device.events().add(CalendarSubscription.of(FEED, feed.toString(), "#2e7d32", ""));
        FeedRefresh refresh = new FeedRefresh(device.events(), FeedLimits.DEFAULT, Clock.systemUTC(), System::nanoTime, a -> {
            throw new FeedException("no CalDAV here");
        });
        CalendarFeeds feeds = new CalendarFeeds(Executors.newSingleThreadScheduledExecutor(), FxExecutor.INSTANCE,
                () -> refresh.refresh(device.events().subscription(FEED).orElseThrow()), device.events()::subscriptions,
                () -> {
                    cal.eventsChanged();
                    vm.agenda().eventsChanged();
                });
        List<Long> refreshFrames = new ArrayList<>();
        List<Long> idleFrames = new ArrayList<>();
        List<Long> refreshTimes = new ArrayList<>();
        try {
            for (int i = 0; i < REFRESHES; i++) {
                String tag = "r" + i;
                writeFeed(feed, tag);
                settle(() -> cal.loadedProperty().get(), Duration.ofSeconds(60));
                frames.clear();
                recordFrames = true;
                long t0 = System.nanoTime();
                CompletableFuture.runAsync(feeds::refresh).get(120, TimeUnit.SECONDS);
                settle(() -> cal.loadedProperty().get() && feedShown(cal, tag), Duration.ofSeconds(60));
                long took = (System.nanoTime() - t0) / 1_000_000;
                recordFrames = false;
                refreshTimes.add(took);
                refreshFrames.addAll(frames);
                // As long on screen without a refresh: the frames the machine gives the window anyway.
                frames.clear();
                recordFrames = true;
                Thread.sleep(took);
                recordFrames = false;
                idleFrames.addAll(frames);
            }
        } finally {
            feeds.close();
        }
        lines.add(line("read a feed of " + FEED_EVENTS + " events again while the week is on screen, to its events shown",
                refreshTimes));
        lines.add(line("  meanwhile, the interval between frames on the FX thread", refreshFrames));
        lines.add("  frames over 50 ms: " + refreshFrames.stream().filter(f -> f > 50).count());
        lines.add(line("the same time on screen without a refresh, the interval between frames", idleFrames));
        lines.add("  frames over 50 ms: " + idleFrames.stream().filter(f -> f > 50).count());
        lines.add(String.format("load average at the end: %.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        String report = "todos=" + TODOS + ", " + EVENTS_PER_WEEK + " events a week\n" + String.join("\n", lines) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target/perf-calendar-events.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
