package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.S3ProxyServer;
import org.junit.jupiter.api.Tag;

/** The contract for encryption over a real S3 server (S3Proxy), one fresh bucket per test. */
@Tag("server")
class EncryptedS3StorageTest extends SyncStorageContract {
    private SyncStorage inner;

    @Override
    protected SyncStorage newStorage() {
        S3ProxyServer server = S3ProxyServer.shared();
        inner = new S3Storage(server.settings(server.newBucket()));
        return new EncryptedStorage(inner, "correct horse battery staple");
    }

    @Override
    protected SyncStorage plain() {
        return inner;
    }
}
