package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CountingReads;
import dev.tandem.engine.Db;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member writes 20,000 versions of a shared todo: {@code history} answers a page at a time, and its work is
 * bounded as the answer is: the item's changelog read once, and what costs per version (the files attached
 * while it stood, one read of the attachments' history each) paid for the one page shown, not for all 20,000.
 */
@Tag("unit")
class HistoryFloodAttackTest {
    static final int VERSIONS = 20_000;

    @TempDir
    Path dir;

    @Test
    void history_20000Versions_readsTheChangelogOnceAndFilesForOnePage() {
        String id = CliRun.run(dir, "add", "Plan the trip", "--list", "Family").out().strip();
        try (Db db = Schema.database(dir.resolve("tandem.db")).build()) {
            // One change each, as 20,000 batches' merges leave them in the changelog.
            for (int k = 1; k < VERSIONS; k++) {
                String title = "flood " + k;
                db.transaction(tx -> tx.save(tx.get(Item.class, id).orElseThrow().withTitle(title)));
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountingReads reads;
        int code;
        try (Db db = Schema.database(dir.resolve("tandem.db")).build()) {
            reads = new CountingReads(db);
            TodoStore store = new TodoStore(reads.db(), Clock.systemUTC(), ZoneOffset.UTC);
            code = new HistoryCommands(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).history(store,
                    Args.parse("history", List.of(id)));
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        List<String> lines = shown.lines().toList();
        assertEquals(ItemVersions.PAGE, lines.size(), shown);
        assertTrue(lines.get(49).startsWith(VERSIONS + " ") && lines.get(49).contains("Changed title"), lines.get(49));
        assertTrue(said.contains("Versions 19951–20000 of 20000 (page 1 of 400"), said);
        // The work: each change read once (not once per version shown), and the files of the page's versions and
        // of the one before it, not of every version.
        assertEquals(VERSIONS, reads.changesRead(), "changes read from the changelog");
        assertTrue(reads.calls("asOf") <= ItemVersions.PAGE + 1, "attachment reads: " + reads.calls("asOf"));

        CliRun.Result oldest = CliRun.run(dir, "history", id, "--page", "400");
        assertEquals(0, oldest.code(), oldest.err());
        assertTrue(oldest.out().lines().findFirst().orElseThrow().contains("Created"), oldest.out());
        assertEquals(2, CliRun.run(dir, "history", id, "--page", "0").code());
    }
}
