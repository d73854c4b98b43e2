package dev.tandem.engine.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared chunk core, apart from either format (their bytes are pinned by their own vector tests). */
@Tag("unit")
class ChunkedAeadTest {
    private static final int CHUNK = 4096;
    private static final ChunkedAead CHUNKS = new ChunkedAead(new byte[32], CHUNK, new byte[] {1, 2, 3},
            (i, last) -> ByteBuffer.allocate(Aead.NONCE_LENGTH).putLong(i).putInt(last ? 1 : 0).array());
    private static final byte[] HEADER = {'H', 'D'};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK})
    void seal_countedOrReadToTheEnd_givesTheSameBytes_andOpensByteByByte(int length) throws IOException {
        byte[] plain = new byte[length];
        for (int i = 0; i < length; i++) {
            plain[i] = (byte) (i * 7);
        }
        byte[] counted = CHUNKS.seal(new ByteArrayInputStream(plain), length, HEADER).readAllBytes();
        ByteArrayOutputStream toEnd = new ByteArrayOutputStream();
        CHUNKS.seal(new ByteArrayInputStream(plain), -1, HEADER).transferTo(toEnd);

        assertArrayEquals(counted, toEnd.toByteArray());
        assertEquals(HEADER.length + ChunkedAead.sealedLength(length, CHUNK), counted.length);
        InputStream opened = CHUNKS.open(new ByteArrayInputStream(counted, HEADER.length, counted.length), (i, last, s) -> {
            throw new AssertionError("chunk " + i);
        });
        ByteArrayOutputStream oneByOne = new ByteArrayOutputStream();
        for (int b; (b = opened.read()) >= 0; ) {
            oneByOne.write(b);
        }
        assertArrayEquals(plain, oneByOne.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, CHUNK + 1})
    void transferTo_writesAWholeChunkPerWrite(int length) throws IOException {
        int[] writes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("a byte at a time");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
            }
        };
        CHUNKS.seal(new ByteArrayInputStream(new byte[length]), -1, new byte[0]).transferTo(counting);
        assertEquals((length + CHUNK - 1) / CHUNK, writes[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10})
    void seal_counted_plainEndingEarly_isEofNotAShortChunk(int have) {
        InputStream sealed = CHUNKS.seal(new ByteArrayInputStream(new byte[have]), 20, new byte[0]);
        assertThrows(EOFException.class, sealed::readAllBytes);
    }

    /**
     * A stream past {@link SystemCrypto#BULK_BYTES} moves to the system library's AES-GCM mid-way: every chunk must still
     * be the JDK's bytes, and a chunk forged after the move must still be refused before its bytes are handed out.
     */
    @Test
    void seal_pastTheBulkSize_sameBytesAsTheJdksChunkByChunk_andAForgedLateChunkIsRefused() throws Exception {
        int chunk = 64 * 1024;
        int length = (int) SystemCrypto.BULK_BYTES + 5 * chunk + 123;
        byte[] plain = new byte[length];
        new Random(7).nextBytes(plain);
        ChunkedAead.Nonces nonces = (i, last) -> ByteBuffer.allocate(Aead.NONCE_LENGTH).putLong(i).putInt(last ? 1 : 0).array();
        byte[] key = new byte[32];
        key[0] = 9;
        byte[] aad = {4, 5};
        ChunkedAead chunks = new ChunkedAead(key, chunk, aad, nonces);

        SystemCryptoAskedFor.call(() -> {
            sealAndForge(chunk, length, plain, nonces, key, aad, chunks);
            return null;
        });
    }

    private static void sealAndForge(int chunk, int length, byte[] plain, ChunkedAead.Nonces nonces, byte[] key,
                                     byte[] aad, ChunkedAead chunks) throws IOException {
        Provider system = SystemCrypto.provider().orElse(new Aead().provider());
        InputStream sealing = chunks.seal(new ByteArrayInputStream(plain), -1, new byte[0]);
        assertEquals(new Aead().provider(), ChunkedAead.provider(sealing), "a stream of unknown length starts on the JDK's");
        byte[] sealed = sealing.readAllBytes();
        assertEquals(system, ChunkedAead.provider(sealing), "and moves once past the bulk size");
        InputStream known = chunks.seal(new ByteArrayInputStream(plain), length, new byte[0]);
        assertEquals(system, ChunkedAead.provider(known), "a stream known to be long starts on the system's");
        assertArrayEquals(sealed, known.readAllBytes());

        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        Aead reference = new Aead();
        int count = (length + chunk - 1) / chunk;
        for (int i = 0; i < count; i++) {
            int n = Math.min(chunk, length - i * chunk);
            byte[] out = new byte[n + Aead.TAG_LENGTH];
            reference.seal(key, nonces.nonce(i, i == count - 1), aad, plain, i * chunk, n, out, 0);
            jdk.write(out, 0, out.length);
        }
        assertArrayEquals(jdk.toByteArray(), sealed);
        assertArrayEquals(plain, chunks.open(new ByteArrayInputStream(sealed), (i, last, s) -> {
            throw new AssertionError("chunk " + i);
        }).readAllBytes());

        int forged = count - 2;
        sealed[forged * (chunk + Aead.TAG_LENGTH) + 10] ^= 1;
        long[] refused = {-1};
        InputStream opened = chunks.open(new ByteArrayInputStream(sealed), (i, last, s) -> {
            refused[0] = i;
            return new IllegalStateException("refused");
        });
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int n; (n = opened.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        });
        assertEquals("refused", e.getMessage());
        assertEquals(forged, refused[0]);
        assertEquals((long) forged * chunk, got.size(), "only the chunks before the forged one were handed out");
    }
}
