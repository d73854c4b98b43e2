package dev.tandem.engine.internal.crypto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Provider;

/**
 * A plaintext as a stream of {@link Aead} chunks: the one core behind both chunked formats, the
 * attachments' {@code TDEB} and the backups' {@code TANDEMBK}, each of which keeps its own header,
 * chunk size and nonce layout (they were written before this class and stay byte for byte).
 *
 * <p>Invariants. The plaintext is cut into chunks of {@code chunk} bytes; every chunk but the last
 * is full, the last may be shorter or empty, and an empty plaintext is one empty chunk. Chunk
 * {@code i} is sealed under {@code nonces.nonce(i, last)}, which only the last chunk's differs in,
 * with the same associated data for all. So a chunk moved, dropped, repeated or altered, a stream cut
 * at a chunk boundary (its new last chunk was not sealed as last) or bytes after the last chunk all
 * fail a tag. A reader tells the last chunk by reading one ahead (a short chunk, or nothing after a
 * full one), and hands out a chunk's bytes only after its tag checked: nothing forged reaches it.
 *
 * <p>Memory is bounded by the chunk size whatever the stream's length: at most two sealed chunks and
 * one plain chunk, allocated once per stream and no larger than the stream needs (a small file
 * never costs a whole chunk), and one {@link Aead} (one cipher) for its chunks: the JDK's, then, once
 * the stream has passed {@link SystemCrypto#BULK_BYTES} (or from the start, for a stream known to be
 * that long), the system library's where there is one and no C2 ({@link SystemCrypto#forFiles()}).
 * Each chunk is sealed on its own, so which cipher sealed it changes no byte.
 */
public final class ChunkedAead {
    /** The nonce of chunk {@code index}; it must differ for every (index, last) under one key. */
    public interface Nonces {
        byte[] nonce(long index, boolean last);
    }

    /**
     * The caller's words for a chunk that does not authenticate, thrown before any of its bytes is
     * handed out: {@code last} when the stream ends with it, {@code short} when it is not even a tag.
     * No retry can help; the same bytes fail the same way.
     */
    public interface Refusal {
        RuntimeException refuse(long index, boolean last, boolean cutShort);
    }

    private final byte[] key;
    private final int chunk;
    private final byte[] aad;
    private final Nonces nonces;

    public ChunkedAead(byte[] key, int chunk, byte[] aad, Nonces nonces) {
        this.key = key;
        this.chunk = chunk;
        this.aad = aad;
        this.nonces = nonces;
    }

    /** Bytes of the sealed chunks of {@code plainLength} bytes in chunks of {@code chunk} (no header). */
    public static long sealedLength(long plainLength, int chunk) {
        return plainLength + chunks(plainLength, chunk) * Aead.TAG_LENGTH;
    }

    private static long chunks(long plainLength, int chunk) {
        return Math.max(1, (plainLength + chunk - 1) / chunk);
    }

    /**
     * {@code first} (a header, handed out as is), then the sealed chunks of {@code plain}: exactly
     * {@code length} bytes of it when {@code length >= 0} (fewer is an {@link EOFException}), else
     * all of it, the last chunk known by reading one ahead.
     */
    public InputStream seal(InputStream plain, long length, byte[] first) {
        return new ChunkStream(first, length) {
            private final long count = length >= 0 ? chunks(length, chunk) : -1;
            private byte[] current = length >= 0 ? new byte[chunk] : null;
            private byte[] pending;
            private int pendingLength = -1;
            private long index;
            private boolean done;

            @Override
            int nextChunk() throws IOException {
                if (done) {
                    return -1;
                }
                int n;
                boolean last;
                if (count >= 0) {
                    n = (int) Math.min(chunk, length - index * chunk);
                    int got = plain.readNBytes(current, 0, n);
                    if (got != n) {
                        throw new EOFException("the file ended " + (n - got) + " bytes early; it changed while being sent");
                    }
                    last = index == count - 1;
                } else {
                    if (pendingLength < 0) {
                        pending = plain.readNBytes(chunk);
                        pendingLength = pending.length;
                    }
                    byte[] swap = current;
                    current = pending;
                    pending = swap;
                    n = pendingLength;
                    pendingLength = n < chunk ? 0 : plain.readNBytes(pending = full(pending, chunk), 0, chunk);
                    last = pendingLength == 0;
                }
                int sealed = aead().seal(key, nonces.nonce(index, last), aad, current, 0, n, buffer(n + Aead.TAG_LENGTH), 0);
                index++;
                counted(n);
                done = last;
                return sealed;
            }
        };
    }

