package dev.tandem.engine.internal.blob;

import dev.tandem.engine.internal.crypto.SystemCrypto;
import java.security.MessageDigest;

/** SHA-256, which every Java runtime has; for a file, the system library's where there is one ({@link SystemCrypto}). */
public final class Digests {
    private Digests() {
    }

    public static MessageDigest sha256() {
        return sha256(0);
    }

    /** SHA-256 for about {@code bytes} bytes. */
    public static MessageDigest sha256(long bytes) {
        return SystemCrypto.sha256(bytes);
    }
}
