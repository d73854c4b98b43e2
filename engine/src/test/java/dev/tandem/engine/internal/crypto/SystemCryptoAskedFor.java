package dev.tandem.engine.internal.crypto;

import java.util.concurrent.Callable;

/**
 * Runs a test's body with files given the system's cipher, as the command line's C1-only JVM gives them, and puts
 * {@code tandem.systemCrypto} back as it was: the test JVM runs C2, where files keep the JDK's.
 */
final class SystemCryptoAskedFor {
    private static final String PROPERTY = "tandem.systemCrypto";

    private SystemCryptoAskedFor() {
    }

    static <T> T call(Callable<T> body) throws Exception {
        String before = System.setProperty(PROPERTY, "true");
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
