package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.SaveLoop;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is on disk when save returns: a child JVM saves in a loop and is killed with SIGKILL at a
 * random moment; every save it acknowledged must be there after reopening, once, with its
 * changelog entry, and the file must pass SQLite's integrity check.
 */
@Tag("process")
class DurabilityTest {
    @TempDir
    Path dir;

    record Row(String id, String integrityCheck) {
    }

    record Count(String id, long n) {
    }

    @RepeatedTest(3)
    void save_processKilled_everyAcknowledgedSaveSurvives() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        int target = 50 + new Random().nextInt(400);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            String line;
            while (acknowledged.size() < target && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            // kill -9, as a power cut or the OOM killer would; Process.destroyForcibly would also
            // close our end of its output, losing acknowledgements still in the pipe.
            new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start().waitFor();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
            }
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        try (Db db = Db.open(file)) {
            assertEquals("ok", db.query(Row.class, "PRAGMA integrity_check").get(0).integrityCheck());
            Set<String> stored = new HashSet<>();
            db.query(Item.class, "SELECT * FROM item").forEach(i -> stored.add(i.id()));
            assertTrue(stored.containsAll(acknowledged), "lost " + (acknowledged.size() - stored.size()));
            long inserts = db.query(Count.class, "SELECT 'x' AS id, count(DISTINCT entity) AS n FROM _tandem_change"
                    + " WHERE tbl = 'item'").get(0).n();
            assertEquals(stored.size(), inserts, "every row has its changelog entry and no other");
            Map<String, Integer> changes = Canonical.changesSetting(db, "item", "priority");
            assertEquals(stored, changes.keySet(), "each stored row has its insert");
            assertTrue(changes.values().stream().allMatch(n -> n == 1), "each insert recorded once: " + changes);
            db.save(Item.of("after the crash"));
        }
    }
}
