package dev.tandem.engine.internal.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A secret sealed to a member pinned byte for byte: grants on shared remotes must keep opening, and
 * older Tandems must open what is sealed now. The key pairs were made once with the JDK's X25519.
 */
@Tag("unit")
class SealedVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String RECIPIENT_PUBLIC =
            "302a300506032b656e032100341652146fcd1b220cc71f533b347d731aa7d4fb39e73aabeab22561234c4c24";
    private static final String RECIPIENT_PRIVATE =
            "302e020100300506032b656e042204206415ef4cfdbe14dc4f38d1ed4a879a7d97c60d074803780a10c2f3ff55402e1e";
    private static final String EPHEMERAL_PUBLIC =
            "302a300506032b656e032100d94540a4ceb7271ee80a8d4b1feee4b3daba6781c24c8a9bd45d326807b82c45";
    private static final String EPHEMERAL_PRIVATE =
            "302e020100300506032b656e0422042037dfb731e2f209be1a0a05fa0fd84c1e6638ca4369201b207d840398b5c346d2";
    private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final String NAME = "grants/alice";
    private static final byte[] SECRET = "the space's data key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII);
    /** The ephemeral public key, the nonce, then the ciphertext and its tag. */
    private static final String SEALED = EPHEMERAL_PUBLIC + "a0a1a2a3a4a5a6a7a8a9aaab"
            + "67208d7d451636d01b2db2cd8185e20d794675c7390bd6dbfe2fc6f2c4ac8a98"
            + "27fec70163259aee73b57d2d10989be7";

    @Test
    void seal_fixedEphemeralKeyAndNonce_givesThePinnedBytes() throws Exception {
        KeyPair ephemeral = new KeyPair(Sealed.publicKey(HEX.parseHex(EPHEMERAL_PUBLIC)),
                KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(EPHEMERAL_PRIVATE))));
        byte[] sealed = Sealed.seal(HEX.parseHex(RECIPIENT_PUBLIC), NAME, SECRET, ephemeral, NONCE.clone());
        assertEquals(HEX.parseHex(EPHEMERAL_PUBLIC).length + 12 + SECRET.length + 16, sealed.length);
        assertEquals(SEALED, HEX.formatHex(sealed));
    }

    @Test
    void open_thePinnedBytes_givesTheSecret() {
        assertArrayEquals(SECRET, Sealed.open(HEX.parseHex(RECIPIENT_PRIVATE), NAME, HEX.parseHex(SEALED)));
    }

    @Test
    void open_thePinnedBytesUnderAnotherNameOrWithAByteFlipped_givesNull() {
        assertNull(Sealed.open(HEX.parseHex(RECIPIENT_PRIVATE), "grants/bob", HEX.parseHex(SEALED)));
        byte[] flipped = HEX.parseHex(SEALED);
        flipped[flipped.length - 1] ^= 1;
        assertNull(Sealed.open(HEX.parseHex(RECIPIENT_PRIVATE), NAME, flipped));
    }
}
