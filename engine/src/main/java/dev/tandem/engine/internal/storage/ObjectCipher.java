package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM over one object: {@code magic "TDEO" | version | [data key id] | 12-byte random
 * nonce | ciphertext | 16-byte tag}. Version 1 has no key id and means data key 0, so an object
 * written under a remote's first key reads the same in both layouts and older Tandems read it;
 * version 2 carries a 4-byte key id, for keys made by a rotation. The header and the object's name
 * are the associated data, so an object moved to another name, or relabelled with another version
 * or key id, fails authentication.
 */
final class ObjectCipher {
    static final byte[] MAGIC = {'T', 'D', 'E', 'O'};
    static final int VERSION = 1;
    static final int VERSION_KEY_ID = 2;
    static final int HEADER_LENGTH = MAGIC.length + 1;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectCipher() {
    }

    static byte[] encrypt(int keyId, byte[] key, String objectName, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return encrypt(keyId, key, objectName, plaintext, nonce);
    }

    /** As above with a given nonce: random in use, fixed by the format's test vectors. */
    static byte[] encrypt(int keyId, byte[] key, String objectName, byte[] plaintext, byte[] nonce) {
        int header = headerLength(keyId == 0 ? VERSION : VERSION_KEY_ID);
        byte[] out = new byte[header + NONCE_LENGTH + TAG_BITS / 8 + plaintext.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        if (keyId == 0) {
            out[MAGIC.length] = VERSION;
        } else {
            out[MAGIC.length] = VERSION_KEY_ID;
            putInt(out, HEADER_LENGTH, keyId);
        }
        System.arraycopy(nonce, 0, out, header, NONCE_LENGTH);
        new Aead().seal(key, nonce, associatedData(out, header, objectName), plaintext, 0, plaintext.length, out,
                header + NONCE_LENGTH);
        return out;
    }

    /** The data key id an encrypted object names, after checking its header and length. */
    static int keyIdOf(String objectName, byte[] blob, String where) {
        if (blob.length < HEADER_LENGTH || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where
                    + " is not an encrypted Tandem object (" + blob.length + " bytes; written without encryption?)");
        }
        int version = blob[MAGIC.length] & 0xFF;
        if (version != VERSION && version != VERSION_KEY_ID) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "Object '" + objectName + "' in " + where
                    + " is encrypted with format version " + version + "; this Tandem reads versions 1 and 2");
        }
        int header = headerLength(version);
        if (blob.length < header + NONCE_LENGTH + TAG_BITS / 8) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where + " is truncated ("
                    + blob.length + " bytes, at least " + (header + NONCE_LENGTH + TAG_BITS / 8) + " expected)");
        }
        return version == VERSION ? 0 : getInt(blob, HEADER_LENGTH);
    }

    /** Decrypts with {@code key}, which must be the one {@link #keyIdOf} named. */
    static byte[] decrypt(byte[] key, String objectName, byte[] blob, String where) {
        int header = headerLength(blob[MAGIC.length] & 0xFF);
        int start = header + NONCE_LENGTH;
        byte[] plain = Aead.open(key, Arrays.copyOfRange(blob, header, start), associatedData(blob, header, objectName),
                blob, start, blob.length - start);
        if (plain == null) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where + " failed "
                    + "authentication: it was damaged, altered, or moved from another key");
        }
        return plain;
    }

    private static int headerLength(int version) {
        return version == VERSION ? HEADER_LENGTH : HEADER_LENGTH + 4;
    }

    /** header || name as ASCII; the header's length follows from its version, so the split is unambiguous. */
    private static byte[] associatedData(byte[] blob, int header, String objectName) {
        byte[] nameBytes = objectName.getBytes(StandardCharsets.US_ASCII);
        byte[] aad = new byte[header + nameBytes.length];
        System.arraycopy(blob, 0, aad, 0, header);
        System.arraycopy(nameBytes, 0, aad, header, nameBytes.length);
        return aad;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
