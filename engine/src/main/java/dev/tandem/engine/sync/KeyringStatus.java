package dev.tandem.engine.sync;

import java.time.Instant;

/**
 * What an encrypted remote's keyring says about itself, as a device that unlocked it reads it
 * (docs/ENCRYPTION.md, "The keyring").
 *
 * @param generation         counts every change of the keyring, from 1
 * @param lastEvent          what the newest change was
 * @param changedAt          when it was made, by the clock of the device that made it
 * @param changedBy          the name of that device
 * @param recoveryKey        whether a recovery key also opens the remote
 * @param rotationUnfinished a key rotation started and has not yet re-encrypted every object
 * @param kdf                how the passphrase is stretched, e.g. "Argon2id, 64 MiB, 3 passes, 4 lanes"
 * @param legacyDescriptor   devices with a Tandem from before the keyring still open the remote
 *                           with the same passphrase; false once the passphrase or key changed
 */
public record KeyringStatus(int generation, Event lastEvent, Instant changedAt, String changedBy,
                            boolean recoveryKey, boolean rotationUnfinished, String kdf, boolean legacyDescriptor) {

    /** The kinds of change a keyring records; the numbers are the format's (never reorder). */
    public enum Event {
        CREATED(1), UPGRADED(2), PASSPHRASE_CHANGED(3), RECOVERY_KEY_CREATED(4), PASSPHRASE_RESET(5),
        ROTATION_STARTED(6), ROTATED(7);

        private final int code;

        Event(int code) {
            this.code = code;
        }

        /** The byte the keyring stores. */
        public int code() {
            return code;
        }

        /** The event a stored byte names, or null for one this Tandem does not know. */
        public static Event of(int code) {
            for (Event e : values()) {
                if (e.code == code) {
                    return e;
                }
            }
            return null;
        }

        /** Whether the passphrase that opens the remote changed with this event. */
        public boolean changesPassphrase() {
            return this == PASSPHRASE_CHANGED || this == PASSPHRASE_RESET || this == ROTATION_STARTED;
        }
    }
}
