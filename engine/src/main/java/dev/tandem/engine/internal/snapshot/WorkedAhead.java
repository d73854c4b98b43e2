package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.StorageException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Items worked out on a helper thread while the calling thread writes them: a snapshot's bulk load
 * spends about as long working out its rows (ids as bytes, MessagePack blobs, which columns
 * differ) as SQLite spends inserting them, and a device back after long has a core to spare.
 *
 * <p><b>Rules.</b> Only the calling thread touches the connection; the helper reads data nothing
 * changes meanwhile (the snapshot's plan, rows read before) and owns whatever it allocates. Items
 * reach the writer in the order the helper made them, {@link #CHUNK} at a time, at most
 * {@link #AHEAD} chunks ahead. When the writer fails, the helper is stopped and joined before
 * {@link #run} returns; when the helper fails, its exception is thrown to the caller in place of
 * whatever it had not handed over.
 */
final class WorkedAhead<T> {
    /** Items per chunk handed over. */
    static final int CHUNK = 2048;
    /** Chunks worked out ahead at most: bounds what the helper holds. */
    static final int AHEAD = 4;

    /** Works out the items, handing each to {@code out} in order. */
    interface Maker<T> {
        void make(Out<T> out);
    }

    /** Where the helper puts each item. */
    interface Out<T> {
        void put(T item);
    }

    /** Writes one item, on the calling thread. */
    interface Writer<T> {
        void write(T item) throws SQLException;
    }

    /** Unwinds the helper once the writer stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final List<Object> END = List.of();

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean stopped;
    private volatile Throwable failure;
    private List<Object> chunk = new ArrayList<>(CHUNK);

    private WorkedAhead() {
    }

    /** Runs {@code maker} on a helper thread named {@code name} and {@code writer} on this one. */
    static <T> void run(String name, Maker<T> maker, Writer<T> writer) throws SQLException {
        WorkedAhead<T> w = new WorkedAhead<>();
        Thread helper = new Thread(() -> w.produce(maker), name);
        helper.setDaemon(true);
        helper.start();
        try {
            w.consume(writer);
        } finally {
            w.stopped = true;
            w.queue.clear(); // a helper waiting to hand over a chunk sees the stop
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while writing a snapshot", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void consume(Writer<T> writer) throws SQLException {
        while (true) {
            List<Object> items;
            try {
                items = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while writing a snapshot", e);
            }
            if (items == END) {
                break;
            }
            for (Object item : items) {
                writer.write((T) item);
            }
        }
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    private void produce(Maker<T> maker) {
        try {
            maker.make(item -> {
                chunk.add(item);
                if (chunk.size() == CHUNK) {
                    hand(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            });
            hand(chunk);
        } catch (Stopped e) {
            return; // the writer failed, and throws its own exception
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            hand(END);
        } catch (Stopped e) {
            // the writer failed meanwhile, and throws its own exception
        }
    }

    private void hand(List<Object> items) {
        try {
            while (!queue.offer(items, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nothing interrupts the helper; if something does, it stops
            throw new Stopped();
        }
        if (stopped) {
            throw new Stopped();
        }
    }
}
