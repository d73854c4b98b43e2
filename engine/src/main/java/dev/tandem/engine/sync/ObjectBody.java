package dev.tandem.engine.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A body for a streamed write ({@link SyncStorage#createIfAbsent(String, ObjectBody)}): its exact
 * length, and a stream that can be opened again (a retry re-opens it).
 *
 * <p>The length is a promise: a storage sends exactly {@link #length()} bytes, and a stream that
 * ends early or holds more fails the write, which then leaves no object under the name. Each
 * {@link #open()} must give the same bytes; the storage closes every stream it opens.
 */
public interface ObjectBody {

    /** The body's exact length in bytes, known before any of it is read. */
    long length();

    /** A new stream over the body from its first byte; the caller closes it. */
    InputStream open() throws IOException;

    /**
     * The bytes of an array, which is not copied (a body may be large): the caller leaves it
     * unchanged until the write returns.
     */
    static ObjectBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new ObjectBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /**
     * A file's content; the length is the file's size at this call. A file that changes size
     * before or during the write makes the write fail rather than store a different length. A
     * file whose size cannot be read is a {@link SyncException} ({@link SyncException.Reason#IO}).
     */
    static ObjectBody of(Path file) {
        Objects.requireNonNull(file, "file");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SyncException(SyncException.Reason.IO, "Cannot read the size of " + file + ": " + e, e);
        }
        return new ObjectBody() {
            @Override
            public long length() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
