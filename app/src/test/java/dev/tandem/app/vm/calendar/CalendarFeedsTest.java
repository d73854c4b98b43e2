package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's hourly refresh of subscribed calendars, on a real store and a real .ics file, without a toolkit. */
@Tag("unit")
class CalendarFeedsTest {
    @TempDir
    Path dir;

    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:s1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261125T090000Z\r\nDTEND:20261125T100000Z\r\n"
            + "SUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void refresh_unreadableCalendar_saysWhyUntilAGoodRead_viewsToldEachRound() throws Exception {
        TestClock clock = new TestClock(ZoneOffset.UTC);
        clock.set(Instant.parse("2026-11-25T08:00:00Z"));
        Path file = dir.resolve("work.ics");
        Files.writeString(file, ICS, StandardCharsets.UTF_8);
        try (EventStore store = EventStore.open(Optional.empty())) {
            store.add(CalendarSubscription.of("Work", file.toString(), "#1f4e9c", ""));
            FeedRefresh refresh = new FeedRefresh(store, FeedLimits.DEFAULT, clock, System::nanoTime, a -> null);
            AtomicInteger changed = new AtomicInteger();
            CalendarFeeds feeds = new CalendarFeeds(Executors.newSingleThreadScheduledExecutor(), Runnable::run,
                    refresh::refreshDue, store::subscriptions, changed::incrementAndGet);
            SubscribedEvents events = new SubscribedEvents(store, () -> ZoneOffset.UTC);
            LocalDate wed = LocalDate.of(2026, 11, 25);

            feeds.refresh();
            assertEquals("", feeds.problemProperty().get());
            assertEquals(1, changed.get());
            assertEquals(List.of("Standup"), events.between(wed, wed).stream().map(EventEntry::title).toList());

            Files.delete(file);
            feeds.refresh();
            assertEquals("", feeds.problemProperty().get(), "tried within the hour: not read again");
            clock.advance(Duration.ofMinutes(61));
            feeds.refresh();
            String problem = feeds.problemProperty().get();
            assertTrue(problem.startsWith("Could not read the calendar Work: "), problem);
            assertEquals(3, changed.get());
            assertEquals(List.of("Standup"), events.between(wed, wed).stream().map(EventEntry::title).toList(),
                    "the last copy stays");

            Files.writeString(file, ICS, StandardCharsets.UTF_8);
            clock.advance(Duration.ofMinutes(61));
            feeds.refresh();
            assertEquals("", feeds.problemProperty().get(), "a good read clears the reason");
            feeds.close();
        }
    }

    @Test
    void refresh_roundFails_saidAndTheViewsStillTold() {
        AtomicInteger changed = new AtomicInteger();
        CalendarFeeds feeds = new CalendarFeeds(Executors.newSingleThreadScheduledExecutor(), Runnable::run, () -> {
            throw new IllegalStateException("database is locked");
        }, List::of, changed::incrementAndGet);

        feeds.refresh();

        assertEquals("Could not read the calendars: database is locked", feeds.problemProperty().get());
        assertEquals(1, changed.get());
        feeds.close();
    }

    @Test
    void start_firstRoundAtOnce_onTheTimersThreadNotTheCallers() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> on = new AtomicReference<>();
        CalendarFeeds feeds = new CalendarFeeds(Executors.newSingleThreadScheduledExecutor(), Runnable::run, () -> {
            on.set(Thread.currentThread());
            ran.countDown();
        }, List::of, () -> { });

        feeds.start(60);

        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertNotEquals(Thread.currentThread(), on.get());
        feeds.close();
    }
}
