package dev.tandem.app.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * What Settings and the status bar show of backups.
 *
 * @param enabled    automatic daily backups are on
 * @param folder     where backups go
 * @param running    a backup is being written now
 * @param lastTaken  when the newest backup in the folder was taken (local time), null when there is none
 * @param lastBytes  its size
 * @param lastFile   the file
 * @param failure    why the last backup failed, in words for a person; null once one succeeded since.
 *                   Kept across restarts, so a failure is said again until a backup succeeds
 * @param failedAt   when it failed (local time), null with no failure
 */
public record BackupStatus(boolean enabled, Path folder, boolean running, LocalDateTime lastTaken, long lastBytes,
                           Path lastFile, String failure, LocalDateTime failedAt) {

    /** Whether the status bar must say something: the last backup failed. */
    public boolean failing() {
        return failure != null;
    }
}
