package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.keys.KeyringStore;
import dev.tandem.engine.internal.keys.Secret;
import dev.tandem.engine.internal.keys.Unlocked;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Encrypts every object with AES-256-GCM under the remote's current data key, and authenticates
 * every object read. The data keys live in the remote's keyring ({@link KeyringStore}), which the
 * passphrase or a recovery key opens; see docs/ENCRYPTION.md.
 *
 * <p>The keyring is opened once per instance, at the first call, because the passphrase's KDF is
 * deliberately slow (~0.3 s). Every call, list and delete included, first opens it, so a wrong
 * passphrase fails with WRONG_PASSPHRASE before anything is read, written or removed. {@link
 * #refresh} follows a newer keyring generation (the sync calls it before each run); once the
 * passphrase changed elsewhere, every call fails the same way until the engine is rebuilt with the
 * new one, so this device writes nothing meanwhile.
 *
 * <p>Each object is encrypted whole, so the streamed calls buffer it in memory here; attachments'
 * bytes, the objects too large for that, are encrypted in chunks by their own cipher and written
 * to the storage below ({@link #below}), which streams them.
 */
public final class EncryptedStorage extends ForwardingStorage {
    public static final String DESCRIPTOR_NAME = KeyringStore.DESCRIPTOR_NAME;
    private static final String KEYRING_PREFIX = "keys/";

    private final KeyringStore keyring;
    private final Object lock = new Object();
    private volatile Unlocked unlocked;
    private final Secret secret;
    // Guarded by lock: the failure that stops this instance.
    private SyncException failure;

    public EncryptedStorage(SyncStorage delegate, String passphrase) {
        this(delegate, Secret.passphrase(passphrase), "a device", Clock.systemUTC());
    }

    public EncryptedStorage(SyncStorage delegate, Secret secret, String deviceName, Clock clock) {
        super(Objects.requireNonNull(delegate, "delegate"));
        this.secret = Objects.requireNonNull(secret, "secret");
        this.keyring = new KeyringStore(delegate, deviceName, clock);
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        unlocked();
        // Hiding the descriptor and the keyring can shorten a page; read on so a short page still means the end.
        List<String> names = new ArrayList<>();
        String after = startAfter;
        while (true) {
            List<String> page = delegate.list(p, after, maxNames);
            for (String k : page) {
                if (!isReserved(k) && names.size() < maxNames) {
                    names.add(k);
                }
            }
            if (names.size() >= maxNames || page.size() < maxNames) {
                return names;
            }
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public Optional<byte[]> get(String name) {
        checkNotReserved(name);
        Unlocked u = unlocked();
        Optional<byte[]> blob = delegate.get(name);
        return blob.map(b -> decrypt(u, name, b));
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        checkNotReserved(name);
        Objects.requireNonNull(data, "data");
        return delegate.createIfAbsent(name, encrypt(unlocked(), name, data));
    }

    /**
     * Buffers, as the SPI's default does: passed on as it is, the body would be stored in the clear.
     * Large objects (attachments' bytes) do not come this way: they carry their own cipher and go
     * to the storage below this one ({@link #below}), which streams.
     */
    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        checkNotReserved(name);
        return createIfAbsent(name, Bodies.readAll(name, body));
    }

    /** The whole object decrypted and authenticated, then streamed from memory: no byte unchecked. */
    @Override
    public Optional<InputStream> open(String name) {
        return get(name).map(ByteArrayInputStream::new);
    }

    /** The plaintext's size, which only decrypting the object tells. */
    @Override
    public OptionalLong size(String name) {
        Optional<byte[]> data = get(name);
        return data.isPresent() ? OptionalLong.of(data.get().length) : OptionalLong.empty();
    }

    @Override
    public void delete(String name) {
        checkNotReserved(name);
        unlocked();
        delegate.delete(name);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        checkNotReserved(name);
        return delegate.overwrite(name, encrypt(unlocked(), name, data));
    }

    /**
     * Passed on as it is, unencrypted: the page is code a browser must read before it knows any key, and
     * holds nothing of the user's. Its names are below {@code page/}, which no encrypted object has.
     */
    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePage(name);
        return delegate.publishPage(name, data, contentType);
    }

    @Override
    public Version version(String name, Version known) {
        checkNotReserved(name);
        unlocked();
        return delegate.version(name, known);
    }

    @Override
    public String describe() {
        return delegate.describe() + " (encrypted)";
    }

    // Not passed on, as this layer never did: one request per call through it, even over a delegate
    // that counts its own (WebDAV), whose count passing it on would report instead.
    @Override
    public long requestsSent() {
        return -1;
    }

    /** Follows a newer keyring generation, if any: one listing. */
    public void refresh() {
        synchronized (lock) {
            if (unlocked == null && failure == null) {
                unlockedLocked(); // opening lists the keyring anyway: it is the newest now
                return;
            }
            Unlocked u = unlockedLocked();
            try {
                unlocked = keyring.refresh(u);
            } catch (SyncException e) {
                if (e.reason() == Reason.WRONG_PASSPHRASE) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    /** The storage below the encryption: for objects that carry their own (attachments' bytes). */
    public SyncStorage below() {
        return delegate;
    }

    /** The keyring as this instance last opened it. */
    public Unlocked current() {
        return unlocked();
    }

    /** The generation of the keyring this instance opened, or 0 before anything needed it (no KDF run here). */
    public int openedGeneration() {
        synchronized (lock) {
            return unlocked == null ? 0 : unlocked.generation();
        }
    }

    /** Applies a change to the newest generation (see {@link KeyringStore#commit}) and follows it. */
    public Unlocked change(UnaryOperator<Unlocked> change) {
        synchronized (lock) {
            refresh();
            Unlocked next = change.apply(unlocked);
            unlocked = next;
            return next;
        }
    }

    public KeyringStore keyring() {
        return keyring;
    }

    /** How many times this instance ran a KDF: 1 in steady state, 2 if it lost the race to set up the keyring. */
    int keyDerivations() {
        return secret.derivations();
    }

    /**
     * Rewrites {@code name} under the current data key unless it already is: its size on the remote,
     * 0 when it was current, -1 when it is gone. The plaintext is unchanged, so a reader sees the
     * same object either way, and both keys open it until the rotation ends.
     */
    public long reencrypt(String name) {
        checkNotReserved(name);
        Unlocked u = unlocked();
        Optional<byte[]> blob = delegate.get(name);
        if (blob.isEmpty()) {
            return -1;
        }
        if (ObjectCipher.keyIdOf(name, blob.get(), delegate.describe()) == u.currentKeyId()) {
            return 0;
        }
        byte[] again = encrypt(u, name, decrypt(u, name, blob.get()));
        delegate.overwrite(name, again);
        return again.length;
    }

    private byte[] encrypt(Unlocked u, String name, byte[] data) {
        return ObjectCipher.encrypt(u.currentKeyId(), u.currentKey(), name, data);
    }

    private byte[] decrypt(Unlocked u, String name, byte[] blob) {
        int id = ObjectCipher.keyIdOf(name, blob, delegate.describe());
        byte[] dataKey = u.key(id);
        if (dataKey == null) {
            // Written under a key a newer keyring generation holds (a rotation elsewhere).
            refresh();
            dataKey = unlocked.key(id);
        }
        if (dataKey == null) {
            throw new SyncException(Reason.CORRUPT, "Object '" + name + "' in " + delegate.describe() + " is "
                    + "encrypted with data key " + id + ", which the remote's keyring does not hold");
        }
        return ObjectCipher.decrypt(dataKey, name, blob, delegate.describe());
    }

    private Unlocked unlocked() {
        Unlocked u = unlocked;
        if (u != null && failure == null) {
            return u;
        }
        synchronized (lock) {
            return unlockedLocked();
        }
    }

    private Unlocked unlockedLocked() {
        if (failure != null) {
            // Same answer without the slow KDF again; a fresh exception for this caller's stack.
            throw new SyncException(failure);
        }
        if (unlocked == null) {
            try {
                unlocked = keyring.unlock(secret);
            } catch (SyncException e) {
                if (e.reason() == Reason.WRONG_PASSPHRASE) {
                    failure = e;
                    secret.wipe();
                }
                throw e;
            }
            secret.wipe();
        }
        return unlocked;
    }

    private static boolean isReserved(String name) {
        // invites/: a shared space's join requests and grants, plain, as the joiner has no key yet.
        return name.equals(DESCRIPTOR_NAME) || name.startsWith(DESCRIPTOR_NAME + "/") || name.startsWith(KEYRING_PREFIX)
                || name.startsWith("invites/");
    }

    private static void checkNotReserved(String name) {
        ObjectNames.validate(name);
        if (isReserved(name)) {
            throw new SyncException(Reason.CORRUPT, "Invalid object key: '" + name + "' is reserved for the "
                    + "encryption descriptor and keyring");
        }
    }
}
