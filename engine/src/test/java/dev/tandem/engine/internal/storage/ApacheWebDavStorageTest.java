package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.testing.WebDavServer;
import org.junit.jupiter.api.Test;

/** The storage contract against Apache httpd with mod_dav_fs, which honours If-None-Match on PUT. */
class ApacheWebDavStorageTest extends WebDavContract {
    @Override
    WebDavServer.Kind kind() {
        return WebDavServer.Kind.APACHE;
    }

    @Test
    void createIfAbsent_apache_usesIfNoneMatch() {
        assertEquals(DavCreate.Mode.IF_NONE_MATCH, ((WebDavStorage) storage).createMode());
    }
}
