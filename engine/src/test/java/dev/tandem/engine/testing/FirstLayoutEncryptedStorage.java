package dev.tandem.engine.testing;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The first layout's encryption (descriptor version 1, one key derived from the passphrase), as
 * the previous released Tandem wrote and read it (commit 3a7a721: EncryptedStorage,
 * EncryptionDescriptor and ObjectCipher merged into one class). It is kept in the tests to act as
 * a device that has not updated yet, next to devices running the new layout.
 *
 * <p>It must never change: its bytes and its error messages are what old devices in the field
 * produce and show, so "fixing" anything here would make the tests simulate a version nobody runs.
 * It uses only the public sync API and the JDK, so changes to the engine's internals cannot reach it.
 */
public final class FirstLayoutEncryptedStorage implements SyncStorage {
    public static final String DESCRIPTOR_NAME = "encryption";
    /** Where sync keeps its objects; any of them without a descriptor is plain data. */
    private static final List<String> PLAIN_PREFIXES = List.of("heads/", "batches/", "snapshots/", "acks/");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SyncStorage delegate;
    private final Object initLock = new Object();
    private final AtomicInteger keyDerivations = new AtomicInteger();
    private volatile ObjectCipher cipher;
    // Guarded by initLock; cleared once the key is derived or the passphrase proved wrong.
    private char[] passphrase;
    private SyncException wrongPassphrase;

