package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.KeyringStatus;

/**
 * A keyring generation this device opened, and what it needs to follow later generations without
 * asking again: the slot it came in through and that slot's key-encryption key. A later generation
 * whose slot of the same type has the same salt opens with the same key; a new salt means the
 * passphrase (or recovery key) changed elsewhere, and this device must be told the new one.
 */
public record Unlocked(Keyring ring, byte[] keyringKey, DataKeys keys, Slot via, byte[] kek) {

    public int generation() {
        return ring.generation();
    }

    /** The data key new objects are encrypted with. */
    public int currentKeyId() {
        return keys.current().id();
    }

    public byte[] currentKey() {
        return keys.current().key();
    }

    /** The data key with {@code id}, or null when this generation does not hold it. */
    public byte[] key(int id) {
        return keys.key(id);
    }

    public KeyringStatus status() {
        Slot passphrase = ring.slot(Slot.PASSPHRASE);
        return new KeyringStatus(ring.generation(), ring.event(), ring.changedAt(), ring.changedBy(),
                ring.slot(Slot.RECOVERY) != null, keys.keys().size() > 1,
                passphrase == null ? "none" : passphrase.kdf().describe(), ring.legacyDescriptor());
    }
}
