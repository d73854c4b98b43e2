package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.testing.WebDavServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The storage contract against {@code rclone serve webdav}, which ignores If-None-Match but refuses MOVE with Overwrite: F. */
@Tag("server")
class RcloneWebDavStorageTest extends WebDavContract {
    @Override
    WebDavServer.Kind kind() {
        return WebDavServer.Kind.RCLONE;
    }

    @Test
    void createIfAbsent_rclone_usesMoveWithoutOverwrite() {
        assertEquals(DavCreate.Mode.MOVE, ((WebDavStorage) storage).createMode());
    }
}
