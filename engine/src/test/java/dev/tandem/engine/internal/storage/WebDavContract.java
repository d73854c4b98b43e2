package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.GeneratedBody;
import dev.tandem.engine.testing.WebDavServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage contract against a real WebDAV server on 127.0.0.1, one fresh folder per test.
 *
 * <p>One test differs, and pins exactly what these servers give: Apache's mod_dav_fs and rclone
 * check whether a name is taken and then write, without a lock in between, so writers racing on one
 * name within the same instant may each be told they created it (measured: most rounds of 8 racing
 * curl PUTs with If-None-Match on Apache, a few with MOVE). Sequential writes are refused as the
 * contract demands. Tandem's names are per device, so only a copied profile races, and sync's read
 * back of its own batches catches it ({@code SyncWebDavTest}).
 */
abstract class WebDavContract extends SyncStorageContract {
    abstract WebDavServer.Kind kind();

    WebDavServer server() {
        return WebDavServer.shared(kind());
    }

    @Override
    protected SyncStorage newStorage() {
        return new WebDavStorage(new WebDavSettings(server().newCollection(), WebDavServer.USER, WebDavServer.PASSWORD));
    }

    @Test
    void removeFolder_emptiedFolder_listingsNoLongerVisitIt() {
        // A listing asks each folder it reaches: a cleaned-up snapshot's folder left behind would
        // cost every later listing of snapshots/ one more request.
        storage.createIfAbsent("snap/a/p0", bytes("0"));
        storage.createIfAbsent("snap/b/p0", bytes("1"));
        storage.delete("snap/a/p0");
        long withEmptyFolder = requestsToList("snap/");
        storage.removeFolder("snap/a/");
        assertEquals(withEmptyFolder - 1, requestsToList("snap/"));
        assertEquals(List.of("snap/b/p0"), storage.list("snap/", null, 10));
    }

    @Test
    void createIfAbsentStreamed_largeBodyIntoNewFolders_sendsTheBodyOnce() throws IOException {
        storage.createIfAbsent("first", bytes("x")); // learns how the server refuses overwrites
        GeneratedBody body = GeneratedBody.of(STREAMED_BYTES, 41);
        assertTrue(storage.createIfAbsent("new/folders/big", body));
        assertEquals(1, body.opened(), "a PUT answered 409 for the missing folder would have sent it twice");
        GeneratedBody next = GeneratedBody.of(STREAMED_BYTES, 42);
        long before = storage.requestsSent();
        assertTrue(storage.createIfAbsent("new/folders/next", next));
        assertEquals(1, next.opened());
        assertEquals(server().kind() == WebDavServer.Kind.APACHE ? 1 : 2, storage.requestsSent() - before,
                "the folder is known now: the PUT (and the MOVE where that is how the server creates)");
        assertArrayEquals(body.bytes(), readAll("new/folders/big"));
    }

    private long requestsToList(String prefix) {
        long before = storage.requestsSent();
        storage.list(prefix, null, 100);
        return storage.requestsSent() - before;
    }

    @Test
    @Override
    void createIfAbsent_concurrentWritersOnOneName_exactlyOneWins() throws Exception {
        assertRaceHasAWinnerAndLaterWritesAreRefused();
    }
}
