package dev.tandem.engine.internal.blob;

import dev.tandem.engine.Blob;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Moves blobs between the local store and one remote, as streams.
 *
 * <p>An upload creates the object if absent, so a retried or repeated upload, or two devices
 * uploading the same file, store one copy; the store notes the blob as on a remote only after the
 * create returned. A download writes a temporary file while hashing what it writes, and only a
 * file whose SHA-256 is the blob's id is renamed into place ({@link LocalBlobs#publish}): a
 * download cut short, killed, or fed altered bytes leaves no copy.
 */
public final class BlobTransfer {
    /** What a download found. */
    public enum Fetched {
        /** The copy is here now. */
        FETCHED,
        /** This device had it already. */
        ALREADY_HERE,
        /** The remote has no such blob (yet): another device has still to upload it, or it was removed. */
        NOT_ON_REMOTE
    }

    private static final int BUFFER = 64 * 1024;

    private final SyncStorage data;
    /** Null on a plain remote. */
    private final BlobKeys keys;
    private final IntSupplier currentKeyId;

    /**
     * {@code data}: where blob objects go, below any encryption layer (a blob is encrypted here,
     * under its own key); {@code keys}: the generations, or null for a plain remote;
     * {@code currentKeyId}: the remote's current data key id.
     */
    public BlobTransfer(SyncStorage data, BlobKeys keys, IntSupplier currentKeyId) {
        this.data = data;
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /** Uploads blob {@code id} from {@code local}; false when this device has no copy to send. */
    public boolean upload(LocalBlobs local, String id) {
        Optional<Path> file = local.file(id);
        if (file.isEmpty()) {
            return false;
        }
        Path p = file.get();
        long size;
        try {
            size = Files.size(p);
        } catch (IOException e) {
            throw new SyncException(Reason.IO, "Cannot read the attachment " + p + ": " + e.getMessage(), e);
        }
        ObjectBody body;
        String name;
        if (keys == null) {
            name = BlobKeys.plainName(id);
            body = ObjectBody.of(p);
        } else {
            BlobKeys.Generation g = keys.current(currentKeyId.getAsInt());
            name = g.name(id);
            byte[] key = g.fileKey(id);
            String objectName = name;
            body = new ObjectBody() {
                @Override
                public long length() {
                    return BlobCipher.encryptedLength(size);
                }

                @Override
                public InputStream open() throws IOException {
                    return BlobCipher.encrypt(Files.newInputStream(p), size, key, g.number(), objectName);
                }
            };
        }
        // A look first: an upload that finds the object costs one small request, not the file's bytes
        // (a conditional PUT refused by S3 still carries its whole body).
        if (data.size(name).isEmpty()) {
            data.createIfAbsent(name, body);
        }
        local.markOnRemote(id);
        return true;
    }

    /**
     * Downloads blob {@code id} into {@code local} unless it is there already; an object whose
     * content runs past {@code maxBytes} is refused as damaged as soon as it does, so a planted
     * giant fills neither memory nor the disk.
     */
    public Fetched download(LocalBlobs local, String id, long maxBytes) {
        if (!Blob.isId(id)) {
            throw new IllegalArgumentException("id: not a blob id: " + id);
        }
        if (local.has(id)) {
            return Fetched.ALREADY_HERE;
        }
        List<BlobKeys.Generation> generations = keys == null ? List.of() : keys.generations();
        Optional<InputStream> found = Optional.empty();
        String name = null;
        if (keys == null) {
            name = BlobKeys.plainName(id);
            found = data.open(name);
        } else {
            for (BlobKeys.Generation g : generations) {
                name = g.name(id);
                found = data.open(name);
                if (found.isPresent()) {
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            return Fetched.NOT_ON_REMOTE;
        }
        Path temp = local.newTemp("get-");
        try (InputStream raw = new ReadAhead(found.get(), name)) {
            String objectName = name;
            InputStream plain = keys == null ? raw : BlobCipher.decrypt(raw, number -> {
                for (BlobKeys.Generation g : generations) {
                    if (g.number() == number) {
                        return g.fileKey(id);
                    }
                }
                return null;
            }, objectName, maxBytes);
            MessageDigest sha = Digests.sha256(maxBytes);
            try (OutputStream out = new WriteBehind(temp)) {
                byte[] buf = new byte[BUFFER];
                long total = 0;
                int n;
                while ((n = plain.read(buf)) >= 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw BlobCipher.damaged(name, "it is larger than the attachment it stands for (" + maxBytes
                                + " bytes)");
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(id)) {
                throw BlobCipher.damaged(name, "its content is not the attachment's (SHA-256 " + got + ")");
            }
            local.publish(temp, id);
            local.markOnRemote(id);
            return Fetched.FETCHED;
        } catch (IOException e) {
            throw new SyncException(Reason.IO, "Downloading the attachment " + id + " failed: " + e.getMessage(), e);
        } catch (StorageException e) {
            throw new SyncException(Reason.IO, e.getMessage(), e);
        } finally {
            LocalBlobs.deleteQuietly(temp);
        }
    }

    /** The names blob {@code id} may have on the remote: one per generation, newest first. */
    public List<String> names(String id) {
        if (keys == null) {
            return List.of(BlobKeys.plainName(id));
        }
        return keys.generations().stream().map(g -> g.name(id)).toList();
    }

    /** Where blob objects are. */
    public SyncStorage data() {
        return data;
    }
}
