package dev.tandem.engine.internal.blob;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file written while what is already written goes to the disk on a thread of its own, so a
 * download's final fsync finds little left to flush: the disk's work overlaps the network's and the
 * cipher's instead of following them.
 *
 * <p>Invariants: nothing here makes the file durable; the caller still forces it before it counts
 * ({@link LocalBlobs#publish}), so a crash at any point leaves what it left before. At most one flush
 * runs at a time (one is started once {@link #FLUSH_EVERY} more bytes were written and the last has
 * ended); {@link #close} waits for it before closing the channel, so no flush outlives the stream. A
 * failed flush is rethrown by the next write or by {@code close}, as the final fsync would fail too.
 */
final class WriteBehind extends OutputStream {
    /** Bytes written between flushes: enough that one fsync's fixed cost is small beside its data. */
    static final long FLUSH_EVERY = 16L << 20;
    private static final AtomicInteger FLUSHERS = new AtomicInteger();

    private final FileChannel channel;
    private long sinceFlush;
    private Thread flusher;
    private int flushesStarted;
    private volatile IOException flushFailure;

    WriteBehind(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throwFlushFailure();
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        sinceFlush += len;
        if (sinceFlush >= FLUSH_EVERY && (flusher == null || !flusher.isAlive())) {
            sinceFlush = 0;
            flusher = new Thread(this::forceWritten, "tandem-write-behind-" + FLUSHERS.incrementAndGet());
            flusher.setDaemon(true);
            flusher.start();
            flushesStarted++;
        }
    }

    private void forceWritten() {
        try {
            channel.force(false);
        } catch (IOException e) {
            flushFailure = e;
        }
    }

    /** How many flushes this stream started. */
    int flushesStarted() {
        return flushesStarted;
    }

    /** Whether a flush is running now. */
    boolean flushing() {
        return flusher != null && flusher.isAlive();
    }

    private void throwFlushFailure() throws IOException {
        IOException e = flushFailure;
        if (e != null) {
            throw new IOException("writing to the disk failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (flusher != null) {
                flusher.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted while the file was flushed");
        }
        channel.close();
        throwFlushFailure();
    }
}
