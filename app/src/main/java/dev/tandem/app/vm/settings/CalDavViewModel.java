package dev.tandem.app.vm.settings;

import dev.tandem.app.caldav.CalDavReport;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.caldav.CalDavSync;
import dev.tandem.app.caldav.CalDavWords;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Phone and CalDAV task lists": the account (address, user, password), "Test connection", which
 * lists to put on the server, "Connect" (saves the account and runs the first sync; once connected,
 * "Apply" connects the lists ticked since and disconnects the ones unticked, each on its own) and
 * "Disconnect" (forgets the account on this device). The network and the disk are reached off the FX thread:
 * a test through {@link Async}, everything that touches the saved state through the
 * {@link CalDavService}, which runs it between its background syncs.
 */
public final class CalDavViewModel implements HasFeedback {
    /** What the CalDAV server sees, and what it does not. */
    public static String privacy() {
        return Messages.text("settings.caldav.privacy");
    }

    /** Where the same account goes on a phone. */
    public static String help() {
        return Messages.text("settings.caldav.help");
    }

    /** Under the lists before an account is connected. */
    public static String listsHintNew() {
        return Messages.text("settings.caldav.listsHintNew");
    }

    /** Under the lists once connected: what unticking does, the other lists and the account staying as they are. */
    public static String listsHint() {
        return Messages.text("settings.caldav.listsHint");
    }

    /**
     * A list that may go on the server. {@code connected}: it is already; unticking it ({@code selected}
     * false) and pressing Apply disconnects it alone, and no sync takes its calendar in again.
     */
    public record ListChoice(String listId, String name, BooleanProperty selected, boolean connected) {
    }

    private final Feedback feedback = new Feedback();
    private final CalDavService service;
    private final TodoStore store;
    private final Async async;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObservableList<ListChoice> lists = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Consumer<CalDavService.Status> onStatus;

