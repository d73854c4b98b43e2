package dev.tandem.engine.internal.space;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * New key pairs, and keys read back from their standard encodings (X.509 public, PKCS#8 private),
 * for one of the space's algorithms: Ed25519 for signing ({@link SpaceCrypto}), X25519 for sealing
 * ({@link Sealed}). A Java without the algorithm is a broken install; bytes that are no such key
 * are the caller's bad input.
 */
final class KeyEncodings {
    private KeyEncodings() {
    }

    static KeyPair newKeyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no " + algorithm, e);
        }
    }

    static PublicKey publicKey(String algorithm, byte[] x509) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " public key", e);
        }
    }

    static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " private key", e);
        }
    }
}
