package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member writes 20,000 versions of a shared todo: {@code history} still answers at once, a page at a time. */
@Tag("unit")
class HistoryFloodAttackTest {
    static final int VERSIONS = 20_000;

    @TempDir
    Path dir;

    @Test
    void history_20000Versions_answersAPageInUnderASecond() {
        String id = CliRun.run(dir, "add", "Plan the trip", "--list", "Family").out().strip();
        try (Db db = Schema.database(dir.resolve("tandem.db")).build()) {
            // One change each, as 20,000 batches' merges leave them in the changelog.
            for (int k = 1; k < VERSIONS; k++) {
                String title = "flood " + k;
                db.transaction(tx -> tx.save(tx.get(Item.class, id).orElseThrow().withTitle(title)));
            }
        }
        CliRun.run(dir, "list"); // the JVM's first command warms up; the next ones are timed
        long start = System.nanoTime();
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.run(dir, "history", id));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(50, lines.size(), r.out());
        assertTrue(lines.get(49).startsWith(VERSIONS + " ") && lines.get(49).contains("Changed title"), lines.get(49));
        assertTrue(r.err().contains("Versions 19951–20000 of 20000 (page 1 of 400"), r.err());
        assertTrue(millis < 1000, "history took " + millis + " ms");

        Result oldest = CliRun.run(dir, "history", id, "--page", "400");
        assertEquals(0, oldest.code(), oldest.err());
        assertTrue(oldest.out().lines().findFirst().orElseThrow().contains("Created"), oldest.out());
        assertEquals(2, CliRun.run(dir, "history", id, "--page", "0").code());
    }
}
