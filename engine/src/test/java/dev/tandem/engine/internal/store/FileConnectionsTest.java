package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.engine.Db;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