    /**
     * The plaintext of the sealed chunks {@code in} holds from here to its end; reads throw {@code
     * refusal}'s exception for a chunk that does not authenticate. The first chunk is read now.
     */
    public InputStream open(InputStream in, Refusal refusal) throws IOException {
        return open(in, -1, refusal);
    }

    /** As {@link #open(InputStream, Refusal)}, for about {@code expected} plaintext bytes (-1: not known). */
    public InputStream open(InputStream in, long expected, Refusal refusal) throws IOException {
        int sealedChunk = chunk + Aead.TAG_LENGTH;
        byte[] firstSealed = in.readNBytes(sealedChunk);
        return new ChunkStream(new byte[0], expected) {
            // Two buffers: the chunk being opened, and the next one, read ahead to tell the last.
            private byte[] sealed;
            private byte[] pending = firstSealed;
            private int pendingLength = firstSealed.length;
            private long index;
            private boolean done;

            @Override
            int nextChunk() throws IOException {
                if (done) {
                    return -1;
                }
                byte[] swap = sealed;
                sealed = pending;
                pending = swap;
                int length = pendingLength;
                pendingLength = length < sealedChunk ? 0 : in.readNBytes(pending = full(pending, sealedChunk), 0, sealedChunk);
                boolean last = pendingLength == 0;
                if (length < Aead.TAG_LENGTH) {
                    throw refusal.refuse(index, last, true);
                }
                // Room for the sealed length: NSS's AES-GCM asks for it, so the chunk opens in place, not through a copy.
                int plain = aead().open(key, nonces.nonce(index, last), aad, sealed, 0, length, buffer(length), 0);
                if (plain < 0) {
                    throw refusal.refuse(index, last, false);
                }
                index++;
                counted(plain);
                done = last;
                return plain;
            }
        };
    }

    /** Whose AES-GCM {@code stream}, one of this class's, runs now: the JDK's, or the system library's once past the bulk size. */
    static Provider provider(InputStream stream) {
        return ((ChunkStream) stream).aead().provider();
    }

    /** {@code b} when it holds {@code size} bytes, else a new array that does. */
    private static byte[] full(byte[] b, int size) {
        return b != null && b.length >= size ? b : new byte[size];
    }

    /**
     * A stream of {@code first}, then chunks made one at a time into one buffer: nothing allocated
     * per chunk once a full one was seen.
     */
    private abstract static class ChunkStream extends InputStream {
        private Aead aead = new Aead();
        /** Plaintext bytes through {@link #aead} until it became the system library's; -1 after. */
        private long bytes;
        private byte[] chunkBuffer;
        private byte[] current;
        private int limit;
        private int pos;

        /** {@code expected}: about how many plaintext bytes the stream holds, -1 when not known. */
        ChunkStream(byte[] first, long expected) {
            this.current = first;
            this.limit = first.length;
            if (expected >= SystemCrypto.BULK_BYTES) {
                counted(0);
            }
        }

        final Aead aead() {
            return aead;
        }

        /**
         * Counts {@code n} plaintext bytes; past {@link SystemCrypto#BULK_BYTES}, the next chunks go through the system
         * library, and with {@code n} 0 they do from now on (a stream known to be that long: the JDK's cipher would
         * spend its first megabytes in the interpreter, which the command line's C1 leaves it in longest).
         */
        final void counted(int n) {
            if (bytes >= 0 && (n == 0 || (bytes += n) >= SystemCrypto.BULK_BYTES)) {
                bytes = -1;
                SystemCrypto.forFiles().ifPresent(p -> aead = new Aead(p));
            }
        }

        /** Makes the next chunk in {@link #buffer}; its length, or -1 at the end. */
        abstract int nextChunk() throws IOException;

        /** The chunk buffer, holding at least {@code size} bytes. */
        final byte[] buffer(int size) {
            chunkBuffer = full(chunkBuffer, size);
            return chunkBuffer;
        }

        /** Whether a byte is ready, making the next chunk when the last one was handed out; false at the end. */
        private boolean ready() throws IOException {
            while (current != null && pos == limit) {
                int n = nextChunk();
                current = n < 0 ? null : chunkBuffer;
                limit = Math.max(0, n);
                pos = 0;
            }
            return current != null;
        }

        /** Writes the rest to {@code out} a whole chunk per write, with no buffer of its own. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long total = 0;
            while (ready()) {
                out.write(current, pos, limit - pos);
                total += limit - pos;
                pos = limit;
            }
            return total;
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
            if (!ready()) {
                return -1;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
