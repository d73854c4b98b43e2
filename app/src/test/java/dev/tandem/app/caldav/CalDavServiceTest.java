package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background CalDAV sync against Radicale, at a test-sized pace: a check every {@link #CHECK} while
 * focused (5 s in the app) and a sync {@link #AFTER_EDIT} after a local edit (2 s in the app).
 */
@Tag("server")
class CalDavServiceTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Duration CHECK = Duration.ofMillis(200);
    private static final Duration AFTER_EDIT = Duration.ofMillis(100);

    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private TodoStore store() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("laptop"));
        return keep(new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZONE));
    }

    /** A service hearing of the store's commits, as the app wires it, at the test's pace. */
    private CalDavService service(TodoStore store) {
        return keep(new CalDavService(store, new SettingsStore(tmp.resolve("laptop")), ZONE,
                r -> store.replica().onCommit(events -> r.run()), CHECK, AFTER_EDIT));
    }

    private static boolean has(TodoStore store, String title) {
        return store.allItems().stream().anyMatch(i -> title.equals(i.title()) && !i.isTrashed());
    }

    @Test
    void check_taskAddedOnServerWhileFocused_appearsWithinSeconds() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        store.createList("Groceries");
        CalDavService service = service(store);
        service.start();
        service.setFocused(true);
        CalDavReport first = service.connect(server.url(), server.user(), CalDavServer.PASSWORD,
                List.of("Groceries")).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("Groceries"), first.lists(), first.summary());
        try (Phone phone = new Phone(server)) {
            phone.add(phone.calendar("Groceries"), "phone-1", "Bread", "");
        }
        Await.until("the phone's task in the store", Duration.ofSeconds(15), () -> has(store, "Bread"));
        // The task is committed while that sync is still running (its second round, and the sync its
        // own commit starts): the status settles on SYNCED once they end, never on a failure.
        Await.until("the status to settle on SYNCED", Duration.ofSeconds(15), service::status,
                s -> s.state() == CalDavService.Status.State.SYNCED);
    }

    @Test
    void check_notFocused_sendsNoRequestBeyondTheFirstSyncUntilFocused() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        store.createList("Groceries");
        try (CalDavService first = new CalDavService(store, new SettingsStore(tmp.resolve("laptop")), ZONE,
                r -> () -> { })) {
            first.start();
            first.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                    .get(30, TimeUnit.SECONDS);
        }
        CalDavService service = service(store);
        service.setFocused(false);
        service.start(); // the saved account: address and user in the state, password in the secrets
        Await.until("the first sync", Duration.ofSeconds(30), service::status,
                s -> s.state() == CalDavService.Status.State.SYNCED);
        long afterFirstSync = service.requestsSent();
        try (Phone phone = new Phone(server)) {
            phone.add(phone.calendar("Groceries"), "phone-2", "Butter", "");
        }
        Await.quietFor(CHECK.multipliedBy(5), "five check intervals pass without a request");
        assertEquals(afterFirstSync, service.requestsSent(), "no request while no window is focused");
        assertFalse(has(store, "Butter"));

        service.setFocused(true);
        Await.until("the phone's task once focused", Duration.ofSeconds(10), () -> has(store, "Butter"));
    }

    @Test
    void localWrite_todoAddedHere_isOnTheServerWithinSeconds() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        var list = store.createList("Groceries");
        CalDavService service = service(store);
        service.setFocused(false); // so that only the edit can start the sync
        service.start();
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                .get(30, TimeUnit.SECONDS);
        store.add("Milk", list.id(), null);
        try (Phone phone = new Phone(server)) {
            Await.until("the todo on the server", Duration.ofSeconds(15), () -> phone.tasks(phone.calendar("Groceries")).stream()
                    .anyMatch(o -> o.ics().contains("SUMMARY:Milk")));
        }
    }

    @Test
    void connect_wrongPassword_failsWithAuthAndSavesNothing() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        store.createList("Groceries");
        CalDavService service = service(store);
        service.start();
        CompletionException e = assertThrows(CompletionException.class, () -> service.connect(server.url(),
                server.user(), "wrong", List.of("Groceries")).join());
        SyncException cause = assertInstanceOf(SyncException.class, e.getCause());
        assertEquals(SyncException.Reason.AUTH, cause.reason());
        assertFalse(cause.retryable());
        CalDavService.Saved saved = service.saved().get(10, TimeUnit.SECONDS);
        assertEquals("", saved.url());
        assertEquals(List.of(), saved.connectedListIds());
        assertEquals("", CalDavService.readPassword(new SettingsStore(tmp.resolve("laptop"))));
    }

    @Test
    void disconnect_connectedAccount_forgetsItHereAndLeavesTheServerAlone() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        Item milk = store.add("Milk", store.createList("Groceries").id(), null);
        SettingsStore settings = new SettingsStore(tmp.resolve("laptop"));
        settings.put("ui.theme", "dark");
        CalDavService service = service(store);
        service.start();
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                .get(30, TimeUnit.SECONDS);
        assertEquals(CalDavServer.PASSWORD, CalDavService.readPassword(settings));
        CalDavService.Saved before = service.saved().get(10, TimeUnit.SECONDS);
        assertEquals(server.url(), before.url());
        assertEquals(List.of(milk.listId()), before.connectedListIds());

        service.disconnect().get(10, TimeUnit.SECONDS);
        CalDavService.Saved after = service.saved().get(10, TimeUnit.SECONDS);
        assertEquals(new CalDavService.Saved("", "", List.of()), after);
        assertEquals("", CalDavService.readPassword(settings));
        assertEquals("dark", settings.get("ui.theme", ""), "other settings stay");
        assertEquals(CalDavService.Status.State.OFF, service.status().state());
        assertTrue(has(store, "Milk"), "the list and its todos stay here");
        try (Phone phone = new Phone(server)) {
            assertTrue(phone.task(phone.calendar("Groceries"), "Milk").ics().contains("SUMMARY:Milk"));
        }
    }

    /**
     * One list disconnected while the other syncs on: its calendar is not taken in again, nothing of
     * it changes on the server, and connecting it again merges what both sides did meanwhile (the
     * server's older copy does not undo an edit made here).
     */
    @Test
    void disconnectLists_oneOfTwo_staysOffThroughSyncsAndResumesWithBothSidesEdits() throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        TodoStore store = store();
        Item milk = store.add("Milk", store.createList("Groceries").id(), null);
        Item report = store.add("Report", store.createList("Work").id(), null);
        CalDavService service = service(store);
        service.setFocused(false);
        service.start();
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries", "Work"))
                .get(30, TimeUnit.SECONDS);

        assertEquals(List.of("Groceries"), service.disconnectLists(List.of(milk.listId())).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(report.listId()), service.saved().get(10, TimeUnit.SECONDS).connectedListIds());
        try (Phone phone = new Phone(server)) {
            phone.add(phone.calendar("Groceries"), "phone-bread", "Bread", "");
            phone.add(phone.calendar("Work"), "phone-slides", "Slides", "");
        }
        store.update(milk.id(), x -> x.withTitle("Oat milk"));
        // A sync with the saved password, as the background's: Work only.
        CalDavReport off = service.connect(server.url(), server.user(), "", List.of()).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("Work"), off.lists(), off.summary());
        assertTrue(has(store, "Slides"));
        assertFalse(has(store, "Bread"), "the disconnected list's calendar is not read");
        assertEquals(List.of(report.listId()), service.saved().get(10, TimeUnit.SECONDS).connectedListIds(),
                "its calendar is not taken in again as a new list");
        assertEquals(List.of("Groceries", "Work"), store.lists().stream().map(l -> l.name()).sorted().toList());
        try (Phone phone = new Phone(server)) {
            List<String> left = phone.tasks(phone.calendar("Groceries")).stream().map(o -> o.ics()).toList();
            assertEquals(2, left.size(), "the calendar stays on the server as it was: " + left);
            assertTrue(left.stream().anyMatch(t -> t.contains("SUMMARY:Milk")), "no edit reaches it: " + left);
        }

        CalDavReport again = service.connect(server.url(), server.user(), "", List.of("Groceries"))
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of("Groceries", "Work"), again.lists().stream().sorted().toList(), again.summary());
        assertEquals(Set.of(milk.listId(), report.listId()),
                Set.copyOf(service.saved().get(10, TimeUnit.SECONDS).connectedListIds()));
        assertTrue(has(store, "Bread"), "the phone's task made meanwhile arrives");
        assertTrue(has(store, "Oat milk") && !has(store, "Milk"), "the edit made here meanwhile stays");
        assertEquals(1, store.allItems().stream().filter(i -> i.title().endsWith("ilk")).count(), "no copy");
        try (Phone phone = new Phone(server)) {
            List<String> now = phone.tasks(phone.calendar("Groceries")).stream().map(o -> o.ics()).toList();
            assertEquals(2, now.size(), "Oat milk and Bread, once each: " + now);
            assertTrue(now.stream().anyMatch(t -> t.contains("SUMMARY:Oat milk")), "the edit reaches the phone: " + now);
        }
    }
}
