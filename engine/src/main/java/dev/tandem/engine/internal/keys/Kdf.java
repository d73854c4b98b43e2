package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * How a key-encryption key is made from what a person holds: Argon2id for a passphrase (memory-hard,
 * so a guess costs 64 MiB as well as time; the JDK has no such KDF, Bouncy Castle's is used), and
 * HKDF for a recovery key, which is already 128 random bits and needs no stretching. PBKDF2 stays
 * readable for the first layout's descriptor ({@link LegacyDescriptor}).
 *
 * <p>The parameters travel in each keyring slot, so they can be raised later without a format
 * change; {@link #check} bounds them before any derivation, so a hostile keyring can neither make
 * guessing cheap nor make this device allocate gigabytes or spin for minutes.
 */
record Kdf(int id, int cost, int memoryKiB, int parallelism) {
    /** No stretching: HKDF over a random recovery key. */
    static final int HKDF_SHA256 = 0;
    static final int ARGON2ID = 2;
    /** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes; about 0.3 s here. */
    static final Kdf RFC_9106 = new Kdf(ARGON2ID, 3, 64 * 1024, 4);
    /** The least every reader accepts ({@link #check}): OWASP's floor, 19 MiB and 2 passes, one lane. */
    static final Kdf FLOOR = new Kdf(ARGON2ID, 2, 19 * 1024, 1);
    /**
     * What this process stretches new passphrases with: {@link #RFC_9106}, or {@link #FLOOR} where
     * the system property {@code tandem.keyStretch} or the variable {@code TANDEM_KEY_STRETCH} says
     * {@code floor}. The test suite runs so (docs/TESTING.md): a test of sharing or of a passphrase
     * change then costs what its logic costs, a fifth of the stretching, and it writes nothing a reader
     * would not take from any remote anyway. Never set for real data (docs/ENCRYPTION.md).
     */
    static final Kdf DEFAULT = "floor".equals(System.getProperty("tandem.keyStretch",
            System.getenv().getOrDefault("TANDEM_KEY_STRETCH", ""))) ? FLOOR : RFC_9106;
    static final Kdf RECOVERY = new Kdf(HKDF_SHA256, 0, 0, 0);
    /** OWASP's floor for Argon2id (19 MiB, 2 passes); below it a slot was not written by Tandem. */
    private static final long MIN_MEMORY_TIMES_PASSES = 19 * 1024 * 2;
    private static final int MIN_MEMORY_KIB = 19 * 1024;
    /** Above these a hostile slot could exhaust memory or stall the app. */
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int MAX_PASSES = 16;
    private static final int MAX_LANES = 16;
    static final int ENCODED_LENGTH = 10;
    /** Argon2id runs in this process: the slow step, which a sync must take at most once per remote. */
    private static final AtomicLong PASSPHRASE_RUNS = new AtomicLong();

    /** Refuses parameters Tandem never writes, before anything is derived from them. */
    static Kdf check(int id, int cost, int memoryKiB, int parallelism, String where) {
        boolean ok = switch (id) {
            case HKDF_SHA256 -> cost == 0 && memoryKiB == 0 && parallelism == 0;
            case ARGON2ID -> cost >= 1 && cost <= MAX_PASSES && memoryKiB >= MIN_MEMORY_KIB
                    && memoryKiB <= MAX_MEMORY_KIB && (long) memoryKiB * cost >= MIN_MEMORY_TIMES_PASSES
                    && parallelism >= 1 && parallelism <= MAX_LANES;
            default -> throw new SyncException(Reason.UNSUPPORTED_FORMAT, where + " uses key derivation " + id
                    + ", which this Tandem does not know");
        };
        if (!ok) {
            throw new SyncException(Reason.CORRUPT, where + " is damaged or was tampered with (key derivation "
                    + id + " with " + cost + " passes, " + memoryKiB + " KiB, " + parallelism + " lanes)");
        }
        return new Kdf(id, cost, memoryKiB, parallelism);
    }

    void writeTo(ByteBuffer b) {
        b.put((byte) id).putInt(cost).putInt(memoryKiB).put((byte) parallelism);
    }

    static Kdf readFrom(ByteBuffer b, String where) {
        int id = b.get() & 0xFF;
        int cost = b.getInt();
        int memory = b.getInt();
        int lanes = b.get() & 0xFF;
        return check(id, cost, memory, lanes, where);
    }

    /** Argon2id over the NFC-normalised passphrase as UTF-8; 32 bytes. */
    byte[] fromPassphrase(char[] passphrase, byte[] salt) {
        if (id != ARGON2ID) {
            throw new IllegalStateException("a passphrase slot uses Argon2id, not KDF " + id);
        }
        PASSPHRASE_RUNS.incrementAndGet();
        byte[] p = nfcUtf8(passphrase);
        try {
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt).withIterations(cost).withMemoryAsKB(memoryKiB).withParallelism(parallelism)
                    .build());
            byte[] out = new byte[32];
            g.generateBytes(p, out);
            return out;
        } finally {
            Arrays.fill(p, (byte) 0);
        }
    }

    /** How many Argon2id derivations this process ran. */
    static long passphraseRuns() {
        return PASSPHRASE_RUNS.get();
    }

    /** HKDF-SHA256 (RFC 5869) of a recovery key's 16 random bytes with the slot's salt; 32 bytes. */
    byte[] fromRecoveryKey(byte[] secret, byte[] salt) {
        if (id != HKDF_SHA256) {
            throw new IllegalStateException("a recovery slot uses HKDF, not KDF " + id);
        }
        try {
            byte[] prk = hmac(salt, secret);
            try {
                return expand(prk, "tandem recovery key v1");
            } finally {
                Arrays.fill(prk, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        }
    }

    /** The first layout's derivation: PBKDF2-HMAC-SHA256, then HKDF-Expand per purpose. */
    static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations) {
        char[] normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalized, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(normalized, '\0');
        }
    }

    /** HKDF-Expand for one 32-byte block: HMAC-SHA256(prk, info || 0x01). */
    static byte[] expand(byte[] prk, String info) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 1);
        return mac.doFinal();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** The same bytes whichever input method composed an accented letter. */
    static byte[] nfcUtf8(char[] passphrase) {
        String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        return normalized.getBytes(StandardCharsets.UTF_8);
    }

    /** For status lines: "Argon2id, 64 MiB, 3 passes". */
    String describe() {
        return id == ARGON2ID ? "Argon2id, " + memoryKiB / 1024 + " MiB, " + cost + " passes, " + parallelism + " lanes"
                : "HKDF-SHA256";
    }
}
