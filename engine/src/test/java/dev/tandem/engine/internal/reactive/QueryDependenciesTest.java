package dev.tandem.engine.internal.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class QueryDependenciesTest {
    Connection c;
    SchemaSnapshot schema;

    @BeforeEach
    void open() throws Exception {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = c.createStatement()) {
            for (String step : Fixtures.MIGRATIONS) {
                s.executeUpdate(step);
            }
            s.executeUpdate("CREATE INDEX item_by_list ON item(list_id, done)");
            s.executeUpdate("CREATE TABLE note(id TEXT PRIMARY KEY, body TEXT, words INTEGER"
                    + " GENERATED ALWAYS AS (length(body)) VIRTUAL)");
        }
        schema = SchemaSnapshot.read(c);
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM item",
        "SELECT * FROM item WHERE list_id = ? ORDER BY title",
        "SELECT * FROM item WHERE list_id = ? AND done = 0",
        "SELECT id, title FROM item WHERE title LIKE ? ORDER BY priority DESC, title LIMIT 20",
        "SELECT upper(title) AS title, id FROM item WHERE done = 1",
        "SELECT * FROM item WHERE lower(title) LIKE ? ORDER BY length(title)",
        // SQLite flattens the CTE into the plain query.
        "WITH x AS (SELECT * FROM item) SELECT * FROM x ORDER BY title",
    })
    void analyze_oneRowOfOneTablePerResultRow_isRowScoped(String sql) throws Exception {
        QueryDependencies.Analysis a = QueryDependencies.analyze(c, schema, sql);
        assertEquals(Set.of("item"), a.tables());
        assertEquals("item", a.rowScope(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT list_id AS id, title FROM item",
        "SELECT title AS id FROM item ORDER BY title",
        "SELECT upper(id) AS id, title FROM item",
        "SELECT title FROM item",
        "SELECT *, list_id AS id FROM item",
        "SELECT count(*) AS id FROM item",
        "SELECT list_id AS id, count(*) AS n FROM item GROUP BY list_id",
        "SELECT DISTINCT list_id AS id FROM item",
        "SELECT * FROM item WHERE priority > (SELECT avg(priority) FROM item)",
        "SELECT * FROM item i WHERE EXISTS (SELECT 1 FROM item j WHERE j.list_id = i.id)",
        "SELECT i.* FROM item i JOIN list l ON l.id = i.list_id",
        "SELECT * FROM open_item",
        "SELECT * FROM item ORDER BY title LIMIT 2 OFFSET 1",
        "SELECT * FROM item ORDER BY title LIMIT ? OFFSET ?",
        "SELECT * FROM item i WHERE i.list_id IN (SELECT j.id FROM item j WHERE j.done = 1)",
        "SELECT * FROM (SELECT * FROM item ORDER BY title LIMIT 5) ORDER BY priority",
        "SELECT id, row_number() OVER (ORDER BY title) AS n FROM item",
        "SELECT * FROM item_fts WHERE item_fts MATCH ?",
        "SELECT * FROM item WHERE priority < random()",
        "SELECT * FROM item WHERE notes <= date('now')",
        "SELECT * FROM note",
    })
    void analyze_resultRowsDependOnOtherRows_isNotRowScoped(String sql) throws Exception {
        assertNull(QueryDependencies.analyze(c, schema, sql).rowScope(), sql);
    }
}
