package dev.tandem.engine.internal.reactive;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tells when a database file or its write-ahead log changes on disk, for writes by another
 * process (the command line while the app is open). The operating system reports the change
 * (inotify on Linux), so nothing polls; a burst of writes costs one call after a short pause.
 * Our own commits wake it too: the caller must tell its own writes from others' (see
 * {@code PRAGMA data_version}).
 */
public final class FileWatch implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long SETTLE_MILLIS = 30;
    private static final long RECHECK_MILLIS = 300;

    private final WatchService watcher;
    private final Thread thread;

    /**
     * @param onChange runs on the watch thread after the file or its log changed
     * @param errors receives what {@code onChange} throws; the watch goes on
     */
    public FileWatch(Path database, Runnable onChange, Consumer<Throwable> errors) throws IOException {
        Path dir = database.toAbsolutePath().getParent();
        String name = database.getFileName().toString();
        Set<String> watched = Set.of(name, name + "-wal");
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = new Thread(() -> loop(watched, onChange, errors), "tandem-watch-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Set<String> watched, Runnable onChange, Consumer<Throwable> errors) {
        try {
            WatchKey key = watcher.take();
            while (true) {
                boolean relevant = drain(key, watched);
                // Let a burst of writes settle, then take everything it queued in one go.
                Thread.sleep(SETTLE_MILLIS);
                WatchKey more;
                while ((more = watcher.poll(0, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more, watched);
                }
                if (!relevant) {
                    key = watcher.take();
                    continue;
                }
                run(onChange, errors);
                // A commit publishes itself in the shared-memory index a moment after its last
                // log write, and that index is not a file event: look once more when all is quiet.
                key = watcher.poll(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (key == null) {
                    run(onChange, errors);
                    key = watcher.take();
                }
            }
        } catch (ClosedWatchServiceException closed) {
            // close() ends the watch.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Runnable onChange, Consumer<Throwable> errors) {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }

    private static boolean drain(WatchKey key, Set<String> watched) {
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            // An overflow lost events, so it may have lost ours.
            relevant |= e.kind() == StandardWatchEventKinds.OVERFLOW
                    || e.context() instanceof Path p && watched.contains(p.toString());
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // The watch thread ends either way; nothing is left to release.
            thread.interrupt();
        }
    }
}
