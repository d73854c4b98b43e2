package dev.tandem.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A backup written or read back, and what was checked: the file, its size on disk, whether it is
 * encrypted, the copy's schema version ({@link Db#schemaVersion}) and the rows of each table (the
 * engine's own tables included), equal to what the database held at the commit it was copied at.
 */
public record BackupFile(Path file, long bytes, boolean encrypted, int schemaVersion, Map<String, Long> rows) {
    public BackupFile {
        rows = Map.copyOf(rows);
    }

    /** The rows of {@code table} in the copy; 0 when it has no such table. */
    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }
}
