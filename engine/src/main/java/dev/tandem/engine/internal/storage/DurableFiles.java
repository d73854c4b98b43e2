package dev.tandem.engine.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How {@link FolderStorage} puts an object on disk: the bytes into a new temp file, fsynced, then
 * the temp file published under its real name in one step, then the folder's entry fsynced. A
 * crash or a sync client copying mid-write can only ever see the temp file.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code data} into the new file {@code temp} and fsyncs it. */
    static void write(Path temp, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Copies {@code in} to its end into the new file {@code temp} and fsyncs it, through one
     * bounded buffer, so a large object costs no more memory than a small one.
     */
    static void write(Path temp, InputStream in) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] chunk = new byte[Bodies.BUFFER];
            ByteBuffer buf = ByteBuffer.wrap(chunk);
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                buf.clear().limit(n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(true);
        }
    }

    /**
     * Links the finished temp file under its real name. {@code link(2)} is atomic and fails when
     * the name exists, which is exactly create-if-absent, also across processes and over SMB/NFS.
     * {@code Files.move} without REPLACE_EXISTING is not a substitute on POSIX: the JDK checks for
     * the target and then calls rename(2), which replaces, so two writers could both "win". It is
     * used only where hard links are unsupported (FAT/exFAT, some network mounts), where it is the
     * best the file system offers.
     */
    static boolean publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            return moveIfAbsent(temp, file);
        } catch (FileSystemException e) {
            if (e instanceof AccessDeniedException || e instanceof NoSuchFileException || !linksUnsupported(e)) {
                throw e;
            }
            return moveIfAbsent(temp, file);
        }
    }

    private static boolean linksUnsupported(FileSystemException e) {
        String reason = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
        return reason.contains("operation not permitted") || reason.contains("not supported")
                || reason.contains("incorrect function");
    }

    private static boolean moveIfAbsent(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * fsync of a directory persists its entries on Linux and macOS. Windows cannot open a
     * directory, and some network mounts refuse the fsync; the object is already published by
     * then, so failing the call would make the caller's retry see "taken" for its own write.
     * The failure is logged instead.
     */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            System.getLogger(FolderStorage.class.getName())
                    .log(System.Logger.Level.DEBUG, "fsync of directory " + dir + " not supported", e);
        }
    }
}
