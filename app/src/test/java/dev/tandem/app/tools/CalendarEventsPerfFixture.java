package dev.tandem.app.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How CalendarEventsPerfTest measures: the profile seeded with todos and a subscribed calendar's
 * events, the window opened on it with its frames recorded, a feed written and read again, and the
 * time from a key to the week it shows.
 */
abstract class CalendarEventsPerfFixture {
    static final int TODOS = Integer.getInteger("tandem.scale.todos", 100_000);
    static final int EVENTS_PER_WEEK = 1_000;
    /** Weeks from this one on that hold events (the switches go through them and back). */
    static final int WEEKS = 12;
    static final int ROUNDS = 15;
    /** Switches in a row with the calendar on or off; {@value #BLOCKS} such runs, alternating. */
    static final int SWITCHES = 10;
    static final int BLOCKS = 4;
    static final int FEED_EVENTS = 10_000;
    static final int REFRESHES = 6;
    static final String WORK = "Work";
    static final String FEED = "Feed";

    @TempDir
    static Path tmp;

    Stage stage;
    Device device;
    MainView view;
    final AtomicLong keyAt = new AtomicLong();
    volatile BooleanSupplier awaited;
    volatile CompletableFuture<Long> reached;
    volatile boolean recordFrames;
    final List<Long> frames = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void seed() throws Exception {
        Path dir = tmp.resolve("calendar-events");
        CalendarPerfTest.seed(dir, TODOS);
        LocalDate today = LocalDate.now();
        List<CalendarEvent> events = new ArrayList<>();
        int perDay = EVENTS_PER_WEEK / 7 + 1;
        // From a week before this one to a week after the last, whichever day the week starts on.
        for (int d = -7; d < 7 * (WEEKS + 1); d++) {
            LocalDate day = today.plusDays(d);
            events.add(event(day + "-all", day.atStartOfDay(), day.plusDays(1).atStartOfDay(), true));
            for (int k = 1; k < perDay; k++) {
                LocalDateTime start = day.atTime(7 + (k * 37) % 13, 15 * (k % 4));
                events.add(event(day + "-" + k, start, start.plusMinutes(k % 3 == 0 ? 60 : 30), false));
            }
        }
        try (EventStore store = EventStore.open(Optional.of(dir.resolve(Device.DB_FILE)))) {
            store.add(CalendarSubscription.of(WORK, dir.resolve("none.ics").toString(), "#1f4e9c", ""));
            store.replace(WORK, events, "", java.time.Instant.now());
        }
    }

    /** A floating event: its times are the wall clock's wherever it is shown. */
    static CalendarEvent event(String uid, LocalDateTime start, LocalDateTime end, boolean allDay) {
        return new CalendarEvent(WORK, uid, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                end.toInstant(ZoneOffset.UTC).toEpochMilli(), true, allDay, "Meeting " + uid, "Room 4");
    }

    /** The window's stage; TestFX calls the test class's own {@code @Start}, which hands it here. */
    void start(Stage stage) {
        this.stage = stage;
    }

    void open(String name) throws Exception {
        device = Device.open("Calendar events scale", tmp.resolve(name), FxExecutor.INSTANCE, null, Duration.ofMillis(500));
        WaitForAsyncUtils.asyncFx(() -> {
            view = MainWindow.create(device, Theme.LIGHT, null);
            Scene scene = new Scene(view, 1100, 720);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (!e.getCode().isModifierKey()) {
                    keyAt.set(System.nanoTime());
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                BooleanSupplier condition = awaited;
                if (condition != null && condition.getAsBoolean()) {
                    awaited = null;
                    reached.complete(System.nanoTime());
                }
            });
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (recordFrames && last != 0) {
                        frames.add((now - last) / 1_000_000);
                    }
                    last = now;
                }
            }.start();
            stage.setScene(scene);
            stage.show();
            view.start();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        }
        if (device != null) {
            device.close();
        }
    }

    /** A feed of {@value #FEED_EVENTS} events over the days a refresh keeps, each title tagged with this round. */
    static void writeFeed(Path file, String tag) throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        LocalDate first = LocalDate.now().minusDays(20);
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//perf//EN\r\n");
        for (int i = 0; i < FEED_EVENTS; i++) {
            LocalDateTime start = first.plusDays(i % 400).atTime(8 + i % 10, 15 * (i % 4));
            b.append("BEGIN:VEVENT\r\nUID:feed-").append(i).append("\r\nSUMMARY:Feed ").append(tag).append(' ').append(i)
                    .append("\r\nDTSTART:").append(f.format(start)).append("\r\nDTEND:").append(f.format(start.plusMinutes(45)))
                    .append("\r\nEND:VEVENT\r\n");
        }
        b.append("END:VCALENDAR\r\n");
        Files.writeString(file, b.toString());
    }

    /** The week shown has this round's feed events in its plan, drawn or in a "+k more" chip. */
    static boolean feedShown(CalendarViewModel cal, String tag) {
        return cal.planProperty().get().days().stream().flatMap(d -> java.util.stream.Stream.concat(d.events().stream(),
                d.moreEvents().stream().flatMap(m -> m.hidden().stream())))
                .anyMatch(e -> e.title().startsWith("Feed " + tag + " "));
    }

    /**
     * The week's grid is on screen, laid out, with the range's todos, and with its events when the calendar is on
     * (none when it is off).
     */
    boolean weekShown(CalendarRange r, boolean events) {
        CalendarViewModel cal = view.viewModel().calendar();
        if (!cal.loadedProperty().get() || !cal.planProperty().get().range().equals(r)) {
            return false;
        }
        boolean hasEvents = cal.planProperty().get().days().stream().anyMatch(d -> !d.eventBlocks().isEmpty());
        if (hasEvents != events) {
            return false;
        }
        Node grid = view.lookup("#calendar-week");
        if (grid == null || !grid.isVisible() || grid.getScene() == null) {
            return false;
        }
        boolean todo = false;
        boolean event = !events;
        for (Node n : grid.lookupAll(".calendar-block")) {
            todo |= n.isVisible() && n.getUserData() instanceof CalendarEntry e && r.contains(e.date())
                    && n.getLayoutBounds().getWidth() > 0;
        }
        for (Node n : grid.lookupAll(".calendar-event")) {
            event |= n.isVisible() && n.getUserData() instanceof EventEntry e && r.contains(e.date())
                    && n.getLayoutBounds().getWidth() > 0;
        }
        return todo && event;
    }

    long measure(Runnable action, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
        }).get(5, TimeUnit.SECONDS);
        keyAt.set(0);
        action.run();
        long end = done.get(60, TimeUnit.SECONDS);
        long start = keyAt.get();
        assertTrue(start != 0 && end >= start, "the key reached the window before the result");
        return (end - start) / 1_000_000;
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }
}
