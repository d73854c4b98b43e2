package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repeating task completed by real client programs, each its own way (todoman: the old UID
 * completed without its RRULE and a new UID carrying the series; python3-caldav: the same UID
 * completed, a completed copy under a new UID with the series moved on, or RECURRENCE-ID
 * overrides), read by two Tandem devices in different orders: exactly one open next occurrence on
 * every device and on the server.
 */
@Tag("server")
class CalDavRepeatTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path tmp;

    enum Way { TODOMAN_DONE, PYTHON_PLAIN, PYTHON_SAFE, PYTHON_THIS_AND_FUTURE }

    /** Which device reads the phone's completion first, and whether the devices sync each other in between. */
    enum Order { LAPTOP_TANDEM_DESKTOP, BOTH_CALDAV_THEN_TANDEM }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (CalDavServer.Kind kind : CalDavServer.Kind.values()) {
            for (Way way : Way.values()) {
                for (Order order : Order.values()) {
                    all.add(Arguments.of(kind, way, order));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void run_repeatingCompletedByClient_leavesExactlyOneOpenNextOccurrenceEverywhere(CalDavServer.Kind kind, Way way,
                                                                                    Order order) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            CalDavFixture.Device laptop = f.device("laptop");
            CalDavFixture.Device desktop = f.device("desktop");
            var home = laptop.store.createList("Home");
            Item first = laptop.store.add("Water plants", null, home.id(), MONDAY,
                    new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
            laptop.caldav("Home");
            laptop.tandem();
            desktop.tandem();
            desktop.caldav();
            PyCalDav python = f.python();
            Todoman todoman = way == Way.TODOMAN_DONE ? f.todoman() : null;
            switch (way) {
                case TODOMAN_DONE -> {
                    todoman.sync();
                    todoman.done("Water plants");
                    todoman.sync();
                }
                case PYTHON_PLAIN -> python.complete("Home", "Water plants", PyCalDav.Completion.PLAIN, MONDAY);
                case PYTHON_SAFE -> python.complete("Home", "Water plants", PyCalDav.Completion.SAFE, MONDAY);
                case PYTHON_THIS_AND_FUTURE -> python.complete("Home", "Water plants",
                        PyCalDav.Completion.THIS_AND_FUTURE, MONDAY);
            }
            List<String> log = new ArrayList<>(List.of("after the phone: " + python.tasks("Home")));
            if (order == Order.LAPTOP_TANDEM_DESKTOP) {
                log.add("laptop: " + laptop.caldav().summary());
                laptop.tandem();
                desktop.tandem();
                log.add("desktop: " + desktop.caldav().summary());
            } else {
                log.add("laptop: " + laptop.caldav().summary());
                log.add("desktop: " + desktop.caldav().summary());
                laptop.tandem();
                desktop.tandem();
                laptop.tandem();
            }
            log.add("server: " + python.tasks("Home"));
            log.add("laptop: " + laptop.caldav().summary());
            log.add("desktop: " + desktop.caldav().summary());
            laptop.tandem();
            desktop.tandem();
            laptop.tandem();
            log.add("laptop: " + laptop.caldav().summary());
            CalDavReport settled = desktop.caldav();
            log.add("desktop: " + settled.summary());
            log.add("server: " + python.tasks("Home"));

            List<Item> next = laptop.open("Water plants");
            assertEquals(1, next.size(), "one open occurrence on the laptop: " + next + " " + log);
            assertEquals(MONDAY.plusWeeks(1).toString(), next.get(0).due(), log.toString());
            List<Item> onDesktop = desktop.open("Water plants");
            assertEquals(1, onDesktop.size(), "one open occurrence on the desktop: " + onDesktop + " " + log);
            assertEquals(next.get(0).id(), onDesktop.get(0).id(), "the same occurrence on both: " + log);
            assertTrue(laptop.store.get(first.id()).orElseThrow().isDone(), "the first is done: " + log);
            for (CalDavFixture.Device d : List.of(laptop, desktop)) {
                long done = d.store.allItems().stream()
                        .filter(i -> "Water plants".equals(i.title()) && i.isDone() && !i.isTrashed()).count();
                assertEquals(1, done, d + ": one done occurrence; a completed object the client split off is it, "
                        + "not a todo of its own: " + log);
            }
            List<String> open = python.open("Home", "Water plants");
            assertEquals(1, open.size(), "one open task on the server: " + python.tasks("Home") + " " + log);
            assertTrue(open.get(0).endsWith("|" + MONDAY.plusWeeks(1)), open + " " + log);
            assertEquals(0, settled.pushed() + settled.pulled(), "settled: " + log);
            if (todoman != null) {
                todoman.sync();
                String list = todoman.list();
                assertEquals(1, list.split("\"summary\": \"Water plants\"", -1).length - 1,
                        "todoman lists one open Water plants: " + list);
            }

            // Completing the next one in Tandem moves the series on where the phone sees it.
            new SeriesStore(laptop.store).complete(next.get(0).id());
            log.add("laptop: " + laptop.caldav().summary());
            open = python.open("Home", "Water plants");
            assertEquals(1, open.size(), "still one open task: " + python.tasks("Home") + " " + log);
            assertTrue(open.get(0).endsWith("|" + MONDAY.plusWeeks(2)), open + " " + log);
        }
    }
}
