/**
 * A backup restored into the profile ({@link dev.tandem.app.model.backup.BackupRestore}: unpacked into a
 * scratch copy, checked, then written as this device's own edits) and what a backup file holds ({@link
 * dev.tandem.app.model.backup.BackupFiles}). Making backups is the app's {@code backup} service. Builds on
 * the model's core and no other feature.
 */
package dev.tandem.app.model.backup;
