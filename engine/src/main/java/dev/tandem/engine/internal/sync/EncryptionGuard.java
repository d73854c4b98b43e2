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
 * <p>Checked at an engine's first sync or check, and again before the sync that first pushes, so a
 * remote that became encrypted meanwhile is caught before anything is written. Once this engine
 * has written plain data, no device can set up encryption there any more ({@link EncryptedStorage}
 * refuses a passphrase on a remote holding plain data), so later syncs, idle or not, pay nothing.
 */
final class EncryptionGuard {
    private final SyncStorage storage;
    private final String remote;
    private volatile boolean checked;
    private volatile boolean wrote;

    /** {@code storage} is the plain stack under the prefix; {@code remote} names it for messages. */
    EncryptionGuard(SyncStorage storage, String remote) {
        this.storage = storage;
        this.remote = remote;
    }

    void check(boolean aboutToWrite) {
        if (wrote || checked && !aboutToWrite) {
            return;
        }
        if (storage.get(EncryptedStorage.DESCRIPTOR_NAME).isPresent()) {
            throw new SyncException(Reason.PASSPHRASE_REQUIRED, remote + " is encrypted (it holds '"
                    + EncryptedStorage.DESCRIPTOR_NAME + "'), and this device has no passphrase set for it, so"
                    + " nothing was read or written. Enter the passphrase the other devices use.");
        }
        checked = true;
    }

    /** This engine has written plain objects to the remote. */
    void wrote() {
        wrote = true;
    }
}
