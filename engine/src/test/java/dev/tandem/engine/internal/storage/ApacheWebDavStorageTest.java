package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.FaultyProxy;
import dev.tandem.engine.testing.GeneratedBody;
import dev.tandem.engine.testing.WebDavServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The storage contract against Apache httpd with mod_dav_fs, which honours If-None-Match on PUT. */
@Tag("server")
class ApacheWebDavStorageTest extends WebDavContract {
    @Override
    WebDavServer.Kind kind() {
        return WebDavServer.Kind.APACHE;
    }

    @Test
    void createIfAbsent_apache_usesIfNoneMatch() {
        assertEquals(DavCreate.Mode.IF_NONE_MATCH, ((WebDavStorage) storage).createMode());
    }

    @Test
    void streamedCalls_inAFolderThatExists_costOneRequestEach() throws IOException {
        storage.createIfAbsent("blobs/first", bytes("x")); // learns the server, makes the folder
        GeneratedBody body = GeneratedBody.of(STREAMED_BYTES, 31);
        long before = storage.requestsSent();
        assertTrue(storage.createIfAbsent("blobs/second", body));
        assertEquals(1, storage.requestsSent() - before, "the PUT");
        assertEquals(OptionalLong.of(STREAMED_BYTES), storage.size("blobs/second"));
        assertEquals(2, storage.requestsSent() - before, "the PROPFIND");
        assertArrayEquals(body.bytes(), readAll("blobs/second"));
        assertEquals(3, storage.requestsSent() - before, "the GET");
    }

    @Test
    void createIfAbsentStreamed_largeObject_streamsInBoundedMemory() throws IOException {
        assertLargeObjectStreamsInBoundedMemory();
    }

    @Test
    void open_serverGoneMidRead_throwsSyncExceptionFromRead() throws IOException {
        // Larger than every socket buffer on the way, so most of it is still to come when the proxy goes.
        String folder = server().newCollection();
        try (SyncStorage direct = new WebDavStorage(new WebDavSettings(folder, WebDavServer.USER, WebDavServer.PASSWORD))) {
            assertTrue(direct.createIfAbsent("big", GeneratedBody.of(24 << 20, 32)));
        }
        URI url = URI.create(folder);
        try (FaultyProxy proxy = new FaultyProxy(url.getPort());
                SyncStorage flaky = new WebDavStorage(new WebDavSettings(proxy.endpoint() + url.getPath(),
                        WebDavServer.USER, WebDavServer.PASSWORD))) {
            InputStream in = flaky.open("big").orElseThrow();
            assertEquals(1000, in.readNBytes(1000).length);
            proxy.close();
            SyncException e = assertThrows(SyncException.class, () -> {
                byte[] buf = new byte[64 << 10];
                while (in.read(buf) >= 0) {
                    // reading on until the cut shows
                }
            });
            assertTrue(e.retryable(), e.getMessage());
            assertTrue(e.getMessage().contains("'big'"), e.getMessage());
        }
    }
}
