package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.testing.ExternalS3Server;
import dev.tandem.engine.testing.ExternalS3Server.Kind;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two devices syncing through S3-compatible servers that are not S3Proxy: each either converges or
 * fails loudly, naming the server's fault, with nothing unreadable written.
 */
@Tag("server")
class ThirdPartyS3SyncTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private SyncEngine engine(ExternalS3Server server, String bucket, String passphrase) {
        SyncEngine.Builder b = SyncEngine.builder().storage(SyncStorage.s3(server.settings(bucket)));
        if (passphrase != null) {
            b.encrypted(passphrase);
        }
        return fixture.closeAfter(b.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "correct horse"})
    void sync_moto_twoDevicesConverge(String passphrase) {
        ExternalS3Server moto = ExternalS3Server.shared(Kind.MOTO);
        String bucket = moto.newBucket();
        String pw = passphrase.isEmpty() ? null : passphrase;
        Db a = fixture.device();
        Db b = fixture.device();
        a.save(Item.of("from a"));
        b.save(Item.of("from b"));
        SyncEngine ea = engine(moto, bucket, pw);
        SyncEngine eb = engine(moto, bucket, pw);
        assertTrue(ea.check().ok(), ea.check().summary());
        for (int round = 0; round < 2; round++) {
            assertTrue(ea.sync(a).complete());
            assertTrue(eb.sync(b).complete());
        }
        assertEquals(2, items(a).size());
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_s3rver_stopsNamingTheMissingConditionalWritesBeforeAnyHead() {
        ExternalS3Server s3rver = ExternalS3Server.shared(Kind.S3RVER);
        String bucket = s3rver.newBucket();
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncEngine engine = engine(s3rver, bucket, null);
        SyncException e = assertThrows(SyncException.class, () -> engine.sync(a));
        assertEquals(SyncException.Reason.NO_CONDITIONAL_WRITES, e.reason(), e.getMessage());
        assertFalse(e.retryable());
        try (SyncStorage raw = SyncStorage.s3(s3rver.settings(bucket))) {
            assertEquals(List.of(), Remotes.names(raw, "heads/"), "no device is pointed at anything");
            List<String> batches = Remotes.names(raw, "batches/");
            assertEquals(1, batches.size());
            // The batch it wrote reads back intact: requests to third-party endpoints carry no chunk framing.
            BatchCodec.decode(raw.get(batches.get(0)).orElseThrow(), batches.get(0));
        }
        assertEquals(1, engine.pendingChanges(a), "the change still waits to be pushed");
        assertFalse(engine.check().ok());
    }
}
