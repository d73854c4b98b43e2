package dev.tandem.engine.internal.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.engine.sync.SyncException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code TDEB} format pinned byte for byte: blobs already on remotes must keep reading, and a
 * blob written now must read in older Tandems, so any change to these outputs is a format change.
 * Inputs are fixed (key 00..1f, generation 7, a fixed name, plaintext byte i = 31·i + 7); the
 * expected SHA-256s were taken from the format as first shipped and checked independently with
 * Python's {@code cryptography} (AESGCM).
 */
@Tag("unit")
class BlobCipherVectorsTest {
    private static final byte[] KEY = sequence(32, 1, 0);
    private static final int GENERATION = 7;
    private static final String NAME = "blobs/data/0123abcd";

    @ParameterizedTest
    @CsvSource({
        "0, 6e21be8cfb21e5ab6495ee8c019945b651c27f9cd5e8b5a04fd94424c9d94fd1",
        "1, 16123de6139559743138630e22db604794f5b5307809b8581e7ba2f28945b737",
        "65536, 949a8e322c3464988cb2c12285bfc72d93cb8c52146bd6f5cf2d67cb2efcb011",
        "65537, 1f453ed62ad7f9caf6df6b33387dc92efe4121c2f21d39e09ec04b1e22baeba5",
        "196608, 962485b700bc55b92ad0ea37a62529e89252029a2db1093439f305d0e3cf8410",
    })
    void encrypt_fixedInputs_giveThePinnedBytesAndDecryptBack(int length, String sha256) throws IOException {
        byte[] plain = sequence(length, 31, 7);
        byte[] sealed = BlobCipher.encrypt(new ByteArrayInputStream(plain), length, KEY, GENERATION, NAME).readAllBytes();

        assertEquals(BlobCipher.encryptedLength(length), sealed.length);
        assertEquals(sha256, sha256(sealed), "length " + length);
        byte[] opened = BlobCipher.decrypt(new ByteArrayInputStream(sealed), g -> g == GENERATION ? KEY : null, NAME, -1)
                .readAllBytes();
        assertArrayEquals(plain, opened);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 5444454201000000079a191c96315b145722ff87d94123e30a",
        "1, 54444542010000000712bc3a4981229fc9436b477589716fe47f",
    })
    void encrypt_smallInputs_giveThePinnedHex(int length, String hex) throws IOException {
        byte[] plain = sequence(length, 31, 7);
        byte[] sealed = BlobCipher.encrypt(new ByteArrayInputStream(plain), length, KEY, GENERATION, NAME).readAllBytes();
        assertEquals(hex, HexFormat.of().formatHex(sealed));
    }

    @Test
    void decrypt_threeChunksCutAtABoundary_isCorruptAtTheNewLastChunk() throws IOException {
        byte[] sealed = threeChunks();
        byte[] cut = Arrays.copyOf(sealed, BlobCipher.HEADER + 2 * (BlobCipher.CHUNK + BlobCipher.TAG));
        SyncException e = assertThrows(SyncException.class, () -> decrypt(cut));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertEquals("The attachment " + NAME + " on the remote is damaged: chunk 1 does not authenticate (altered, moved,"
                + " cut short or not this attachment)", e.getMessage());
    }

    @Test
    void decrypt_threeChunksWithAByteAppended_isCorrupt() throws IOException {
        byte[] sealed = threeChunks();
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertEquals(SyncException.Reason.CORRUPT, assertThrows(SyncException.class, () -> decrypt(longer)).reason());
    }

    @Test
    void decrypt_headerAndFewerBytesThanATag_isCutShort() throws IOException {
        byte[] sealed = threeChunks();
        byte[] cut = Arrays.copyOf(sealed, BlobCipher.HEADER + BlobCipher.TAG - 1);
        assertEquals("The attachment " + NAME + " on the remote is damaged: it is cut short",
                assertThrows(SyncException.class, () -> decrypt(cut)).getMessage());
    }

    private static byte[] threeChunks() throws IOException {
        int length = 3 * BlobCipher.CHUNK;
        return BlobCipher.encrypt(new ByteArrayInputStream(sequence(length, 31, 7)), length, KEY, GENERATION, NAME)
                .readAllBytes();
    }

    private static byte[] decrypt(byte[] sealed) throws IOException {
        return BlobCipher.decrypt(new ByteArrayInputStream(sealed), g -> g == GENERATION ? KEY : null, NAME, -1).readAllBytes();
    }

    static byte[] sequence(int length, int step, int start) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (step * i + start);
        }
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
