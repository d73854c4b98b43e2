package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.tandem.engine.sync.Version;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects as files under a folder the user shares (Dropbox, Syncthing, a NAS): name {@code a/b/c}
 * is the file {@code dir/a/b/c}. Writes go to a temp file that is fsynced and then linked into
 * place, so a crash or a sync client copying mid-write can only ever see temp files, which every
 * lister ignores, never a half-written object under a real name.
 *
 * <p>The root folder is never created: a typo in settings must show up as NOT_FOUND, not as an
 * empty remote that silently starts filling a new folder. Symbolic links below the root are
 * refused, so whoever else can write to a shared folder cannot point a name outside it.
 *
 * <p>Unlike S3, a folder cannot hold both {@code a} and {@code a/b}, and on case-insensitive file
 * systems {@code A} and {@code a} are one object; name layouts must avoid both.
 */
public final class FolderStorage implements SyncStorage {
    static final String TEMP_PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final FolderParents parents;

    public FolderStorage(Path dir) {
        this.root = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.parents = new FolderParents(root);
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        requireRoot(ObjectNames.listing(p));
        List<String> names = new ArrayList<>();
        try {
            new NameTreeLister(p, startAfter, maxNames, names).list(new FolderTree(root));
        } catch (IOException e) {
            throw failure(ObjectNames.listing(p), e);
        }
        return names;
    }

