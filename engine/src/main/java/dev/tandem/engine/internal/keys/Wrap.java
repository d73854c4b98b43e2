package dev.tandem.engine.internal.keys;

import dev.tandem.engine.internal.crypto.Aead;
import java.security.SecureRandom;

/**
 * The keyring's random bytes: keys, salts, and a fresh 96-bit nonce for each secret it wraps with
 * {@link Aead}.
 */
final class Wrap {
    static final int NONCE_LENGTH = Aead.NONCE_LENGTH;
    static final int TAG_LENGTH = Aead.TAG_LENGTH;
    static final int KEY_LENGTH = Aead.KEY_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Wrap() {
    }

    static byte[] nonce() {
        return random(NONCE_LENGTH);
    }

    static byte[] random(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }
}
