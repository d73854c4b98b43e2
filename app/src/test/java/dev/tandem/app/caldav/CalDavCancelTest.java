package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A task cancelled with todoman (STATUS:CANCELLED) leaves Tandem's open lists, is counted, and stays cancelled. */
@Tag("server")
class CalDavCancelTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_taskCancelledWithTodoman_isDoneHereCountedAndStaysCancelledAfterAnEditHere(CalDavServer.Kind kind)
            throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = f.device("laptop");
            var home = laptop.store.createList("Home");
            Item passport = laptop.store.add("Renew passport", null, home.id(), null, TodoDetails.NONE).item();
            Item gym = laptop.store.add("Gym", null, home.id(), LocalDate.of(2026, 11, 24),
                    new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.TUESDAY)), null)).item();
            laptop.caldav("Home");
            Todoman todoman = f.todoman();
            todoman.sync();
            todoman.cancel("Renew passport");
            todoman.cancel("Gym");
            todoman.sync();

            CalDavReport r = laptop.caldav();
            assertEquals(List.of(), laptop.open("Renew passport"), r.summary());
            assertEquals(List.of(), laptop.open("Gym"), "a cancelled series has no next occurrence: " + r.summary());
            assertTrue(laptop.store.get(passport.id()).orElseThrow().isDone(), r.summary());
            assertTrue(laptop.store.get(gym.id()).orElseThrow().isDone(), r.summary());
            assertTrue(r.summary().contains("2 cancelled elsewhere"), "the sync counts them: " + r.summary());

            laptop.store.update(passport.id(), it -> it.withNotes("Photos first"));
            laptop.store.update(gym.id(), it -> it.withTitle("Gym class"));
            CalDavReport edit = laptop.caldav();
            assertEquals(2, edit.pushed(), edit.summary());
            List<String> tasks = f.python().tasks("Home");
            assertTrue(tasks.stream().anyMatch(l -> l.contains("|Renew passport|CANCELLED|")), tasks.toString());
            assertTrue(tasks.stream().anyMatch(l -> l.contains("|Gym class|CANCELLED|")), tasks.toString());
            todoman.sync();
            assertFalse(todoman.list().contains("\"summary\""), "todoman lists neither as open: " + todoman.list());
            CalDavReport idle = laptop.caldav();
            assertEquals(0, idle.pushed() + idle.pulled(), "settled: " + idle.summary());
        }
    }
}
