package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The descriptor object {@code encryption}. In the first layout (version 1) it said how the
 * remote's one key is derived from the passphrase: salt, PBKDF2 parameters and a key-check value.
 * The keyring replaced it; a version 1 descriptor is still read to upgrade a remote in place (its
 * derived key becomes data key 0), and stays while older Tandems may still use it. Version 2 is a
 * stub that only marks the remote as encrypted: older Tandems read it as "written by a newer
 * Tandem", devices without a passphrase as "encrypted". Layouts: docs/ENCRYPTION.md.
 */
record LegacyDescriptor(int iterations, byte[] salt, byte[] keyCheck) {
    static final byte[] MAGIC = {'T', 'D', 'E', 'K'};
    static final int VERSION = 1;
    static final int STUB_VERSION = 2;
    /**
     * The whole version 2 descriptor: magic, version, six zero bytes. The padding takes it to the
     * first layout's header length, so that reader gets as far as the version byte and says "written
     * by a newer Tandem, update" rather than "damaged".
     */
    static final byte[] STUB = {'T', 'D', 'E', 'K', STUB_VERSION, 0, 0, 0, 0, 0, 0};
    static final int KDF_PBKDF2_HMAC_SHA256 = 1;
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    /** Below this a descriptor was not written by Tandem: someone wants a cheap brute force. */
    static final int MIN_ITERATIONS = 600_000;
    /** Above this a hostile descriptor could stall the app for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_LENGTH = 16;
    static final int KEY_CHECK_LENGTH = 32;
    static final String INFO_KEY_CHECK = "tandem key check v1";
    static final String INFO_OBJECT_KEY = "tandem object key v1";
    private static final int HEADER_LENGTH = 11;

    /** The keys derived from a passphrase with one descriptor's salt and parameters. */
    record Keys(byte[] objectKey, byte[] keyCheck) {
    }

    /**
     * PBKDF2-HMAC-SHA256 over the NFC-normalised passphrase (the JDK encodes its chars as UTF-8),
     * then two HKDF-Expand (RFC 5869) single blocks with the 32-byte result as the PRK. The
     * PBKDF2 output is already uniformly random, so HKDF-Extract is skipped, as the RFC allows.
     */
    static Keys derive(char[] passphrase, byte[] salt, int iterations) {
        byte[] master = Kdf.pbkdf2(passphrase, salt, iterations);
        try {
            return new Keys(Kdf.expand(master, INFO_OBJECT_KEY), Kdf.expand(master, INFO_KEY_CHECK));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** The descriptor's version byte, or -1 when {@code data} is not a descriptor at all. */
    static int versionOf(byte[] data) {
        return data.length > MAGIC.length && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                ? data[MAGIC.length] & 0xFF : -1;
    }

    /** The first layout's object key for {@code passphrase}, or WRONG_PASSPHRASE. */
    byte[] open(char[] passphrase, String where, String remote) {
        Keys keys = derive(passphrase, salt, iterations);
        if (!accepts(keys)) {
            throw new SyncException(Reason.WRONG_PASSPHRASE, "The passphrase does not match the one that encrypted "
                    + remote + " (checked against " + where + "); nothing was read or changed");
        }
        return keys.objectKey();
    }

    /** Constant-time, so timing says nothing about how close a guess was. */
    boolean accepts(Keys keys) {
        return MessageDigest.isEqual(keyCheck, keys.keyCheck());
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + salt.length + keyCheck.length);
        b.put(MAGIC).put((byte) VERSION).put((byte) KDF_PBKDF2_HMAC_SHA256).putInt(iterations)
                .put((byte) salt.length).put(salt).put(keyCheck);
        return b.array();
    }

    /** Parses and sanity-checks a descriptor read from {@code where}. */
    static LegacyDescriptor parse(byte[] data, String where) {
        if (data.length < HEADER_LENGTH || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SyncException(Reason.CORRUPT, "The encryption descriptor " + where
                    + " is not a Tandem encryption descriptor (" + data.length + " bytes, wrong magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(data, MAGIC.length, data.length - MAGIC.length);
        int version = b.get() & 0xFF;
        if (version != VERSION) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The encryption descriptor " + where
                    + " has version " + version + "; this Tandem reads versions " + VERSION + " and " + STUB_VERSION);
        }
        int kdf = b.get() & 0xFF;
        if (kdf != KDF_PBKDF2_HMAC_SHA256) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The encryption descriptor " + where
                    + " uses key derivation function " + kdf + "; this Tandem knows only 1 (PBKDF2-HMAC-SHA256)");
        }
        long iterations = b.getInt() & 0xFFFF_FFFFL;
        int saltLength = b.get() & 0xFF;
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || saltLength < SALT_LENGTH || saltLength > 64
                || data.length != HEADER_LENGTH + saltLength + KEY_CHECK_LENGTH) {
            throw new SyncException(Reason.CORRUPT, "The encryption descriptor " + where + " is damaged or was "
                    + "tampered with (" + iterations + " iterations, " + saltLength + "-byte salt, "
                    + data.length + " bytes)");
        }
        byte[] salt = new byte[saltLength];
        byte[] check = new byte[KEY_CHECK_LENGTH];
        b.get(salt).get(check);
        return new LegacyDescriptor((int) iterations, salt, check);
    }
}
