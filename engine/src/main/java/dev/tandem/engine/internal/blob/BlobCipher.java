package dev.tandem.engine.internal.blob;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.internal.crypto.ChunkedAead;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
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
 * at two chunks whatever the file's size and nothing forged reaches a reader. The chunking is
 * {@link ChunkedAead}'s, shared with encrypted backups; this class is the format's header and nonces.
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
        return HEADER + ChunkedAead.sealedLength(plainLength, CHUNK);
    }

    /** The encrypted form of {@code plain}, which holds exactly {@code plainLength} bytes. */
    static InputStream encrypt(InputStream plain, long plainLength, byte[] key, int generation, String name) {
        byte[] header = header(generation);
        return chunks(key, header, name).seal(plain, plainLength, header);
    }

    /**
     * The plaintext of the encrypted {@code in}, an attachment of about {@code expected} bytes (-1: not
     * known; a long one goes through the system's AES-GCM from its start). A read throws {@link
     * SyncException} (CORRUPT, not retryable) for a header or a chunk that does not check out, before
     * handing out its bytes.
     */
    static InputStream decrypt(InputStream in, GenerationKey keys, String name, long expected) throws IOException {
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
        return chunks(key, header, name).open(in, expected, (chunk, last, cutShort) -> damaged(name, cutShort ? "it is cut short"
                : "chunk " + chunk + " does not authenticate (altered, moved, cut short or not this attachment)"));
    }

    /** The key of a generation, or null when the remote has no such generation. */
    interface GenerationKey {
        byte[] key(int generation);
    }

    /** This format's chunks: 64 KiB, nonce = index (8 bytes) | last (4), associated data = header | name. */
    private static ChunkedAead chunks(byte[] key, byte[] header, String name) {
        return new ChunkedAead(key, CHUNK, aad(header, name),
                (chunk, last) -> ByteBuffer.allocate(Aead.NONCE_LENGTH).putLong(chunk).putInt(last ? 1 : 0).array());
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
}
