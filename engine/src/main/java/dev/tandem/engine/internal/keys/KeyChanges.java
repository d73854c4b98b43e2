package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.KeyringStatus.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyring changes a person can make, each one new generation ({@link KeyringStore#commit}).
 * What each keeps: a passphrase change keeps the keyring key and the recovery slot, so nothing
 * else is rewrapped and other devices' recovery keys still work; a new recovery key keeps the
 * passphrase slot, so other devices do not notice; a rotation replaces everything (after a leak,
 * whatever the old passphrase could open must be assumed known) and keeps only the old data keys,
 * for reading, until {@link #finishRotation} drops them.
 */
public final class KeyChanges {
    /** A change that also made a recovery key, which the person must see once. */
    public record WithCode(Unlocked unlocked, String recoveryKey) {
    }

    private KeyChanges() {
    }

    public static Unlocked changePassphrase(KeyringStore store, Unlocked u, String newPassphrase) {
        Secret fresh = Secret.passphrase(newPassphrase);
        try {
            byte[] salt = Wrap.random(Slot.SALT_LENGTH);
            byte[] kek = fresh.derive(Kdf.DEFAULT, salt, "");
            Slot passphrase = Slot.seal(Slot.PASSPHRASE, Kdf.DEFAULT, salt, kek, u.keyringKey());
            List<Slot> slots = new ArrayList<>(List.of(passphrase));
            Slot recovery = u.ring().slot(Slot.RECOVERY);
            if (recovery != null) {
                slots.add(recovery);
            }
            boolean viaRecovery = u.via().type() == Slot.RECOVERY;
            Event event = viaRecovery ? Event.PASSPHRASE_RESET : Event.PASSPHRASE_CHANGED;
            return store.commit(u, event, false, slots, u.keys(), u.keyringKey(),
                    viaRecovery ? u.via() : passphrase, viaRecovery ? u.kek() : kek);
        } finally {
            fresh.wipe();
        }
    }

    public static WithCode newRecoveryKey(KeyringStore store, Unlocked u) {
        RecoveryCode code = RecoveryCode.generate();
        byte[] salt = Wrap.random(Slot.SALT_LENGTH);
        byte[] kek = Kdf.RECOVERY.fromRecoveryKey(code.secret(), salt);
        Slot recovery = Slot.seal(Slot.RECOVERY, Kdf.RECOVERY, salt, kek, u.keyringKey());
        List<Slot> slots = new ArrayList<>();
        Slot passphrase = u.ring().slot(Slot.PASSPHRASE);
        if (passphrase != null) {
            slots.add(passphrase);
        }
        slots.add(recovery);
        boolean viaRecovery = u.via().type() == Slot.RECOVERY;
        Unlocked next = store.commit(u, Event.RECOVERY_KEY_CREATED, u.ring().legacyDescriptor(), slots, u.keys(),
                u.keyringKey(), viaRecovery ? recovery : u.via(), viaRecovery ? kek : u.kek());
        return new WithCode(next, code.toString());
    }

    public static WithCode startRotation(KeyringStore store, Unlocked u, String newPassphrase) {
        Secret fresh = Secret.passphrase(newPassphrase);
        try {
            byte[] keyringKey = Wrap.random(Wrap.KEY_LENGTH);
            byte[] salt = Wrap.random(Slot.SALT_LENGTH);
            byte[] kek = fresh.derive(Kdf.DEFAULT, salt, "");
            Slot passphrase = Slot.seal(Slot.PASSPHRASE, Kdf.DEFAULT, salt, kek, keyringKey);
            RecoveryCode code = RecoveryCode.generate();
            byte[] recoverySalt = Wrap.random(Slot.SALT_LENGTH);
            Slot recovery = Slot.seal(Slot.RECOVERY, Kdf.RECOVERY, recoverySalt,
                    Kdf.RECOVERY.fromRecoveryKey(code.secret(), recoverySalt), keyringKey);
            Unlocked next = store.commit(u, Event.ROTATION_STARTED, false, List.of(passphrase, recovery),
                    u.keys().rotated(), keyringKey, passphrase, kek);
            return new WithCode(next, code.toString());
        } finally {
            fresh.wipe();
        }
    }

    /** Drops the old data keys; the caller re-encrypted every object under them first. */
    public static Unlocked finishRotation(KeyringStore store, Unlocked u) {
        if (u.keys().keys().size() == 1) {
            return u;
        }
        return store.commit(u, Event.ROTATED, false, u.ring().slots(), u.keys().currentOnly(), u.keyringKey(),
                u.via(), u.kek());
    }
}
