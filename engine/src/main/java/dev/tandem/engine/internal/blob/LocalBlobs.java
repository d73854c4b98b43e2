package dev.tandem.engine.internal.blob;

import dev.tandem.engine.Blob;
import dev.tandem.engine.BlobMismatchException;
import dev.tandem.engine.BlobTooLargeException;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local store of blobs: {@code <dir>/<first two hex digits>/<id>} holds a complete copy whose
 * SHA-256 is its name; {@code <id>.up} beside it marks a copy a remote is known to hold; {@code
 * tmp/} holds copies being written.
 *
 * <p>Invariants: a file appears under a blob's name only by an atomic rename of a fully written,
 * fsynced temporary file whose digest was computed while writing (an add) or checked against the
 * name (a download), followed by an fsync of the folder; so a crash at any point leaves complete
 * copies and stray temporary files, which the next open deletes. Two processes adding the same
 * content race harmlessly: both renames put the same bytes under the same name. A copy's modified
 * time is its last use, for {@link #trim}.
 */
public final class LocalBlobs implements Blobs {
    private static final int BUFFER = 64 * 1024;
    private static final String UPLOADED = ".up";
    /** Uses closer than this do not touch the file again: a list of thumbnails must not write per frame. */
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);

    /** Calls its second argument with each of the ids nothing names, inside a write transaction. */
    public interface Unnamed {
        void each(Set<String> ids, java.util.function.Consumer<String> remove);
    }

    private final Path dir;
    private final Path tmp;
    private volatile Unnamed unnamed;

    public LocalBlobs(Path dir) {
        this.dir = dir.toAbsolutePath();
        this.tmp = this.dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            try (Stream<Path> stale = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) stale::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot use the attachments folder " + this.dir + ": " + e.getMessage(), e);
        }
    }

    /** How {@link #removeUnnamed} learns what the database names: set by the database that owns this store. */
    public void unnamedBy(Unnamed check) {
        this.unnamed = check;
    }

    @Override
    public Set<String> removeUnnamed(Set<String> ids) {
        Unnamed check = unnamed;
        Set<String> removed = new java.util.HashSet<>();
        if (check == null || ids.isEmpty()) {
            return removed;
        }
        check.each(ids, id -> {
            if (Blob.isId(id)) {
                deleteQuietly(path(id));
                deleteQuietly(uploadedMark(id));
                removed.add(id);
            }
        });
        return removed;
    }

    @Override
    public Blob add(InputStream in, long limit) {
        return add(in, limit, null);
    }

    @Override
    public Blob add(InputStream in, long limit, String expected) {
        return copyIn(in, limit, expected, 0);
    }

    /** Copies {@code in} into the store under its SHA-256; {@code size}: about how many bytes it holds, 0 when unknown. */
    private Blob copyIn(InputStream in, long limit, String expected, long size) {
        Path temp = newTemp("add-");
        try {
            MessageDigest sha = Digests.sha256(size);
            long read = 0;
            try (OutputStream out = new WriteBehind(temp)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    read += n;
                    if (read > limit) {
                        throw new BlobTooLargeException("The file is larger than the limit of " + Sizes.describe(limit)
                                + "; it was not attached.", limit);
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String id = HexFormat.of().formatHex(sha.digest());
            if (expected != null && !expected.equals(id)) {
                throw new BlobMismatchException("The file's bytes are not the ones named (" + Sizes.describe(read)
                        + " read); it was not stored.");
            }
            publish(temp, id);
            return new Blob(id, read);
        } catch (IOException e) {
            throw new StorageException("Cannot copy the file into " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Blob add(Path file, long limit) {
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw new BlobTooLargeException(file.getFileName() + " is " + Sizes.describe(size) + ", larger than the"
                        + " limit of " + Sizes.describe(limit) + "; it was not attached.", limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return copyIn(in, limit, null, size);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> file(String id) {
        if (!Blob.isId(id)) {
            return Optional.empty();
        }
        Path p = path(id);
        try {
            FileTime used = Files.getLastModifiedTime(p);
            Instant now = Instant.now();
            if (used.toInstant().plus(TOUCH_EVERY).isBefore(now)) {
                Files.setLastModifiedTime(p, FileTime.from(now));
            }
            return Optional.of(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A copy whose time cannot be read or set is still a complete copy.
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
    }

    @Override
    public long localBytes() {
        long total = 0;
        for (Path p : copies()) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                // Gone meanwhile (a trim in another process): nothing to count.
            }
        }
        return total;
    }

    @Override
    public long trim(long maxBytes, Set<String> keep) {
        record Copy(Path path, String id, long size, FileTime used) {
        }
        List<Copy> all = new ArrayList<>();
        long total = 0;
        for (Path p : copies()) {
            try {
                long size = Files.size(p);
                total += size;
                all.add(new Copy(p, p.getFileName().toString(), size, Files.getLastModifiedTime(p)));
            } catch (IOException e) {
                // Gone meanwhile.
            }
        }
        all.sort(Comparator.comparing(Copy::used));
        long freed = 0;
        for (Copy c : all) {
            if (total - freed <= maxBytes) {
                break;
            }
            if (keep.contains(c.id()) || !onRemote(c.id())) {
                continue;
            }
            try {
                Files.deleteIfExists(c.path());
                freed += c.size();
            } catch (IOException e) {
                throw new StorageException("Cannot remove " + c.path() + ": " + e.getMessage(), e);
            }
        }
        return freed;
    }

    @Override
    public boolean onRemote(String id) {
        return Blob.isId(id) && Files.exists(uploadedMark(id));
    }

    /** Records that a remote holds blob {@code id}, so {@link #trim} may drop the local copy. */
    public void markOnRemote(String id) {
        try {
            Path mark = uploadedMark(id);
            if (!Files.exists(mark)) {
                Files.createDirectories(mark.getParent());
                Files.write(mark, new byte[0]);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot write " + uploadedMark(id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path directory() {
        return dir;
    }

    /** A new empty temporary file in this store, for a download to fill and {@link #publish} to move. */
    public Path newTemp(String prefix) {
        try {
            return Files.createTempFile(tmp, prefix, ".part");
        } catch (IOException e) {
            throw new StorageException("Cannot write into " + tmp + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the complete, digest-checked {@code temp} the copy of {@code id}: fsync, atomic
     * rename, fsync of the folder. The caller has checked that {@code temp}'s SHA-256 is {@code id}.
     */
    public void publish(Path temp, String id) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path target = path(id);
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        }
        syncDirectory(target.getParent());
    }

    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary file left behind is deleted at the next open.
        }
    }

    private Path path(String id) {
        return dir.resolve(id.substring(0, 2)).resolve(id);
    }

    private Path uploadedMark(String id) {
        return dir.resolve(id.substring(0, 2)).resolve(id + UPLOADED);
    }

    private List<Path> copies() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, p -> p.getFileName().toString().length() == 2)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard, p -> Blob.isId(p.getFileName().toString()))) {
                    files.forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void syncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for fsync; the rename itself is still atomic.
        }
    }
}