    public CalDavViewModel(CalDavService service, TodoStore store, Async async) {
        this.service = service;
        this.store = store;
        this.async = async;
        this.onStatus = s -> async.ui().execute(() -> status.set(words(s)));
        service.addListener(onStatus);
        status.set(words(service.status()));
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Empty while connected keeps the saved password. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The Inbox and every list, in the store's order, each with whether it goes on the server. */
    public ObservableList<ListChoice> lists() {
        return lists;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The background sync's last result, in a line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads the saved account and the lists. */
    public void load() {
        feedback.busy(true);
        async.run(() -> new Object[] {service.saved().join(), store.lists()}, r -> {
            CalDavService.Saved saved = (CalDavService.Saved) r[0];
            @SuppressWarnings("unchecked")
            List<TodoList> all = (List<TodoList>) r[1];
            connected.set(!saved.url().isEmpty());
            if (connected.get()) {
                url.set(saved.url());
                user.set(saved.user());
            }
            // Ticks not yet acted on survive a reload; those of lists that were connected do not.
            List<String> chosen = lists.stream().filter(c -> c.selected().get() && !c.connected())
                    .map(ListChoice::listId).toList();
            List<ListChoice> choices = new ArrayList<>();
            choices.add(choice("", CalDavSync.INBOX_NAME, saved.connectedListIds(), chosen));
            all.forEach(l -> choices.add(choice(l.id(), l.name(), saved.connectedListIds(), chosen)));
            lists.setAll(choices);
            // Idle only once the account and the lists are shown: whoever waits for the end reads them at once.
            feedback.busy(false);
        }, this::fail);
    }

    private static ListChoice choice(String id, String name, List<String> connectedIds, List<String> chosen) {
        boolean on = connectedIds.contains(id);
        return new ListChoice(id, name, new SimpleBooleanProperty(on || chosen.contains(id)), on);
    }

    /** Signs in and lists the task lists the account has; saves nothing. */
    public void testConnection() {
        WebDavSettings s = settings();
        if (s == null) {
            return;
        }
        start();
        async.run(() -> {
            try (CalDavAccount account = CalDavAccount.connect(s)) {
                return account.calendars().stream().filter(TaskCalendar::holdsTasks)
                        .map(c -> c.name().isBlank() ? c.href() : c.name()).toList();
            }
        }, names -> {
            // Said before it is no longer busy: whoever waits for the end reads the words at once.
            done(names.isEmpty() ? Messages.text("settings.caldav.signedInNoLists")
                    : Messages.text("settings.caldav.found", names.size(), String.join(", ", names)));
            feedback.busy(false);
        }, this::fail);
    }

    /**
     * Saves the account and syncs the ticked lists with it now; connected lists that were unticked
     * are disconnected first, on their own. Only unticking sends nothing to the server.
     */
    public void connect() {
        WebDavSettings s = settings();
        if (s == null) {
            return;
        }
        List<String> names = lists.stream().filter(c -> c.selected().get()).map(ListChoice::name).toList();
        List<String> drop = lists.stream().filter(c -> c.connected() && !c.selected().get()).map(ListChoice::listId)
                .toList();
        boolean adding = lists.stream().anyMatch(c -> !c.connected() && c.selected().get());
        start();
        if (connected.get() && !drop.isEmpty() && !adding) {
            then(service.disconnectLists(drop), off -> done(dropped(off).strip()));
            return;
        }
        List<String> off = new ArrayList<>();
        then(service.disconnectLists(drop).thenCompose(o -> {
            off.addAll(o);
            return service.connect(s.url(), s.user(), password.get(), names);
        }), (CalDavReport r) -> {
            password.set("");
            // What the sync did is the status line's ("Last sync: …"); saying it here too showed it twice.
            done(Messages.text("settings.caldav.connected")
                    + (r.notices().isEmpty() ? "" : " " + String.join(". ", r.notices()) + ".") + dropped(off));
        });
    }

    /** What disconnecting {@code names} did, after a space; "" for none. */
    private static String dropped(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        String which = names.stream().map(n -> Messages.text("settings.caldav.quoted", n))
                .collect(Collectors.joining(", "));
        return " " + Messages.text("settings.caldav.dropped", names.size(), which);
    }

    /** Forgets the account on this device; the lists stay here, and nothing changes on the server. */
    public void disconnect() {
        start();
        then(service.disconnect(), v -> {
            url.set("");
            user.set("");
            password.set("");
            done(Messages.text("settings.caldav.disconnected"));
        });
    }

    /** Stops following the service's status: the dialog closed. */
    public void close() {
        service.removeListener(onStatus);
    }

    /** The settings the fields make, or null after saying what is wrong with them. */
    private WebDavSettings settings() {
        if (feedback.isBusy()) {
            return null;
        }
        if (url.get().isBlank()) {
            fail(Messages.text("settings.caldav.enterUrl"));
            return null;
        }
        try {
            return new WebDavSettings(url.get(), user.get(), password.get());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage().replaceFirst("^\\w+: ", ""));
            return null;
        }
    }

    private void start() {
        feedback.busy(true);
        feedback.clear();
    }

    /** {@code onUi} with the future's result on the FX thread, then the lists read again; or the failure in words. */
    private <T> void then(CompletableFuture<T> f, Consumer<T> onUi) {
        f.whenComplete((r, e) -> async.ui().execute(() -> {
            if (e == null) {
                onUi.accept(r);
                load(); // still busy until the lists are read again: a sync can make lists from the server's
            } else {
                fail(e);
            }
        }));
    }

    private void done(String text) {
        feedback.say(text);
    }

    private void fail(Throwable e) {
        Throwable cause = e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e;
        feedback.failed(cause instanceof SyncException s ? CalDavWords.say(s) : Feedback.why(cause));
    }

    private void fail(String text) {
        feedback.fail(text);
    }

    static String words(CalDavService.Status s) {
        return switch (s.state()) {
            case OFF -> Messages.text("settings.caldav.status.off");
            case SYNCING -> Messages.text("settings.caldav.status.syncing");
            case SYNCED -> Messages.text("settings.caldav.status.synced", s.message());
            case FAILED -> Messages.text(s.retryHelps() ? "settings.caldav.status.failed"
                    : "settings.caldav.status.failedNoRetry", s.message(), s.hint());
        };
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}
