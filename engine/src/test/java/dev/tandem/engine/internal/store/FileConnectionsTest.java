package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FileConnectionsTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void open_newFile_databaseAndItsLogsReadableByOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("tandem.db");
        try (Db db = Db.open(file)) {
            db.migrate(List.of("CREATE TABLE t(id TEXT PRIMARY KEY, v TEXT)"));
            assertEquals("rw-------", mode(file));
            assertEquals("rw-------", mode(dir.resolve("tandem.db-wal")));
            assertEquals("rw-------", mode(dir.resolve("tandem.db-shm")));
        }
    }

    @Test
    void open_existingFile_permissionsLeftAlone() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("shared.db");
        Db.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Db.open(file).close();
        assertEquals("rw-r-----", mode(file));
    }

    /**
     * Another process has created the empty file and holds it locked while it sets it up: opening
     * waits for it as long as the configured busy timeout, not SQLite's default of 3 s.
     */
    @Test
    void open_freshFileLockedLongerThanDefaultTimeout_waitsAndOpens() throws Exception {
        Path file = dir.resolve("fresh.db");
        Files.createFile(file);
        Future<Db> opened;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); var st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            st.execute("CREATE TABLE t(x)");
            assertEquals(0L, Files.size(file), "the other process has not written the header yet");
            opened = pool.submit(() -> Db.builder().file(file).busyTimeout(Duration.ofSeconds(20)).build());
            Await.quietFor(Duration.ofMillis(3_500), "the opener waits past SQLite's default busy timeout (3 s)");
            other.rollback();
            st.execute("PRAGMA locking_mode = NORMAL");
            st.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        }
        try (Db db = opened.get(20, TimeUnit.SECONDS);
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement(); var rs = st.executeQuery("PRAGMA auto_vacuum")) {
            assertEquals(true, rs.next());
            assertEquals(2, rs.getInt(1), "incremental auto-vacuum");
        } finally {
            pool.shutdownNow();
        }
    }
}
