package dev.tandem.engine.internal.backup;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupException.Reason;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.internal.crypto.ChunkedAead;
import dev.tandem.engine.internal.keys.PassphraseKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An encrypted backup's bytes. A header, then the plaintext in chunks of {@value #CHUNK} bytes
 * (the last one shorter, possibly empty), each sealed with AES-256-GCM:
 *
 * <pre>
 * header  "TANDEMBK" | version (1) | chunk size (4) | key derivation (10) | salt (16)
 *         | nonce prefix (7) | key check (16: the tag of an empty plaintext)
 * chunk i  sealed(plaintext)  nonce = prefix | i (4, big-endian) | 1 if last else 0
 *                             additional data = the header up to the key check
 * </pre>
 *
 * Every chunk is bound to its place and to this header, and only the last says it is last, so a
 * file cut at a chunk boundary, chunks swapped or dropped, or a header changed is refused as a
 * whole; the key check tells a wrong passphrase apart from damage before any chunk is read. The
 * chunking is {@link ChunkedAead}'s, shared with attachments; this class is the format's header,
 * key check and nonces.
 */
final class SealedFile {
    static final byte[] MAGIC = "TANDEMBK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int CHUNK = 1 << 20;
    private static final int MIN_CHUNK = 1 << 12;
    private static final int MAX_CHUNK = 1 << 24;
    private static final int PREFIX_LENGTH = 7;
    private static final int CHECK_INDEX = -1;
    private static final int CHECK_FLAG = 2;
    static final int HEADER_LENGTH = MAGIC.length + 1 + 4 + PassphraseKey.HEADER_LENGTH + PREFIX_LENGTH;
    private static final int TAG = PassphraseKey.TAG_LENGTH;

    private SealedFile() {
    }

    /** Encrypts all of {@code plain} into {@code out} with {@code key} (made by {@link PassphraseKey#create}). */
    static void seal(InputStream plain, OutputStream out, PassphraseKey key) throws IOException {
        seal(plain, out, key, PassphraseKey.random(PREFIX_LENGTH));
    }

    /** As above with a given nonce prefix: random in use, fixed by the format's test vectors. */
    static void seal(InputStream plain, OutputStream out, PassphraseKey key, byte[] prefix) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_LENGTH);
        h.put(MAGIC).put((byte) VERSION).putInt(CHUNK);
        key.writeTo(h);
        h.put(prefix);
        byte[] header = h.array();
        out.write(header);
        out.write(key.seal(nonce(prefix, CHECK_INDEX, CHECK_FLAG), header, new byte[0]));
        chunks(key, header, prefix, CHUNK).seal(plain, -1, new byte[0]).transferTo(out);
    }

    /**
     * Decrypts {@code sealed} into {@code out} (null only checks it), after its header was read by
     * {@link #isSealed}.
     *
     * @throws BackupException naming a wrong passphrase, a file cut short or altered bytes
     */
    static void open(InputStream sealed, OutputStream out, char[] passphrase, String what) throws IOException {
        open(sealed, out, passphrase, null, what);
    }

    /**
     * As above with the key that sealed the file, known already (a backup read back as soon as it
     * was written): the slow derivation is not run again. A header naming another key fails.
     */
    static void open(InputStream sealed, OutputStream out, PassphraseKey known, String what) throws IOException {
        open(sealed, out, null, known, what);
    }

    private static void open(InputStream sealed, OutputStream out, char[] passphrase, PassphraseKey known, String what)
            throws IOException {
        byte[] header = sealed.readNBytes(HEADER_LENGTH);
        if (header.length < HEADER_LENGTH || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new BackupException(Reason.NOT_A_BACKUP, what + " is not an encrypted Tandem backup");
        }
        ByteBuffer h = ByteBuffer.wrap(header).position(MAGIC.length);
        int version = h.get() & 0xFF;
        if (version != VERSION) {
            throw new BackupException(Reason.UNSUPPORTED_FORMAT, what + " was written by a newer Tandem (backup format "
                    + version + "); update Tandem to read it");
        }
        int chunk = h.getInt();
        if (chunk < MIN_CHUNK || chunk > MAX_CHUNK) {
            throw new BackupException(Reason.DAMAGED, what + " is damaged (chunk size " + chunk + ")");
        }
        if (known == null && (passphrase == null || passphrase.length == 0)) {
            throw new BackupException(Reason.PASSPHRASE_REQUIRED, what + " is encrypted; give the passphrase of the"
                    + " remote it was backed up with");
        }
        PassphraseKey key = known != null ? same(h, known, what) : derive(h, passphrase, what);
        try {
            byte[] prefix = new byte[PREFIX_LENGTH];
            h.get(prefix);
            byte[] check = sealed.readNBytes(TAG);
            if (check.length < TAG) {
                throw new BackupException(Reason.TRUNCATED, what + " ends early: it was cut short");
            }
            if (key.open(nonce(prefix, CHECK_INDEX, CHECK_FLAG), header, check) == null) {
                throw new BackupException(Reason.WRONG_PASSPHRASE, "The passphrase does not open " + what
                        + " (or its header was altered)");
            }
            readChunks(sealed, out, key, header, prefix, chunk, what);
        } finally {
            if (known == null) {
                key.close();
            }
        }
    }

    private static PassphraseKey derive(ByteBuffer h, char[] passphrase, String what) {
        try {
            return PassphraseKey.read(h, passphrase, what);
        } catch (BackupException e) {
            throw e;
        } catch (TandemException e) {
            throw new BackupException(Reason.DAMAGED, e.getMessage(), e);
        }
    }

    private static PassphraseKey same(ByteBuffer h, PassphraseKey known, String what) {
        byte[] expected = new byte[PassphraseKey.HEADER_LENGTH];
        known.writeTo(ByteBuffer.wrap(expected));
        byte[] found = new byte[PassphraseKey.HEADER_LENGTH];
        h.get(found);
        if (!Arrays.equals(expected, found)) {
            throw new BackupException(Reason.DAMAGED, what + " was altered: its header names another key");
        }
        return known;
    }

    private static void readChunks(InputStream in, OutputStream out, PassphraseKey key, byte[] header, byte[] prefix,
                                   int chunk, String what) throws IOException {
        chunks(key, header, prefix, chunk).open(in, (i, last, cutShort) -> last
                // The file ends here: a chunk cut in two, or a whole one that never said it was the last.
                ? new BackupException(Reason.TRUNCATED, what + " ends early (after " + i + " of its parts): it was cut"
                        + " short or its end was altered")
                : new BackupException(Reason.DAMAGED, what + " was altered: part " + (i + 1) + " does not authenticate"))
                .transferTo(out != null ? out : OutputStream.nullOutputStream());
    }

    /** This format's chunks ({@link ChunkedAead}, shared with attachments): nonce = prefix | index | 1 if last, aad = header. */
    private static ChunkedAead chunks(PassphraseKey key, byte[] header, byte[] prefix, int chunk) {
        return key.chunks(chunk, header, (i, last) -> nonce(prefix, (int) i, last ? 1 : 0));
    }

    /** Whether {@code start} (a file's first bytes) begins an encrypted backup. */
    static boolean isSealed(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC);
    }

    private static byte[] nonce(byte[] prefix, int index, int flag) {
        return ByteBuffer.allocate(PassphraseKey.NONCE_LENGTH).put(prefix).putInt(index).put((byte) flag).array();
    }
}
