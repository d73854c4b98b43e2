package dev.tandem.engine.internal.blob;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A blob's bytes on an encrypted remote: {@code "TDEB" | 1 | generation (4 bytes)}, then the
 * plaintext in 64 KiB chunks, each AES-256-GCM with its own 16-byte tag (the last chunk may be
 * shorter, and an empty file is one empty chunk).
 *
 * <p>Chunk {@code i}'s nonce is {@code i} (8 bytes) and a last-chunk flag (4 bytes); its associated
 * data is the header and the object's name. The key is the blob's own ({@link BlobKeys}), used for
 * this one plaintext only, so counter nonces never repeat under a key with different bytes. A chunk
 * moved, dropped, repeated or altered, a stream cut at a chunk boundary (its new last chunk was not
 * sealed as last), bytes appended after the last chunk, or the object under another name all fail
 * that chunk's tag. Decryption hands out a chunk's bytes only after its tag checked, so memory stays
 * at two chunks whatever the file's size and nothing forged reaches a reader.
 */
final class BlobCipher {
    /**
     * Small enough that a file is many cipher calls: JDK 17 runs AES-GCM's intrinsic only once the
     * calling code is compiled, which thousands of calls bring and a few 4 MiB ones never do (50
     * MB/s against 1.5 GB/s here); 16 bytes of tag per 64 KiB is 0.02 %.
     */
    static final int CHUNK = 64 * 1024;
    static final int TAG = Aead.TAG_LENGTH;
    private static final byte[] MAGIC = {'T', 'D', 'E', 'B'};
    private static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 1 + 4;

    private BlobCipher() {
    }

    /** Bytes of the encrypted form of {@code plainLength} bytes. */
    static long encryptedLength(long plainLength) {
        return HEADER + plainLength + chunks(plainLength) * TAG;
    }

    private static long chunks(long plainLength) {
        return Math.max(1, (plainLength + CHUNK - 1) / CHUNK);
    }

    /** The encrypted form of {@code plain}, which holds exactly {@code plainLength} bytes. */
    static InputStream encrypt(InputStream plain, long plainLength, byte[] key, int generation, String name) {
        byte[] header = header(generation);
        return new ChunkStream(header, header, name, CHUNK + TAG) {
            private long chunk;
            private final long count = chunks(plainLength);
            private final byte[] buf = new byte[CHUNK];

            @Override
            int nextChunk(byte[] into) throws IOException {
                if (chunk == count) {
                    return -1;
                }
                int n = (int) Math.min(CHUNK, plainLength - chunk * CHUNK);
                int got = plain.readNBytes(buf, 0, n);
                if (got != n) {
                    throw new EOFException("the file ended " + (n - got) + " bytes early; it changed while being sent");
                }
                int sealed = crypt(true, key, chunk, chunk == count - 1, buf, n, into);
                chunk++;
                return sealed;
            }
        };
    }

    /**
     * The plaintext of the encrypted {@code in}. A read throws {@link SyncException} (CORRUPT, not
     * retryable) for a header or a chunk that does not check out, before handing out its bytes.
     */
    static InputStream decrypt(InputStream in, GenerationKey keys, String name) throws IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER || !Arrays.equals(MAGIC, Arrays.copyOf(header, MAGIC.length))
                || header[MAGIC.length] != VERSION) {
            throw damaged(name, "it is not an encrypted attachment");
        }
        int generation = ByteBuffer.wrap(header, MAGIC.length + 1, 4).getInt();
        byte[] key = keys.key(generation);
        if (key == null) {
            throw damaged(name, "no attachment key of generation " + generation + " is on the remote");
        }
        return new ChunkStream(header, new byte[0], name, CHUNK) {
            private long chunk;
            // Two buffers: the chunk being opened, and the next one, read ahead to tell the last.
            private byte[] sealed = new byte[CHUNK + TAG];
            private byte[] pending = new byte[CHUNK + TAG];
            private int pendingLength = in.readNBytes(pending, 0, pending.length);
            private boolean done;

            @Override
            int nextChunk(byte[] into) throws IOException {
                if (done) {
                    return -1;
                }
                byte[] swap = sealed;
                sealed = pending;
                pending = swap;
                int length = pendingLength;
                boolean last;
                if (length < CHUNK + TAG) {
                    last = true;
                } else {
                    pendingLength = in.readNBytes(pending, 0, pending.length);
                    last = pendingLength == 0;
                }
                if (length < TAG) {
                    throw damaged(name, "it is cut short");
                }
                int plain = crypt(false, key, chunk, last, sealed, length, into);
                chunk++;
                done = last;
                return plain;
            }
        };
    }

    /** The key of a generation, or null when the remote has no such generation. */
    interface GenerationKey {
        byte[] key(int generation);
    }

    private static byte[] header(int generation) {
        return ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) VERSION).putInt(generation).array();
    }

    private static byte[] aad(byte[] header, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + n.length).put(header).put(n).array();
    }

    static SyncException damaged(String name, String why) {
        return new SyncException(Reason.CORRUPT, "The attachment " + name + " on the remote is damaged: " + why);
    }

    /**
     * A stream of a header, then chunks made one at a time into one buffer, through one {@link Aead}
     * (one cipher): nothing is allocated per chunk, so moving a large file makes little garbage.
     */
    private abstract static class ChunkStream extends InputStream {
        final String name;
        private final byte[] aad;
        private final Aead aead = new Aead();
        private final byte[] chunkBuffer;
        private byte[] current;
        private int limit;
        private int pos;

        /** {@code first}: bytes handed out before the first chunk (the header, when encrypting). */
        ChunkStream(byte[] header, byte[] first, String name, int chunkCapacity) {
            this.name = name;
            this.aad = aad(header, name);
            this.chunkBuffer = new byte[chunkCapacity];
            this.current = first;
            this.limit = first.length;
        }

        /** Fills {@code into} with the next chunk; its length, or -1 at the end. */
        abstract int nextChunk(byte[] into) throws IOException;

        /** One chunk through AES-GCM, from {@code data}'s first {@code length} bytes into {@code out}; its length there. */
        final int crypt(boolean seal, byte[] key, long chunk, boolean last, byte[] data, int length, byte[] out) {
            byte[] nonce = ByteBuffer.allocate(Aead.NONCE_LENGTH).putLong(chunk).putInt(last ? 1 : 0).array();
            if (seal) {
                return aead.seal(key, nonce, aad, data, 0, length, out, 0);
            }
            int n = aead.open(key, nonce, aad, data, 0, length, out, 0);
            if (n < 0) {
                throw damaged(name, "chunk " + chunk + " does not authenticate (altered, moved, cut short or not this"
                        + " attachment)");
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current != null && pos == limit) {
                int n = nextChunk(chunkBuffer);
                current = n < 0 ? null : chunkBuffer;
                limit = Math.max(0, n);
                pos = 0;
            }
            if (current == null) {
                return -1;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
