package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SyncSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The "Add a phone" link: the page's address, the remote and its credential in the fragment, never the passphrase. */
@Tag("unit")
class JoinLinkTest {

    private static String decoded(String link) {
        String fragment = link.substring(link.indexOf('#') + 1);
        assertTrue(fragment.startsWith("join="), fragment);
        String payload = fragment.substring("join=".length());
        assertTrue(payload.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + payload);
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    @Test
    void of_s3_pageAddressAndRemoteAndKeys_noPassphrase() {
        SyncSettings s = new SyncSettings(SyncSettings.Mode.S3, "", "http://127.0.0.1:9000", "eu-west-1", "my-bucket",
                "alice", "AKIA1", "se\"cr\\et", "the passphrase", 60);
        String link = JoinLink.of(s);
        assertTrue(link.startsWith("http://127.0.0.1:9000/my-bucket/alice/page/index.html#join="), link);
        String json = decoded(link);
        assertEquals("{\"v\":1,\"k\":\"s3\",\"e\":\"http://127.0.0.1:9000\",\"b\":\"my-bucket\",\"p\":\"alice\","
                + "\"r\":\"eu-west-1\",\"a\":\"AKIA1\",\"s\":\"se\\\"cr\\\\et\"}", json);
        assertFalse(json.contains("passphrase"), json);
        assertFalse(link.contains("passphrase"), link);
    }

    @Test
    void of_webDav_urlAndLogIn_noPassphrase_emptyFieldsLeftOut() {
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://dav.example/remote.php/dav/files/a/tandem",
                "anna", "app-pass", ""), "secret words", 60);
        String link = JoinLink.of(s);
        assertTrue(link.startsWith("https://dav.example/remote.php/dav/files/a/tandem/page/index.html#join="), link);
        String json = decoded(link);
        assertEquals("{\"v\":1,\"k\":\"webdav\",\"u\":\"https://dav.example/remote.php/dav/files/a/tandem\","
                + "\"n\":\"anna\",\"w\":\"app-pass\"}", json);
        assertFalse(json.contains("secret words"), json);
    }

    @Test
    void pageUrl_sameAddressPublishPrints() {
        for (SyncSettings s : new SyncSettings[] {
            new SyncSettings(SyncSettings.Mode.S3, "", "", "eu-west-1", "my-bucket", "a/b", "K", "S", "", 60),
            new SyncSettings(SyncSettings.Mode.S3, "", "", "eu-west-1", "my.bucket", "", "K", "S", "", 60),
            SyncSettings.webDav(new SyncSettings.Dav("https://dav.example/t/", "u", "p", ""), "", 60)}) {
            assertEquals(PageSite.of(s).url(), JoinLink.pageUrl(s));
        }
    }

    @Test
    void of_folderOrNone_refused() {
        assertThrows(IllegalArgumentException.class, () -> JoinLink.of(SyncSettings.folder(Path.of("/tmp/x"), 60)));
        assertThrows(IllegalArgumentException.class, () -> JoinLink.of(SyncSettings.none()));
    }

    @Test
    void of_detailsLongerThanThePageReads_refused() {
        SyncSettings s = new SyncSettings(SyncSettings.Mode.S3, "", "http://127.0.0.1:9000", "eu-west-1", "my-bucket",
                "", "AKIA1", "x".repeat(JoinLink.MAX_FRAGMENT), "", 60);
        assertThrows(IllegalArgumentException.class, () -> JoinLink.of(s));
    }
}
