package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.storage.Bodies.BodyException;
import dev.tandem.engine.sync.ObjectBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The streams one streamed write opens on its body, one per attempt of an HTTP client that retries
 * on its own (the AWS SDK; a request resent on a fresh connection): each {@link #open} closes the
 * previous stream and opens the body again, exactly to its declared length ({@link Bodies#openExact}).
 *
 * <p>A body that failed once (it could not be read, or its length was not the one it declared)
 * fails every later attempt at once with the same {@link BodyException}: retrying the network
 * cannot mend the caller's body, and must not read a large file again for nothing.
 */
final class BodyAttempts implements ObjectBody, AutoCloseable {
    private final ObjectBody body;
    private InputStream current;
    private BodyException failure;

    BodyAttempts(ObjectBody body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public long length() {
        return body.length();
    }

    /** A new stream over the whole body; the previous one is closed. */
    @Override
    public synchronized InputStream open() throws IOException {
        closeCurrent();
        if (failure != null) {
            throw new BodyException(failure.getMessage(), failure);
        }
        try {
            current = new Watched(Bodies.openExact(body));
        } catch (BodyException e) {
            failure = e;
            throw e;
        }
        return current;
    }

    /** The body's failure if any attempt met one, else null. */
    synchronized BodyException failure() {
        return failure;
    }

    /**
     * Closes the last stream once the write is over, whatever its outcome, which stands: a body
     * that fails to close is logged, naming {@code what} was written.
     */
    void finish(String what) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.getLogger(BodyAttempts.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not close the body of " + what, e);
        }
    }

    /** Closes the last stream; the HTTP client may have closed it already, which is harmless. */
    @Override
    public synchronized void close() throws IOException {
        closeCurrent();
    }

    private void closeCurrent() throws IOException {
        InputStream c = current;
        current = null;
        if (c != null) {
            c.close();
        }
    }

    private synchronized void failed(BodyException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Notes a body failure for the later attempts. */
    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (BodyException e) {
                failed(e);
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (BodyException e) {
                failed(e);
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (BodyException e) {
                failed(e);
                throw e;
            }
        }
    }
}
