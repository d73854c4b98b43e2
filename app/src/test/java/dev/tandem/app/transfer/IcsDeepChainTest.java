package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An .ics file whose RELATED-TO chain is 10,000 deep imports flattened at the depth limit, and lists. */
@Tag("unit")
class IcsDeepChainTest {
    static final int DEEP = 10_000;

    @TempDir
    Path dir;

    @Test
    void import_relatedToChain10000Deep_writesNoTodoPastTheLimitAndListAnswers() throws Exception {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//attacker//EN\r\n"
                + "X-WR-CALNAME:Deep\r\n");
        for (int k = 0; k < DEEP; k++) {
            ics.append("BEGIN:VTODO\r\nUID:t").append(k).append("\r\nSUMMARY:level ").append(k).append("\r\n");
            if (k > 0) {
                ics.append("RELATED-TO:t").append(k - 1).append("\r\n");
            }
            ics.append("END:VTODO\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        Path file = dir.resolve("deep.ics");
        Files.writeString(file, ics);
        Path profile = dir.resolve("profile");
        CliRun.Result imported = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run(profile, "import",
                file.toString()));
        assertEquals(0, imported.code(), imported.err());
        CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run(profile, "list", "--list", "Deep"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(DEEP, lines.size());
        int deepest = lines.stream().mapToInt(l -> (l.length() - l.stripLeading().length()) / 2).max().orElseThrow();
        assertEquals(Outline.MAX_DEPTH, deepest);
        // Written at the limit, not only shown there: no notice, as nothing lies deeper.
        assertTrue(r.err().isEmpty(), r.err());
        String last = lines.stream().filter(l -> l.contains("level " + (DEEP - 1) + " ")).findFirst().orElseThrow();
        assertEquals(Outline.MAX_DEPTH, (last.length() - last.stripLeading().length()) / 2, last);
    }
}
