package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every backend does the same way with streamed objects ({@link ObjectBody}): a body read
 * exactly to its declared length, a failure of the body itself told apart from the network's, and
 * a read stream whose errors are {@link SyncException}s as the SPI promises.
 *
 * <p>Public because the layers above storage (internal.space) buffer through {@link #readAll}.
 */
public final class Bodies {
    /** Copy buffers: large enough to keep system calls few, small enough to never matter for the heap. */
    static final int BUFFER = 64 << 10;

    private Bodies() {
    }

    /**
     * The whole body in memory, for a layer that cannot stream (a decorator that signs, the SPI's
     * default). Fails like a streamed write would: a body that cannot be read, or that ends before
     * or goes past its declared length, is a {@link SyncException}.
     */
    public static byte[] readAll(String name, ObjectBody body) {
        Objects.requireNonNull(body, "body");
        long length = body.length();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new SyncException(Reason.IO, "Cannot write " + ObjectNames.describe(name) + ": a body of "
                    + length + " bytes does not fit in memory, and this storage layer cannot stream it");
        }
        try (InputStream in = openExact(body)) {
            byte[] data = in.readNBytes((int) length);
            in.read(); // at the end: -1, or a BodyException for a body longer than it said
            return data;
        } catch (IOException e) {
            throw bodyFailure("write " + ObjectNames.describe(name), e);
        }
    }

    /**
     * The body opened as a stream of exactly its declared length: one that ends early, holds more,
     * or fails (also with an unchecked exception) throws a {@link BodyException}, so a backend can
     * tell the caller's broken body from a broken connection ({@link #findBodyFailure}).
     */
    static InputStream openExact(ObjectBody body) throws BodyException {
        InputStream in;
        try {
            in = Objects.requireNonNull(body.open(), "ObjectBody.open() returned null");
        } catch (IOException | RuntimeException e) {
            throw new BodyException("the body could not be opened: " + e, e);
        }
        return new ExactStream(in, body.length());
    }

    /** The body failure in {@code failure}'s causes, or null when the failure was someone else's. */
    static BodyException findBodyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyException b) {
                return b;
            }
        }
        return null;
    }

    /**
     * The error for a write that failed because of its body: the body's own SyncException when it
     * threw one (a decrypting source), else an IO error saying what the body did.
     */
    static SyncException bodyFailure(String action, Throwable failure) {
        BodyException b = findBodyFailure(failure);
        Throwable cause = b == null ? failure : b.getCause() != null ? b.getCause() : b;
        if (cause instanceof SyncException s) {
            return new SyncException(s);
        }
        String what = b == null ? failure.toString() : b.getMessage();
        return new SyncException(Reason.IO, "Cannot " + action + ": " + what + "; nothing was stored", failure);
    }

    /**
     * A read stream whose failures become the SyncException {@code onError} makes, so callers of
     * {@code open} see the SPI's errors and whether a retry helps. A SyncException passes as it is.
     * Closed before its end, it first calls {@code abort} (null for none): an HTTP client would
     * otherwise read the rest of the object, maybe gigabytes, just to reuse the connection.
     */
    static InputStream failingAs(InputStream in, Function<Exception, SyncException> onError, Runnable abort) {
        return new ReadStream(in, onError, abort);
    }

    /** Whether two streams hold the same bytes, compared in bounded buffers; closes neither. */
    static boolean sameContent(InputStream a, InputStream b) throws IOException {
        byte[] x = new byte[BUFFER];
        byte[] y = new byte[BUFFER];
        while (true) {
            int n = a.readNBytes(x, 0, x.length);
            int m = b.readNBytes(y, 0, y.length);
            if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
                return false;
            }
            if (n < x.length) {
                return true;
            }
        }
    }

    /** The caller's body failed: it could not be read, or its length was not the one it declared. */
    static final class BodyException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** See {@link #failingAs}. */
    private static final class ReadStream extends FilterInputStream {
        private final Function<Exception, SyncException> onError;
        private final Runnable abort;
        private boolean ended;

        ReadStream(InputStream in, Function<Exception, SyncException> onError, Runnable abort) {
            super(in);
            this.onError = onError;
            this.abort = abort;
        }

        @Override
        public int read() {
            try {
                int b = in.read();
                ended |= b < 0;
                return b;
            } catch (IOException | RuntimeException e) {
                throw mapped(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                int n = in.read(b, off, len);
                ended |= n < 0;
                return n;
            } catch (IOException | RuntimeException e) {
                throw mapped(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                return in.skip(n);
            } catch (IOException | RuntimeException e) {
                throw mapped(e);
            }
        }

        @Override
        public int available() {
            try {
                return in.available();
            } catch (IOException | RuntimeException e) {
                throw mapped(e);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            boolean aborted = false;
            try {
                if (!ended && abort != null) {
                    abort.run();
                    aborted = true;
                }
            } catch (RuntimeException e) {
                closeAfterFailure(e);
                throw mapped(e);
            }
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                if (!aborted) {
                    throw mapped(e);
                }
                // The connection was dropped on purpose just before: closing what is left of it may
                // fail, and nothing the caller wanted is lost.
                System.getLogger(Bodies.class.getName()).log(System.Logger.Level.DEBUG,
                        "Closing a stream after dropping its connection", e);
            }
        }

        private void closeAfterFailure(RuntimeException failure) {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        private SyncException mapped(Exception e) {
            return e instanceof SyncException s ? s : onError.apply(e);
        }
    }

    /**
     * Passes on exactly {@code length} bytes. It never asks for more than one byte past the
     * length, so a longer body is caught without reading its rest, and a shorter one at its end;
     * the read that hands out the last declared byte first makes sure nothing follows it.
     */
    private static final class ExactStream extends FilterInputStream {
        private final long length;
        private long read;

        ExactStream(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long left = length - read;
            int n;
            try {
                n = in.read(b, off, (int) Math.min(len, left + 1));
            } catch (IOException | RuntimeException e) {
                throw new BodyException("reading the body failed after " + read + " of its " + length
                        + " bytes: " + e, e);
            }
            if (n < 0) {
                if (left > 0) {
                    throw new BodyException("the body ended after " + read + " of the " + length
                            + " bytes it declared", null);
                }
                return -1;
            }
            if (n > left) {
                throw longer();
            }
            read += n;
            if (read == length && n > 0) {
                // The last declared bytes are in hand: a longer body must fail now, before the caller
                // passes them on. An HTTP client asks for exactly the Content-Length and no more, so it
                // would otherwise send the first bytes of a longer body as if they were all of it.
                int more;
                try {
                    more = in.read();
                } catch (IOException | RuntimeException e) {
                    throw new BodyException("reading the body failed at its end: " + e, e);
                }
                if (more >= 0) {
                    throw longer();
                }
            }
            return n;
        }

        private BodyException longer() {
            return new BodyException("the body holds more than the " + length + " bytes it declared", null);
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read, so the count stays right.
            byte[] skipped = new byte[(int) Math.min(BUFFER, Math.max(0, n))];
            int got = read(skipped, 0, skipped.length);
            return Math.max(got, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
