package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CalDAV state file: lists turned off one by one, and a file written before that was possible. */
@Tag("unit")
class CalDavStateTest {
    @TempDir
    Path tmp;

    @Test
    void open_fileFromBeforeListsCouldBeOff_keepsItsListsConnected() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("caldav.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE calendars(list_id TEXT PRIMARY KEY, href TEXT NOT NULL UNIQUE, name TEXT, token TEXT)");
            s.execute("INSERT INTO calendars VALUES('g', '/sam/groceries/', 'Groceries', 'tok-1')");
        }
        try (CalDavState state = CalDavState.open(Optional.of(tmp.resolve("tandem.db")))) {
            assertEquals(List.of(new CalDavState.Link("g", "/sam/groceries/", "Groceries", "tok-1")), state.links());
            assertEquals(List.of(), state.offLinks());
        }
    }

    @Test
    void turnOff_oneOfTwo_keepsItsTokenAndTasksAndSaveConnectsItAgain() {
        try (CalDavState state = CalDavState.open(Optional.empty())) {
            CalDavState.Link g = new CalDavState.Link("g", "/sam/groceries/", "Groceries", "tok-1");
            CalDavState.Link w = new CalDavState.Link("w", "/sam/work/", "Work", "tok-2");
            state.save(g);
            state.save(w);
            state.save(new CalDavState.Task("milk", "g", "/sam/groceries/milk.ics", "milk", "\"e1\"", "BEGIN:VCALENDAR"));

            state.turnOff("g");
            assertEquals(List.of(w), state.links());
            assertEquals(List.of(g), state.offLinks());
            assertEquals(1, state.tasks("g").size(), "the bases stay, for when it is connected again");

            state.save(g);
            assertEquals(List.of(g, w), state.links());
            assertEquals(List.of(), state.offLinks());
        }
    }
}
