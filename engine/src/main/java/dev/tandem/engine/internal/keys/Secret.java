package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the person gave this device to open the remote: a passphrase or a recovery key. It is
 * needed only until the keyring is open (afterwards the slot's key-encryption key stands in for
 * it), so {@link #wipe} clears the passphrase's chars; the String it came from cannot be wiped.
 */
public final class Secret {
    private char[] passphrase;
    private final RecoveryCode recovery;
    private final AtomicInteger derivations = new AtomicInteger();
    /** Where keys stretched from a saved passphrase are kept for the next process; null: nowhere. */
    private KeyCache cache;

    private Secret(char[] passphrase, RecoveryCode recovery) {
        this.passphrase = passphrase;
        this.recovery = recovery;
    }

    public static Secret passphrase(String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("passphrase: must not be empty");
        }
        return new Secret(passphrase.toCharArray(), null);
    }

    /** @throws IllegalArgumentException naming what is wrong with a mistyped code */
    public static Secret recoveryKey(String code) {
        return new Secret(null, RecoveryCode.parse(code));
    }

    /** Keeps the keys this passphrase opens slots with in {@code cache}; only for a passphrase the device keeps saved. */
    public Secret remembering(KeyCache cache) {
        if (recovery != null) {
            throw new IllegalStateException("a recovery key is typed, never kept: it has no key cache");
        }
        this.cache = cache;
        return this;
    }

    /** The key kept for {@code slot} by an earlier process, or null: it must still be tried on the slot. */
    byte[] remembered(Slot slot) {
        return cache == null || passphrase == null ? null : cache.get(slot, passphrase);
    }

    /** {@code kek} opened {@code slot}: kept for the next process, where there is a cache. */
    void opened(Slot slot, byte[] kek) {
        if (cache != null && passphrase != null) {
            cache.put(slot, passphrase, kek);
        }
    }

    int slotType() {
        return recovery != null ? Slot.RECOVERY : Slot.PASSPHRASE;
    }

    /** The key-encryption key for a slot of this secret's type with {@code kdf} and {@code salt}. */
    byte[] derive(Kdf kdf, byte[] salt, String remote) {
        derivations.incrementAndGet();
        if (recovery != null) {
            return kdf.fromRecoveryKey(recovery.secret(), salt);
        }
        return kdf.fromPassphrase(chars(remote), salt);
    }

    /** The first layout knows only passphrases. */
    char[] passphraseForUpgrade(String remote) {
        if (recovery != null) {
            throw new SyncException(Reason.WRONG_PASSPHRASE, remote + " has no recovery key yet (it was encrypted "
                    + "by an older Tandem); only its passphrase opens it. Nothing was read or changed");
        }
        derivations.incrementAndGet();
        return chars(remote);
    }

    /** How many keys were derived from this secret: the slow part of opening a remote. */
    public int derivations() {
        return derivations.get();
    }

    private char[] chars(String remote) {
        if (passphrase == null) {
            throw new IllegalStateException("the passphrase for " + remote + " was already wiped");
        }
        return passphrase;
    }

    public void wipe() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
            passphrase = null;
        }
    }
}
