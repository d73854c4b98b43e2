package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two Tandem devices that sync with each other through a folder remote and both connect the same
 * CalDAV account, with a phone on it: no duplicates, and nothing written back and forth.
 */
@Tag("server")
class CalDavTwoDevicesTest {
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

    private TodoStore device(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return keep(new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC));
    }

    private static CalDavReport caldav(CalDavServer server, TodoStore store, String... connect) {
        try (CalDavState state = CalDavState.open(store.replica().file());
             CalDavAccount account = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(),
                     CalDavServer.PASSWORD))) {
            return CalDavSync.run(store, account, state, List.of(connect), ZoneOffset.UTC);
        }
    }

    private static long open(TodoStore s, String title) {
        return s.allItems().stream().filter(i -> title.equals(i.title()) && !i.isTrashed()).count();
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_twoDevicesSyncingEachOtherAndOneAccount_noDuplicatesAndNothingBouncedBack(CalDavServer.Kind kind)
            throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        TodoStore laptop = device("laptop");
        TodoStore desktop = device("desktop");
        SyncEngine e1 = keep(SyncEngine.builder().folder(remote).build());
        SyncEngine e2 = keep(SyncEngine.builder().folder(remote).build());
        var list = laptop.createList("Groceries");
        Item milk = laptop.add("Milk", null, list.id(), null, TodoDetails.NONE).item();
        caldav(server, laptop, "Groceries");
        laptop.replica().sync(e1);
        desktop.replica().sync(e2);
        CalDavReport first = caldav(server, desktop);
        assertEquals(0, first.pushed(), "the desktop has Milk from Tandem's sync, as the server has: " + first.summary());

        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Groceries");
            phone.add(cal, "tasks-org-1", "Bread", "");
            phone.edit(phone.task(cal, "Milk"), "SUMMARY:Milk", "SUMMARY:Oat milk", "20261123T120000Z");
        }
        caldav(server, laptop);
        laptop.replica().sync(e1);
        desktop.replica().sync(e2);
        CalDavReport second = caldav(server, desktop);
        assertEquals(0, second.pushed(), "nothing written back: " + second.summary());
        caldav(server, desktop);
        desktop.replica().sync(e2);
        laptop.replica().sync(e1);
        CalDavReport third = caldav(server, laptop);
        assertEquals(0, third.pushed() + third.pulled(), "settled: " + third.summary());
        for (TodoStore s : List.of(laptop, desktop)) {
            assertEquals(1, open(s, "Bread"), "one Bread, not one per device");
            assertEquals(1, open(s, "Oat milk"));
            assertEquals("Oat milk", s.get(milk.id()).orElseThrow().title());
        }
        try (Phone phone = new Phone(server)) {
            assertEquals(2, phone.tasks(phone.calendar("Groceries")).size(), "no twins on the server");
        }
    }
}
