package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process writing to the file for a while (a catch-up holds it for seconds): here another
 * connection with its own write transaction open, as SQLite locks it against this one exactly as
 * against another process.
 */
@Tag("unit")
class WriteWaitTest {
    @TempDir
    Path dir;

    private Path prepared() {
        Path file = dir.resolve("tandem.db");
        try (Db db = Db.open(file)) {
            db.migrate(Fixtures.MIGRATIONS);
            db.save(Item.of("before"));
        }
        return file;
    }

    /** Opens a write transaction on {@code file} that has written, as a sync's does mid-catch-up. */
    private static Connection writing(Path file) throws Exception {
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE item SET title = title || '!'");
        }
        return other;
    }

    private static void commitLater(Connection other, long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                try (Statement st = other.createStatement()) {
                    st.execute("COMMIT");
                }
                other.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
    }

    @Test
    void save_anotherWriterHoldsTheFileForSeconds_waitsReportsAndSaves() throws Exception {
        Path file = prepared();
        List<Duration> reports = new CopyOnWriteArrayList<>();
        try (Db db = Db.builder().file(file).busyTimeout(Duration.ofSeconds(30)).onWriteWait(reports::add).build()) {
            db.migrate(Fixtures.MIGRATIONS);
            commitLater(writing(file), 2_600);
            long started = System.nanoTime();
            Item saved = db.save(Item.of("while the other writes"));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(waitedMillis >= 2_000, "the save waited for the other write: " + waitedMillis + " ms");
            assertTrue(reports.size() >= 2, "reported about once a second: " + reports);
            for (int i = 0; i < reports.size(); i++) {
                assertTrue(reports.get(i).toMillis() >= 1_000L * (i + 1) - 50, "report " + i + ": " + reports);
            }
            assertEquals(List.of("before!", "while the other writes"),
                    db.query(Item.class, "SELECT * FROM item ORDER BY title").stream().map(Item::title).toList());
            assertEquals(saved, db.get(Item.class, saved.id()).orElseThrow());
        }
    }

    @Test
    void save_otherWriteOutlastsTheBusyTimeout_failsSayingLockedAndKeepsTheData() throws Exception {
        Path file = prepared();
        try (Db db = Db.builder().file(file).busyTimeout(Duration.ofMillis(700)).build();
             Connection other = writing(file)) {
            long started = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> db.save(Item.of("blocked")));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            assertTrue(waitedMillis >= 650 && waitedMillis < 20_000, "waited the busy timeout, not the default: " + waitedMillis);
            try (Statement st = other.createStatement()) {
                st.execute("ROLLBACK");
            }
            assertEquals(List.of("before"), db.query(Item.class, "SELECT * FROM item").stream().map(Item::title).toList());
        }
    }

    @Test
    void save_interruptedWhileWaiting_failsWithTheFlagRestored() throws Exception {
        Path file = prepared();
        try (Db db = Db.builder().file(file).busyTimeout(Duration.ofSeconds(30)).build();
             Connection other = writing(file)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean flagAfter = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            Thread saver = new Thread(() -> {
                try {
                    db.save(Item.of("interrupted"));
                } catch (RuntimeException e) {
                    failure.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
                done.countDown();
            });
            saver.start();
            Await.quietFor(Duration.ofMillis(400), "the saver is waiting for the other writer when it is interrupted");
            saver.interrupt();
            assertTrue(done.await(10, TimeUnit.SECONDS), "the interrupt ended the wait");
            assertTrue(failure.get() instanceof StorageException, String.valueOf(failure.get()));
            assertTrue(flagAfter.get(), "interrupt flag restored");
            try (Statement st = other.createStatement()) {
                st.execute("ROLLBACK");
            }
        }
    }

    /** Reads never wait for a writer (WAL), and opening a database set up already reads only. */
    @Test
    void open_anotherWriterHoldsTheFile_opensMigratesAndReadsAtOnce() throws Exception {
        Path file = prepared();
        try (Connection other = writing(file)) {
            // A write meanwhile would fail after 300 ms: the other transaction stays open throughout.
            try (Db db = Db.builder().file(file).busyTimeout(Duration.ofMillis(300)).build()) {
                db.migrate(Fixtures.MIGRATIONS);
                assertEquals(List.of("before"), db.query(Item.class, "SELECT * FROM item").stream().map(Item::title).toList());
            }
            try (Statement st = other.createStatement()) {
                st.execute("ROLLBACK");
            }
        }
    }
}
