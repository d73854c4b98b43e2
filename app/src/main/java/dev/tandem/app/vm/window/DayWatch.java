package dev.tandem.app.vm.window;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The local date, kept current while the app stays open, so what depends on it (Today, Upcoming,
 * their counts, "due tomorrow") can be evaluated again when it changes.
 *
 * <p>A timer wakes at the next local midnight, but never sleeps more than {@link #MAX_WAIT}: the
 * timer's delay runs on a monotonic clock that stops while the machine sleeps and ignores the wall
 * clock being set, so after a resume or a jump the date is at most a minute late. A wake-up only
 * reads the clock; the UI hears of a change, on the UI executor, when the date really differs.
 */
public final class DayWatch implements AutoCloseable {
    /** The longest the timer sleeps in the app. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(1);
    /** Past midnight, so a timer that wakes a hair early by the wall clock finds the new date. */
    private static final Duration MARGIN = Duration.ofMillis(50);

    private final Clock clock;
    private final Executor ui;
    private final Duration maxWait;
    private final ReadOnlyObjectWrapper<LocalDate> today;
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean closed;

    /** {@code clock}'s zone decides where midnight is. */
    public DayWatch(Clock clock, Executor ui) {
        this(clock, ui, MAX_WAIT);
    }

    /** A shorter {@code maxWait} lets a test see the timer catch a clock jump, or a clock it moves past midnight. */
    DayWatch(Clock clock, Executor ui, Duration maxWait) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.maxWait = maxWait;
        this.today = new ReadOnlyObjectWrapper<>(LocalDate.now(clock));
    }

    /** The local date; changes on the UI executor only. */
    public ReadOnlyObjectProperty<LocalDate> todayProperty() {
        return today.getReadOnlyProperty();
    }

    public LocalDate today() {
        return today.get();
    }

    /** Starts the timer, with a check at once. Call once. */
    public synchronized void start() {
        if (timer != null || closed) {
            return;
        }
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tandem-day");
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.execute(this::tick);
    }

    private synchronized void tick() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        ui.execute(this::check);
        timer.schedule(this::tick, untilNextCheck(ZonedDateTime.now(clock), maxWait).toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the clock and moves {@link #todayProperty} if the date changed (either way: a clock set
     * back counts too). Call on the UI executor; cheap, so also fine when the window regains focus.
     */
    public void check() {
        if (closed) {
            return;
        }
        LocalDate now = LocalDate.now(clock);
        if (!now.equals(today.get())) {
            today.set(now);
        }
    }

    /** How long the timer sleeps from {@code now}: until just past the next midnight, at most {@code maxWait}. */
    static Duration untilNextCheck(ZonedDateTime now, Duration maxWait) {
        // atStartOfDay with the zone: where DST skips midnight, the day starts at the first valid time.
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
        Duration wait = Duration.between(now, midnight).plus(MARGIN);
        return wait.compareTo(maxWait) < 0 ? wait : maxWait;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
