package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the on-remote format of docs/ENCRYPTION.md: objects written by this version must open in
 * every later one, and the document must be enough to write a compatible reader.
 */
@Tag("unit")
class EncryptionFormatTest {
    /** Written by Tandem's first encrypted format and checked independently with Python's cryptography. */
    private static final String DESCRIPTOR_V1 = "5444454b0101000927c01056e77cc5ff425189f4f3fa8f548e8da79a2fa25484"
            + "26249fd9c12a6fde337b4f4be09510e69828e44c65cc13e2a338e4";
    private static final String OBJECT_V1 = "5444454f01df3d918f180db9a899ab4581c78b46c6fac648d4634ca55d27ee425043"
            + "a9956f77dfddf9d0514070793e";
    private static final String OBJECT_KEY_V1 = "ce70eaae3242dc41b199ba98e6f83087078dac7efd02609d2d94d3040b3ecb91";

    @Test
    void goldenObject_firstLayout_stillDecryptsAndUpgradesInPlace() {
        MemoryStorage remote = new MemoryStorage();
        remote.createIfAbsent("encryption", HexFormat.of().parseHex(DESCRIPTOR_V1));
        remote.createIfAbsent("notes/1", HexFormat.of().parseHex(OBJECT_V1));
        EncryptedStorage storage = new EncryptedStorage(remote, "correct horse battery staple");
        assertArrayEquals("Hello, Tandem!".getBytes(StandardCharsets.UTF_8), storage.get("notes/1").orElseThrow());
        assertArrayEquals(HexFormat.of().parseHex(DESCRIPTOR_V1), remote.get("encryption").orElseThrow(),
                "the first layout's descriptor stays for devices that have not updated");
        assertArrayEquals(HexFormat.of().parseHex(OBJECT_V1), remote.get("notes/1").orElseThrow(), "nothing re-uploaded");
        assertEquals(java.util.List.of("keys/0000000001"), remote.list("keys/", null, 10));
    }

}
