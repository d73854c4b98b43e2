package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encrypts every object with AES-256-GCM under a key derived from the passphrase, and
 * authenticates every object read. The salt, KDF parameters and a key-check value live in an
 * unencrypted descriptor at {@value #DESCRIPTOR_KEY}; the first device creates it, every other one
 * reads it. See docs/ENCRYPTION.md.
 *
 * <p>The key is derived once per instance, at the first call, because the KDF is deliberately
 * slow (~0.2 s). Every call, list and delete included, first checks the passphrase, so a wrong
 * one fails with WRONG_PASSPHRASE before anything is read, written or removed.
 */
public final class EncryptedStorage implements SyncStorage {
    public static final String DESCRIPTOR_KEY = "encryption";
    /** Where sync keeps its objects (docs/SYNC_FORMAT.md); any of them without a descriptor is plain data. */
    private static final List<String> PLAIN_PREFIXES = List.of("heads/", "batches/", "snapshots/", "acks/");

    private final SyncStorage delegate;
    private final Object initLock = new Object();
    private final AtomicInteger keyDerivations = new AtomicInteger();
    private volatile ObjectCipher cipher;
    // Guarded by initLock; cleared once the key is derived or the passphrase proved wrong.
    private char[] passphrase;
    private SyncException wrongPassphrase;

    public EncryptedStorage(SyncStorage delegate, String passphrase) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("passphrase: must not be empty");
        }
        this.passphrase = passphrase.toCharArray();
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxKeys) {
        String p = StorageKeys.validatePrefix(prefix);
        StorageKeys.validateMaxKeys(maxKeys);
        cipher();
        boolean mayHoldDescriptor = DESCRIPTOR_KEY.startsWith(p)
                && (startAfter == null || DESCRIPTOR_KEY.compareTo(startAfter) > 0);
        // Ask for one more so that hiding the descriptor cannot shorten a page to nothing.
        int ask = mayHoldDescriptor && maxKeys < Integer.MAX_VALUE ? maxKeys + 1 : maxKeys;
        List<String> keys = new ArrayList<>(delegate.list(p, startAfter, ask));
        keys.remove(DESCRIPTOR_KEY);
        return keys.size() > maxKeys ? new ArrayList<>(keys.subList(0, maxKeys)) : keys;
    }

    @Override
    public Optional<byte[]> get(String key) {
        checkNotReserved(key);
        ObjectCipher c = cipher();
        return delegate.get(key).map(blob -> c.decrypt(key, blob, delegate.describe()));
    }

    @Override
    public boolean createIfAbsent(String key, byte[] data) {
        checkNotReserved(key);
        Objects.requireNonNull(data, "data");
        return delegate.createIfAbsent(key, cipher().encrypt(key, data));
    }

    @Override
    public void delete(String key) {
        checkNotReserved(key);
        cipher();
        delegate.delete(key);
    }

    @Override
    public Version overwrite(String key, byte[] data) {
        checkNotReserved(key);
        return delegate.overwrite(key, cipher().encrypt(key, data));
    }

    @Override
    public Version version(String key, Version known) {
        checkNotReserved(key);
        cipher();
        return delegate.version(key, known);
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
    int keyDerivations() {
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
            cipher = new ObjectCipher(unlock().objectKey());
            forgetPassphrase();
            return cipher;
        }
    }

    /** Reads the descriptor, or creates it if this is the first device; checks the passphrase. */
    private EncryptionDescriptor.Keys unlock() {
        Optional<byte[]> existing = delegate.get(DESCRIPTOR_KEY);
        if (existing.isEmpty()) {
            refuseIfPlainData();
            byte[] salt = EncryptionDescriptor.newSalt();
            EncryptionDescriptor.Keys keys = derive(salt, EncryptionDescriptor.ITERATIONS);
            EncryptionDescriptor mine = new EncryptionDescriptor(EncryptionDescriptor.ITERATIONS, salt, keys.keyCheck());
            if (delegate.createIfAbsent(DESCRIPTOR_KEY, mine.toBytes())) {
                return keys;
            }
            // Another device created it between our get and our write: theirs is the one.
            existing = delegate.get(DESCRIPTOR_KEY);
            if (existing.isEmpty()) {
                throw new SyncException(Reason.REMOTE_BUSY, "The encryption descriptor '" + DESCRIPTOR_KEY + "' in "
                        + delegate.describe() + " was created and removed while this device was setting it up");
            }
        }
        String where = "'" + DESCRIPTOR_KEY + "' in " + delegate.describe();
        EncryptionDescriptor theirs = EncryptionDescriptor.parse(existing.get(), where);
        EncryptionDescriptor.Keys keys = derive(theirs.salt(), theirs.iterations());
        if (!theirs.accepts(keys)) {
            wrongPassphrase = new SyncException(Reason.WRONG_PASSPHRASE, "The passphrase does not match the one "
                    + "that encrypted " + delegate.describe() + " (checked against " + where + "); nothing was "
                    + "read or changed");
            forgetPassphrase();
            throw wrongPassphrase;
        }
        return keys;
    }

    /**
     * No descriptor, but Tandem's objects are there: devices without a passphrase sync through this
     * remote. Encrypting now would leave them unable to read what this device writes, and this
     * device unable to read theirs, so it is refused before anything is written (a few listings,
     * once per remote when encryption is first set up).
     */
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

    private EncryptionDescriptor.Keys derive(byte[] salt, int iterations) {
        keyDerivations.incrementAndGet();
        return EncryptionDescriptor.derive(passphrase, salt, iterations);
    }

    private void forgetPassphrase() {
        Arrays.fill(passphrase, '\0');
        passphrase = null;
    }

    private static void checkNotReserved(String key) {
        StorageKeys.validate(key);
        if (key.equals(DESCRIPTOR_KEY) || key.startsWith(DESCRIPTOR_KEY + "/")) {
            throw new SyncException(Reason.CORRUPT, "Invalid object key: '" + key + "' is reserved for the "
                    + "encryption descriptor");
        }
    }
}
