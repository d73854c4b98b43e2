package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.sync.SyncException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code TDEO} object format pinned byte for byte, in both versions (data key 0, and a key id):
 * objects on remotes must keep opening, and older Tandems must open what is written now.
 */
@Tag("unit")
class ObjectCipherVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final byte[] PLAIN = "Hello, Tandem!".getBytes(StandardCharsets.UTF_8);
    private static final String NAME = "batches/dev1/0000000001";
    private static final String V1 = "5444454f01a0a1a2a3a4a5a6a7a8a9aaab"
            + "ae7d10412ae722eb030be3b66a5be45e9ed5a0a0815e391f1c631f5107e9";
    private static final String V2 = "5444454f0200000003a0a1a2a3a4a5a6a7a8a9aaab"
            + "ae7d10412ae722eb030be3b66a5be16d4f4b1a45ba00ed158f91cf01b20d";

    @Test
    void encrypt_fixedNonce_givesThePinnedBytes() {
        assertEquals(V1, HEX.formatHex(ObjectCipher.encrypt(0, KEY, NAME, PLAIN, NONCE.clone())));
        assertEquals(V2, HEX.formatHex(ObjectCipher.encrypt(3, KEY, NAME, PLAIN, NONCE.clone())));
    }

    @Test
    void decrypt_thePinnedBytes_givesThePlaintextUnderTheirKeyId() {
        assertEquals(0, ObjectCipher.keyIdOf(NAME, HEX.parseHex(V1), "the test"));
        assertArrayEquals(PLAIN, ObjectCipher.decrypt(KEY, NAME, HEX.parseHex(V1), "the test"));
        assertEquals(3, ObjectCipher.keyIdOf(NAME, HEX.parseHex(V2), "the test"));
        assertArrayEquals(PLAIN, ObjectCipher.decrypt(KEY, NAME, HEX.parseHex(V2), "the test"));
    }

    @Test
    void decrypt_thePinnedBytesUnderAnotherName_isCorruptNamingTheObject() {
        SyncException e = org.junit.jupiter.api.Assertions.assertThrows(SyncException.class,
                () -> ObjectCipher.decrypt(KEY, "batches/dev1/0000000002", HEX.parseHex(V1), "the test"));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertEquals("Object 'batches/dev1/0000000002' in the test failed authentication: it was damaged, altered,"
                + " or moved from another key", e.getMessage());
    }
}
