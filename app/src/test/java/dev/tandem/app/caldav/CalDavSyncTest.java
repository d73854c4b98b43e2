package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two-way sync of a list with a task calendar on real servers, a "phone" writing as phone apps do. */
@Tag("server")
class CalDavSyncTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;

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
        return keep(new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZONE));
    }

    private CalDavReport sync(CalDavServer server, TodoStore store, String... connect) {
        try (CalDavState state = CalDavState.open(store.replica().file());
             CalDavAccount account = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(),
                     CalDavServer.PASSWORD))) {
            return CalDavSync.run(store, account, state, List.of(connect), ZONE);
        }
    }

    private static List<Item> open(TodoStore s, String title) {
        return s.allItems().stream().filter(i -> title.equals(i.title()) && !i.isDone() && !i.isTrashed()).toList();
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_todoAddedInTandem_isOnTheServerWithItsFieldsAndItsIdAsUid(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        var list = laptop.createList("Groceries");
        Item milk = laptop.add("Milk", null, list.id(), LocalDate.of(2026, 11, 25),
                new TodoDetails(2, List.of("dairy"), null, null)).item();
        laptop.update(milk.id(), it -> it.withNotes("Oat, 1 l"));
        CalDavReport r = sync(server, laptop, "Groceries");
        assertEquals(1, r.pushed(), r.summary());
        try (Phone phone = new Phone(server)) {
            String ics = phone.task(phone.calendar("Groceries"), "Milk").ics();
            assertTrue(ics.contains("UID:" + milk.id()), ics);
            assertTrue(ics.contains("DUE;VALUE=DATE:20261125"), ics);
            assertTrue(ics.contains("PRIORITY:3"), ics);
            assertTrue(ics.contains("CATEGORIES:dairy"), ics);
            assertTrue(ics.contains("DESCRIPTION:Oat\\, 1 l"), ics);
        }
        CalDavReport idle = sync(server, laptop);
        assertEquals(0, idle.pushed() + idle.pulled(), "nothing bounced back: " + idle.summary());
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_taskAddedOnPhone_becomesTodoAndItsUnknownPropertiesSurviveAnEditHere(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        laptop.createList("Groceries");
        sync(server, laptop, "Groceries");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Groceries");
            phone.add(cal, "tasks-org-4711", "Bread", "PRIORITY:2\r\nDUE;VALUE=DATE:20261126\r\nCATEGORIES:bakery\r\n");
            sync(server, laptop);
            Item bread = open(laptop, "Bread").get(0);
            assertEquals("2026-11-26", bread.due());
            assertEquals(1L, bread.priority(), "PRIORITY 2 is p1");
            assertEquals(List.of("bakery"), new TagStore(laptop).of(bread.id()));
            assertEquals(TaskIds.fromUid("tasks-org-4711"), bread.id(), "the id derives from the UID");

            laptop.update(bread.id(), it -> it.withTitle("Rye bread"));
            sync(server, laptop);
            String ics = phone.task(cal, "Rye bread").ics();
            assertTrue(ics.contains("X-APPLE-SORT-ORDER:42") && ics.contains("X-TASKS-ORG-ORDER:7"), ics);
            assertTrue(ics.contains("PRIORITY:2"), "a priority meaning the same is left as the phone wrote it: " + ics);
            assertTrue(ics.contains("UID:tasks-org-4711"), ics);
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_differentFieldsEditedOnBothSides_bothEditsSurvive(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        var list = laptop.createList("Trip");
        Item passport = laptop.add("Passport", null, list.id(), null, TodoDetails.NONE).item();
        sync(server, laptop, "Trip");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Trip");
            CalendarObject o = phone.task(cal, "Passport");
            phone.edit(o, "SUMMARY:Passport", "SUMMARY:Passport and visa", "20261123T120000Z");
            laptop.update(passport.id(), it -> it.withDue(LocalDate.of(2026, 12, 1)));
            CalDavReport r = sync(server, laptop);
            assertEquals(0, r.conflicts(), r.summary());
            Item now = laptop.get(passport.id()).orElseThrow();
            assertEquals("Passport and visa", now.title());
            assertEquals("2026-12-01", now.due());
            String ics = phone.task(cal, "Passport and visa").ics();
            assertTrue(ics.contains("DUE;VALUE=DATE:20261201"), ics);
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_sameFieldEditedOnBothSides_laterEditWinsOnBothAndIsCounted(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        var list = laptop.createList("Trip");
        Item tickets = laptop.add("Tickets", null, list.id(), null, TodoDetails.NONE).item();
        sync(server, laptop, "Trip");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Trip");
            laptop.update(tickets.id(), it -> it.withTitle("Train tickets"));
            // The phone's edit is stamped years after the laptop's: it is the later one.
            phone.edit(phone.task(cal, "Tickets"), "SUMMARY:Tickets", "SUMMARY:Plane tickets", "20300101T000000Z");
            CalDavReport r = sync(server, laptop);
            assertEquals(1, r.conflicts(), r.summary());
            assertEquals("Plane tickets", laptop.get(tickets.id()).orElseThrow().title());
            phone.task(cal, "Plane tickets");
            Conflict first = laptop.conflicts().list().get(0);
            assertEquals("Plane tickets", first.keptValue());
            assertEquals("Train tickets", first.lostValue(), "the local edit that lost is in Conflicts");

            laptop.update(tickets.id(), it -> it.withTitle("Ferry tickets"));
            phone.edit(phone.task(cal, "Plane tickets"), "SUMMARY:Plane tickets", "SUMMARY:Bus tickets",
                    "20200101T000000Z");
            r = sync(server, laptop);
            assertEquals(1, r.conflicts(), r.summary());
            assertEquals("Ferry tickets", laptop.get(tickets.id()).orElseThrow().title());
            phone.task(cal, "Ferry tickets");
            Conflict second = laptop.conflicts().list().get(0);
            assertEquals("Bus tickets", second.lostValue(), "the phone's value that lost is in Conflicts");
            assertEquals("CalDAV (127.0.0.1:" + server.port() + ")", new Authors(laptop).label(second.lostAuthor()));
            laptop.conflicts().useLostValue(second);
            sync(server, laptop);
            phone.task(cal, "Bus tickets");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_deletes_moveToTrashAndRestoringPutsItBack(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        var list = laptop.createList("Home");
        Item lamp = laptop.add("Fix lamp", null, list.id(), null, TodoDetails.NONE).item();
        Item tap = laptop.add("Fix tap", null, list.id(), null, TodoDetails.NONE).item();
        sync(server, laptop, "Home");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Home");
            phone.delete(phone.task(cal, "Fix lamp"));
            laptop.trash(tap.id());
            CalDavReport r = sync(server, laptop);
            assertTrue(laptop.get(lamp.id()).orElseThrow().isTrashed(), "deleted on the phone: in the Trash here");
            assertEquals(1, r.deletedOnServer(), r.summary());
            assertEquals(0, phone.tasks(cal).size());

            laptop.untrash(tap.id());
            sync(server, laptop);
            assertEquals("Fix tap", phone.task(cal, "Fix tap").ics().contains("UID:" + tap.id()) ? "Fix tap" : "");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_repeatingCompletedOnPhoneWithTwoDevices_leavesExactlyOneNextOccurrence(CalDavServer.Kind kind)
            throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        TodoStore desktop = device("desktop");
        var list = laptop.createList("Home");
        Item plants = laptop.add("Water plants", null, list.id(), LocalDate.of(2026, 11, 23),
                new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
        sync(server, laptop, "Home");
        sync(server, desktop);
        assertEquals(1, open(desktop, "Water plants").size(), "the second device reads the series once");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Home");
            CalendarObject o = phone.task(cal, "Water plants");
            assertTrue(o.ics().contains("RRULE:FREQ=WEEKLY;BYDAY=MO"), o.ics());
            // Tasks.org completes a repeating task by moving DUE to the next date.
            phone.edit(o, "DUE;VALUE=DATE:20261123", "DUE;VALUE=DATE:20261130", "20261123T130000Z");
        }
        sync(server, laptop);
        sync(server, desktop);
        for (TodoStore s : List.of(laptop, desktop)) {
            List<Item> next = open(s, "Water plants");
            assertEquals(1, next.size(), "exactly one next occurrence: " + next);
            assertEquals("2026-11-30", next.get(0).due());
        }
        assertEquals(open(laptop, "Water plants").get(0).id(), open(desktop, "Water plants").get(0).id(),
                "both devices made the same occurrence");
        assertTrue(laptop.get(plants.id()).orElseThrow().isDone());

        // Completing here moves the phone's task on.
        new SeriesStore(laptop).complete(open(laptop, "Water plants").get(0).id());
        sync(server, laptop);
        try (Phone phone = new Phone(server)) {
            String ics = phone.task(phone.calendar("Home"), "Water plants").ics();
            assertTrue(ics.contains("DUE;VALUE=DATE:20261207") && ics.contains("STATUS:NEEDS-ACTION"), ics);
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_repeatingMarkedCompletedOnPhone_completesOccurrenceAndWritesTheNextBackOpen(CalDavServer.Kind kind)
            throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        var list = laptop.createList("Home");
        laptop.add("Take out bins", null, list.id(), LocalDate.of(2026, 11, 24),
                new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.TUESDAY)), null));
        sync(server, laptop, "Home");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.calendar("Home");
            CalendarObject o = phone.task(cal, "Take out bins");
            // Thunderbird completes the whole task; the series must go on here and on the phone.
            String ics = o.ics().replace("\r\n", "\n");
            ics = ics.replaceAll("STATUS:[A-Z-]+\n", "").replace("END:VTODO", "STATUS:COMPLETED\nCOMPLETED:20261124T080000Z\nEND:VTODO");
            phone.edit(new CalendarObject(o.href(), o.etag(), ics), "\n", "\r\n", "20261124T080000Z");
            sync(server, laptop);
            List<Item> next = open(laptop, "Take out bins");
            assertEquals(1, next.size(), "one next occurrence: " + next);
            assertEquals("2026-12-01", next.get(0).due());
            String back = phone.task(cal, "Take out bins").ics();
            assertTrue(back.contains("DUE;VALUE=DATE:20261201") && back.contains("STATUS:NEEDS-ACTION"), back);
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_listMadeOnPhone_appearsAsListOnBothDevicesOnce(CalDavServer.Kind kind) throws Exception {
        CalDavServer server = keep(CalDavServer.forTest(kind));
        TodoStore laptop = device("laptop");
        TodoStore desktop = device("desktop");
        try (Phone phone = new Phone(server)) {
            TaskCalendar cal = phone.account.createCalendar("Garden");
            phone.add(cal, "apple-ABC-1", "Rake leaves", "");
        }
        sync(server, laptop);
        sync(server, desktop);
        for (TodoStore s : List.of(laptop, desktop)) {
            var garden = s.findList("Garden").orElseThrow();
            assertEquals(garden.id(), open(s, "Rake leaves").get(0).listId());
        }
        assertEquals(laptop.findList("Garden").orElseThrow().id(), desktop.findList("Garden").orElseThrow().id(),
                "one list id on every device");
        assertFalse(open(laptop, "Rake leaves").isEmpty());
    }
}
