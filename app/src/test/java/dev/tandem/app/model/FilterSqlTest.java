package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search beside a list's condition, which {@link FilterSql} writes as the intersection of the full-text matches
 * with the list's rowids: it finds what the two conditions find together, and nothing of another list, a list of
 * the same name in another case, or a todo in no list.
 */
@Tag("unit")
class FilterSqlTest {
    @TempDir
    Path dir;
    TodoStore store;

    @BeforeEach
    void seed() {
        store = new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZoneId.of("UTC"));
        TodoList work = store.createList("Work");
        TodoList alsoWork = store.createList("WORK");
        TodoList home = store.createList("Home");
        for (String title : List.of("garden plan", "gardening gloves", "taxes")) {
            store.add(title + " at work", work.id(), null);
            store.add(title + " at home", home.id(), null);
            store.add(title + " unfiled", null, null);
        }
        store.add("garden shed for work too", alsoWork.id(), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Set<String> titles(String query) {
        Set<String> out = new TreeSet<>();
        FilteredItems.of(store, FilterParser.parse(query, store.today())).forEach(i -> out.add(i.title()));
        return out;
    }

    @Test
    void of_searchBesideAList_findsTheMatchesInThatListOnly() {
        assertEquals(Set.of("garden plan at work", "gardening gloves at work", "garden shed for work too"),
                titles("#Work & search: gard"));
        assertEquals(Set.of("garden plan at home", "gardening gloves at home"), titles("search: gar & #home"));
        assertEquals(Set.of("taxes at work"), titles("#Work & search: tax & !p1"));
    }

    @Test
    void of_searchBesideAListNegatedOrJoinedByOr_sameAsTheConditionsAlone() {
        assertEquals(Set.of("taxes at work"), titles("#Work & !search: gard"));
        assertEquals(Set.of("garden plan at home", "gardening gloves at home", "taxes at home"),
                titles("!#Work & #Home & !search: shed"));
        assertEquals(Set.of("garden plan at work", "gardening gloves at work", "garden shed for work too", "taxes at work",
                "garden plan at home", "gardening gloves at home", "garden plan unfiled", "gardening gloves unfiled"),
                titles("#Work | search: gard"));
        assertEquals(Set.of(), titles("#Work & #Home & search: gard"));
        assertEquals(Set.of("garden plan unfiled", "gardening gloves unfiled"), titles("#Inbox & search: gard"));
    }
}
