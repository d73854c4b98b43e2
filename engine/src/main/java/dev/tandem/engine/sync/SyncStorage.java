package dev.tandem.engine.sync;

import dev.tandem.engine.internal.storage.Bodies;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.internal.storage.FolderStorage;
import dev.tandem.engine.internal.storage.MemoryStorage;
import dev.tandem.engine.internal.storage.ObjectNames;
import dev.tandem.engine.internal.storage.PrefixedStorage;
import dev.tandem.engine.internal.storage.S3Storage;
import dev.tandem.engine.internal.storage.SlowStorage;
import dev.tandem.engine.internal.storage.WebDavStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The storage SPI sync runs over: a flat namespace of immutable objects. Writers only ever create
 * objects that do not exist yet; every call is idempotent, so a retry after an unknown outcome is
 * always safe. Each call is one request to the remote, which is how sync counts its requests, unless
 * the storage counts for itself ({@link #requestsSent()}).
 *
 * <p>Names are '/'-separated, made of {@code [A-Za-z0-9._-]} segments, never starting with '.' and
 * never containing "..". Implementations reject other names with a {@link SyncException}.
 *
 * <p>Errors are {@link SyncException}s that say whether retrying can help.
 *
 * <p>Large objects (attachments) go through the streamed calls, {@link #createIfAbsent(String,
 * ObjectBody)}, {@link #open} and {@link #size}, whose memory does not grow with the object; the
 * {@code byte[]} calls are for sync's own objects, which stay well below 64 MiB. Every backend
 * streams natively; the defaults buffer, for a layer that cannot stream.
 */
public interface SyncStorage extends AutoCloseable {

    /**
     * At most {@code maxNames} (at least 1) names that start with {@code prefix} and sort after
     * {@code startAfter} (null for none), in ascending byte order. A backend may leave out names it
     * could never have written (and an encrypted store hides its descriptor), so a page shorter than
     * {@code maxNames} ends the listing only under prefixes where every name is Tandem's own.
     */
    List<String> list(String prefix, String startAfter, int maxNames);

    /** The object's bytes, or empty when there is no such object. */
    Optional<byte[]> get(String name);

    /**
     * Writes the object unless one exists under that name. Returns true when this call created it,
     * false when the name was already taken (by this writer's earlier attempt or by another).
     */
    boolean createIfAbsent(String name, byte[] data);

    /**
     * Streams {@code body} to {@code name} unless an object of that name exists; true when this
     * call created it, false when the name was already taken (by this writer's earlier attempt or
     * by another). The same semantics as {@link #createIfAbsent(String, byte[])}, and atomic: a
     * reader never sees a partial object, and a failed or killed write leaves no object under the
     * name (its temp files or uploads are cleaned up, or invisible to every listing). A body that
     * cannot be read, or ends before or goes past its declared length, fails the write with a
     * {@link SyncException} ({@link SyncException.Reason#IO} unless the body threw one itself). The
     * body may be opened more than once (a retry re-opens it); each stream is closed.
     *
     * <p>The default reads the body into memory and calls the {@code byte[]} form: only for layers
     * that cannot stream (one that signs what it writes).
     */
    default boolean createIfAbsent(String name, ObjectBody body) {
        return createIfAbsent(name, Bodies.readAll(name, body));
    }

    /**
     * Opens the object for streamed reading; empty when there is no such object. The caller closes
     * the stream. An error while reading surfaces as a {@link SyncException} thrown from the
     * stream's {@code read}, saying whether a retry can help; an encrypted store's stream hands
     * out no byte it has not authenticated, and fails on a damaged or cut-off object.
     *
     * <p>The default reads the whole object with {@link #get}.
     */
    default Optional<InputStream> open(String name) {
        return get(name).<InputStream>map(ByteArrayInputStream::new);
    }

    /**
     * The object's size in bytes, as {@link #open} would read it, without reading it; empty when
     * there is no such object. The default reads the whole object with {@link #get}.
     */
    default OptionalLong size(String name) {
        Optional<byte[]> data = get(name);
        return data.isPresent() ? OptionalLong.of(data.get().length) : OptionalLong.empty();
    }

    /** Removes the object; removing a missing object is not an error. */
    void delete(String name);

    /**
     * On a store with folders, removes the folder that held the names under {@code folder} (which
     * ends in '/') once they are deleted; a folder that still holds anything stays, and a store
     * without folders (S3) does nothing. For a prefix nobody writes to any more (a cleaned-up
     * snapshot, a retired device's batches): each folder left behind costs a WebDAV listing one
     * more request for good. Removing a missing folder is not an error.
     */
    default void removeFolder(String folder) {
    }

    /**
     * Writes the object whether or not one exists, and returns its new version. Sync uses this for
     * one small hint object only (the change marker, docs/SYNC_FORMAT.md), never for data; every
     * other write is {@link #createIfAbsent}. A storage without it returns {@link Version#UNKNOWN}
     * and writes nothing, which only makes change checks read as "changed".
     */
    default Version overwrite(String name, byte[] data) {
        return Version.UNKNOWN;
    }

    /**
     * Where the phone page's files go ({@link #publishPage}): no name of the sync format starts with it
     * (docs/SYNC_FORMAT.md, "Layout"), so sync never reads, lists for data or deletes them.
     */
    String PAGE = "page/";

    /**
     * Writes one file of the phone page (docs/WEB.md, "Tandem on your phone without a computer") whether
     * or not one exists, as it is: never encrypted nor signed (the page is code anyone may read, not data),
     * with {@code contentType} where the store keeps one (S3 answers every GET with it; a WebDAV server is
     * sent it, though most answer GETs with the type their own configuration gives the name's extension;
     * a folder keeps none). Only names under {@link #PAGE} are taken, so sync's objects are never written
     * this way; any other name is refused with a {@link SyncException} and nothing is written. Returns
     * the file's new version. A storage that cannot hold files for a browser refuses with
     * {@link SyncException.Reason#NOT_FOUND} and writes nothing.
     */
    default Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePage(name);
        throw new SyncException(SyncException.Reason.NOT_FOUND, describe() + " cannot hold the page's files");
    }

    /**
     * The object's version if it differs from {@code known}, else {@code known} itself: one
     * conditional request (a 304 on S3 when nothing changed), or a file's attributes. A storage
     * that cannot tell returns {@link Version#UNKNOWN}.
     */
    default Version version(String name, Version known) {
        return Version.UNKNOWN;
    }

    /**
     * Calls {@code onChange} (on a thread of the storage's) when objects under {@code prefix} may
     * have changed, as soon as the storage notices; null when it cannot notice by itself (then the
     * caller polls). Closing the result stops it.
     */
    default AutoCloseable watch(String prefix, Runnable onChange) {
        return null;
    }

    /**
     * Requests this storage has sent so far, for a storage where one call may cost several (a
     * WebDAV listing asks each folder it reaches); -1 when every call is exactly one request.
     */
    default long requestsSent() {
        return -1;
    }

    /** A stable description of where objects go, e.g. {@code s3://host/bucket/prefix}; never secrets. */
    String describe();

    @Override
    default void close() {
    }

    /** A fresh in-memory store; share one instance between engines to sync databases in one process. */
    static SyncStorage memory() {
        return new MemoryStorage();
    }

    /** A folder: atomic writes (temp file, fsync, rename); temp and "conflicted copy" files are ignored. */
    static SyncStorage folder(Path dir) {
        return new FolderStorage(dir);
    }

    /**
     * An S3 bucket through the AWS SDK, path-style, with an optional endpoint override; through the
     * proxy the settings, the environment ({@code HTTPS_PROXY}, …) or the JVM name, if any.
     */
    static SyncStorage s3(S3Settings settings) {
        // The one place the process environment is read for proxies (docs/REMOTES.md, "Proxies").
        return new S3Storage(settings, System.getenv(), ProxySelector.getDefault());
    }

    /**
     * A WebDAV folder (Nextcloud, ownCloud, a NAS, Apache, {@code rclone serve webdav}) that must
     * already exist; the server must refuse overwrites on request (If-None-Match on PUT, or MOVE
     * with Overwrite: F), which the first write finds out. Proxies as for {@link #s3}.
     */
    static SyncStorage webDav(WebDavSettings settings) {
        return new WebDavStorage(settings, System.getenv(), ProxySelector.getDefault());
    }

    /** Adds latency to each call of {@code delegate}, to measure sync as a real network would see it. */
    static SyncStorage slow(SyncStorage delegate, Duration get, Duration put, Duration list) {
        return new SlowStorage(delegate, get, put, list);
    }

    /** Keeps every name under {@code prefix}/, so several profiles can share one bucket or folder. */
    static SyncStorage prefixed(SyncStorage delegate, String prefix) {
        return new PrefixedStorage(delegate, prefix);
    }

    /** Encrypts every object written through it, and authenticates every object read. */
    static SyncStorage encrypted(SyncStorage delegate, String passphrase) {
        return new EncryptedStorage(delegate, passphrase);
    }
}
