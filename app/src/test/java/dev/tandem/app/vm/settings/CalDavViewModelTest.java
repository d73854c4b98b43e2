package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.CalDavServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Phone and CalDAV task lists" without a toolkit, against Radicale; the UI executor is the calling thread. */
@Tag("server")
class CalDavViewModelTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Throwable> unexpected = new ArrayList<>();
    private CalDavServer server;
    private TodoStore store;
    private CalDavService service;
    private ExecutorService io;

    @BeforeEach
    void setUp() throws Exception {
        server = keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        store = keep(new TodoStore(Db.open(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC));
        service = keep(new CalDavService(store, new SettingsStore(tmp), ZoneOffset.UTC, r -> () -> { }));
        service.setFocused(false);
        service.start();
        io = Async.backgroundExecutor("test-io");
        open.add(io::shutdownNow);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        assertEquals(List.of(), unexpected);
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private CalDavViewModel vm() {
        CalDavViewModel vm = new CalDavViewModel(service, store, new Async(io, Runnable::run, unexpected::add));
        vm.load();
        idle(vm);
        return vm;
    }

    /** Waits until the view model is no longer busy; every action sets it busy before it returns. */
    private static void idle(CalDavViewModel vm) {
        Await.until("the CalDAV settings to finish", Duration.ofSeconds(30),
                () -> vm.busyProperty().get() ? "busy, saying: " + vm.messageProperty().get() : "idle", "idle"::equals);
    }

    private void fill(CalDavViewModel vm, String url, String password) {
        vm.urlProperty().set(url);
        vm.userProperty().set(server.user());
        vm.passwordProperty().set(password);
    }

    private CalDavAccount phone() {
        return keep(CalDavAccount.connect(new WebDavSettings(server.url(), server.user(), CalDavServer.PASSWORD)));
    }

    private Properties secrets() throws Exception {
        Properties p = new Properties();
        Path f = tmp.resolve(SettingsStore.SECRETS_FILE);
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    @Test
    void testConnection_accountWithThreeTaskLists_namesThemAndSavesNothing() throws Exception {
        CalDavAccount phone = phone();
        for (String name : List.of("Personal", "Groceries", "Work")) {
            phone.createCalendar(name);
        }
        CalDavViewModel vm = vm();
        fill(vm, server.url(), CalDavServer.PASSWORD);
        vm.testConnection();
        idle(vm);
        String m = vm.messageProperty().get();
        assertFalse(vm.errorProperty().get(), m);
        assertTrue(m.startsWith("Found 3 task lists: "), m);
        for (String name : List.of("Personal", "Groceries", "Work")) {
            assertTrue(m.contains(name), m);
        }
        assertEquals("", service.saved().get(10, TimeUnit.SECONDS).url());
        assertFalse(vm.connectedProperty().get());
    }

    @Test
    void testConnection_wrongPassword_saysWhyAndWhatToDo() throws Exception {
        CalDavViewModel vm = vm();
        fill(vm, server.url(), "wrong");
        vm.testConnection();
        idle(vm);
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("refused the user name or password")
                && vm.messageProperty().get().contains("Settings → Phone (CalDAV)"), vm.messageProperty().get());
    }

    @Test
    void testConnection_notAUrl_saysSoWithoutTryingTheNetwork() throws Exception {
        CalDavViewModel vm = vm();
        fill(vm, "cloud.example.com", "x");
        vm.testConnection();
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("must be an http(s) URL"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void lists_someConnected_inboxFirstAndConnectedOnesPreselected() throws Exception {
        var groceries = store.createList("Groceries");
        store.createList("Work");
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                .get(30, TimeUnit.SECONDS);
        CalDavViewModel vm = vm();
        assertEquals(List.of("Inbox", "Groceries", "Work"), vm.lists().stream().map(CalDavViewModel.ListChoice::name)
                .toList());
        CalDavViewModel.ListChoice g = vm.lists().get(1);
        assertEquals(groceries.id(), g.listId());
        assertTrue(g.selected().get() && g.connected());
        assertFalse(vm.lists().get(2).selected().get() || vm.lists().get(2).connected());
        assertTrue(vm.connectedProperty().get());
        assertEquals(server.url(), vm.urlProperty().get());
        assertEquals("", vm.passwordProperty().get(), "the password is never shown");
    }

    @Test
    void load_noLongerBusy_listsAlreadyShown() throws Exception {
        store.createList("Groceries");
        CalDavViewModel vm = new CalDavViewModel(service, store, new Async(io, Runnable::run, unexpected::add));
        // What the lists were at the moment the view-model said it was done: a caller waiting for that reads them.
        List<String> atIdle = new CopyOnWriteArrayList<>();
        vm.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                atIdle.add(String.join(",", vm.lists().stream().map(CalDavViewModel.ListChoice::name).toList()));
            }
        });
        vm.load();
        assertEquals(List.of("Inbox,Groceries"), Await.until("the load to end", () -> atIdle, l -> !l.isEmpty()));
    }

    @Test
    void connect_chosenLists_savesAccountSyncsThemAndShowsTheSummary() throws Exception {
        var milk = store.add("Milk", store.createList("Groceries").id(), null);
        store.createList("Work");
        CalDavViewModel vm = vm();
        fill(vm, server.url(), CalDavServer.PASSWORD);
        vm.lists().stream().filter(c -> c.name().equals("Groceries")).findFirst().orElseThrow().selected().set(true);
        vm.connect();
        idle(vm);
        String m = vm.messageProperty().get();
        assertFalse(vm.errorProperty().get(), m);
        assertTrue(m.startsWith("Connected. "), m);
        assertFalse(m.contains("1 list in sync"), "the sync's result is said once, in the status line: " + m);
        assertTrue(vm.connectedProperty().get());
        assertEquals(List.of(milk.listId()), service.saved().get(10, TimeUnit.SECONDS).connectedListIds());
        assertEquals(CalDavServer.PASSWORD, secrets().getProperty(CalDavService.PASSWORD_KEY));
        assertTrue(vm.lists().stream().filter(CalDavViewModel.ListChoice::connected)
                .allMatch(c -> c.name().equals("Groceries")), "reloaded after the sync");
        assertTrue(vm.statusProperty().get().startsWith("Last sync: 1 list in sync"), vm.statusProperty().get());
        assertTrue(phone().calendars().stream().anyMatch(c -> c.name().equals("Groceries")));
    }

    @Test
    void disconnect_connected_forgetsTheAccountHereOnly() throws Exception {
        store.createList("Groceries");
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                .get(30, TimeUnit.SECONDS);
        CalDavViewModel vm = vm();
        vm.disconnect();
        idle(vm);
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertFalse(vm.connectedProperty().get());
        assertEquals("", vm.urlProperty().get());
        assertEquals(new CalDavService.Saved("", "", List.of()), service.saved().get(10, TimeUnit.SECONDS));
        assertFalse(secrets().containsKey(CalDavService.PASSWORD_KEY));
        assertTrue(vm.lists().stream().noneMatch(c -> c.selected().get()));
        List<TaskCalendar> left = phone().calendars();
        assertTrue(left.stream().anyMatch(c -> c.name().equals("Groceries")), "the server keeps it: " + left);
    }
    @Test
    void connect_connectedListUnticked_disconnectsItAloneSaysWhatHappensAndTickingTakesItBack() throws Exception {
        var groceries = store.createList("Groceries");
        var work = store.createList("Work");
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries", "Work"))
                .get(30, TimeUnit.SECONDS);
        CalDavViewModel vm = vm();
        CalDavViewModel.ListChoice g = vm.lists().stream().filter(c -> c.listId().equals(groceries.id())).findFirst()
                .orElseThrow();
        assertTrue(g.connected() && g.selected().get());
        g.selected().set(false);
        vm.connect();
        idle(vm);
        String m = vm.messageProperty().get();
        assertFalse(vm.errorProperty().get(), m);
        assertEquals("Disconnected “Groceries” on this device: it stays in Tandem with its todos, and its task list"
                + " stays on the server as it is, no longer synced.", m);
        assertEquals(List.of(work.id()), service.saved().get(10, TimeUnit.SECONDS).connectedListIds());
        assertTrue(vm.connectedProperty().get(), "the account and the other list stay connected");
        CalDavViewModel.ListChoice after = vm.lists().stream().filter(c -> c.listId().equals(groceries.id()))
                .findFirst().orElseThrow();
        assertFalse(after.connected() || after.selected().get());
        assertTrue(phone().calendars().stream().anyMatch(c -> c.name().equals("Groceries")), "the server keeps it");

        after.selected().set(true);
        vm.connect();
        idle(vm);
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Connected. "), vm.messageProperty().get());
        assertEquals(Set.of(groceries.id(), work.id()),
                Set.copyOf(service.saved().get(10, TimeUnit.SECONDS).connectedListIds()));
        assertEquals(1, phone().calendars().stream().filter(c -> c.name().equals("Groceries")).count(),
                "the same calendar again, none made");
    }
}
