package dev.tandem.app.sync;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Replica;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Blob;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Downloads attachments' bytes when they are shown, one transfer per file however many views ask,
 * on a thread of its own (never the JavaFX thread, never the sync's). What it found stays known
 * per file until asked again: a damaged file on the remote keeps saying so.
 *
 * <p>With "Keep attachments on this device" on, every sync that brought changes is followed by
 * fetching each attachment not here yet; otherwise the local copies are trimmed to the cache limit
 * after each download, least recently used first, never one still to be uploaded.
 */
public final class AttachmentFetcher implements AutoCloseable {
    /** Where a file's bytes are, as far as this device knows. */
    public enum State {
        /** Here: the local copy is complete. */
        HERE,
        /** Being downloaded. */
        DOWNLOADING,
        /** Not on the remote yet: the device that attached it has still to sync. */
        NOT_ON_REMOTE,
        /** Not here, and sync is off: nowhere to download from. */
        NO_SYNC,
        /** The download failed; {@link Status#message} says why (a damaged file, the network). */
        FAILED
    }

    /** What is known of one file. */
    public record Status(String blob, State state, String message) {
    }

    private final AttachmentStore attachments;
    private final Replica replica;
    private final Supplier<Optional<SyncEngine>> engine;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Status>> running = new ConcurrentHashMap<>();
    private final Map<String, Status> known = new ConcurrentHashMap<>();
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean keepAll;
    private volatile long cacheLimit = Long.MAX_VALUE;

    public AttachmentFetcher(TodoStore store, Supplier<Optional<SyncEngine>> engine, ExecutorService executor) {
        this.attachments = store.attachments();
        this.replica = store.replica();
        this.engine = engine;
        this.executor = executor;
    }

    /** Told of every status change, on the fetcher's thread. */
    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    /** What is known of {@code blob} now, without asking the remote. */
    public Status status(String blob) {
        if (attachments.blobs().has(blob)) {
            return new Status(blob, State.HERE, null);
        }
        return known.getOrDefault(blob, new Status(blob, engine.get().isPresent() ? State.DOWNLOADING : State.NO_SYNC,
                null));
    }

    /** Downloads {@code blob} unless it is here or on its way; completes with what it found. */
    public CompletableFuture<Status> fetch(String blob) {
        if (!Blob.isId(blob)) {
            return CompletableFuture.completedFuture(new Status(blob, State.FAILED, Messages.text("common.attachment.notAnId")));
        }
        if (attachments.blobs().has(blob)) {
            return CompletableFuture.completedFuture(new Status(blob, State.HERE, null));
        }
        try {
            return running.computeIfAbsent(blob, b -> {
                CompletableFuture<Status> f = CompletableFuture.supplyAsync(() -> download(b), executor);
                f.whenComplete((s, e) -> running.remove(b));
                return f;
            });
        } catch (RejectedExecutionException e) {
            // Closed with its profile: nothing downloads, and the caller (often a UI callback, where a throw
            // escapes) hears it as any failed download.
            return CompletableFuture.failedFuture(e);
        }
    }

    private Status download(String blob) {
        Optional<SyncEngine> e = engine.get();
        if (e.isEmpty()) {
            return tell(new Status(blob, State.NO_SYNC, null));
        }
        tell(new Status(blob, State.DOWNLOADING, null));
        Status result;
        try {
            RemoteBlobs.Fetch got = replica.fetch(e.get().blobs(), blob, expectedSize(blob));
            result = got == RemoteBlobs.Fetch.NOT_ON_REMOTE ? new Status(blob, State.NOT_ON_REMOTE, null)
                    : new Status(blob, State.HERE, null);
        } catch (SyncException ex) {
            result = new Status(blob, State.FAILED, ex.getMessage());
        } catch (RuntimeException ex) {
            result = new Status(blob, State.FAILED, ex.getMessage() == null ? ex.toString() : ex.getMessage());
        }
        if (result.state() == State.HERE && !keepAll && cacheLimit != Long.MAX_VALUE) {
            attachments.blobs().trim(cacheLimit, Set.of(blob));
        }
        return tell(result);
    }

    /** The size the rows naming {@code blob} record (a longer object is refused), or no bound when none does. */
    private long expectedSize(String blob) {
        long size = -1;
        for (Attachment a : attachments.ofBlob(blob)) {
            if (a.size() != null) {
                size = Math.max(size, a.size());
            }
        }
        return size < 0 ? Long.MAX_VALUE : size;
    }

    private Status tell(Status s) {
        if (s.state() == State.HERE) {
            known.remove(s.blob());
        } else {
            known.put(s.blob(), s);
        }
        for (Consumer<Status> l : listeners) {
            l.accept(s);
        }
        return s;
    }

    /** "Keep attachments on this device": fetch every one after each sync, and never trim. */
    public void keepAll(boolean on) {
        this.keepAll = on;
    }

    public boolean keepsAll() {
        return keepAll;
    }

    /** The most the local copies may take when not keeping all (bytes). */
    public void cacheLimit(long bytes) {
        this.cacheLimit = bytes;
    }

    /** Fetches every attachment not here yet (after a sync, with {@link #keepAll}); returns how many it asked for. */
    public int fetchMissing(List<Attachment> all) {
        int asked = 0;
        for (Attachment a : all) {
            if (a.blob() != null && !attachments.blobs().has(a.blob())) {
                Status s = known.get(a.blob());
                if (s == null || s.state() != State.FAILED) {
                    fetch(a.blob());
                    asked++;
                }
            }
        }
        return asked;
    }

    /** Bytes the local copies take now (Settings shows it beside "Free up space"). */
    public long localBytes() {
        return attachments.blobs().localBytes();
    }

    public long cacheLimit() {
        return cacheLimit;
    }

    /** "Free up space": removes local copies a remote holds, down to {@code maxBytes}; returns the bytes freed. */
    public long freeUp(long maxBytes, Set<String> keep) {
        return attachments.blobs().trim(maxBytes, keep);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
