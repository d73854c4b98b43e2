package dev.tandem.engine.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one AEAD pinned byte for byte: every format that encrypts seals through it (the keyring's
 * slots and data keys among them), so its output for fixed inputs must never change. Checked
 * independently with Python's {@code cryptography} (AESGCM).
 */
@Tag("unit")
class AeadVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final byte[] AAD = "TDKR header".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final String SEALED = "16e98edeb13ef4489a9c7d28fb873e217fb2742cd9ed2b141b988332bc7994f1"
            + "3a40e79004edc1360d31ae69fcfcbcd6";
    private static final String SEALED_EMPTY = "501594ad215d1cc07857a656cde65579";

    @Test
    void seal_fixedInputs_giveThePinnedBytes() {
        assertEquals(SEALED, HEX.formatHex(Aead.seal(KEY, NONCE, AAD, SECRET)));
        assertEquals(SEALED_EMPTY, HEX.formatHex(Aead.seal(KEY, NONCE, AAD, new byte[0])));
    }

    @Test
    void open_thePinnedBytes_givesTheSecret() {
        assertArrayEquals(SECRET, Aead.open(KEY, NONCE, AAD, HEX.parseHex(SEALED)));
        assertArrayEquals(new byte[0], Aead.open(KEY, NONCE, AAD, HEX.parseHex(SEALED_EMPTY)));
    }

    @Test
    void open_intoABuffer_givesThePlaintextLength_andReusesOneCipher() {
        Aead aead = new Aead();
        byte[] sealed = HEX.parseHex(SEALED);
        byte[] out = new byte[SECRET.length];
        for (int round = 0; round < 2; round++) {
            assertEquals(SECRET.length, aead.open(KEY, NONCE, AAD, sealed, 0, sealed.length, out, 0));
            assertArrayEquals(SECRET, out);
        }
        assertEquals(-1, aead.open(KEY, NONCE, AAD, sealed, 0, Aead.TAG_LENGTH - 1, out, 0), "shorter than a tag");
    }

    @Test
    void open_otherAadOrOneBitFlipped_givesNull() {
        byte[] flipped = HEX.parseHex(SEALED);
        flipped[3] ^= 1;
        assertNull(Aead.open(KEY, NONCE, AAD, flipped));
        assertNull(Aead.open(KEY, NONCE, "another header".getBytes(StandardCharsets.US_ASCII), HEX.parseHex(SEALED)));
    }
}
