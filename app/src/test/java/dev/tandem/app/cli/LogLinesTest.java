package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The command line's log set-up: one plain line per warning, nothing for what is only information. */
@Tag("unit")
class LogLinesTest {
    @Test
    void install_warningAndInfoLogged_oneTandemLineForTheWarningAlone() {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            LogLines.install(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            System.Logger log = System.getLogger("dev.tandem.engine.LogLinesTest");
            log.log(System.Logger.Level.INFO, "only information");
            log.log(System.Logger.Level.DEBUG, "only for a developer");
            log.log(System.Logger.Level.WARNING, "The clock went back by {0} s", 12);
            log.log(System.Logger.Level.ERROR, "Could not remove a temp file", new IOException("busy"));
        } finally {
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : before) {
                root.addHandler(h);
            }
        }
        assertEquals("tandem: warning: The clock went back by 12 s\n"
                + "tandem: error: Could not remove a temp file (java.io.IOException: busy)\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
