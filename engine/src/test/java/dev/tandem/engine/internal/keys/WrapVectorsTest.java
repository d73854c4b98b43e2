package dev.tandem.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The keyring's AES-256-GCM wrap pinned byte for byte: every slot and data-key list on a remote,
 * and every backup's chunks, are made by it, so its output for fixed inputs must never change.
 */
class WrapVectorsTest {
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
        assertEquals(SEALED, HEX.formatHex(Wrap.seal(KEY, NONCE, AAD, SECRET)));
        assertEquals(SEALED_EMPTY, HEX.formatHex(Wrap.seal(KEY, NONCE, AAD, new byte[0])));
    }

    @Test
    void open_thePinnedBytes_givesTheSecret() {
        assertArrayEquals(SECRET, Wrap.open(KEY, NONCE, AAD, HEX.parseHex(SEALED)));
        assertArrayEquals(new byte[0], Wrap.open(KEY, NONCE, AAD, HEX.parseHex(SEALED_EMPTY)));
    }

    @Test
    void open_otherAadOrOneBitFlipped_givesNull() {
        byte[] flipped = HEX.parseHex(SEALED);
        flipped[3] ^= 1;
        assertNull(Wrap.open(KEY, NONCE, AAD, flipped));
        assertNull(Wrap.open(KEY, NONCE, "another header".getBytes(StandardCharsets.US_ASCII), HEX.parseHex(SEALED)));
    }
}
