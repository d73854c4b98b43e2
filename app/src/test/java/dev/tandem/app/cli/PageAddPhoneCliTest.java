package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem page add-phone}: the link with the join details, a terminal QR code, never the passphrase. */
@Tag("unit")
class PageAddPhoneCliTest {
    @TempDir
    Path tmp;

    @Test
    void addPhone_s3Remote_printsLinkAndQr_withoutPassphrase() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKPHONE", "AWS_SECRET_ACCESS_KEY", "phone-secret",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "TANDEM_PASSPHRASE", "never-in-the-link");
        Result r = CliRun.run(env, tmp.resolve("a"), "page", "add-phone", "--remote", "s3://my-bucket/alice");
        assertEquals(0, r.code(), r.err());
        String link = r.out().lines().filter(l -> l.contains("#join=")).findFirst().orElseThrow();
        assertTrue(link.startsWith("http://127.0.0.1:9/my-bucket/alice/page/index.html#join="), link);
        String json = new String(Base64.getUrlDecoder().decode(link.substring(link.indexOf("#join=") + 6)),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("\"a\":\"AKPHONE\"") && json.contains("\"s\":\"phone-secret\""), json);
        assertFalse(r.out().contains("never-in-the-link"), r.out());
        assertTrue(r.out().contains("█"), "a terminal QR code: " + r.out());
    }

    @Test
    void addPhone_folderRemote_refusedWithASentence() {
        Result r = CliRun.run(Map.of(), tmp.resolve("a"), "page", "add-phone", "--remote", "folder:" + tmp.resolve("r"));
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("folder"), r.err());
    }
}
