package dev.tandem.engine.internal.space;

import dev.tandem.engine.internal.storage.Bodies;
import dev.tandem.engine.internal.storage.ForwardingStorage;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The storage of a shared space, as sync sees it: batches, heads, acks and snapshots are signed by
 * the device that writes them and checked against the membership ({@link Members}) when read; an
 * object that fails is a CORRUPT error, which sync sets aside and reports, naming the object and
 * why. The membership log and the certificates carry their own signatures and pass through.
 *
 * <p>Lies above encryption, so what it signs and checks is the plain object; below it, a storage
 * provider sees only ciphertext, and one that writes an object of its own is refused twice: it
 * cannot encrypt for the space, and it cannot sign for a member.
 */
public final class SignedStorage extends ForwardingStorage {
    private final Members members;
    private volatile UUID signer;
    private volatile PrivateKey key;

    public SignedStorage(SyncStorage delegate, Members members) {
        super(delegate);
        this.members = members;
    }

    /** The device that signs what this storage writes from now on. */
    public void signAs(UUID device, PrivateKey deviceKey) {
        this.signer = device;
        this.key = deviceKey;
    }

    public Members members() {
        return members;
    }

    /** The storage this one signs for (the encryption layer, when the space encrypts). */
    public SyncStorage below() {
        return delegate;
    }

    static boolean signed(String name) {
        return name.startsWith("batches/") || name.startsWith("heads/") || name.startsWith("acks/")
                || name.startsWith("snapshots/");
    }

    @Override
    public Optional<byte[]> get(String name) {
        Optional<byte[]> object = delegate.get(name);
        if (object.isEmpty() || !signed(name)) {
            return object;
        }
        return Optional.of(members.check(name, SignedObject.read(name, object.get())));
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        return delegate.createIfAbsent(name, signed(name) ? sign(name, data) : data);
    }

    // The streamed calls: a signed name is never streamed, so it goes whole through the byte[]
    // calls above and is signed and checked as ever. Blobs bypass signing: the attachment layer
    // verifies their content by its hash.

    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        return signed(name) ? createIfAbsent(name, Bodies.readAll(name, body)) : delegate.createIfAbsent(name, body);
    }

    @Override
    public Optional<InputStream> open(String name) {
        return signed(name) ? get(name).<InputStream>map(ByteArrayInputStream::new) : delegate.open(name);
    }

    @Override
    public OptionalLong size(String name) {
        if (!signed(name)) {
            return delegate.size(name);
        }
        Optional<byte[]> object = get(name);
        return object.isPresent() ? OptionalLong.of(object.get().length) : OptionalLong.empty();
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        return delegate.overwrite(name, signed(name) ? sign(name, data) : data);
    }

    private byte[] sign(String objectName, byte[] data) {
        if (signer == null) {
            throw new IllegalStateException("A shared space's objects are written only in a sync, which names its device");
        }
        return SignedObject.wrap(objectName, data, signer, key);
    }
}
