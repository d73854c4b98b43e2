package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ExternalS3Server;
import dev.tandem.engine.testing.ExternalS3Server.Kind;
import dev.tandem.engine.testing.Remotes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user points Tandem at an S3-compatible server started on 127.0.0.1, through the command line:
 * moto, which behaves like S3, converges; s3rver, which ignores If-None-Match, is refused loudly
 * by both {@code sync} and {@code check}, and no device is pointed at anything.
 */
@Tag("server")
class ThirdPartyS3CliTest {
    @TempDir
    Path tmp;

    private static Result tandem(ExternalS3Server server, Path profile, String... args) {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", server.endpoint(),
                "AWS_ACCESS_KEY_ID", server.settings("x").accessKey(), "AWS_SECRET_ACCESS_KEY", server.settings("x").secretKey());
        return CliRun.run(env, profile, args);
    }

    @Test
    void sync_moto_twoDevicesConverge() {
        ExternalS3Server moto = ExternalS3Server.shared(Kind.MOTO);
        String remote = "s3://" + moto.newBucket() + "/tandem";
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(moto, a, "add", "From A").code());
        assertEquals(0, tandem(moto, b, "add", "From B").code());
        assertEquals(0, tandem(moto, a, "check", "--remote", remote).code());
        for (Path p : List.of(a, b, a)) {
            Result r = tandem(moto, p, "sync", "--remote", remote);
            assertEquals(0, r.code(), r.err());
        }
        String listA = tandem(moto, a, "list", "--json").out();
        assertTrue(listA.contains("From A") && listA.contains("From B"), listA);
        assertEquals(listA, tandem(moto, b, "list", "--json").out());
    }

    @Test
    void sync_s3rver_refusedLoudlyWithNothingPointedAt() {
        ExternalS3Server s3rver = ExternalS3Server.shared(Kind.S3RVER);
        String bucket = s3rver.newBucket();
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(s3rver, a, "add", "Groceries").code());
        Result sync = tandem(s3rver, a, "sync", "--remote", "s3://" + bucket);
        assertEquals(1, sync.code(), sync.out());
        assertTrue(sync.err().contains("If-None-Match"), sync.err());
        Result check = tandem(s3rver, a, "check", "--remote", "s3://" + bucket);
        assertEquals(1, check.code());
        assertTrue(check.out().contains("✗ Refuse an overwrite"), check.out());
        try (SyncStorage raw = SyncStorage.s3(s3rver.settings(bucket))) {
            assertEquals(List.of(), Remotes.names(raw, "heads/"));
        }
    }
}
