package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one object: {@code magic "TDEO" | version | 12-byte random nonce | ciphertext
 * | 16-byte tag}. The header and the object's key are the associated data, so an object moved to
 * another key, or relabelled with another version, fails authentication.
 */
final class ObjectCipher {
    static final byte[] MAGIC = {'T', 'D', 'E', 'O'};
    static final int VERSION = 1;
    static final int HEADER_LENGTH = MAGIC.length + 1;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    ObjectCipher(byte[] objectKey) {
        this.key = new SecretKeySpec(objectKey, "AES");
    }

    byte[] encrypt(String objectKey, byte[] plaintext) {
        byte[] out = new byte[OVERHEAD + plaintext.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = VERSION;
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, HEADER_LENGTH, NONCE_LENGTH);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(out, objectKey));
            c.doFinal(plaintext, 0, plaintext.length, out, HEADER_LENGTH + NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while encrypting '" + objectKey + "'", e);
        }
    }

    byte[] decrypt(String objectKey, byte[] blob, String where) {
        if (blob.length < HEADER_LENGTH || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectKey + "' in " + where
                    + " is not an encrypted Tandem object (" + blob.length + " bytes; written without encryption?)");
        }
        int version = blob[MAGIC.length] & 0xFF;
        if (version != VERSION) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "Object '" + objectKey + "' in " + where
                    + " is encrypted with format version " + version + "; this Tandem reads version " + VERSION);
        }
        if (blob.length < OVERHEAD) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectKey + "' in " + where + " is truncated ("
                    + blob.length + " bytes, at least " + OVERHEAD + " expected)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, HEADER_LENGTH, NONCE_LENGTH));
            c.updateAAD(associatedData(blob, objectKey));
            int start = HEADER_LENGTH + NONCE_LENGTH;
            return c.doFinal(blob, start, blob.length - start);
        } catch (AEADBadTagException e) {
            throw new SyncException(Reason.CORRUPT, "Object '" + objectKey + "' in " + where + " failed "
                    + "authentication: it was damaged, altered, or moved from another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while decrypting '" + objectKey + "'", e);
        }
    }

    /** header (5 bytes) || key as ASCII; the header has a fixed length, so the split is unambiguous. */
    private static byte[] associatedData(byte[] blob, String objectKey) {
        byte[] name = objectKey.getBytes(StandardCharsets.US_ASCII);
        byte[] aad = new byte[HEADER_LENGTH + name.length];
        System.arraycopy(blob, 0, aad, 0, HEADER_LENGTH);
        System.arraycopy(name, 0, aad, HEADER_LENGTH, name.length);
        return aad;
    }
}
