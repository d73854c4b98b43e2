package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ExternalS3Server;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage contract against moto (Python, moto_server) on 127.0.0.1, one fresh bucket per test.
 *
 * <p>One test differs, as for the WebDAV servers: moto checks If-None-Match and then stores, on a
 * thread per request with no lock in between, so writers racing on one name in the same instant
 * may each be told they created it (seen under load: 2 of 8 in one round). Sequential writes are
 * refused as the contract demands; only a copied profile races, and sync's read back of its own
 * batches catches it. A racing writer may also be answered 500 (moto 5.2.1 reads the stored key's
 * buffer after a racing write closed it: "I/O operation on closed file"), a retryable error.
 */
@Tag("server")
class MotoStorageTest extends SyncStorageContract {
    @Override
    protected SyncStorage newStorage() {
        ExternalS3Server server = ExternalS3Server.shared(ExternalS3Server.Kind.MOTO);
        return new S3Storage(server.settings(server.newBucket()));
    }

    @Test
    @Override
    void createIfAbsent_concurrentWritersOnOneName_exactlyOneWins() throws Exception {
        assertRaceHasAWinnerAndLaterWritesAreRefused();
    }

    /**
     * The S3 backend's large-object check runs here, not on S3Proxy: S3Proxy refuses a PUT whose
     * signed, unchunked body (how Tandem sends to third-party endpoints) exceeds 128 MiB, before
     * reading it, which shows as a broken pipe. moto takes it, as S3 does up to 5 GB.
     */
    @Test
    void createIfAbsentStreamed_largeObject_streamsInBoundedMemory() throws IOException {
        assertLargeObjectStreamsInBoundedMemory();
    }
}
