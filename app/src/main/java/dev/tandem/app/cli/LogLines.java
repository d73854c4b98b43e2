package dev.tandem.app.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the engine and the libraries log, as the command line shows it: a warning or worse as one
 * line {@code tandem: warning: …} on stderr, like the command's own messages, and nothing below.
 * The JDK's default set-up prints every INFO or worse as two raw lines (a time stamp with a class
 * and method name, then {@code WARNING: …}), which reads as a crash amid a command's output. What
 * the engine means for a person comes in its reports (a sync's warnings and notes); its log is for
 * what no report carries, so only a real problem may show here.
 */
public final class LogLines {
    private LogLines() {
    }

    /** Replaces the root logger's handlers for this process with one that writes to {@code err}. */
    public static void install(PrintStream err) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler line = new Handler() {
            private final SimpleFormatter text = new SimpleFormatter();

            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warning";
                String message = text.formatMessage(r).strip().replace('\n', ' ');
                Throwable thrown = r.getThrown();
                err.println("tandem: " + level + ": " + message + (thrown == null ? "" : " (" + thrown + ")"));
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        line.setLevel(Level.WARNING);
        root.addHandler(line);
    }
}
