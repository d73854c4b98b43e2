package dev.tandem.engine.internal.blob;

import static dev.tandem.engine.testing.GoldenOut.hex;
import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tandem.engine.testing.GoldenOut;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of attachments on an encrypted remote (docs/ENCRYPTION.md, "Attachments") for the
 * JavaScript core: for a fixed generation secret, each file's keyed name, key and TDEB bytes, for
 * an empty file, one byte, exactly one chunk, one chunk and a byte, and three chunks.
 */
@Tag("unit")
class BlobGoldenTest {
    private final GoldenOut out = new GoldenOut("blobs");

    @Test
    void write_attachments_decryptBack() throws Exception {
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) (200 - i);
        }
        BlobKeys.Generation g = new BlobKeys.Generation(3, secret);
        int[] sizes = {0, 1, BlobCipher.CHUNK, BlobCipher.CHUNK + 1, 2 * BlobCipher.CHUNK + 100};
        List<Object> files = new ArrayList<>();
        for (int size : sizes) {
            byte[] plain = new byte[size];
            for (int i = 0; i < size; i++) {
                plain[i] = (byte) (i * 31 + size);
            }
            String id = hex(MessageDigest.getInstance("SHA-256").digest(plain));
            String name = g.name(id);
            byte[] key = g.fileKey(id);
            byte[] sealed = BlobCipher.encrypt(new ByteArrayInputStream(plain), size, key, g.number(), name).readAllBytes();
            byte[] back = BlobCipher.decrypt(new ByteArrayInputStream(sealed), n -> n == 3 ? key : null, name, size)
                    .readAllBytes();
            assertArrayEquals(plain, back);
            String file = "blob-" + size;
            out.write(file, sealed, obj("size", (long) size, "id", id, "name", name, "key", hex(key)));
            files.add(file);
        }
        out.json("generation", obj("number", 3L, "secret", hex(secret), "files", files,
                "plainPattern", "byte i of a file of n bytes is (i * 31 + n) mod 256"));
    }
}
