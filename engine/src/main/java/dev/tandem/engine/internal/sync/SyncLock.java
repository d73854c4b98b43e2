package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Keeps the syncs of one database apart, across threads, engines and processes: the app's
 * background sync, {@code tandem sync} in a terminal, a cron job, the app opened twice.
 *
 * <p>Why: a sync reads the database's sync state (its push, its published head), lists the
 * remote, and records what it pushed. Two syncs of one database interleaving those steps cut
 * different batches for one slot, or see the other's push on the remote before it is recorded
 * here, and each then takes its sibling for another installation writing under the device id
 * (docs/RELIABILITY.md, "One profile, several processes"). With this lock held from before the
 * sync reads its state until after it records its head, a sync of this database only ever sees
 * pushes this database has recorded, so the copied-profile check is left with real copies: a
 * copied file has its own lock file, and is still told apart as before.
 *
 * <p>How: an exclusive OS lock ({@code fcntl} on Linux and macOS, {@code LockFileEx} on Windows)
 * on a small file beside the database, {@code <db>.sync-lock}, which is never deleted (deleting a
 * lock file lets two processes lock two different files). The OS drops the lock when its process
 * ends, however it ends, so a sync killed with SIGKILL or by a power cut never leaves the profile
 * locked; the next sync finds the state that process committed and completes it, as after any
 * crash. It is a separate file because closing any handle on the database file would release
 * SQLite's own locks on it. Within one JVM the OS lock cannot be taken twice, so a lock per file
 * is taken first; an in-memory database has only that.
 *
 * <p>Order: in-JVM lock, then the file lock; released in reverse. Waiting polls, so it can report
 * how long it has waited and stops on interrupt (the flag is restored).
 */
final class SyncLock implements AutoCloseable {
    /** How often a waiting sync tries the lock again, and how often it reports waiting. */
    static final long POLL_MILLIS = 25;
    static final long REPORT_MILLIS = 1000;
    private static final Map<Object, ReentrantLock> IN_JVM = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * One key object per file: the maps hold keys weakly, and only the very object a map stores keeps
     * its entry alive. Two equal paths are two objects, so without this a sync holding the lock
     * under its own path object lets the entry go; the next sync of the file then makes a second
     * in-JVM lock and meets the first one's file lock (OverlappingFileLockException).
     */
    private static final Map<Object, WeakReference<Object>> CANONICAL = new WeakHashMap<>();

    /** Held while the lock is, and while waiting for it, so the weak map keeps this file's in-JVM lock. */
    private final Object key;
    private final ReentrantLock jvm;
    private final FileChannel channel;
    private final FileLock lock;

    private SyncLock(Object key, ReentrantLock jvm, FileChannel channel, FileLock lock) {
        this.key = key;
        this.jvm = jvm;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database file. */
    static Path fileOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".sync-lock");
    }

    /**
     * Takes the lock of {@code db}'s syncs, waiting as long as another sync holds it. While waiting,
     * {@code waited} hears the milliseconds waited so far, about once a second.
     */
    static SyncLock acquire(SyncPort db, LongConsumer waited) {
        Path file = db.file().map(f -> f.toAbsolutePath().normalize()).orElse(null);
        // In memory, the port stands for the database: each has one for its lifetime.
        Object key = canonical(file == null ? db : realPath(file));
        ReentrantLock jvm = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        long start = System.nanoTime();
        Waiting waiting = new Waiting(start, waited);
        try {
            while (!jvm.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                waiting.tick();
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        if (file == null) {
            return new SyncLock(key, jvm, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(fileOf(file), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                Thread.sleep(POLL_MILLIS);
                waiting.tick();
            }
            note(channel);
            return new SyncLock(key, jvm, channel, lock);
        } catch (IOException e) {
            close(channel);
            jvm.unlock();
            throw new SyncException(SyncException.Reason.IO, "Cannot lock " + fileOf(file) + " to keep syncs of this"
                    + " profile apart: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            close(channel);
            jvm.unlock();
            throw interrupted(e);
        } catch (RuntimeException e) {
            close(channel);
            jvm.unlock();
            throw e;
        }
    }

    /** Who holds the lock, for a person looking at the file: nothing reads it back. */
    private static void note(FileChannel channel) throws IOException {
        byte[] who = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(who), 0);
    }

    private static Object canonical(Object key) {
        synchronized (CANONICAL) {
            WeakReference<Object> ref = CANONICAL.get(key);
            Object known = ref == null ? null : ref.get();
            if (known != null) {
                return known;
            }
            CANONICAL.put(key, new WeakReference<>(key));
            return key;
        }
    }

    private static Object realPath(Path file) {
        try {
            // Two spellings of one file (a symlinked data folder) must share one lock in this JVM.
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    private static SyncException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SyncException(SyncException.Reason.IO, "Interrupted while waiting for another sync of this"
                + " profile to finish", e);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing drops the lock too; a failure leaves nothing held.
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // Closing the channel below releases it all the same.
        } finally {
            close(channel);
            jvm.unlock();
        }
    }

    /** Reports waiting about once a second. */
    private static final class Waiting {
        private final long start;
        private final LongConsumer waited;
        private long reported;

        Waiting(long start, LongConsumer waited) {
            this.start = start;
            this.waited = waited;
        }

        void tick() {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (ms - reported >= REPORT_MILLIS) {
                reported = ms;
                waited.accept(ms);
            }
        }
    }
}
