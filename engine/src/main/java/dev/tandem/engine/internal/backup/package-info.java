/**
 * Backups of a database file: {@code OnlineCopy} takes a copy as of one commit through SQLite's
 * online backup API on a connection of its own (in WAL mode, writers go on meanwhile) and checks
 * the copy against what it copied; {@code SealedFile} is the encrypted file format (a versioned
 * header, then chunks each authenticated with its index and whether it is the last);
 * {@code FileBackups} puts them together behind the API's {@code Backups}, and gives an unpacked
 * copy a device id of its own ({@code internal.changelog.DeviceIds}). The key comes from the
 * passphrase as the remote keyring's do ({@code internal.keys.PassphraseKey}).
 */
package dev.tandem.engine.internal.backup;