    public FirstLayoutEncryptedStorage(SyncStorage delegate, String passphrase) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("passphrase: must not be empty");
        }
        this.passphrase = passphrase.toCharArray();
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = prefix == null ? "" : prefix;
        if (maxNames < 1) {
            throw new IllegalArgumentException("maxNames: must be at least 1, was " + maxNames);
        }
        cipher();
        boolean mayHoldDescriptor = DESCRIPTOR_NAME.startsWith(p)
                && (startAfter == null || DESCRIPTOR_NAME.compareTo(startAfter) > 0);
        // Ask for one more so that hiding the descriptor cannot shorten a page to nothing.
        int ask = mayHoldDescriptor && maxNames < Integer.MAX_VALUE ? maxNames + 1 : maxNames;
        List<String> names = new ArrayList<>(delegate.list(p, startAfter, ask));
        names.remove(DESCRIPTOR_NAME);
        return names.size() > maxNames ? new ArrayList<>(names.subList(0, maxNames)) : names;
    }

    @Override
    public Optional<byte[]> get(String name) {
        checkNotReserved(name);
        ObjectCipher c = cipher();
        return delegate.get(name).map(blob -> c.decrypt(name, blob, delegate.describe()));
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        checkNotReserved(name);
        Objects.requireNonNull(data, "data");
        return delegate.createIfAbsent(name, cipher().encrypt(name, data));
    }

    @Override
    public void delete(String name) {
        checkNotReserved(name);
        cipher();
        delegate.delete(name);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        checkNotReserved(name);
        return delegate.overwrite(name, cipher().encrypt(name, data));
    }

    @Override
    public Version version(String name, Version known) {
        checkNotReserved(name);
        cipher();
        return delegate.version(name, known);
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        return delegate.watch(prefix, onChange);
    }

    @Override
    public String describe() {
        return delegate.describe() + " (encrypted)";
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** How many times this instance ran the KDF: 1 in steady state, 2 if it lost the race to create the descriptor. */
    public int keyDerivations() {
        return keyDerivations.get();
    }

    private ObjectCipher cipher() {
        ObjectCipher c = cipher;
        if (c != null) {
            return c;
        }
        synchronized (initLock) {
            if (cipher != null) {
                return cipher;
            }
            if (wrongPassphrase != null) {
                // Same answer without running the slow KDF again; a fresh exception for this caller's stack.
                throw new SyncException(wrongPassphrase.reason(), wrongPassphrase.getMessage(), wrongPassphrase);
            }
            cipher = new ObjectCipher(new SecretKeySpec(unlock().objectKey(), "AES"));
            forgetPassphrase();
            return cipher;
        }
    }

    /** Reads the descriptor, or creates it if this is the first device; checks the passphrase. */
    private Keys unlock() {
        Optional<byte[]> existing = delegate.get(DESCRIPTOR_NAME);
        if (existing.isEmpty()) {
            refuseIfPlainData();
            byte[] salt = new byte[Descriptor.SALT_LENGTH];
            RANDOM.nextBytes(salt);
            Keys keys = derive(salt, Descriptor.ITERATIONS);
            byte[] mine = new Descriptor(Descriptor.ITERATIONS, salt, keys.keyCheck()).toBytes();
            if (delegate.createIfAbsent(DESCRIPTOR_NAME, mine)) {
                return keys;
            }
            // Another device created it between our get and our write: theirs is the one.
            existing = delegate.get(DESCRIPTOR_NAME);
            if (existing.isEmpty()) {
                throw new SyncException(Reason.REMOTE_BUSY, "The encryption descriptor '" + DESCRIPTOR_NAME + "' in "
                        + delegate.describe() + " was created and removed while this device was setting it up");
            }
        }
        String where = "'" + DESCRIPTOR_NAME + "' in " + delegate.describe();
        Descriptor theirs = Descriptor.parse(existing.get(), where);
        Keys keys = derive(theirs.salt(), theirs.iterations());
        if (!theirs.accepts(keys)) {
            wrongPassphrase = new SyncException(Reason.WRONG_PASSPHRASE, "The passphrase does not match the one "
                    + "that encrypted " + delegate.describe() + " (checked against " + where + "); nothing was "
                    + "read or changed");
            forgetPassphrase();
            throw wrongPassphrase;
        }
        return keys;
    }

    /** No descriptor but Tandem's objects are there: plain devices sync here, so encrypting now is refused. */
    private void refuseIfPlainData() {
        for (String prefix : PLAIN_PREFIXES) {
            List<String> found = delegate.list(prefix, null, 1);
            if (!found.isEmpty()) {
                throw new SyncException(Reason.ENCRYPTION_MISMATCH, delegate.describe() + " already holds "
                        + "unencrypted Tandem data (" + found.get(0) + ") written by devices without a passphrase,"
                        + " so this device, which has one, did not read or write anything. Encrypting a remote"
                        + " that holds plain data is not supported");
            }
        }
    }

    private Keys derive(byte[] salt, int iterations) {
        keyDerivations.incrementAndGet();
        return Descriptor.derive(passphrase, salt, iterations);
    }

    private void forgetPassphrase() {
        Arrays.fill(passphrase, '\0');
        passphrase = null;
    }

    private static void checkNotReserved(String name) {
        // The old class called the internal name rule (ObjectNames.validate); the delegate applies the full rule anyway.
        if (name == null || name.isEmpty() || name.startsWith("/")) {
            throw new SyncException(Reason.CORRUPT, "Invalid object key: " + (name == null ? "null" : "'" + name + "'"));
        }
        if (name.equals(DESCRIPTOR_NAME) || name.startsWith(DESCRIPTOR_NAME + "/")) {
            throw new SyncException(Reason.CORRUPT, "Invalid object key: '" + name + "' is reserved for the "
                    + "encryption descriptor");
        }
    }

    /** The keys derived from a passphrase with one descriptor's salt and parameters. */
    private record Keys(byte[] objectKey, byte[] keyCheck) { }

    /** The unencrypted descriptor: "TDEK" | version 1 | kdf 1 | iterations | salt length | salt | key check. */
    private record Descriptor(int iterations, byte[] salt, byte[] keyCheck) {
        static final byte[] MAGIC = {'T', 'D', 'E', 'K'};
        static final int VERSION = 1;
        static final int KDF_PBKDF2_HMAC_SHA256 = 1;
        static final int ITERATIONS = 600_000;
        // Fewer was not written by Tandem (a cheap brute force); more could stall the app for minutes.
        static final int MIN_ITERATIONS = 600_000;
        static final int MAX_ITERATIONS = 10_000_000;
        static final int SALT_LENGTH = 16;
        static final int KEY_CHECK_LENGTH = 32;
        static final String INFO_KEY_CHECK = "tandem key check v1";
        static final String INFO_OBJECT_KEY = "tandem object key v1";
        static final int HEADER_LENGTH = 11;

        /**
         * PBKDF2-HMAC-SHA256 over the NFC passphrase (chars as UTF-8), then one HKDF-Expand block per
         * key with the 32-byte result as the PRK. The old code also zeroed the intermediate key
         * material; a test fixture skips that, which changes no byte it reads or writes.
         */
        static Keys derive(char[] passphrase, byte[] salt, int iterations) {
            char[] normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC).toCharArray();
            try {
                byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(normalized, salt, iterations, 256)).getEncoded();
                return new Keys(expand(master, INFO_OBJECT_KEY), expand(master, INFO_KEY_CHECK));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The JDK lacks PBKDF2WithHmacSHA256 or HmacSHA256", e);
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

        static Descriptor parse(byte[] data, String where) {
            if (data.length < HEADER_LENGTH || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new SyncException(Reason.CORRUPT, "The encryption descriptor " + where
                        + " is not a Tandem encryption descriptor (" + data.length + " bytes, wrong magic)");
            }
            ByteBuffer b = ByteBuffer.wrap(data, MAGIC.length, data.length - MAGIC.length);
            int version = b.get() & 0xFF;
            if (version != VERSION) {
                throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The encryption descriptor " + where
                        + " has version " + version + "; this Tandem reads version " + VERSION);
            }
            int kdf = b.get() & 0xFF;
            if (kdf != KDF_PBKDF2_HMAC_SHA256) {
                throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The encryption descriptor " + where
                        + " uses key derivation function " + kdf + "; this Tandem knows only 1 (PBKDF2-HMAC-SHA256)");
            }
            long iterations = b.getInt() & 0xFFFF_FFFFL;
            int saltLength = b.get() & 0xFF;
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || saltLength < SALT_LENGTH
                    || saltLength > 64 || data.length != HEADER_LENGTH + saltLength + KEY_CHECK_LENGTH) {
                throw new SyncException(Reason.CORRUPT, "The encryption descriptor " + where + " is damaged or was "
                        + "tampered with (" + iterations + " iterations, " + saltLength + "-byte salt, "
                        + data.length + " bytes)");
            }
            byte[] salt = new byte[saltLength];
            byte[] check = new byte[KEY_CHECK_LENGTH];
            b.get(salt).get(check);
            return new Descriptor((int) iterations, salt, check);
        }
    }

    /** AES-256-GCM: "TDEO" | version 1 | nonce | ciphertext | tag; header and name are the associated data. */
    private record ObjectCipher(SecretKey key) {
        static final byte[] MAGIC = {'T', 'D', 'E', 'O'};
        static final int VERSION = 1;
        static final int HEADER_LENGTH = MAGIC.length + 1;
        static final int NONCE_LENGTH = 12;
        static final int TAG_BITS = 128;
        static final int OVERHEAD = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;

        byte[] encrypt(String objectName, byte[] plaintext) {
            byte[] out = new byte[OVERHEAD + plaintext.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            out[MAGIC.length] = VERSION;
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            System.arraycopy(nonce, 0, out, HEADER_LENGTH, NONCE_LENGTH);
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                c.updateAAD(associatedData(out, objectName));
                c.doFinal(plaintext, 0, plaintext.length, out, HEADER_LENGTH + NONCE_LENGTH);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed while encrypting '" + objectName + "'", e);
            }
        }

        byte[] decrypt(String objectName, byte[] blob, String where) {
            if (blob.length < HEADER_LENGTH || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where
                        + " is not an encrypted Tandem object (" + blob.length + " bytes; written without encryption?)");
            }
            int version = blob[MAGIC.length] & 0xFF;
            if (version != VERSION) {
                throw new SyncException(Reason.UNSUPPORTED_FORMAT, "Object '" + objectName + "' in " + where
                        + " is encrypted with format version " + version + "; this Tandem reads version " + VERSION);
            }
            if (blob.length < OVERHEAD) {
                throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where + " is truncated ("
                        + blob.length + " bytes, at least " + OVERHEAD + " expected)");
            }
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, HEADER_LENGTH, NONCE_LENGTH));
                c.updateAAD(associatedData(blob, objectName));
                int start = HEADER_LENGTH + NONCE_LENGTH;
                return c.doFinal(blob, start, blob.length - start);
            } catch (AEADBadTagException e) {
                throw new SyncException(Reason.CORRUPT, "Object '" + objectName + "' in " + where + " failed "
                        + "authentication: it was damaged, altered, or moved from another key", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed while decrypting '" + objectName + "'", e);
            }
        }

        /** header (5 bytes) || key as ASCII; the header has a fixed length, so the split is unambiguous. */
        private static byte[] associatedData(byte[] blob, String objectName) {
            byte[] name = objectName.getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(HEADER_LENGTH + name.length).put(blob, 0, HEADER_LENGTH).put(name).array();
        }
    }
}
