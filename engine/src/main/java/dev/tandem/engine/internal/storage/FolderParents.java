package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The folders between a {@link FolderStorage}'s root and a name's file: checked for links before
 * a read, made before a write, removed once a delete leaves them empty; never the root itself.
 */
final class FolderParents {
    /**
     * Tries at making a name's folders and writing into them while deletes elsewhere remove empty
     * ones. Each lost try is a few system calls; on a loaded machine an honest deleter on another
     * core has won eight in a row, so the bound is far above that and still bounded work against a
     * deleter that always wins.
     */
    static final int MAKE_ATTEMPTS = 256;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** What a write puts into its new temp file. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private final Path root;

    FolderParents(Path root) {
        this.root = root;
    }

    /**
     * Makes the name's missing parent folders and writes {@code temp} in the last. A delete
     * elsewhere may remove a folder it left empty at any moment before the temp file is in it
     * ({@link #removeEmpty}), so a folder gone meanwhile is made again, up to {@link #MAKE_ATTEMPTS}
     * times, yielding between tries so the deleter can finish; once the temp file is in it, the
     * folder is not empty and stays. Returns the first folder made, or
     * null when all existed.
     */
    Path makeAndWrite(String name, Path temp, Content content) throws IOException {
        Path firstCreated = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Path made = make(name);
                firstCreated = firstCreated != null ? firstCreated : made;
                content.writeTo(temp);
                return firstCreated;
            } catch (NoSuchFileException removedMeanwhile) {
                if (attempt == MAKE_ATTEMPTS) {
                    throw removedMeanwhile;
                }
                Thread.yield();
            }
        }
    }

    /**
     * True when every directory between the root and the name's file is a real directory. False
     * when one is missing or is a plain file; a symbolic link is an error of {@code onLink}: CORRUPT
     * for a read (the object is set aside, the rest of the sync goes on), IO for a removal.
     */
    boolean areDirectories(String name, Reason onLink) throws IOException {
        Path d = root;
        for (String segment : segments(name)) {
            d = d.resolve(segment);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(d, BasicFileAttributes.class, NOFOLLOW);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (attrs.isSymbolicLink()) {
                throw new SyncException(onLink, "Refusing to follow the symbolic link " + d + " for key '"
                        + name + "' in folder " + root);
            }
            if (!attrs.isDirectory()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes the folders a delete left empty, up to the root but never the root: a snapshot's
     * folder, or a retired device's, would otherwise stay for every listing to walk. A folder that
     * still holds anything (an object, a writer's temp file) stays. A writer that made its folder
     * just before it went makes it again ({@link #makeAndWrite}). The object is gone whatever
     * happens here, so a folder that cannot be removed is logged, not a failed delete.
     */
    void removeEmpty(Path dir) {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException stillUsedOrGone) {
                return;
            } catch (IOException e) {
                System.getLogger(FolderStorage.class.getName())
                        .log(System.Logger.Level.WARNING, "Could not remove empty folder " + d, e);
                return;
            }
        }
    }

    /**
     * Makes the name's missing parent directories, never the root. Returns the first directory it
     * created, or null when all existed.
     */
    private Path make(String name) throws IOException {
        Path firstCreated = null;
        Path d = root;
        for (String segment : segments(name)) {
            d = d.resolve(segment);
            try {
                Files.createDirectory(d);
                if (firstCreated == null) {
                    firstCreated = d;
                }
            } catch (FileAlreadyExistsException e) {
                // One look: a folder removed as empty meanwhile throws NoSuchFileException, and is made again.
                if (!Files.readAttributes(d, BasicFileAttributes.class, NOFOLLOW).isDirectory()) {
                    throw new SyncException(Reason.IO, "Cannot write '" + name + "' in folder " + root + ": "
                            + d + " is a file or a symbolic link, not a folder", e);
                }
            }
        }
        return firstCreated;
    }

    /** The directory names between the root and the name's file; the root itself may be a link. */
    private static List<String> segments(String name) {
        String[] segments = name.split("/");
        return List.of(segments).subList(0, segments.length - 1);
    }
}
