package dev.tandem.app.caldav;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.Listeners;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps the connected CalDAV task lists in sync while the app runs: at start, a couple of seconds
 * after local edits, and, while a window is focused, whenever the one-request check
 * ({@link CalDavSync#changedOnServer}) says a phone changed something. Unfocused, it sends nothing
 * but the syncs local edits need: a CalDAV server is often a small home server or a paid one.
 *
 * <p>Everything (the account, the {@link CalDavState}, every sync) lives on one thread ({@link OneThread}),
 * so there is at most one sync at a time, "Connect" and "Disconnect" never race a background sync,
 * and no caller waits on the network. Listeners get a {@link Status} on that thread.
 */
public final class CalDavService implements AutoCloseable {
    /** The password's key in {@code secrets.properties}; the address and user are in the CalDAV state. */
    public static final String PASSWORD_KEY = "caldav.password";
    private static final System.Logger LOG = System.getLogger("tandem.caldav");
    /** One small request per check while someone looks; a phone's change shows within seconds. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** Long enough for a burst of edits to go in one sync. */
    static final Duration AFTER_EDIT = Duration.ofSeconds(2);

    /** What the last sync did, or why it failed; {@code retryHelps}: whether waiting can fix a failure. */
    public record Status(State state, String message, String hint, boolean retryHelps, Instant at) {
        public enum State { OFF, SYNCING, SYNCED, FAILED }

        static Status off() {
            return new Status(State.OFF, Messages.text("common.caldav.notConnected"), "", false, Instant.now());
        }
    }

    /** The saved account as the dialog shows it: no password, and which lists ("" the Inbox) are connected. */
    public record Saved(String url, String user, List<String> connectedListIds) {
    }

    private final TodoStore store;
    private final SettingsStore settings;
    private final ZoneId zone;
    /** Its writes to the store are this service's own merges, which need no sync. */
    private final OneThread worker = new OneThread("tandem-caldav");
    private final Listeners<Status> listeners = new Listeners<>(LOG, "CalDAV status listener failed");
    private final AtomicBoolean editQueued = new AtomicBoolean();
    private final AutoCloseable localWrites;
    private final Duration checkEvery;
    private final Duration afterEdit;
    private volatile CalDavAccount account;
    private volatile Status status = Status.off();

    // Scheduler-thread state.
    private CalDavState state;
    private boolean focused = true;
    /** A sync failed or edits wait: the next timer syncs in full instead of asking whether the server changed. */
    private boolean dirty;
    private ScheduledFuture<?> nextCheck;
    private ScheduledFuture<?> nextSync;

    /**
     * {@code localWrites} registers a callback for local edits and returns what unregisters it (the
     * app passes the database's commit listener); {@link #localWrite} does the same by hand.
     */
    public CalDavService(TodoStore store, SettingsStore settings, ZoneId zone,
                         Function<Runnable, ? extends AutoCloseable> localWrites) {
        this(store, settings, zone, localWrites, CHECK_EVERY, AFTER_EDIT);
    }

    /**
     * As above, checking every {@code checkEvery} while focused ({@link #CHECK_EVERY} in the app) and
     * syncing {@code afterEdit} after a local edit ({@link #AFTER_EDIT}): the tests' pace is shorter.
     */
    CalDavService(TodoStore store, SettingsStore settings, ZoneId zone,
                  Function<Runnable, ? extends AutoCloseable> localWrites, Duration checkEvery, Duration afterEdit) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
        this.afterEdit = Objects.requireNonNull(afterEdit, "afterEdit");
        this.localWrites = localWrites.apply(this::localWrite);
    }

    /** Opens the state, reads the saved account and, if there is one, syncs at once; once. */
    public void start() {
        submit(() -> {
            if (state != null) {
                return;
            }
            state = CalDavState.open(store.replica().file());
            String url = state.setting("url").orElse("");
            if (url.isEmpty()) {
                publish(Status.off());
                return;
            }
            try {
                account = CalDavAccount.connect(new WebDavSettings(url, state.setting("user").orElse(""),
                        readPassword(settings)));
            } catch (IllegalArgumentException e) {
                publish(new Status(Status.State.FAILED,
                        Messages.text("common.caldav.savedUnusable", String.valueOf(e.getMessage())),
                        Messages.text("common.caldav.connectAgain"), false, Instant.now()));
                return;
            }
            runSync();
        });
    }

    public Status status() {
        return status;
    }

    /** Called on the service's thread after every change of {@link #status()}. */
    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    /** Whether someone is looking at a window: the server is asked every few seconds then, and not otherwise. */
    public void setFocused(boolean isFocused) {
        submit(() -> {
            boolean gained = isFocused && !focused;
            focused = isFocused;
            if (gained) {
                check();
            } else {
                scheduleCheck();
            }
        });
    }

    /** A local edit was committed: sync a couple of seconds later (one sync for a burst of edits). */
    public void localWrite() {
        if (worker.isCurrent() || !editQueued.compareAndSet(false, true)) {
            return;
        }
        submit(() -> {
            editQueued.set(false);
            if (account != null) {
                dirty = true;
                scheduleSync(afterEdit);
            }
        });
    }

    /** The saved account, read on the service's thread. */
    public CompletableFuture<Saved> saved() {
        return call(() -> new Saved(state.setting("url").orElse(""), state.setting("user").orElse(""),
                state.links().stream().map(CalDavState.Link::listId).toList()));
    }

    /**
     * Connects the account (or the same one again with more lists) and syncs {@code lists} (names;
     * "Inbox" for the Inbox) with it at once. Saved only when that sync works: a mistyped password
     * leaves nothing behind. An empty {@code password} for the saved account keeps the saved one.
     */
    public CompletableFuture<CalDavReport> connect(String url, String user, String password, Collection<String> lists) {
        List<String> names = List.copyOf(lists);
        return call(() -> {
            String savedUrl = state.setting("url").orElse("");
            WebDavSettings typed = new WebDavSettings(url, user, password);
            // Compared as sent: the saved account's address typed with spaces still finds its password.
            boolean same = !savedUrl.isEmpty() && WebDavSettings.encodeUrl(savedUrl).equals(typed.url());
            WebDavSettings s = password.isEmpty() && same ? new WebDavSettings(url, user, readPassword(settings)) : typed;
            if (!savedUrl.isEmpty() && !same) {
                throw new IllegalArgumentException(Messages.text("common.caldav.otherServer", savedUrl));
            }
            CalDavAccount fresh = CalDavAccount.connect(s);
            CalDavReport report;
            try {
                report = CalDavSync.run(store, fresh, state, names, zone);
            } catch (RuntimeException e) {
                fresh.close();
                if (savedUrl.isEmpty()) {
                    forgetAll(); // the lists the failed sync connected, so a retry starts clean
                }
                throw e;
            }
            use(fresh);
            state.setting("url", s.url());
            state.setting("user", s.user());
            writePassword(settings, s.password());
            synced(report);
            scheduleCheck();
            return report;
        });
    }

    /**
     * Disconnects the lists {@code listIds} ("" the Inbox) on this device, the account and the other
     * lists staying connected: they stay here with their todos, their calendars stay on the server as
     * they are, and no sync takes those calendars in again until the list is connected again
     * ({@link #connect} naming it), which resumes where it stopped. No request is sent. Returns the
     * names of the lists that were connected.
     */
    public CompletableFuture<List<String>> disconnectLists(Collection<String> listIds) {
        List<String> ids = List.copyOf(listIds);
        return call(() -> {
            List<String> names = new ArrayList<>();
            for (CalDavState.Link l : state.links()) {
                if (ids.contains(l.listId())) {
                    state.turnOff(l.listId());
                    names.add(l.listId().isEmpty() ? CalDavSync.INBOX_NAME : l.name());
                }
            }
            return names;
        });
    }

    /** Forgets the account on this device: the lists stay here, and nothing on the server changes. */
    public CompletableFuture<Void> disconnect() {
        return call(() -> {
            cancel();
            use(null);
            forgetAll();
            writePassword(settings, "");
            dirty = false;
            publish(Status.off());
            return null;
        });
    }

    /** Requests the current account sent so far (0 with none): for tests and cost measurements. */
    public long requestsSent() {
        CalDavAccount a = account;
        return a == null ? 0 : a.requestsSent();
    }

    private void check() {
        if (account == null || worker.closed()) {
            return;
        }
        if (dirty) {
            runSync();
            return;
        }
        try {
            if (CalDavSync.changedOnServer(account, state)) {
                runSync();
                return;
            }
        } catch (RuntimeException e) {
            failed(e);
        }
        scheduleCheck();
    }

    private void runSync() {
        if (nextSync != null) {
            nextSync.cancel(false);
            nextSync = null;
        }
        if (account == null || worker.closed()) {
            return;
        }
        publish(new Status(Status.State.SYNCING, Messages.text("common.caldav.syncing"), "", false, Instant.now()));
        try {
            synced(CalDavSync.run(store, account, state, List.of(), zone));
        } catch (RuntimeException e) {
            failed(e);
        }
        scheduleCheck();
    }

    private void synced(CalDavReport report) {
        dirty = false;
        state.setting("synced", Instant.ofEpochMilli(store.clock().millis()).toString());
        report.notices().forEach(n -> LOG.log(System.Logger.Level.INFO, n));
        String notices = report.notices().isEmpty() ? "" : " " + String.join(". ", report.notices()) + ".";
        publish(new Status(Status.State.SYNCED, report.summary() + notices, "", false, Instant.now()));
    }

    private void failed(RuntimeException e) {
        dirty = true;
        boolean retry = !(e instanceof SyncException se) || se.retryable();
        // In the user's language; the engine's English, naming the request and the answer, goes to the log.
        LOG.log(System.Logger.Level.WARNING, "CalDAV sync failed: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
        publish(new Status(Status.State.FAILED, CalDavWords.message(e), CalDavWords.hint(e), retry, Instant.now()));
    }

    /** The next check, while focused and while a retry can help; none otherwise. */
    private void scheduleCheck() {
        if (nextCheck != null) {
            nextCheck.cancel(false);
            nextCheck = null;
        }
        boolean hopeless = status.state() == Status.State.FAILED && !status.retryHelps();
        if (focused && account != null && !hopeless) {
            nextCheck = later(this::check, checkEvery);
        }
    }

    private void scheduleSync(Duration delay) {
        // A sync already due keeps its time: edits made meanwhile go with it.
        if (nextSync == null || nextSync.isDone()) {
            nextSync = later(this::runSync, delay);
        }
    }

    private ScheduledFuture<?> later(Runnable work, Duration delay) {
        return worker.later(work, delay);
    }

    private void cancel() {
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {nextCheck, nextSync}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        nextCheck = null;
        nextSync = null;
    }

    /** Syncs with {@code next} (null: none) from now on, closing the account used so far. */
    private void use(CalDavAccount next) {
        CalDavAccount old = account;
        account = next;
        if (old != null && old != next) {
            old.close();
        }
    }

    private void forgetAll() {
        for (CalDavState.Link l : Stream.concat(state.links().stream(), state.offLinks().stream())
                .toList()) {
            state.setting(ListSync.VERSION + l.href(), null);
            state.forget(l.listId());
        }
        for (String key : List.of("url", "user", "synced")) {
            state.setting(key, null);
        }
    }

    private void publish(Status s) {
        status = s;
        listeners.tell(s);
    }

    private void submit(Runnable r) {
        worker.submit(r);
    }

    private <T> CompletableFuture<T> call(Callable<T> work) {
        return worker.call(() -> {
            if (state == null) {
                throw new IllegalStateException("The CalDAV service was not started");
            }
            return work.call();
        });
    }

    /** The saved password, "" when none. */
    static String readPassword(SettingsStore settings) {
        return settings.secret(PASSWORD_KEY);
    }

    /** Saves (or with "" removes) the password with the other secrets, which stay as they are. */
    static void writePassword(SettingsStore settings, String password) {
        settings.putSecret(PASSWORD_KEY, password);
    }

    /** Stops the timers and waits for a running sync to end. */
    @Override
    public void close() {
        try {
            localWrites.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot stop listening for local edits", e);
        }
        worker.close(() -> {
            cancel();
            use(null);
            if (state != null) {
                state.close();
            }
        });
    }
}
