/**
 * Automatic local backups and restoring them: {@code BackupService} writes a checked, dated backup
 * file of the profile to a folder outside it (daily while the app runs, and on demand), encrypted
 * with the remote's passphrase when the profile has one, and keeps the set {@code Retention}
 * promises; {@code BackupFolder} picks the platform's default folder and refuses one inside the
 * data dir; {@code BackupName} is the file name and what it says; {@code BackupStatus} is what
 * Settings and the status bar show. {@code model.BackupRestore} brings a backup back into the profile as
 * ordinary edits (only what differs, in one transaction, with the edits that take it back), which
 * sync like any other. Below the view-models: no UI toolkit here.
 */
package dev.tandem.app.backup;
