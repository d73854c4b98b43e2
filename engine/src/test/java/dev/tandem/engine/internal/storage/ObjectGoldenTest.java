package dev.tandem.engine.internal.storage;

import static dev.tandem.engine.testing.GoldenOut.hex;
import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.testing.GoldenOut;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of encrypted data objects (docs/ENCRYPTION.md, "Data objects") for the JavaScript
 * core: version 1 (data key 0) and version 2 (a rotation's key id), with fixed keys and nonces, one
 * of them an encrypted head as a remote holds it, and the descriptor stub.
 */
@Tag("unit")
class ObjectGoldenTest {
    private final GoldenOut out = new GoldenOut("objects");

    static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 13 + i * 5);
        }
        return b;
    }

    @Test
    void write_objectsOfBothVersions_decryptBack() {
        UUID device = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
        byte[] head = BatchCodec.encodeHead(new Head(device, 3, 1_732_000_000_000L, Map.of()));
        Object[][] cases = {
            {"object-v1", 0, bytes(1, 32), Head.key(device, 3), head, bytes(2, 12)},
            {"object-v2", 5, bytes(3, 32), "batches/" + device + "/000000000001", "Hello, Tandem!"
                    .getBytes(StandardCharsets.UTF_8), bytes(4, 12)},
            {"object-empty", 7, bytes(5, 32), "changed", new byte[0], bytes(6, 12)},
        };
        for (Object[] c : cases) {
            int keyId = (Integer) c[1];
            byte[] sealed = ObjectCipher.encrypt(keyId, (byte[]) c[2], (String) c[3], (byte[]) c[4], (byte[]) c[5]);
            assertArrayEquals((byte[]) c[4], ObjectCipher.decrypt((byte[]) c[2], (String) c[3], sealed, "here"));
            out.write((String) c[0], sealed, obj("name", c[3], "keyId", (long) keyId, "key", hex((byte[]) c[2]),
                    "nonce", hex((byte[]) c[5]), "plaintext", hex((byte[]) c[4])));
        }
    }
}
