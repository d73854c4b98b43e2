package dev.tandem.engine.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM, the engine's one AEAD: every format that encrypts (blobs, backups, remote objects,
 * sealed grants, the keyring) seals and opens through here, with a 32-byte key, a 12-byte nonce the
 * caller makes unique per key, the caller's associated data and a 16-byte tag.
 *
 * <p>Bytes that do not authenticate are an answer, not an error here: {@code open} gives null (or
 * -1) and each caller says what it means in its own terms (a damaged attachment, a wrong
 * passphrase, a backup cut short). Whatever the words, retrying cannot help: the same bytes under the
 * same key fail the same way. Any other failure of the JDK's AES-GCM is a broken runtime, an
 * {@link IllegalStateException}.
 *
 * <p>An instance holds one {@link Cipher} and may be reused for any number of calls by one thread:
 * a stream of many chunks makes one, not one per chunk. That is also what lets JDK 17 reach its
 * AES-GCM intrinsic, which it uses only once the calling code is compiled. An instance is the JDK's
 * AES-GCM, or a given provider's: a long stream moves to the system library's ({@link SystemCrypto}).
 */
public final class Aead {
    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private final Cipher cipher;
    /** Where a provider that asks more room than the plaintext opens into, kept for the next call. */
    private byte[] scratch;

    /** The JDK's AES-GCM. */
    public Aead() {
        this(null);
    }

    /** {@code provider}'s AES-GCM, or the JDK's when it is null. */
    public Aead(Provider provider) {
        try {
            cipher = provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                    : Cipher.getInstance("AES/GCM/NoPadding", provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /** Whose AES-GCM this is. */
    Provider provider() {
        return cipher.getProvider();
    }

    /** {@code plaintext} sealed: its ciphertext followed by the tag. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        new Aead().seal(key, nonce, aad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** The plaintext of {@code sealed}, or null when it does not authenticate (wrong key, nonce, aad, or altered bytes). */
    public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        return open(key, nonce, aad, sealed, 0, sealed.length);
    }

    /** As {@link #open(byte[], byte[], byte[], byte[])} over {@code length} bytes of {@code in} from {@code offset}. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length) {
        if (length < TAG_LENGTH) {
            return null;
        }
        byte[] out = new byte[length - TAG_LENGTH];
        return new Aead().open(key, nonce, aad, in, offset, length, out, 0) < 0 ? null : out;
    }

    /** Seals {@code length} bytes of {@code in} from {@code offset} into {@code out} at {@code outOffset}; the bytes written (length + tag). */
    public int seal(byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length, byte[] out, int outOffset) {
        try {
            init(Cipher.ENCRYPT_MODE, key, nonce, aad);
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while sealing: " + e, e);
        }
    }

    /**
     * Opens {@code length} sealed bytes of {@code in} from {@code offset} into {@code out} at {@code
     * outOffset}: the plaintext's length, or -1 when they do not authenticate (then what {@code out}
     * holds must not be used).
     */
    public int open(byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length, byte[] out, int outOffset) {
        if (length < TAG_LENGTH) {
            return -1;
        }
        try {
            init(Cipher.DECRYPT_MODE, key, nonce, aad);
            int room = cipher.getOutputSize(length);
            if (out.length - outOffset >= room) {
                return cipher.doFinal(in, offset, length, out, outOffset);
            }
            // The JDK's AES-GCM asks room for the plaintext only, NSS's for the sealed bytes: those pass through here.
            scratch = scratch != null && scratch.length >= room ? scratch : new byte[room];
            int n = cipher.doFinal(in, offset, length, scratch, 0);
            System.arraycopy(scratch, 0, out, outOffset, n);
            return n;
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while opening: " + e, e);
        }
    }

    private void init(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        cipher.updateAAD(aad);
    }
}
