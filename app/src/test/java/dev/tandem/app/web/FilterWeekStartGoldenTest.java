package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of saved filters' next week for the page as its own device (tandem-sync app/filters.js, read by
 * test/filters-week-golden.test.js): "next week" and "next fri", in English and in German's and French's words,
 * count from the first day of next week, {@link WeekStart#ofPhrases} (the day chosen in Settings, else Monday), so
 * each query is run on Monday's, Sunday's and Saturday's weeks over todos due on each of the next 16 days, with the
 * ids it finds. Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class FilterWeekStartGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "filters-week.json").toAbsolutePath().normalize();
    private static final List<String> ENGLISH = List.of("due: next week", "due: next fri", "due: next sat", "due: next sun",
            "due before: next monday", "due after: next week", "start before: next wed", "due: next fri evening");
    private static final List<String> GERMAN = List.of("due: nächste woche", "due: nächsten freitag", "due: nächsten samstag",
            "due before: nächsten sonntag", "due: next fri");
    private static final List<String> FRENCH = List.of("due: la semaine prochaine", "due: vendredi prochain",
            "due: samedi prochain", "due before: dimanche prochain", "due: next fri");

    @AfterEach
    void reset() {
        WeekStart.choose(Optional.empty());
        Messages.use(Language.ENGLISH);
    }

    @Test
    void filters_nextWeekOnEveryWeekStart_findWhatTheVectorsSay() throws IOException {
        ManualClock clock = new ManualClock();
        clock.millis.set(Instant.parse("2026-11-25T09:00:00Z").toEpochMilli());
        try (Db db = Db.openMemory()) {
            TodoStore store = new TodoStore(db, clock, ZoneOffset.UTC);
            LocalDate today = store.today();
            List<Object> items = new ArrayList<>();
            for (int d = 0; d < 16; d++) {
                LocalDate day = today.plusDays(d);
                Item it = store.add(String.format("0190d8a0-0000-7000-8000-%012d", d), "Day " + d, null, null, null, day,
                        new TodoDetails(null, List.of(), null, null, false, null, null, day, false)).item();
                items.add(obj("id", it.id(), "due", day.toString(), "start", day.toString(),
                        "createdAt", it.createdAt()));
            }
            List<Object> cases = new ArrayList<>();
            for (DayOfWeek first : List.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY)) {
                WeekStart.choose(first == DayOfWeek.MONDAY ? Optional.empty() : Optional.of(first));
                for (Language l : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
                    Messages.use(l);
                    for (String q : l == Language.ENGLISH ? ENGLISH : l == Language.GERMAN ? GERMAN : FRENCH) {
                        List<Object> ids = new ArrayList<>();
                        for (Item it : FilteredItems.of(store, FilterParser.parse(q, today))) {
                            ids.add(it.id());
                        }
                        cases.add(obj("weekStart", first.getValue(), "lang", l.tag(), "query", q, "ids", ids));
                    }
                }
            }
            Map<String, Object> out = obj("today", today.toString(), "items", items, "cases", cases);
            String text = GoldenOut.json(out) + "\n";
            KeptVectors.writeOrCompare(VECTORS, text, "filters.js");
        }
    }
}
