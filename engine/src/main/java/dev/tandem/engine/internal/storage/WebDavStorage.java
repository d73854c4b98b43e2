package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavErrors;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.internal.dav.DavStream;
import dev.tandem.engine.internal.dav.Multistatus;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import dev.tandem.engine.sync.WebDavSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects as files in a WebDAV folder (Nextcloud, ownCloud, a NAS, Apache, rclone): name
 * {@code a/b/c} is the file {@code URL/a/b/c}. Folders are made with MKCOL when a write finds its
 * parent missing, so a write costs one request once the folder exists; listings are PROPFIND
 * {@code Depth: 1}, one per folder the page reaches ({@link NameTreeLister}).
 *
 * <p>Create-if-absent is the write sync depends on, and WebDAV servers differ in how they offer
 * it, so the first write of each instance finds out ({@link DavCreate}): a PUT with
 * {@code If-None-Match: *} where the server honours it (Apache, Nextcloud), else a PUT to a hidden
 * temporary name and a MOVE with {@code Overwrite: F} (rclone). A server with neither is refused
 * with {@link Reason#NO_CONDITIONAL_WRITES}. Servers that check and then write without a lock
 * (Apache's mod_dav_fs, rclone) can tell two writers racing on one name in the same instant that
 * both created it; Tandem's names are per device, so only a copied profile races, and sync's read
 * back of its own batches catches that (docs/REMOTES.md).
 *
 * <p>The root folder is never created: a typo in the address must show as NOT_FOUND, not as an
 * empty remote that starts filling a new folder. Hidden and temporary names fail the name rule, so
 * listings skip them.
 */
public final class WebDavStorage implements SyncStorage {
    private static final String OCTET = "application/octet-stream";
    private static final byte[] PROPFIND_SIZE = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:getcontentlength/></D:prop></D:propfind>")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PROPFIND = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:getetag/></D:prop></D:propfind>")
            .getBytes(StandardCharsets.UTF_8);
    /**
     * From this size on, a PUT into a folder not yet known to exist looks at the folder first (one
     * PROPFIND) rather than risk sending the body twice; below it, a resend costs less than a look.
     */
    private static final long LOOK_FIRST_FROM = 1 << 20;
    /** A listing of a folder with many thousand objects stays well below this. */
    static final long MAX_LISTING = 64L << 20;
    static final String XML = "application/xml; charset=utf-8";
    private static final int MAX_KNOWN_OBJECTS = 100_000;

    private final DavClient dav;
    private final DavCreate create;
    private final DavFolders folders;
    /** Names known to be objects, from listings and writes, so deleting them needs no check; bounded. */
    private final Set<String> objects = ConcurrentHashMap.newKeySet();
    private final DavListing listing;

    /** Through the proxy the settings or the JVM's proxy selector name; the environment is not read. */
    public WebDavStorage(WebDavSettings settings) {
        this(settings, Map.of(), ProxySelector.getDefault());
    }

    /** Through the proxy {@link Proxies#choose} picks from the settings, {@code env} and {@code system}. */
    public WebDavStorage(WebDavSettings settings, Map<String, String> env, ProxySelector system) {
        Objects.requireNonNull(settings, "settings");
        this.dav = new DavClient(settings, Proxies.choose(URI.create(settings.url()), settings.proxy(), env, system));
        this.create = new DavCreate(this, dav);
        this.folders = new DavFolders(dav);
        this.listing = new DavListing(dav, folders, this::knownObject);
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        List<String> names = new ArrayList<>();
        new NameTreeLister(p, startAfter, maxNames, names).list(folder -> listing.children(folder, p));
        return names;
    }

    @Override
    public Optional<byte[]> get(String name) {
        ObjectNames.validate(name);
        String action = "get '" + name + "'";
        DavResponse r = dav.send("GET", dav.resolve(name), Map.of(), null, null, ObjectNames.MAX_OBJECT_BYTES, action);
        if (r.status() == 200) {
            if (r.isWebPage()) {
                throw DavErrors.webPage(dav.head(action), r);
            }
            listing.sawRoot();
            return Optional.of(r.body());
        }
        if (r.status() == -1) {
            throw ObjectNames.tooLarge(name, ObjectNames.MAX_OBJECT_BYTES + 1, dav.where());
        }
        if (isMissing(name, r)) {
            listing.requireRoot(action);
            return Optional.empty();
        }
        throw DavErrors.status(dav.head(action), r);
    }

    /** Whether a GET's answer says there is no such object; a folder ("a" when only "a/b" exists) is none either, as on S3. */
    private boolean isMissing(String name, DavResponse r) {
        return r.status() == 404 || r.status() == 410 || (r.status() == 405 || r.status() == 409) && folders.isFolder(name);
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        Objects.requireNonNull(data, "data");
        return createIfAbsent(name, ObjectBody.of(data));
    }

    /** The PUT streams the body with its declared Content-Length; the rest is {@link DavCreate}'s. */
    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        ObjectNames.validate(name);
        Objects.requireNonNull(body, "body");
        return create.createIfAbsent(name, body);
    }

    /** One GET, whose body the caller streams; closed early, the connection is dropped rather than drained. */
    @Override
    public Optional<InputStream> open(String name) {
        ObjectNames.validate(name);
        String action = "read '" + name + "'";
        DavStream s = dav.get(dav.resolve(name), action);
        if (s.body() != null) {
            listing.sawRoot();
            return Optional.of(Bodies.failingAs(s.body(), e -> e instanceof IOException io ? dav.failure(action, io)
                    : new SyncException(Reason.IO, dav.head(action) + e, e), s.abort()));
        }
        DavResponse r = s.response();
        if (isMissing(name, r)) {
            listing.requireRoot(action);
            return Optional.empty();
        }
        throw DavErrors.status(dav.head(action), r);
    }

    /** One PROPFIND, Depth 0, for the name's length and whether it is a folder (then no object, as on S3). */
    @Override
    public OptionalLong size(String name) {
        ObjectNames.validate(name);
        String action = "check '" + name + "'";
        URI uri = dav.resolve(name);
        DavResponse r = dav.send("PROPFIND", uri, Map.of("Depth", "0"), PROPFIND_SIZE, XML,
                MAX_LISTING, action);
        if (r.status() == 404 || r.status() == 410) {
            listing.requireRoot(action);
            return OptionalLong.empty();
        }
        if (r.status() != 207) {
            throw r.success() ? DavErrors.webPage(dav.head(action), r) : DavErrors.status(dav.head(action), r);
        }
        listing.sawRoot();
        List<Multistatus.Entry> entries = Multistatus.parse(dav.head(action), r.body(), uri);
        if (entries.stream().anyMatch(Multistatus.Entry::collection)) {
            return OptionalLong.empty();
        }
        long length = entries.isEmpty() ? -1 : entries.get(0).length();
        if (length < 0) {
            throw new SyncException(Reason.IO, dav.head(action) + "the server did not say the object's size "
                    + "(no getcontentlength); it does not speak WebDAV as Tandem needs");
        }
        return OptionalLong.of(length);
    }

    @Override
    public void delete(String name) {
        ObjectNames.validate(name);
        // "a" when only "a/b" exists is no object, and a DELETE of a folder takes everything in it
        // (rclone ignores Depth: 0). Names sync deletes were listed or written here, so are known;
        // any other name costs one PROPFIND first.
        if (folders.isKnown(name + "/") || !objects.contains(name) && folders.isFolder(name)) {
            return;
        }
        deleteFile(name, "delete '" + name + "'");
        objects.remove(name);
    }

    /**
     * One PROPFIND, and a DELETE only when the folder is empty: on WebDAV a DELETE of a folder takes
     * everything in it, so a folder holding anything (even a half-written temp file) stays.
     */
    @Override
    public void removeFolder(String folder) {
        ObjectNames.validateFolder(folder);
        String action = "remove folder '" + folder + "'";
        if (!listing.children(folder, folder).isEmpty()) {
            return;
        }
        DavResponse r = dav.send("DELETE", dav.resolve(folder), Map.of("Depth", "infinity"), null, null, 1 << 20, action);
        if (!r.success() && r.status() != 404) {
            throw DavErrors.status(dav.head(action), r);
        }
        folders.removed(folder);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        ObjectNames.validate(name);
        String action = "write '" + name + "'";
        DavResponse r = put(name, ObjectBody.of(data), Map.of(), action);
        if (!r.success()) {
            throw DavErrors.status(dav.head(action), r);
        }
        // Most servers send the new ETag with the PUT's answer; one more request where not.
        return r.etag() != null ? new Version(r.etag()) : version(name, Version.MISSING);
    }

    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePageBelowPrefix(name);
        String action = "write '" + name + "'";
        DavResponse r = put(name, ObjectBody.of(data), Map.of(), contentType, action);
        if (!r.success()) {
            throw DavErrors.status(dav.head(action), r);
        }
        return r.etag() != null ? new Version(r.etag()) : Version.UNKNOWN;
    }

    /** One HEAD with If-None-Match: 304 when nothing changed. */
    @Override
    public Version version(String name, Version known) {
        ObjectNames.validate(name);
        String action = "check '" + name + "'";
        boolean conditional = known != null && !known.tag().isEmpty() && !known.equals(Version.UNKNOWN)
                && !known.equals(Version.MISSING);
        DavResponse r = dav.send("HEAD", dav.resolve(name), conditional ? Map.of("If-None-Match", known.tag()) : Map.of(),
                null, null, 0, action);
        if (r.status() == 304) {
            return known;
        }
        if (r.status() == 404) {
            return Version.MISSING;
        }
        if (r.status() == 200 && !r.isWebPage()) {
            Version now = r.etag() == null ? Version.UNKNOWN : new Version(r.etag());
            return now.equals(known) ? known : now;
        }
        throw r.status() == 200 ? DavErrors.webPage(dav.head(action), r) : DavErrors.status(dav.head(action), r);
    }

    @Override
    public long requestsSent() {
        return dav.requestsSent();
    }

    /** How this server refuses overwrites; asks it on first use. */
    DavCreate.Mode createMode() {
        return create.mode("write");
    }

    @Override
    public String describe() {
        return dav.where();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void close() {
        dav.close();
    }

    /**
     * A PUT of {@code name}, the body streamed; when the server says its folder is missing (409, or
     * 404 on some), makes the folders and tries once more. The answer is the caller's to judge. A
     * body that fails, or is not of its declared length, is a SyncException saying so.
     */
    DavResponse put(String name, ObjectBody body, Map<String, String> headers, String action) {
        return put(name, body, headers, OCTET, action);
    }

    private DavResponse put(String name, ObjectBody body, Map<String, String> headers, String contentType, String action) {
        URI uri = dav.resolve(name);
        String parent = parentOf(name);
        if (body.length() >= LOOK_FIRST_FROM && !parent.isEmpty() && !folders.isKnown(parent)) {
            folders.lookFirst(parent, action);
        }
        BodyAttempts attempts = new BodyAttempts(body);
        try {
            DavResponse r = dav.sendStreamed("PUT", uri, headers, attempts, contentType, 1 << 20, action);
            if ((r.status() == 409 || r.status() == 404) && !parent.isEmpty()) {
                folders.make(parent, action);
                r = dav.sendStreamed("PUT", uri, headers, attempts, contentType, 1 << 20, action);
            }
            if (r.success()) {
                listing.sawRoot();
                knownObject(name);
            }
            return r;
        } catch (SyncException e) {
            if (Bodies.findBodyFailure(e) != null) {
                throw Bodies.bodyFailure(action + " in " + dav.where(), e);
            }
            throw e;
        } finally {
            attempts.finish("'" + name + "' in " + dav.where());
        }
    }

    private void knownObject(String name) {
        if (objects.size() >= MAX_KNOWN_OBJECTS) {
            objects.clear();
        }
        objects.add(name);
    }

    /**
     * Deletes a file; a missing one is no error. {@code Depth: 0} makes servers that check it
     * (Apache) refuse to delete a folder, which on WebDAV would go with everything in it.
     */
    void deleteFile(String name, String action) {
        DavResponse r = dav.send("DELETE", dav.resolve(name), Map.of("Depth", "0"), null, null, 1 << 20, action);
        if (!r.success() && r.status() != 404) {
            throw DavErrors.status(dav.head(action), r);
        }
    }

    static String parentOf(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }
}
