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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared chunk core, apart from either format (their bytes are pinned by their own vector tests). */
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
}
