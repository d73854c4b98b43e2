package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iCalendar carries subtasks (RELATED-TO) and start dates (DTSTART) both ways. */
@Tag("unit")
class StructureIcsTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    private static String vtodo(String uid, String title, String... more) {
        return "BEGIN:VTODO\r\nUID:" + uid + "\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:" + title + "\r\n"
                + String.join("", Arrays.stream(more).map(m -> m + "\r\n").toList()) + "END:VTODO\r\n";
    }

    private static String calendar(String... todos) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Tasks//EN\r\nX-WR-CALNAME:Home\r\n"
                + String.join("", todos) + "END:VCALENDAR\r\n";
    }

    private void importText(String text) {
        ImportWriter.write(fresh, IcsImporter.read("tasks.ics", text, Fixtures.ZONE, Progress.NONE), Progress.NONE);
    }

    @Test
    void icsImport_childBeforeItsParent_isItsSubtask() {
        importText(calendar(
                vtodo("child-1@example.com", "Wrap plates", "RELATED-TO;RELTYPE=PARENT:parent-1@example.com",
                        "CREATED:20261101T090000Z"),
                vtodo("grandchild-1@example.com", "Buy paper", "RELATED-TO:child-1@example.com"),
                vtodo("parent-1@example.com", "Pack kitchen", "CREATED:20261101T080000Z")));
        Item kitchen = Fixtures.byTitle(fresh, "Pack kitchen");
        Item plates = Fixtures.byTitle(fresh, "Wrap plates");
        assertEquals(kitchen.id(), plates.parentId());
        assertEquals(plates.id(), Fixtures.byTitle(fresh, "Buy paper").parentId(), "no RELTYPE means PARENT");
        assertEquals(List.of("Pack kitchen", "  Wrap plates", "    Buy paper"), Structures.outline(fresh, "Home"));
    }

    @Test
    void icsImport_unknownParent_leavesTheTodoAtTheTop() {
        importText(calendar(vtodo("child-2@example.com", "Wrap plates", "RELATED-TO;RELTYPE=PARENT:nobody@example.com"),
                vtodo("sibling@example.com", "Sell the sofa", "RELATED-TO;RELTYPE=SIBLING:child-2@example.com")));
        assertNull(Fixtures.byTitle(fresh, "Wrap plates").parentId());
        assertNull(Fixtures.byTitle(fresh, "Sell the sofa").parentId(), "only a PARENT relation makes a subtask");
    }

    @Test
    void icsImport_dtstartDate_isTheStartDate() {
        importText(calendar(vtodo("start@example.com", "Book the van", "DTSTART;VALUE=DATE:20261130",
                "DUE;VALUE=DATE:20261205")));
        Item van = Fixtures.byTitle(fresh, "Book the van");
        assertEquals("2026-11-30", van.start());
        assertEquals("2026-12-05", van.due());
    }

    @Test
    void icsImport_dtstartWithADueTimeAndLength_isNoStartDate() {
        importText(calendar(vtodo("timed@example.com", "Call", "DTSTART:20261130T100000Z", "DUE:20261130T103000Z")));
        Item call = Fixtures.byTitle(fresh, "Call");
        assertNull(call.start());
        assertEquals(30L, call.durationMinutes());
    }

    @Test
    void icsExportThenImport_subtasksStartDatesAndOrderComeBack() throws Exception {
        Structures.seed(source);
        Path file = tmp.resolve("tasks.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        String text = Files.readString(file);
        assertTrue(text.contains("RELATED-TO;RELTYPE=PARENT:" + Fixtures.byTitle(source, "Book the van").id()), text);
        assertTrue(text.contains("DTSTART;VALUE=DATE:20261130"), text);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        // Sections, Someday and folding have no iCalendar property: the todos come back out of their sections, each
        // with its rank, so the sections' todos fall in among the others by key ("Pack books" was moved before
        // "Pack kitchen", so its key is before every other); each parent's subtasks keep their order.
        assertEquals(List.of("Pack books", "Book the van @2026-11-30", "  Compare prices", "    Ask Sam", "  Pay deposit",
                "Pack kitchen", "  Wrap plates", "Sell the sofa"), Structures.outline(fresh, Structures.LIST));
    }
}
