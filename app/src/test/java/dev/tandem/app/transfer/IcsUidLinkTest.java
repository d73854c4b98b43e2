package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An iCalendar UID that is not a UUID (a calendar app's own form) is remembered in an {@code item_links}
 * row, so the export gives the task its original UID back and the calendar app sees the same task, not a
 * new one. The row syncs, survives Tandem's JSON backup, and goes with its todo when the Trash is emptied.
 */
@Tag("unit")
class IcsUidLinkTest {
    private static final String TODO_UID = "20261123T101500Z-1234@example.com";
    private static final String NOTE_UID = "note-7@host";
    private static final String UUID_UID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();
    private final TodoStore other = Fixtures.store();

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    @Test
    void importThenExport_nonUuidUids_sameUidsComeBackAndTheFileValidates() throws Exception {
        ImportReport in = Transfer.importPath(store, write("in.ics", sample()), null, Progress.NONE);
        assertEquals(3, in.added());
        String out = export(store, "out.ics");
        Calendar cal = new CalendarBuilder().build(new StringReader(out));
        assertEquals(Set.of(TODO_UID, UUID_UID), uids(cal, "VTODO"), out);
        assertEquals(Set.of(NOTE_UID), uids(cal, "VJOURNAL"), out);
        ValidationResult result = cal.validate();
        assertTrue(result.getEntries().isEmpty(), result + "\n" + out);
        assertFalse(result.hasErrors());
    }

    @Test
    void import_uuidUid_isTheItemIdAndNeedsNoLink() throws Exception {
        Transfer.importPath(store, write("in.ics", calendar(vtodo(UUID_UID, "From Thunderbird"))), null, Progress.NONE);
        assertEquals(UUID_UID, Fixtures.byTitle(store, "From Thunderbird").id());
        assertEquals(List.of(), Fixtures.rows(store, "item_links"));
        assertEquals(Set.of(UUID_UID), uids(export(store, "out.ics")));
    }

    @Test
    void importThenExport_upperCaseUuidUid_comesBackAsGiven() throws Exception {
        String upper = UUID_UID.toUpperCase(Locale.ROOT);
        Transfer.importPath(store, write("in.ics", calendar(vtodo(upper, "From Reminders"))), null, Progress.NONE);
        assertEquals(UUID_UID, Fixtures.byTitle(store, "From Reminders").id(), "the id is the UUID in lower case");
        assertEquals(Set.of(upper), uids(export(store, "out.ics")), "the calendar app's UID, as it wrote it");
    }

    @Test
    void importTwice_sameFile_addsNoSecondLink() throws Exception {
        Path file = write("in.ics", sample());
        Transfer.importPath(store, file, null, Progress.NONE);
        List<String> links = Fixtures.rows(store, "item_links");
        assertEquals(2, links.size(), links.toString());
        ImportReport again = Transfer.importPath(store, file, null, Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(links, Fixtures.rows(store, "item_links"));
    }

    @Test
    void importOnTwoProfiles_sameFile_sameLinkRows() throws Exception {
        Path file = write("in.ics", sample());
        Transfer.importPath(store, file, null, Progress.NONE);
        Transfer.importPath(other, file, null, Progress.NONE);
        // Same ids: sync merges the two devices' rows into one per todo instead of keeping two.
        assertEquals(Fixtures.rows(store, "item_links"), Fixtures.rows(other, "item_links"));
    }

    @Test
    void jsonBackupRoundTrip_linkKept_icsExportFromTheRestoredProfileHasTheOriginalUids() throws Exception {
        Transfer.importPath(store, write("in.ics", sample()), null, Progress.NONE);
        Path backup = tmp.resolve("backup.json");
        Transfer.export(store, Format.TANDEM_JSON, backup, Progress.NONE);
        assertTrue(Files.readString(backup).contains(TODO_UID), "the backup holds the link");
        Transfer.importPath(other, backup, null, Progress.NONE);
        assertEquals(Fixtures.rows(store, "items"), Fixtures.rows(other, "items"));
        assertEquals(Fixtures.rows(store, "item_links"), Fixtures.rows(other, "item_links"));
        assertEquals(Set.of(TODO_UID, NOTE_UID, UUID_UID), uids(export(other, "restored.ics")));
    }

    @Test
    void emptyTrash_linkedTodo_linkDeletedWithItAndRestoredByUndo() throws Exception {
        Transfer.importPath(store, write("in.ics", sample()), null, Progress.NONE);
        Item todo = Fixtures.byTitle(store, "Call the plumber");
        store.trash(todo.id());
        List<String> ids = store.emptyTrash();
        assertEquals(List.of(todo.id()), ids);
        assertEquals(1, Fixtures.rows(store, "item_links").size(), "only the note's link is left");
        assertFalse(Fixtures.rows(store, "item_links").toString().contains(TODO_UID));
        store.restoreDeleted(ids);
        assertEquals(2, Fixtures.rows(store, "item_links").size());
        store.untrash(todo.id()); // back in the Trash, where it was deleted from: out of it to be exported
        assertEquals(Set.of(TODO_UID, NOTE_UID, UUID_UID), uids(export(store, "out.ics")));
    }

    @Test
    void deleteForever_linkedNote_linkGoes_andAReimportDoesNotBringEitherBack() throws Exception {
        Path file = write("in.ics", sample());
        Transfer.importPath(store, file, null, Progress.NONE);
        store.deleteForever(Fixtures.byTitle(store, "Packing list").id());
        assertEquals(1, Fixtures.rows(store, "item_links").size());
        ImportReport again = Transfer.importPath(store, file, null, Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(1, Fixtures.rows(store, "item_links").size());
    }

    // ---------------------------------------------------------------- helpers

    private static String sample() {
        return calendar(vtodo(TODO_UID, "Call the plumber") + vtodo(UUID_UID, "From Thunderbird")
                + "BEGIN:VJOURNAL\r\nUID:" + NOTE_UID + "\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Packing list\r\n"
                + "DESCRIPTION:Passports\r\nEND:VJOURNAL\r\n");
    }

    private static String calendar(String components) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Tasks//EN\r\n" + components + "END:VCALENDAR\r\n";
    }

    private static String vtodo(String uid, String summary) {
        return "BEGIN:VTODO\r\nUID:" + uid + "\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:" + summary + "\r\n"
                + "DUE;VALUE=DATE:20261123\r\nEND:VTODO\r\n";
    }

    private String export(TodoStore s, String name) {
        Path file = tmp.resolve(name);
        Transfer.export(s, Format.ICS, file, Progress.NONE);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** The UIDs as ical4j reads them (unfolded, unescaped). */
    private static Set<String> uids(Calendar cal, String component) {
        Set<String> out = new TreeSet<>();
        for (CalendarComponent c : cal.<CalendarComponent>getComponents(component)) {
            out.add(c.getProperty(Property.UID).map(Property::getValue).orElse(null));
        }
        return out;
    }

    private static Set<String> uids(String text) throws Exception {
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        Set<String> out = new TreeSet<>(uids(cal, "VTODO"));
        out.addAll(uids(cal, "VJOURNAL"));
        return out;
    }
}
