package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who Conflicts names for a field both Tandem and a phone (python3-caldav, stamping LAST-MODIFIED as
 * apps do) changed: the phone's value is the CalDAV server's, whether it won or lost, and a local edit
 * is this device's. Read as the Conflicts view and {@code tandem conflicts} read them: the engine's
 * conflicts, each author named by {@link Authors}.
 */
@Tag("server")
class CalDavConflictTest {
    @TempDir
    Path tmp;

    private static Conflict about(CalDavFixture.Device d, Item it) {
        List<Conflict> all = d.store.conflicts().list().stream().filter(c -> c.entity().equals(it.id())).toList();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_phoneValueWinsOrLoses_conflictNamesTheServerAsItsAuthor(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            // LAST-MODIFIED has whole seconds: the laptop's first edits are stamped two seconds back, so
            // that a phone's edit made after them is stamped later, as it would be a second later.
            TestClock laptopClock = new TestClock(CalDavFixture.ZONE);
            laptopClock.advance(Duration.ofSeconds(-2));
            CalDavFixture.Device laptop = f.device("laptop", laptopClock);
            var trip = laptop.store.createList("Trip");
            Item tickets = laptop.store.add("Tickets", null, trip.id(), null, TodoDetails.NONE).item();
            Item visa = laptop.store.add("Visa", null, trip.id(), null, TodoDetails.NONE).item();
            laptop.caldav("Trip");
            PyCalDav python = f.python();
            laptop.store.update(tickets.id(), it -> it.withTitle("Train tickets"));
            python.edit("Trip", "Visa", "SUMMARY", "Visa online");
            laptopClock.advance(Duration.ofSeconds(2)); // the laptop's clock is the real one again
            python.edit("Trip", "Tickets", "SUMMARY", "Plane tickets");
            laptop.store.update(visa.id(), it -> it.withTitle("Visa at the embassy"));

            CalDavReport r = laptop.caldav();
            assertEquals(2, r.conflicts(), r.summary());
            Authors authors = new Authors(laptop.store);
            String server = "CalDAV (127.0.0.1:" + f.server.port() + ")";

            Conflict won = about(laptop, tickets);
            assertEquals("Plane tickets", won.keptValue(), "the phone's later edit won");
            assertEquals(server, authors.label(won.keptAuthor()), "the winning phone value is the server's");
            assertEquals(Authors.thisDevice(), authors.label(won.lostAuthor()));

            Conflict lost = about(laptop, visa);
            assertEquals("Visa online", lost.lostValue(), "the local later edit won");
            assertEquals(server, authors.label(lost.lostAuthor()), "the losing phone value is the server's");
            assertEquals(Authors.thisDevice(), authors.label(lost.keptAuthor()));

            // A later edit here takes the field over: the kept value, and its author, are now this device's.
            laptop.store.update(tickets.id(), it -> it.withTitle("Ferry tickets"));
            Conflict later = about(laptop, tickets);
            assertEquals("Ferry tickets", later.keptValue());
            assertEquals(Authors.thisDevice(), authors.label(later.keptAuthor()));
        }
    }
}
