package dev.tandem.app.agent;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.reminder.ReminderDue;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.engine.Subscription;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Rings reminders while no window is open: the heart of {@code tandem agent}.
 *
 * <p>Design. Everything runs on ONE thread ({@link #thread}), so the state below needs no locks. Nothing
 * polls the database: the pending-reminders query is subscribed, and the engine re-runs it after every
 * commit to the items, this process's, another process's on the same file (seen by the file watch), or
 * one that sync brought; each result re-decides and re-arms ONE timer for the soonest time ahead, on the
 * store's clock. A reminder rings only after {@link ReminderStore#claim} took it, in the transaction that
 * read it pending, so the window and this agent never both ring it. While a window is open on the
 * profile ({@link ProfileLock#WINDOW}) the agent rings nothing: it looks again at the next reminder time, or in a
 * minute while one is due (the window will have claimed it by then).
 *
 * <p>Bound: at most {@link #PER_MINUTE} notifications a minute with buttons; more due at once (a long
 * sync, an import) are claimed all the same and counted in ONE summary notification, replaced in place as
 * the count grows, so the desktop never shows more than {@code PER_MINUTE + 1} of ours a minute.
 * {@link #MAX_SHOWN} notifications are remembered for withdrawing and their buttons; older ones forgotten.
 */
public final class ReminderAgent implements AutoCloseable {
    public static final int PER_MINUTE = 10;
    static final int MAX_SHOWN = 100;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger("tandem");

    /** A notification on screen, and the reminder it is for. */
    private record Shown(String id, long at) {
    }

    private final TodoStore store;
    private final ReminderStore reminders;
    private final Notifier notifier;
    private final BooleanSupplier windowOpen;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final ReminderDue due = new ReminderDue();
    private final Map<Long, Shown> shown = new LinkedHashMap<>();
    /** When the last notifications with buttons went out, for {@link #PER_MINUTE}. */
    private final Deque<Long> recent = new ArrayDeque<>();
    private List<Item> pending = List.of();
    private ScheduledFuture<?> timer;
    /** When the timer goes off (null: not armed), for tests and the docs' figures. */
    private volatile Long armedAt;
    private Subscription subscription;
    /** The summary notification on screen (0: none) and how many reminders it counts. */
    private long summaryId;
    private long summed;
    /** The last notification failed to show: further failures are not warned about again. */
    private boolean showFailing;

    public ReminderAgent(TodoStore store, Notifier notifier, BooleanSupplier windowOpen) {
        this.store = store;
        this.reminders = new ReminderStore(store);
        this.notifier = notifier;
        this.windowOpen = windowOpen;
        this.clock = store.clock();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-agent");
            t.setDaemon(true);
            return t;
        });
    }

    /** Subscribes and rings what is due, missed ones included (set ahead of their time, due while off). */
    public void start() {
        notifier.listen(new Notifier.Listener() {
            @Override
            public void action(long id, String key) {
                onSignal(() -> act(id, key));
            }

            @Override
            public void closed(long id) {
                onSignal(() -> forget(id));
            }
        });
        thread.execute(() -> subscription = reminders.subscribePending(this::onPending, thread));
    }

    /**
     * Runs a signal from the desktop on the agent's thread. The notifier's thread may deliver one while the agent
     * closes (a notification closed as the session ends): with the agent stopped there is nothing left to act on.
     */
    private void onSignal(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            if (!thread.isShutdown()) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "a notification signal after the agent stopped, not acted on");
        }
    }

    /** Decides again now: after a test moved the clock, or when the system clock jumped. */
    public void wake() {
        thread.execute(this::decide);
    }

    private void onPending(List<Item> now) {
        pending = now;
        try {
            withdrawStale();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notifications not checked", e);
        }
        decide();
    }

    /** Rings what is due and re-arms; a failure (the database busy past its timeout) tries again in a minute. */
    private void decide() {
        try {
            ring();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reminders not rung, trying again in a minute", e);
            arm(clock.millis() + MINUTE.toMillis());
        }
    }

    private void ring() {
        long now = clock.millis();
        if (windowOpen.getAsBoolean()) {
            boolean dueNow = pending.stream().anyMatch(it -> it.reminderPending() && it.remindAt() <= now);
            arm(dueNow ? Long.valueOf(now + MINUTE.toMillis()) : ReminderDue.nextAfter(pending, now));
            return;
        }
        ReminderDue.Due d = due.check(pending, now);
        try {
            claimAndShow(d, now);
        } catch (RuntimeException e) {
            // Not rung: handed out again when decide tries again.
            due.giveBack(d.ring());
            due.giveBack(d.unseen());
            throw e;
        }
        arm(ReminderDue.nextAfter(pending, now));
    }

    private void claimAndShow(ReminderDue.Due d, long now) {
        List<ReminderStore.Ring> ring = new ArrayList<>();
        d.ring().forEach(it -> ring.add(new ReminderStore.Ring(it.id(), it.remindAt())));
        for (Item it : d.unseen()) {
            if (ReminderDue.ringsWhenUnseen(reminders.setAt(it.id(), it.remindAt()), it.remindAt())) {
                ring.add(new ReminderStore.Ring(it.id(), it.remindAt()));
            } else {
                // Set when its time had passed ("remind 9am" typed at noon): never rings, as in the window.
                reminders.dismiss(it.id(), it.remindAt());
            }
        }
        if (!ring.isEmpty()) {
            Map<String, Item> byId = new HashMap<>();
            pending.forEach(it -> byId.put(it.id(), it));
            show(reminders.claim(ring), byId, now);
        }
    }

    /** Shows what this process claimed, within {@link #PER_MINUTE}; the rest in the one summary. */
    private void show(List<ReminderStore.Ring> claimed, Map<String, Item> byId, long now) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - MINUTE.toMillis()) {
            recent.removeFirst();
        }
        int more = 0;
        for (ReminderStore.Ring r : claimed) {
            if (recent.size() >= PER_MINUTE) {
                more++;
                continue;
            }
            Item it = byId.get(r.id());
            String title = it == null ? "" : it.titleOrEmpty();
            // The zone where "today" is (the store's date clock), not the UTC a command line's clock may run on.
            String when = Formats.dayTime(
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(r.at()), store.dateClock().getZone()));
            long id = notify(new Notifier.Notice(NoticeText.line(title, NoticeText.MAX_SUMMARY),
                    when, true), 0);
            recent.addLast(now);
            if (id != 0) {
                shown.put(id, new Shown(r.id(), r.at()));
                if (shown.size() > MAX_SHOWN) {
                    shown.remove(shown.keySet().iterator().next());
                }
            }
        }
        if (more > 0) {
            summed += more;
            summaryId = notify(new Notifier.Notice(Messages.text("notify.reminder.title"),
                    Messages.text("notify.reminder.more", summed), false), summaryId);
        }
    }

    /**
     * A notification server that fails is logged, not fatal. The reminder was claimed (dismissed) all the
     * same: a failing server must not make it ring again and again; the todo and its time stay. The first
     * failure after a success is a warning; the ones after it, until one is shown again, only debug lines,
     * so a desktop without a working notifier does not fill the log.
     */
    private long notify(Notifier.Notice n, long replaces) {
        try {
            long id = notifier.show(n, replaces);
            showFailing = false;
            return id;
        } catch (RuntimeException e) {
            System.Logger.Level level = showFailing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
            LOG.log(level, "notification not shown; the next failures are logged at DEBUG until one is shown", e);
            showFailing = true;
            return 0;
        }
    }

    /** Takes down notifications whose todo was completed, trashed, deleted or given a new time (here or by sync). */
    private void withdrawStale() {
        List<Long> stale = new ArrayList<>();
        shown.forEach((nid, s) -> {
            boolean still = store.get(s.id()).map(it -> !it.isDone() && !it.isTrashed() && it.remindAt() != null
                    && it.remindAt() == s.at()).orElse(false);
            if (!still) {
                stale.add(nid);
            }
        });
        for (Long nid : stale) {
            shown.remove(nid);
            try {
                notifier.withdraw(nid);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "notification not withdrawn", e);
            }
        }
    }

    private void act(long nid, String key) {
        Shown s = shown.remove(nid);
        if (s == null) {
            return;
        }
        if (Notifier.DONE.equals(key)) {
            store.verbs().complete(s.id(), false);
        } else if (Notifier.SNOOZE.equals(key)) {
            store.verbs().snooze(s.id());
        }
    }

    private void forget(long nid) {
        shown.remove(nid);
        if (nid == summaryId) {
            summaryId = 0;
            summed = 0;
        }
    }

    /** One timer, for the soonest time ahead (null: none; a commit will re-decide). */
    private void arm(Long at) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        armedAt = at;
        if (at != null) {
            timer = thread.schedule(this::decide, Math.max(0, at - clock.millis()), TimeUnit.MILLISECONDS);
        }
    }

    /** The time the agent sleeps until (null: nothing ahead; a commit wakes it). */
    Long nextAt() {
        return armedAt;
    }

    /** Waits until the work queued on the agent's thread before this call has run; true then. */
    boolean idle() {
        try {
            thread.submit(() -> { }).get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            thread.submit(() -> {
                if (subscription != null) {
                    subscription.close();
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "agent did not stop in time", e);
        }
        thread.shutdownNow();
    }
}
