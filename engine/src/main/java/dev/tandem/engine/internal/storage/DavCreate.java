package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavErrors;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Create-if-absent on a WebDAV server, the one write sync cannot do without.
 *
 * <p>WebDAV has two standard ways, and servers honour one, both or neither: a PUT with
 * {@code If-None-Match: *} (412 when the name is taken), or a PUT to a temporary name and a MOVE
 * with {@code Overwrite: F} (412 when the destination exists). The first write of each instance
 * asks the server which it honours, on a hidden probe name in the root folder: PUT, PUT again
 * (412 means If-None-Match works: one request per write from then on), else a temporary file
 * MOVEd onto the probe (412 means MOVE works: two requests per write). A server that lets both
 * overwrite is refused with {@link Reason#NO_CONDITIONAL_WRITES} before any object is written,
 * since devices syncing at once would silently replace each other's batches.
 *
 * <p>Temporary and probe names start with '.', which the name rule refuses, so no listing ever
 * shows them, even when a crash leaves one behind.
 */
final class DavCreate {
    static final String TEMP_PREFIX = ".tandem-tmp-";
    static final String PROBE_PREFIX = ".tandem-probe-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(DavCreate.class.getName());

    /** How this server refuses to overwrite. */
    enum Mode { IF_NONE_MATCH, MOVE }

    private final WebDavStorage storage;
    private final DavClient dav;
    private volatile Mode mode;

    DavCreate(WebDavStorage storage, DavClient dav) {
        this.storage = storage;
        this.dav = dav;
    }

    boolean createIfAbsent(String name, ObjectBody body) {
        String action = "write '" + name + "'";
        return mode(action) == Mode.IF_NONE_MATCH ? putIfAbsent(name, body, action) : moveIntoPlace(name, body, action);
    }

    /** The way this server refuses overwrites, asked once. */
    Mode mode(String action) {
        Mode m = mode;
        if (m == null) {
            synchronized (this) {
                if (mode == null) {
                    mode = probe(action);
                }
                m = mode;
            }
        }
        return m;
    }

    private boolean putIfAbsent(String name, ObjectBody body, String action) {
        DavResponse r = storage.put(name, body, Map.of("If-None-Match", "*"), action);
        if (r.success()) {
            return true;
        }
        if (r.status() == 412) {
            return r.retried() && isOurs(name, body, action);
        }
        throw DavErrors.status(dav.head(action), r);
    }

    /**
     * A refusal after a request went out twice is ambiguous: the first may have stored the object
     * and only its answer got lost. Objects are immutable, so if the stored bytes are ours, this
     * call created it.
     */
    private boolean isOurs(String name, ObjectBody body, String action) {
        Optional<InputStream> stored = storage.open(name);
        if (stored.isEmpty()) {
            return false;
        }
        try (InputStream theirs = stored.get(); InputStream mine = Bodies.openExact(body)) {
            return Bodies.sameContent(theirs, mine);
        } catch (IOException e) {
            throw Bodies.bodyFailure(action + " in " + dav.where(), e);
        }
    }

    private boolean moveIntoPlace(String name, ObjectBody body, String action) {
        String temp = WebDavStorage.parentOf(name) + TEMP_PREFIX + random();
        DavResponse written;
        try {
            written = storage.put(temp, body, Map.of(), action);
        } catch (SyncException e) {
            // A body that failed midway may have left part of it under the temporary name.
            deleteQuietly(temp);
            throw e;
        }
        if (!written.success()) {
            throw DavErrors.status(dav.head(action), written);
        }
        DavResponse moved;
        try {
            moved = move(temp, name, action);
        } catch (SyncException e) {
            deleteQuietly(temp);
            throw e;
        }
        if (moved.success()) {
            return true;
        }
        deleteQuietly(temp);
        if (moved.status() == 412 || moved.status() == 404 && moved.retried()) {
            // 404 on a second MOVE: the first one moved the temporary file away after all.
            return moved.retried() && isOurs(name, body, action);
        }
        throw DavErrors.status(dav.head(action), moved);
    }

    private DavResponse move(String from, String to, String action) {
        return dav.send("MOVE", dav.resolve(from), Map.of("Destination", dav.resolve(to).toString(), "Overwrite", "F"),
                null, null, 1 << 20, action);
    }

    private Mode probe(String action) {
        String probe = PROBE_PREFIX + random();
        ObjectBody body = ObjectBody.of("Tandem checks that this server refuses to overwrite\n"
                .getBytes(StandardCharsets.UTF_8));
        DavResponse first = storage.put(probe, body, Map.of("If-None-Match", "*"), action);
        if (!first.success()) {
            throw first.status() == 404 || first.status() == 409
                    ? new SyncException(Reason.NOT_FOUND, dav.head(action) + "the folder does not exist on the server. "
                            + "Create it first (for example in Nextcloud's Files) and check the address")
                    : DavErrors.status(dav.head(action), first);
        }
        try {
            DavResponse second = storage.put(probe, body, Map.of("If-None-Match", "*"), action);
            if (second.status() == 412) {
                return Mode.IF_NONE_MATCH;
            }
            if (!second.success()) {
                throw DavErrors.status(dav.head(action), second);
            }
            String temp = TEMP_PREFIX + random();
            DavResponse written = storage.put(temp, body, Map.of(), action);
            if (!written.success()) {
                throw DavErrors.status(dav.head(action), written);
            }
            DavResponse moved = move(temp, probe, action);
            if (moved.status() == 412) {
                deleteQuietly(temp);
                return Mode.MOVE;
            }
            if (!moved.success()) {
                deleteQuietly(temp);
            }
            throw new SyncException(Reason.NO_CONDITIONAL_WRITES, dav.head(action) + "the server overwrites a file "
                    + "that exists although asked not to (it ignores If-None-Match on PUT, and MOVE with Overwrite: F "
                    + "answered HTTP " + moved.status() + "), so devices syncing at the same time could replace each "
                    + "other's changes");
        } finally {
            deleteQuietly(probe);
        }
    }

    /** Removes a temporary or probe file; it is hidden from listings, so a failure only leaves litter. */
    private void deleteQuietly(String name) {
        try {
            storage.deleteFile(name, "remove '" + name + "'");
        } catch (SyncException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not remove " + name + " from " + dav.where(), e);
        }
    }

    private static String random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
