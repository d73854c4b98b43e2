package dev.tandem.engine.internal.space;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * Ed25519 as the JDK provides it, for the signatures of a shared space: keys travel as their
 * standard encodings (X.509 for public keys, PKCS #8 for private ones), and every signature covers a
 * purpose label, so a signature made for one kind of object never verifies as another.
 */
public final class SpaceCrypto {
    /** The length of an Ed25519 signature. */
    public static final int SIGNATURE_BYTES = 64;

    private SpaceCrypto() {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair newKeyPair() {
        return KeyEncodings.newKeyPair("Ed25519");
    }

    public static PublicKey publicKey(byte[] x509) {
        return KeyEncodings.publicKey("Ed25519", x509);
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        return KeyEncodings.privateKey("Ed25519", pkcs8);
    }

    /** Signs {@code purpose} and {@code parts}, each length-prefixed so no two inputs sign alike. */
    public static byte[] sign(PrivateKey key, String purpose, byte[]... parts) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message(purpose, parts));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code purpose} and {@code parts}. */
    public static boolean verify(PublicKey key, byte[] signature, String purpose, byte[]... parts) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message(purpose, parts));
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A short fingerprint of a public key, for people to compare: eight groups of four hex digits. */
    public static String fingerprint(byte[] publicKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(publicKey);
            String hex = HexFormat.of().formatHex(d, 0, 16);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) {
                b.append(i == 0 ? "" : " ").append(hex, i, i + 4);
            }
            return b.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] message(String purpose, byte[]... parts) {
        byte[] label = ("tandem-space-v1 " + purpose).getBytes(StandardCharsets.UTF_8);
        int n = 4 + label.length;
        for (byte[] p : parts) {
            n += 4 + p.length;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
        b.putInt(label.length).put(label);
        for (byte[] p : parts) {
            b.putInt(p.length).put(p);
        }
        return b.array();
    }
}
