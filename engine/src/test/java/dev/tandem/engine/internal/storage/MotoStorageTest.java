package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ExternalS3Server;

/** The storage contract against moto (Python, moto_server) on 127.0.0.1, one fresh bucket per test. */
class MotoStorageTest extends SyncStorageContract {
    @Override
    protected SyncStorage newStorage() {
        ExternalS3Server server = ExternalS3Server.shared(ExternalS3Server.Kind.MOTO);
        return new S3Storage(server.settings(server.newBucket()));
    }
}
