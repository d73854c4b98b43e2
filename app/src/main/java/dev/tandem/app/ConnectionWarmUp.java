package dev.tandem.app;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Prepares what a command's first database connection needs on a second thread, while the main thread reads
 * the options, the language and the settings: sqlite-jdbc's native library, its driver and logger, and the
 * date format every {@link SQLiteConfig} builds (a locale's date symbols: about a sixth of the main thread's
 * time to the first connection when done there). A machine has at least two cores more often than not, so
 * this work leaves the command's path instead of adding to it.
 *
 * <p>Must run after {@link SqliteNativeCache#use}, which says where the library is. The JVM initialises each
 * class once whichever thread comes first, so the main thread reaching one of them waits for it, never runs
 * it twice. A failure here is left to the main thread's own first connection, which meets the same one and
 * reports it where the command reports errors.
 */
final class ConnectionWarmUp {
    /** The logging back end shipped with Tandem (slf4j-jdk14): named, so slf4j does not search every jar for one. */
    static final String SLF4J_PROVIDER = "org.slf4j.jul.JULServiceProvider";

    private ConnectionWarmUp() {
    }

    /**
     * Names slf4j's provider unless the user did (and keeps slf4j's own note that it was named off the command's
     * output), then starts the warm-up thread.
     */
    static void start() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", SLF4J_PROVIDER);
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        Thread t = new Thread(ConnectionWarmUp::run, "tandem-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Class.forName("org.sqlite.JDBC");
            SQLiteJDBCLoader.initialize();
            new SQLiteConfig();
        } catch (Exception | LinkageError e) {
            // Reported by the first connection, which meets the same failure (see the class comment).
        }
    }
}
