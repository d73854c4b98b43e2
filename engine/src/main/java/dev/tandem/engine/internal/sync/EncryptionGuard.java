package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;

/**
 * Keeps a device without a passphrase off an encrypted remote. Without it such a device would
 * write batches anyone with access to the storage can read, set aside every other device's
 * encrypted batches as damaged, and have its own set aside by them, while every device said
 * "Synced". The encrypted remote's descriptor (docs/ENCRYPTION.md) is unencrypted, so one GET
 * tells: present means encrypted.
 *
 * <p>Checked at an engine's first sync or check, and again before every sync that pushes, so a
 * remote that became encrypted while this engine ran is caught before anything is written. An idle
 * sync does not pay for it. (The opposite case, a passphrase on a remote holding unencrypted data,
 * is refused by {@link EncryptedStorage} when it finds no descriptor.)
 */
final class EncryptionGuard {
    private final SyncStorage storage;
    private final String remote;
    private volatile boolean checked;

    /** {@code storage} is the plain stack under the prefix; {@code remote} names it for messages. */
    EncryptionGuard(SyncStorage storage, String remote) {
        this.storage = storage;
        this.remote = remote;
    }

    void check(boolean aboutToWrite) {
        if (checked && !aboutToWrite) {
            return;
        }
        if (storage.get(EncryptedStorage.DESCRIPTOR_KEY).isPresent()) {
            throw new SyncException(Reason.PASSPHRASE_REQUIRED, remote + " is encrypted (it holds '"
                    + EncryptedStorage.DESCRIPTOR_KEY + "'), and this device has no passphrase set for it, so"
                    + " nothing was read or written. Enter the passphrase the other devices use.");
        }
        checked = true;
    }
}
