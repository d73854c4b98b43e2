package dev.tandem.engine.internal.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A recovery key for an encrypted sync remote: 128 random bits that a person prints or writes
 * down, and types back when the passphrase is lost.
 *
 * <p>Written in Crockford base32 because it has no look-alike letters (no I, L, O, U) and reads
 * them forgivingly: the secret, big-endian, fills 26 characters (130 bits, so the first is 0 to 7),
 * and 2 more carry the first 10 bits of SHA-256 over the secret, so a mistyped character is
 * caught here (all but 1 in 1024) rather than surfacing later as a failed decryption that looks
 * like a wrong key. The 28 are shown as 7 groups of 4, short enough to read aloud and compare.
 * Case, whitespace and dashes are ignored when parsing, since people copy keys every which way.
 */
final class RecoveryCode {
    static final int SECRET_BYTES = 16;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int DATA_CHARS = 26;
    private static final int CHARS = DATA_CHARS + 2;
    private static final int GROUP = 4;
    private static final String PREFIX = "recoveryKey: ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private RecoveryCode(byte[] secret) {
        this.secret = secret;
    }

    public static RecoveryCode generate() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new RecoveryCode(secret);
    }

    static RecoveryCode of(byte[] secret) {
        if (secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException(PREFIX + "a recovery key holds " + SECRET_BYTES + " bytes, got "
                    + (secret == null ? "none" : secret.length));
        }
        return new RecoveryCode(secret.clone());
    }

    /**
     * Reads a key as a person typed it. Positions in messages count key characters only, not
     * separators, so they match what the person sees when counting along the printed groups.
     */
    public static RecoveryCode parse(String text) {
        int[] values = new int[CHARS];
        int count = 0;
        for (int cp : (text == null ? "" : text).codePoints().toArray()) {
            if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '-') {
                continue;
            }
            int value = valueOf(cp);
            if (value < 0) {
                throw new IllegalArgumentException(PREFIX + "'" + new String(Character.toChars(cp)) + "' at position "
                        + (count + 1) + " is not a recovery-key character");
            }
            if (count < CHARS) {
                values[count] = value;
            }
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException(PREFIX + "empty");
        }
        if (count != CHARS) {
            throw new IllegalArgumentException(PREFIX + count + " characters, a recovery key has " + CHARS
                    + " (7 groups of " + GROUP + ")");
        }
        // 26 characters carry 130 bits; a 128-bit secret leaves the top two zero.
        if (values[0] > 7) {
            throw new IllegalArgumentException(PREFIX + "'" + ALPHABET.charAt(values[0])
                    + "' at position 1 is not a valid recovery key, which starts with 0 to 7");
        }
        byte[] secret = new byte[SECRET_BYTES];
        for (int bit = 0; bit < SECRET_BYTES * 8; bit++) {
            int stream = bit + 2;
            if ((values[stream / 5] >>> (4 - stream % 5) & 1) != 0) {
                secret[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        int[] check = check(secret);
        if (values[DATA_CHARS] != check[0] || values[DATA_CHARS + 1] != check[1]) {
            throw new IllegalArgumentException(PREFIX + "the check characters do not match; a character is mistyped");
        }
        return new RecoveryCode(secret);
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** The printable form; it is the secret itself, so it belongs on paper, never in a log. */
    @Override
    public String toString() {
        int[] values = new int[CHARS];
        for (int bit = 0; bit < SECRET_BYTES * 8; bit++) {
            int stream = bit + 2;
            values[stream / 5] |= (secret[bit / 8] >>> (7 - bit % 8) & 1) << (4 - stream % 5);
        }
        int[] check = check(secret);
        values[DATA_CHARS] = check[0];
        values[DATA_CHARS + 1] = check[1];
        StringBuilder out = new StringBuilder(CHARS + CHARS / GROUP - 1);
        for (int i = 0; i < CHARS; i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(values[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        // Constant time, so comparing a typed key against a stored one leaks no prefix length.
        return o instanceof RecoveryCode other && MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    private static int valueOf(int cp) {
        if (cp >= 128) {
            return -1; // before upper-casing, which turns a Turkish dotless i into I
        }
        int c = Character.toUpperCase(cp);
        // Crockford's reading of the letters people confuse with digits.
        return c == 'I' || c == 'L' ? 1 : c == 'O' ? 0 : ALPHABET.indexOf(c);
    }

    /** The first 10 bits of SHA-256 over the secret, as two 5-bit values. */
    private static int[] check(byte[] secret) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        return new int[] {(digest[0] & 0xFF) >>> 3, (digest[0] & 0x07) << 2 | (digest[1] & 0xFF) >>> 6};
    }
}
