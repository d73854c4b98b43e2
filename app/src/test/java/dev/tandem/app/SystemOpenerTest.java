package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The system's opener's answer reaches the window: a file nothing opens is a failure, not silence. */
@DisabledOnOs(OS.WINDOWS)
@Tag("unit")
class SystemOpenerTest {
    @TempDir
    Path dir;

    @Test
    void open_openerExitsWithAnError_failsNamingTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("model.xyz3d"), "x");
        SystemOpener opener = new SystemOpener(List.of("false"), uri -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opener.open(f.toUri().toString()));
        assertTrue(e.getMessage().contains("model.xyz3d"), e.getMessage());
    }

    /**
     * xdg-open runs the viewer and answers with its exit status: a viewer that showed the file and was then closed
     * with an error (killed) is no "no application opens it".
     */
    @Test
    void open_applicationRanAWhileThenEndedWithAnError_noFailure() throws Exception {
        Path f = Files.writeString(dir.resolve("receipt.txt"), "x");
        SystemOpener opener = new SystemOpener(List.of("sh", "-c", "sleep 1.5; exit 4", "sh"), uri -> { }, Duration.ofSeconds(1));
        opener.open(f.toUri().toString());
    }

    @Test
    void open_openerSucceeds_returnsAndWebLinksGoToTheBrowser() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "x");
        List<String> links = new ArrayList<>();
        SystemOpener opener = new SystemOpener(List.of("true"), links::add);
        opener.open(f.toUri().toString());
        opener.open("https://example.com/");
        assertEquals(List.of("https://example.com/"), links);
    }
}
