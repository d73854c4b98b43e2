package dev.tandem.engine.internal.keys;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.internal.crypto.ChunkedAead;
import dev.tandem.engine.sync.SyncException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A key made from a passphrase the way the keyring's passphrase slots make theirs (Argon2id with
 * {@link Kdf#DEFAULT}'s parameters and a random salt), for a file that carries its own salt and
 * parameters: a backup. The parameters are bounded before anything is derived ({@link Kdf#check}),
 * so a hostile file can neither make guessing cheap nor stall this device. Sealing is the
 * engine's one AEAD ({@link Aead}, AES-256-GCM), with a nonce the caller makes unique per key.
 */
public final class PassphraseKey implements AutoCloseable {
    public static final int SALT_LENGTH = 16;
    /** The bytes {@link #writeTo} writes: the derivation's parameters, then the salt. */
    public static final int HEADER_LENGTH = Kdf.ENCODED_LENGTH + SALT_LENGTH;
    public static final int NONCE_LENGTH = Wrap.NONCE_LENGTH;
    public static final int TAG_LENGTH = Wrap.TAG_LENGTH;

    private final Kdf kdf;
    private final byte[] salt;
    private final byte[] key;

    private PassphraseKey(Kdf kdf, byte[] salt, byte[] key) {
        this.kdf = kdf;
        this.salt = salt;
        this.key = key;
    }

    /** A new key: today's parameters and a new random salt. */
    public static PassphraseKey create(char[] passphrase) {
        byte[] salt = Wrap.random(SALT_LENGTH);
        return new PassphraseKey(Kdf.DEFAULT, salt, Kdf.DEFAULT.fromPassphrase(passphrase, salt));
    }

    /**
     * The key a file's header names, made from {@code passphrase}.
     *
     * @throws SyncException (a {@code TandemException}) when the header's parameters are ones
     *         Tandem never writes
     */
    public static PassphraseKey read(ByteBuffer header, char[] passphrase, String where) {
        Kdf kdf = Kdf.readFrom(header, where);
        if (kdf.id() != Kdf.ARGON2ID) {
            throw new SyncException(SyncException.Reason.CORRUPT, where + " is damaged: its key is not made from a passphrase");
        }
        byte[] salt = new byte[SALT_LENGTH];
        header.get(salt);
        return new PassphraseKey(kdf, salt, kdf.fromPassphrase(passphrase, salt));
    }

    public void writeTo(ByteBuffer header) {
        kdf.writeTo(header);
        header.put(salt);
    }

    public static byte[] random(int length) {
        return Wrap.random(length);
    }

    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        return Aead.seal(key, nonce, aad, plaintext);
    }

    /** The plaintext, or null when authentication fails: a wrong passphrase or altered bytes. */
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext) {
        return Aead.open(key, nonce, aad, ciphertext);
    }

    /** A stream of {@code chunk}-byte chunks sealed with this key (see {@link ChunkedAead}). */
    public ChunkedAead chunks(int chunk, byte[] aad, ChunkedAead.Nonces nonces) {
        return new ChunkedAead(key, chunk, aad, nonces);
    }

    /**
     * A key for another purpose, derived from this one (HMAC-SHA256 of {@code purpose}): knowing it
     * tells nothing of this key, nor of another purpose's.
     */
    public byte[] subkey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }
}
