package dev.tandem.engine.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream read ahead on a thread of its own, so the network's waits overlap the reader's work
 * (decrypting, hashing, writing a download): a few buffers in flight, so memory stays bounded.
 *
 * <p>Invariants: the reading thread only ever hands out whole buffers through the queue, then one
 * end marker (its failure, or {@link #END}); {@link #close} stops it and closes the source, after
 * which nothing more is read. A failure of the source surfaces from the next {@code read} as it
 * was thrown (an unchecked {@code SyncException} stays one), after the bytes read before it.
 */
final class ReadAhead extends InputStream {
    private static final int BUFFER = 256 * 1024;
    private static final int IN_FLIGHT = 4;
    private static final Object END = new Object();

    private final InputStream source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread reader;
    private Filled current;
    private int pos;
    private boolean ended;
    private volatile boolean closed;

    /** A buffer and how much of it the source filled. */
    private record Filled(byte[] buf, int length) {
    }

    ReadAhead(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i <= IN_FLIGHT; i++) {
            free.add(new byte[BUFFER]);
        }
        this.reader = new Thread(this::pump, "tandem-read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump() {
        try {
            while (!closed) {
                byte[] buf = free.take();
                int n = source.readNBytes(buf, 0, buf.length);
                if (n > 0) {
                    queue.put(new Filled(buf, n));
                }
                if (n < buf.length) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Closed: nobody reads on.
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException closedMeanwhile) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length()) {
            if (current != null) {
                free.offer(current.buf());
                current = null;
            }
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            if (next instanceof IOException e) {
                ended = true;
                throw e;
            }
            if (next instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            current = (Filled) next;
            pos = 0;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.buf(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        source.close();
        queue.clear();
    }
}
