package dev.tandem.engine.internal.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.engine.BackupException;

import dev.tandem.engine.internal.keys.PassphraseKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code TANDEMBK} format pinned byte for byte: backups already written must keep opening, and
 * a backup written now must open in older Tandems, so any change to these outputs is a format
 * change. Inputs are fixed (Argon2id 3 passes, 64 MiB, 4 lanes, salt 10..1f, nonce prefix a0..a6,
 * plaintext byte i = 31·i + 7); the expected SHA-256s were taken from the format as first shipped
 * and checked independently with Python's {@code cryptography} (Argon2id, AESGCM).
 */
@Tag("unit")
class SealedFileVectorsTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final byte[] KDF = HexFormat.of().parseHex("02" + "00000003" + "00010000" + "04");
    private static final byte[] PREFIX = sequence(7, 1, 0xa0);
    private static PassphraseKey key;

    @BeforeAll
    static void derive() {
        ByteBuffer header = ByteBuffer.allocate(PassphraseKey.HEADER_LENGTH).put(KDF).put(sequence(16, 1, 0x10)).flip();
        key = PassphraseKey.read(header, PASSPHRASE, "the test vector");
    }

    @AfterAll
    static void wipe() {
        key.close();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 29388d15fd6740420bf5a342671a11527e15d994c0f5e24500f2dba09d386f2b",
        "1, 8276a0bf2f19bda5a8783211d08a31c0bfcc76afae70c725424d4ebdb9626e94",
        "1048576, 61d0a55220bfffb308ce4440690841ab44b1093b39a5ff972a95669fba22e0fb",
        "1048577, 23bfad013627417bbfc759413187a735c5ebc11659a0b1343127262171d9a78d",
        "3145728, d73c6ff944494ecfa427a8407733d5e1ef60a8dafdd40d5e1863a5affe2d211e",
    })
    void seal_fixedInputs_giveThePinnedBytesAndOpenBack(int length, String sha256) throws IOException {
        byte[] plain = sequence(length, 31, 7);
        byte[] sealed = seal(plain);

        assertEquals(SealedFile.HEADER_LENGTH + 16 + length + 16L * Math.max(1, (length + SealedFile.CHUNK - 1) / SealedFile.CHUNK),
                sealed.length);
        assertEquals(sha256, sha256(sealed), "length " + length);
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        SealedFile.open(new ByteArrayInputStream(sealed), opened, key, "the test vector");
        assertArrayEquals(plain, opened.toByteArray());
    }

    @Test
    void seal_oneByte_givesThePinnedHex_andOpensWithThePassphrase() throws IOException {
        byte[] sealed = seal(new byte[] {7});
        assertEquals("54414e44454d424b01" + "00100000" + "02000000030001000004" + "101112131415161718191a1b1c1d1e1f"
                + "a0a1a2a3a4a5a6" + "ea489389669992958679767ea05d139d" + "dbdca545b63e4f56df72b04987b304aa71",
                HexFormat.of().formatHex(sealed), "header, key check, then the one chunk: ciphertext and tag");

        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        SealedFile.open(new ByteArrayInputStream(sealed), opened, PASSPHRASE.clone(), "the test vector");
        assertArrayEquals(new byte[] {7}, opened.toByteArray());
    }

    @Test
    void open_threeChunksCutAtABoundary_isTruncated() throws IOException {
        byte[] sealed = seal(sequence(3 * SealedFile.CHUNK, 31, 7));
        byte[] cut = Arrays.copyOf(sealed, SealedFile.HEADER_LENGTH + 16 + 2 * (SealedFile.CHUNK + 16));
        BackupException e = assertThrows(BackupException.class, () -> open(cut));
        assertEquals(BackupException.Reason.TRUNCATED, e.reason());
        assertEquals("the test vector ends early (after 1 of its parts): it was cut short or its end was altered",
                e.getMessage());
    }

    @Test
    void open_threeChunksWithTheMiddleOneAltered_isDamagedNamingThePart() throws IOException {
        byte[] sealed = seal(sequence(3 * SealedFile.CHUNK, 31, 7));
        sealed[SealedFile.HEADER_LENGTH + 16 + SealedFile.CHUNK + 16 + 5] ^= 1;
        BackupException e = assertThrows(BackupException.class, () -> open(sealed));
        assertEquals(BackupException.Reason.DAMAGED, e.reason());
        assertEquals("the test vector was altered: part 2 does not authenticate", e.getMessage());
    }

    @Test
    void open_oneChunkWithAByteAppended_isTruncated() throws IOException {
        byte[] sealed = seal(sequence(10, 31, 7));
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertEquals(BackupException.Reason.TRUNCATED, assertThrows(BackupException.class, () -> open(longer)).reason());
    }

    private static void open(byte[] sealed) throws IOException {
        SealedFile.open(new ByteArrayInputStream(sealed), null, key, "the test vector");
    }

    private static byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SealedFile.seal(new ByteArrayInputStream(plain), out, key, PREFIX.clone());
        return out.toByteArray();
    }

    private static byte[] sequence(int length, int step, int start) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (step * i + start);
        }
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
