package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;


import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subtasks (RELATED-TO) and start dates (DTSTART) with real clients (python3-caldav; todoman with
 * vdirsyncer for start dates) on each server: a subtask made on either side shows under its parent on
 * the other, a re-parent or un-parent on the phone moves the todo here, a subtask whose parent arrives
 * later is linked then, and sections and Someday stay Tandem's.
 */
@Tag("server")
class CalDavStructureTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path tmp;

    /** A Tandem device with the list "Move" connected. */
    private static CalDavFixture.Device laptop(CalDavFixture f) throws Exception {
        CalDavFixture.Device laptop = f.device("laptop");
        laptop.store.createList("Move");
        laptop.caldav("Move");
        return laptop;
    }

    private static Item one(CalDavFixture.Device d, String title) {
        List<Item> found = d.open(title);
        assertEquals(1, found.size(), title + ": " + found);
        return found.get(0);
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_subtaskAddedByLibrary_arrivesUnderItsParentAfterItsSiblings(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            PyCalDav py = f.python();
            py.add("Move", "Pack boxes");
            laptop.caldav();
            Item pack = one(laptop, "Pack boxes");
            Item tape = laptop.store.add("Buy tape", null, pack.listId(), pack.id(), null, TodoDetails.NONE).item();
            laptop.caldav();
            assertEquals(List.of("PARENT|" + py.uid("Move", "Pack boxes")), py.relations("Move", "Buy tape"),
                    "a subtask made here names its parent by the parent's own UID");

            py.addChild("Move", "Label boxes", "Pack boxes");
            laptop.caldav();
            Item label = one(laptop, "Label boxes");
            assertEquals(pack.id(), label.parentId());
            assertEquals(pack.listId(), label.listId());
            assertTrue(label.rank().compareTo(laptop.store.get(tape.id()).orElseThrow().rank()) > 0,
                    "after its sibling: " + label.rank() + " vs " + tape.rank());
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_subtaskMadeHere_libraryReadsRelatedToTheParentsUid(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Move");
            Item pack = laptop.store.add("Pack boxes", null, list, null, TodoDetails.NONE).item();
            Item tape = laptop.store.add("Buy tape", null, list, pack.id(), null, TodoDetails.NONE).item();
            laptop.store.add("Find the scissors", null, list, tape.id(), null, TodoDetails.NONE);
            laptop.caldav();
            PyCalDav py = f.python();
            assertEquals(pack.id(), py.uid("Move", "Pack boxes"));
            assertEquals(List.of("PARENT|" + pack.id()), py.relations("Move", "Buy tape"));
            assertEquals(List.of("PARENT|" + tape.id()), py.relations("Move", "Find the scissors"));
            assertEquals(List.of(), py.relations("Move", "Pack boxes"));
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_libraryReparentsThenUnparents_todoMovesUnderTheOtherParentThenToTheTop(CalDavServer.Kind kind)
            throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Move");
            Item kitchen = laptop.store.add("Kitchen", null, list, null, TodoDetails.NONE).item();
            Item bedroom = laptop.store.add("Bedroom", null, list, null, TodoDetails.NONE).item();
            Item lamp = laptop.store.add("Wrap the lamp", null, list, kitchen.id(), null, TodoDetails.NONE).item();
            laptop.caldav();
            PyCalDav py = f.python();

            py.setParent("Move", "Wrap the lamp", "Bedroom");
            laptop.caldav();
            assertEquals(bedroom.id(), laptop.store.get(lamp.id()).orElseThrow().parentId());

            py.setParent("Move", "Wrap the lamp", null);
            laptop.caldav();
            Item top = laptop.store.get(lamp.id()).orElseThrow();
            assertNull(top.parentId(), "RELATED-TO removed on the phone: at the top again");
            assertEquals(list, top.listId());
            assertEquals(List.of(), py.relations("Move", "Wrap the lamp"));
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_parentArrivesInALaterSync_subtaskWaitsAtTheTopThenGoesUnderIt(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            PyCalDav py = f.python();
            py.add("Move", "Label boxes");
            // A RELATED-TO without RELTYPE (a parent) naming a task the server does not hold yet.
            py.edit("Move", "Label boxes", "RELATED-TO", "later-parent-1");
            laptop.caldav();
            Item label = one(laptop, "Label boxes");
            assertNull(label.parentId(), "no parent here yet: at the top, not lost");
            laptop.store.update(label.id(), x -> x.withTitle("Label all boxes"));
            laptop.caldav();
            assertEquals(List.of("|later-parent-1"), py.relations("Move", "Label all boxes"),
                    "an edit here keeps the relation on the server");

            py.put("Move", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:later-parent-1\r\n"
                    + "DTSTAMP:20261123T100000Z\r\nSUMMARY:Pack boxes\r\nEND:VTODO\r\nEND:VCALENDAR\r\n");
            laptop.caldav();
            assertEquals(one(laptop, "Pack boxes").id(), laptop.store.get(label.id()).orElseThrow().parentId());
            assertEquals(0, laptop.caldav().pushed(), "linking writes nothing: the server said so all along");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_parentMovedToAnotherCalendarByLibrary_subtasksFollowOnceEach(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = f.device("laptop");
            laptop.store.createList("Home");
            laptop.store.createList("Work");
            laptop.caldav("Home", "Work");
            PyCalDav py = f.python();
            py.add("Home", "Desk");
            py.addChild("Home", "Cables", "Desk");
            py.addChild("Home", "Monitor", "Desk");
            laptop.caldav();
            String deskUid = py.uid("Home", "Desk");

            List<String> relations = py.relations("Home", "Cables");
            assertEquals(List.of("|" + deskUid), relations, "the library's bare RELATED-TO");

            py.move("Home", "Work", "Desk");
            laptop.caldav();
            laptop.caldav();
            String work = laptop.listId("Work");
            Item desk = one(laptop, "Desk");
            for (String title : List.of("Cables", "Monitor")) {
                Item sub = one(laptop, title);
                assertEquals(desk.id(), sub.parentId(), title);
                assertEquals(work, sub.listId(), title);
                assertEquals(1, py.open("Work", title).size(), title + " in Work: " + py.tasks("Work"));
                assertEquals(relations, py.relations("Work", title), title + " keeps its relation");
            }
            assertEquals(List.of(), py.tasks("Home"), "nothing left behind");
            assertEquals(List.of(), laptop.trashed());
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_subtaskMovedAloneByLibraryThenItsParent_waitsAtTheTopThenGoesUnderItAgain(CalDavServer.Kind kind)
            throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = f.device("laptop");
            laptop.store.createList("Home");
            laptop.store.createList("Work");
            laptop.caldav("Home", "Work");
            PyCalDav py = f.python();
            py.add("Home", "Desk");
            py.addChild("Home", "Cables", "Desk");
            laptop.caldav();
            List<String> relations = py.relations("Home", "Cables");

            py.move("Home", "Work", "Cables");
            laptop.caldav();
            Item cables = one(laptop, "Cables");
            assertEquals(laptop.listId("Work"), cables.listId());
            assertNull(cables.parentId(), "its parent is in another list: at the top, waiting");
            assertEquals(relations, py.relations("Work", "Cables"), "the relation stays on the server");

            py.move("Home", "Work", "Desk");
            laptop.caldav();
            assertEquals(one(laptop, "Desk").id(), laptop.store.get(cables.id()).orElseThrow().parentId());
            assertEquals(relations, py.relations("Work", "Cables"));
            assertEquals(List.of(), py.tasks("Home"));
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_parentMovedHereToAnotherListThenSubtaskOutdented_libraryFollowsBoth(CalDavServer.Kind kind)
            throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = f.device("laptop");
            var home = laptop.store.createList("Home");
            var work = laptop.store.createList("Work");
            Item desk = laptop.store.add("Desk", null, home.id(), null, TodoDetails.NONE).item();
            Item cables = laptop.store.add("Cables", null, home.id(), desk.id(), null, TodoDetails.NONE).item();
            laptop.caldav("Home", "Work");
            OutlineStore outline = new OutlineStore(laptop.store);
            outline.move(desk.id(), new OutlineStore.Target(work.id(), null, null, null));
            laptop.caldav();
            PyCalDav py = f.python();
            assertEquals(List.of(), py.tasks("Home"));
            assertEquals(List.of("PARENT|" + desk.id()), py.relations("Work", "Cables"));

            outline.outdent(cables.id());
            laptop.caldav();
            assertEquals(List.of(), py.relations("Work", "Cables"), "outdented here: no parent on the server");
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_startDateOnTodomanAndHere_readAndWrittenAsDtstart(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            Todoman todoman = f.todoman();
            todoman.sync();
            todoman.add("Move", "Book the van", "2026-11-20", "2026-11-24");
            todoman.add("Move", "Change address", "2026-11-21", null);
            todoman.sync();
            laptop.caldav();
            Item van = one(laptop, "Book the van");
            assertEquals(LocalDate.of(2026, 11, 20), van.startDate());
            assertEquals(DAY, van.dueDate());
            Item address = one(laptop, "Change address");
            assertEquals(LocalDate.of(2026, 11, 21), address.startDate());
            assertNull(address.dueDate(), "a start date alone is no due date");

            todoman.start("Book the van", "2026-11-22");
            todoman.sync();
            laptop.caldav();
            assertEquals(LocalDate.of(2026, 11, 22), laptop.store.get(van.id()).orElseThrow().startDate());

            String list = laptop.listId("Move");
            Item keys = laptop.store.add("Hand over keys", null, list, DAY, TodoDetails.NONE).item();
            laptop.store.update(keys.id(), x -> x.withStart(DAY.minusDays(3)));
            laptop.store.update(van.id(), x -> x.withStart(null));
            laptop.caldav();
            PyCalDav py = f.python();
            assertEquals("2026-11-21|2026-11-24|", py.times("Move", "Hand over keys"));
            assertEquals("|2026-11-24|", py.times("Move", "Book the van"), "a start cleared here leaves the server");
            assertEquals(0, laptop.caldav().pushed(), "settled");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_phoneEditsATodoInASectionAndSomeday_bothStayHere(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = laptop(f);
            String list = laptop.listId("Move");
            var section = new SectionStore(laptop.store).create(list, "Week before");
            Item plants = laptop.store.add("Give the plants away", null, list, null, TodoDetails.NONE).item();
            laptop.store.update(plants.id(), x -> x.withSectionId(section.id()).withSomeday(true));
            laptop.caldav();
            PyCalDav py = f.python();
            py.edit("Move", "Give the plants away", "SUMMARY", "Give the plants to Sam");
            laptop.caldav();
            Item got = laptop.store.get(plants.id()).orElseThrow();
            assertEquals("Give the plants to Sam", got.title());
            assertEquals(section.id(), got.sectionId());
            assertTrue(got.isSomeday());
            py.add("Move", "Defrost the freezer");
            laptop.caldav();
            assertNull(one(laptop, "Defrost the freezer").sectionId(), "a task made on the phone has no section");
        }
    }
}
