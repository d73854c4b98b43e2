package dev.tandem.engine.internal.sync;

import java.security.SecureRandom;

/** The change marker's content: random, so every rewrite is a new version whatever the storage. */
final class MarkerBytes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MarkerBytes() {
    }

    static byte[] fresh() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
