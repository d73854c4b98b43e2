package dev.tandem.engine.internal.space;

import dev.tandem.engine.internal.crypto.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret sealed to one person's X25519 key, as the JDK provides it: a fresh ephemeral key pair,
 * X25519 agreement, HKDF-SHA256 to an AES-256-GCM key, and the object's name as associated data.
 * Only the holder of the recipient's private key opens it; a seal moved to another name does not.
 *
 * <pre>[ ephemeral public key (X.509, 44 bytes) | nonce (12) | ciphertext and tag ]</pre>
 */
public final class Sealed {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EPHEMERAL = 44;

    private Sealed() {
    }

    public static KeyPair newKeyPair() {
        return KeyEncodings.newKeyPair("X25519");
    }

    public static PublicKey publicKey(byte[] x509) {
        return KeyEncodings.publicKey("X25519", x509);
    }

    /** Seals {@code secret} for the holder of {@code recipient}, bound to {@code name}. */
    public static byte[] seal(byte[] recipient, String name, byte[] secret) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return seal(recipient, name, secret, newKeyPair(), nonce);
    }

    /** As above with a given ephemeral key pair and nonce: fresh in use, fixed by the format's test vectors. */
    static byte[] seal(byte[] recipient, String name, byte[] secret, KeyPair eph, byte[] nonce) {
        try {
            byte[] key = key(eph.getPrivate(), publicKey(recipient), name);
            byte[] ct = Aead.seal(key, nonce, name.getBytes(StandardCharsets.UTF_8), secret);
            byte[] pub = eph.getPublic().getEncoded();
            return ByteBuffer.allocate(pub.length + 12 + ct.length).put(pub).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /** Opens what {@link #seal} made for this private key under {@code name}; null when it was not. */
    public static byte[] open(byte[] recipientPrivate, String name, byte[] sealed) {
        if (sealed.length < EPHEMERAL + 12 + 16) {
            return null;
        }
        try {
            PrivateKey mine = KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(recipientPrivate));
            byte[] key = key(mine, publicKey(Arrays.copyOfRange(sealed, 0, EPHEMERAL)), name);
            return Aead.open(key, Arrays.copyOfRange(sealed, EPHEMERAL, EPHEMERAL + 12), name.getBytes(StandardCharsets.UTF_8),
                    sealed, EPHEMERAL + 12, sealed.length - EPHEMERAL - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** HMAC-SHA256 of {@code parts} under {@code key}, each part length-prefixed. */
    public static byte[] mac(byte[] key, String purpose, byte[]... parts) throws GeneralSecurityException {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        m.update(ByteBuffer.allocate(4).putInt(label.length).array());
        m.update(label);
        for (byte[] p : parts) {
            m.update(ByteBuffer.allocate(4).putInt(p.length).array());
            m.update(p);
        }
        return m.doFinal();
    }

    private static byte[] key(PrivateKey mine, PublicKey theirs, String name) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(mine);
        ka.doPhase(theirs, true);
        byte[] shared = ka.generateSecret();
        // HKDF-SHA256: extract with a fixed salt, expand with the label and the object's name.
        byte[] prk = mac("tandem-seal-v1".getBytes(StandardCharsets.UTF_8), "extract", shared);
        return Arrays.copyOf(mac(prk, "expand", name.getBytes(StandardCharsets.UTF_8)), 32);
    }
}