    @Override
    public Optional<byte[]> get(String name) {
        ObjectNames.validate(name);
        Path file = root.resolve(name);
        try {
            BasicFileAttributes attrs = objectAttributes(name);
            if (attrs == null) {
                requireRoot("get '" + name + "'");
                return Optional.empty();
            }
            if (attrs.size() > ObjectNames.MAX_OBJECT_BYTES) {
                throw ObjectNames.tooLarge(name, attrs.size(), "folder " + root);
            }
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, NOFOLLOW)) {
                byte[] data = in.readNBytes((int) ObjectNames.MAX_OBJECT_BYTES + 1);
                if (data.length > ObjectNames.MAX_OBJECT_BYTES) {
                    throw ObjectNames.tooLarge(name, data.length, "folder " + root);
                }
                return Optional.of(data);
            }
        } catch (NoSuchFileException e) {
            requireRoot("get '" + name + "'");
            return Optional.empty();
        } catch (IOException e) {
            requireRoot("get '" + name + "'");
            throw failure("read '" + name + "'", e);
        }
    }

    /** The file itself, read as it is on disk; read errors are SyncExceptions from the stream's read. */
    @Override
    public Optional<InputStream> open(String name) {
        ObjectNames.validate(name);
        String action = "read '" + name + "'";
        try {
            if (objectAttributes(name) == null) {
                requireRoot(action);
                return Optional.empty();
            }
            InputStream in = Files.newInputStream(root.resolve(name), StandardOpenOption.READ, NOFOLLOW);
            return Optional.of(Bodies.failingAs(in, e -> failure(action, e), null));
        } catch (NoSuchFileException e) {
            requireRoot(action);
            return Optional.empty();
        } catch (IOException e) {
            requireRoot(action);
            throw failure(action, e);
        }
    }

    @Override
    public OptionalLong size(String name) {
        ObjectNames.validate(name);
        try {
            BasicFileAttributes attrs = objectAttributes(name);
            if (attrs == null) {
                requireRoot("check '" + name + "'");
                return OptionalLong.empty();
            }
            return OptionalLong.of(attrs.size());
        } catch (IOException e) {
            requireRoot("check '" + name + "'");
            throw failure("check '" + name + "'", e);
        }
    }

    /**
     * The attributes of the object's file; null when there is no such object: a missing file, or a
     * folder ("a" when only "a/b" exists, exactly as S3 would answer). A link could lead outside the
     * folder, and opening a named pipe would block sync forever: either way it is not an object
     * Tandem wrote, so it is a CORRUPT object, set aside.
     */
    private BasicFileAttributes objectAttributes(String name) throws IOException {
        if (!parents.areDirectories(name, Reason.CORRUPT)) {
            return null;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(root.resolve(name), BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (attrs.isDirectory()) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            throw new SyncException(Reason.CORRUPT, "Object '" + name + "' in folder " + root + " is a "
                    + (attrs.isSymbolicLink() ? "symbolic link" : "special file") + ", not a file Tandem wrote;"
                    + " not followed");
        }
        return attrs;
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        Objects.requireNonNull(data, "data");
        return create(name, temp -> DurableFiles.write(temp, data));
    }

    /**
     * Streams the body into the temp file, then publishes it as the byte[] form does; a body that
     * fails, or is shorter or longer than it declared, leaves neither the object nor the temp file.
     */
    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        Objects.requireNonNull(body, "body");
        return create(name, temp -> {
            try (InputStream in = Bodies.openExact(body)) {
                DurableFiles.write(temp, in);
            }
        });
    }

    /** Writes a temp file with {@code content}, fsynced, and links it under the name unless taken. */
    private boolean create(String name, FolderParents.Content content) {
        ObjectNames.validate(name);
        requireRoot("write '" + name + "'");
        Path file = root.resolve(name);
        Path dir = file.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(file, NOFOLLOW)) {
                // S3 could hold both "a" and "a/b"; a folder cannot, and "taken" would be a lie
                // because get("a") finds nothing.
                throw new SyncException(Reason.IO, "Cannot write '" + name + "' in folder " + root + ": a folder "
                        + "of that name holds other objects");
            }
            if (Files.exists(file, NOFOLLOW)) {
                return false;
            }
            temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(randomBytes()));
            Path firstCreated = parents.makeAndWrite(name, temp, content);
            boolean created = DurableFiles.publish(temp, file);
            DurableFiles.syncDirectory(dir);
            if (firstCreated != null) {
                // The new directories' own entries must be durable too, or a crash loses the object.
                for (Path d = dir.getParent(); d != null && d.startsWith(firstCreated.getParent()); d = d.getParent()) {
                    DurableFiles.syncDirectory(d);
                }
            }
            return created;
        } catch (IOException e) {
            if (Bodies.findBodyFailure(e) != null) {
                throw Bodies.bodyFailure("write '" + name + "' in folder " + root, e);
            }
            throw failure("write '" + name + "'", e);
        } finally {
            deleteTemp(temp, name);
        }
    }

    @Override
    public void delete(String name) {
        ObjectNames.validate(name);
        requireRoot("delete '" + name + "'");
        Path file = root.resolve(name);
        try {
            if (!parents.areDirectories(name, Reason.IO) || Files.isDirectory(file, NOFOLLOW)) {
                return;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("delete '" + name + "'", e);
        }
        parents.removeEmpty(file.getParent());
    }

    @Override
    public void removeFolder(String folder) {
        ObjectNames.validateFolder(folder);
        requireRoot("remove folder '" + folder + "'");
        Path dir = root.resolve(folder);
        try {
            if (!parents.areDirectories(folder.substring(0, folder.length() - 1), Reason.IO)
                    || !Files.isDirectory(dir, NOFOLLOW)) {
                return; // missing, or not a folder of ours (a file, a link): left alone
            }
        } catch (IOException e) {
            throw failure("remove folder '" + folder + "'", e);
        }
        parents.removeEmpty(dir);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        ObjectNames.validate(name);
        requireRoot("write '" + name + "'");
        Path file = root.resolve(name);
        Path temp = null;
        try {
            temp = file.getParent().resolve(TEMP_PREFIX + HexFormat.of().formatHex(randomBytes()));
            parents.makeAndWrite(name, temp, t -> DurableFiles.write(t, data));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return versionOf(file);
        } catch (IOException e) {
            throw failure("write '" + name + "'", e);
        } finally {
            deleteTemp(temp, name);
        }
    }

    /** A folder keeps no content type: whatever serves it gives one by the name's extension. */
    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePageBelowPrefix(name);
        return overwrite(name, data);
    }

    @Override
    public Version version(String name, Version known) {
        ObjectNames.validate(name);
        requireRoot("check '" + name + "'");
        try {
            Version now = versionOf(root.resolve(name));
            return now.equals(known) ? known : now;
        } catch (IOException e) {
            throw failure("check '" + name + "'", e);
        }
    }

    /**
     * The file's identity, modification time and size: a rename onto it (how every writer,
     * Tandem or a sync client, replaces a file) changes the identity even within one clock tick.
     */
    private static Version versionOf(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
            return new Version(a.fileKey() + "/" + a.lastModifiedTime().toMillis() + "/" + a.size());
        } catch (NoSuchFileException e) {
            return Version.MISSING;
        }
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        String p = ObjectNames.validatePrefix(prefix);
        try {
            return FolderWatch.start(root.resolve(p.isEmpty() ? "." : p).normalize(), onChange);
        } catch (IOException e) {
            // A file system that cannot watch: the caller polls, as for any storage.
            System.getLogger(FolderStorage.class.getName()).log(System.Logger.Level.INFO,
                    "Cannot watch " + root + " for changes (" + e.getMessage() + "); sync polls instead");
            return null;
        }
    }

    @Override
    public String describe() {
        return "folder:" + root;
    }

    @Override
    public String toString() {
        return describe();
    }

    private void requireRoot(String what) {
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new SyncException(Reason.NOT_FOUND, "Cannot " + what + ": the sync folder " + root
                        + " is not a folder");
            }
            // Gone (a drive not connected, a share not mounted, moved): said as such, and never made here.
            throw new SyncException(Reason.NOT_FOUND, SyncException.Diagnosis.FOLDER_MISSING, "Cannot " + what
                    + ": the sync folder " + root + " does not exist", null);
        }
    }

    private void deleteTemp(Path temp, String name) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The object is written (or not) either way; a leftover temp file is ignored by list.
            System.getLogger(FolderStorage.class.getName())
                    .log(System.Logger.Level.WARNING, "Could not remove temp file " + temp + " for '" + name + "'", e);
        }
    }

    private SyncException failure(String what, Exception e) {
        String detail = e instanceof AccessDeniedException ? "permission denied on " + e.getMessage()
                : e instanceof FileSystemException fse && fse.getReason() != null
                        ? fse.getReason() + " (" + fse.getFile() + ")"
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new SyncException(Reason.IO, "Cannot " + what + " in folder " + root + ": " + detail, e);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }
}
