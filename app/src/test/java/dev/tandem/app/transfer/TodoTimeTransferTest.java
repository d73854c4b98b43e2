package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A todo's time and length through the JSON backup and .ics, and .ics as phone apps write them. */
@Tag("unit")
class TodoTimeTransferTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @BeforeEach
    void seed() {
        LocalDate day = LocalDate.of(2026, 11, 19);
        source.add("Call the bank", null, null, day, TodoDetails.NONE.at(LocalTime.of(14, 0), 30));
        source.add("Dentist", null, null, day, TodoDetails.NONE.at(LocalTime.of(9, 30), null));
        source.add("Standup", null, null, day, new TodoDetails(null, List.of(),
                Recurrence.parse("FREQ=DAILY").orElseThrow(), null).at(LocalTime.of(9, 15), 15));
        source.add("Buy milk", null, day);
    }

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    private static Map<String, Item> byTitle(TodoStore s) {
        return s.allItems().stream().collect(Collectors.toMap(Item::title, Function.identity()));
    }

    @Test
    void jsonExportThenImport_timeAndLength_arriveAsTheyWere() {
        Path file = tmp.resolve("b.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
        Item bank = byTitle(fresh).get("Call the bank");
        assertEquals("14:00", bank.dueTime());
        assertEquals(30L, bank.durationMinutes());
    }

    @Test
    void markdownExportThenImport_timeAndLength_arriveAsTheyWere() throws Exception {
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        try (var files = Files.walk(dir)) {
            String bank = Files.readString(files.filter(p -> p.getFileName().toString().startsWith("Call the bank"))
                    .findFirst().orElseThrow());
            assertTrue(bank.contains("time: \"14:00\"") || bank.contains("time: '14:00'") || bank.contains("time: 14:00"), bank);
            assertTrue(bank.contains("length: 30m"), bank);
        }
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        Map<String, Item> got = byTitle(fresh);
        assertEquals("14:00", got.get("Call the bank").dueTime());
        assertEquals(30L, got.get("Call the bank").durationMinutes());
        assertEquals("09:30", got.get("Dentist").dueTime());
        assertNull(got.get("Dentist").durationMinutes());
        assertNull(got.get("Buy milk").dueTime());
    }

    @Test
    void jsonImport_timeThatIsNoneOrLengthOutOfRange_dropped() throws Exception {
        Path file = tmp.resolve("b.json");
        Files.writeString(file, "{\"format\":\"tandem\",\"version\":2,\"tables\":{\"items\":[{\"id\":"
                + "\"0b7f7a2e-0c4a-4a9e-9d7b-111111111111\",\"title\":\"Odd\",\"due\":\"2026-11-19\",\"done\":0,"
                + "\"createdAt\":1,\"dueTime\":\"25:99\",\"durationMinutes\":-5}]}}");
        Transfer.importPath(fresh, file, null, Progress.NONE);
        Item odd = byTitle(fresh).get("Odd");
        assertNull(odd.dueTime());
        assertNull(odd.durationMinutes());
    }

    @Test
    void icsExport_timedTodos_dueDateTimeInUtcAndStartWithALength() throws Exception {
        Path file = tmp.resolve("t.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        String text = Files.readString(file);
        assertTrue(text.contains("DTSTART:20261119T140000Z\r\nDUE:20261119T143000Z"), text);
        assertTrue(text.contains("DUE:20261119T093000Z"), text);
        assertTrue(text.contains("DUE;VALUE=DATE:20261119"), "a todo without a time stays a DATE: " + text);
    }

    @Test
    void icsExportThenImport_timeAndLength_arrive() {
        Path file = tmp.resolve("t.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        Map<String, Item> got = byTitle(fresh);
        assertEquals("14:00", got.get("Call the bank").dueTime());
        assertEquals(30L, got.get("Call the bank").durationMinutes());
        assertEquals("2026-11-19", got.get("Call the bank").due());
        assertEquals("09:30", got.get("Dentist").dueTime());
        assertNull(got.get("Dentist").durationMinutes());
        assertEquals("09:15", got.get("Standup").dueTime());
        assertEquals(15L, got.get("Standup").durationMinutes());
        assertNull(got.get("Buy milk").dueTime());
    }

    @Test
    void icsImport_phoneShapes_readAsTimeAndLength() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n"
                + "BEGIN:VTODO\r\nUID:a@phone\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Zoned\r\n"
                + "DUE;TZID=Europe/Berlin:20261119T150000\r\nEND:VTODO\r\n"
                + "BEGIN:VTODO\r\nUID:b@phone\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Start and length\r\n"
                + "DTSTART:20261120T080000Z\r\nDURATION:PT45M\r\nEND:VTODO\r\n"
                + "BEGIN:VTODO\r\nUID:c@phone\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Start to due days apart\r\n"
                + "DTSTART;VALUE=DATE:20261118\r\nDUE:20261121T170000Z\r\nEND:VTODO\r\n"
                + "BEGIN:VTODO\r\nUID:d@phone\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:All day\r\n"
                + "DUE;VALUE=DATE:20261122\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        Incoming in = IcsImporter.read("phone.ics", ics, Fixtures.ZONE, Progress.NONE);
        ImportWriter.write(fresh, in, Progress.NONE);
        Map<String, Item> got = byTitle(fresh);
        assertEquals("14:00", got.get("Zoned").dueTime(), "15:00 in Berlin is 14:00 UTC, the test's zone");
        assertEquals("2026-11-19", got.get("Zoned").due());
        assertEquals("08:00", got.get("Start and length").dueTime());
        assertEquals(45L, got.get("Start and length").durationMinutes());
        assertEquals("2026-11-20", got.get("Start and length").due());
        assertEquals("17:00", got.get("Start to due days apart").dueTime());
        assertEquals("2026-11-21", got.get("Start to due days apart").due());
        assertNull(got.get("Start to due days apart").durationMinutes());
        assertNull(got.get("All day").dueTime());
    }
}
