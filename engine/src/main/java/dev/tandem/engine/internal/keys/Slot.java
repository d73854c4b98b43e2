package dev.tandem.engine.internal.keys;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One way into a keyring: the keyring key wrapped (AES-256-GCM) by a key-encryption key derived
 * from a passphrase or a recovery key. The wrap authenticates the slot's own header only, so a
 * slot moves unchanged into the next generation when something else changes; a new salt therefore
 * means a new passphrase (or recovery key), which is how another device tells a change apart.
 */
record Slot(int type, Kdf kdf, byte[] salt, byte[] nonce, byte[] wrapped) {
    static final int PASSPHRASE = 1;
    static final int RECOVERY = 2;
    static final int SALT_LENGTH = 16;
    private static final int MAX_SALT = 64;
    private static final int WRAPPED_LENGTH = Wrap.KEY_LENGTH + Wrap.TAG_LENGTH;

    /** A new slot for {@code keyringKey} under {@code kek}, which {@code kdf} made from {@code salt}. */
    static Slot seal(int type, Kdf kdf, byte[] salt, byte[] kek, byte[] keyringKey) {
        return seal(type, kdf, salt, kek, keyringKey, Wrap.nonce());
    }

    /** As above with a given nonce: random in use, fixed by the format's golden vectors. */
    static Slot seal(int type, Kdf kdf, byte[] salt, byte[] kek, byte[] keyringKey, byte[] nonce) {
        Slot unsealed = new Slot(type, kdf, salt.clone(), nonce.clone(), new byte[0]);
        return new Slot(type, kdf, unsealed.salt, unsealed.nonce, Aead.seal(kek, unsealed.nonce, unsealed.aad(), keyringKey));
    }

    /** The keyring key, or null when {@code kek} is not this slot's. */
    byte[] open(byte[] kek) {
        return Aead.open(kek, nonce, aad(), wrapped);
    }

    /** Same passphrase or recovery key as {@code other}: same type, parameters and salt. */
    boolean sameSecretAs(Slot other) {
        return other != null && type == other.type && kdf.equals(other.kdf) && Arrays.equals(salt, other.salt);
    }

    void writeTo(ByteBuffer b) {
        b.put((byte) type);
        kdf.writeTo(b);
        b.put((byte) salt.length).put(salt).put(nonce).put(wrapped);
    }

    static Slot readFrom(ByteBuffer b, String where) {
        int type = b.get() & 0xFF;
        if (type != PASSPHRASE && type != RECOVERY) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The keyring " + where + " has a slot of type "
                    + type + ", which this Tandem does not know");
        }
        Kdf kdf = Kdf.readFrom(b, "A slot of the keyring " + where);
        if ((type == PASSPHRASE) != (kdf.id() == Kdf.ARGON2ID)) {
            throw Keyring.corrupt(where, "a slot of type " + type + " with key derivation " + kdf.id());
        }
        int saltLength = b.get() & 0xFF;
        if (saltLength < SALT_LENGTH || saltLength > MAX_SALT) {
            throw Keyring.corrupt(where, "a " + saltLength + "-byte salt");
        }
        byte[] salt = new byte[saltLength];
        byte[] nonce = new byte[Wrap.NONCE_LENGTH];
        byte[] wrapped = new byte[WRAPPED_LENGTH];
        b.get(salt).get(nonce).get(wrapped);
        return new Slot(type, kdf, salt, nonce, wrapped);
    }

    /** "TDKR" | format | type | KDF | salt length | salt: the slot's header, bound to its wrap. */
    private byte[] aad() {
        ByteBuffer b = ByteBuffer.allocate(Keyring.MAGIC.length + 2 + Kdf.ENCODED_LENGTH + 1 + salt.length);
        b.put(Keyring.MAGIC).put((byte) Keyring.FORMAT).put((byte) type);
        kdf.writeTo(b);
        b.put((byte) salt.length).put(salt);
        return b.array();
    }
}
