package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SyncSettingsTest {
    private static SyncSettings s3(String endpoint, String region, String bucket, String access, String secret) {
        return new SyncSettings(SyncSettings.Mode.S3, "", endpoint, region, bucket, "", access, secret, "", 30);
    }

    @Test
    void validate_none_isValid() {
        assertTrue(SyncSettings.none().validate().isEmpty());
    }

    @Test
    void validate_folderRelativePath_asksForFullPath() {
        Map<String, String> e = SyncSettings.folder(Path.of("relative/dir"), 30).validate();
        assertEquals(Set.of("folder"), e.keySet());
    }

    @Test
    void validate_s3Empty_namesEveryMissingField() {
        Map<String, String> e = s3("", "", "", "", "").validate();
        assertEquals(Set.of("region", "bucket", "accessKey", "secretKey"), e.keySet());
    }

    @Test
    void validate_s3BadEndpointAndBucket_explains() {
        Map<String, String> e = s3("ftp://x", "us-east-1", "My_Bucket", "AK", "SK").validate();
        assertEquals(Set.of("endpoint", "bucket"), e.keySet());
        assertTrue(e.get("bucket").contains("lower-case"));
    }

    @Test
    void validate_intervalOutOfRange_isError() {
        SyncSettings s = new SyncSettings(SyncSettings.Mode.NONE, "", "", "", "", "", "", "", "", 1);
        assertEquals(Set.of("interval"), s.validate().keySet());
    }

    @Test
    void toString_withSecrets_hidesThem() {
        SyncSettings s = new SyncSettings(SyncSettings.Mode.S3, "", "", "eu-west-1", "bucket", "", "AKIA", "s3cr3t", "pass", 30);
        assertFalse(s.toString().contains("s3cr3t"));
        assertFalse(s.toString().contains("pass,"));
        assertTrue(s.toString().contains("***"));
    }

    @Test
    void saveSync_thenLoad_roundTripsAndKeepsSecretsApart(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SyncSettings s = new SyncSettings(SyncSettings.Mode.S3, "", "http://127.0.0.1:9000", "eu-west-1", "bucket", "tandem/me",
                "AKIA", "s3cr3t", "correct horse", 45);
        store.saveSync(s);
        assertEquals(s, store.loadSync());
        String plain = Files.readString(dir.resolve(SettingsStore.SETTINGS_FILE));
        assertFalse(plain.contains("s3cr3t"));
        assertFalse(plain.contains("correct horse"));
        String secrets = Files.readString(dir.resolve(SettingsStore.SECRETS_FILE));
        assertTrue(secrets.contains("s3cr3t"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SettingsStore.SECRETS_FILE))));
        }
    }

    @Test
    void loadSync_noFiles_isNone(@TempDir Path dir) {
        assertEquals(SyncSettings.Mode.NONE, new SettingsStore(dir).loadSync().mode());
    }

    @Test
    void put_uiSetting_survivesSyncSave(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir);
        store.put("ui.theme", "dark");
        store.saveSync(SyncSettings.none());
        assertEquals("dark", store.get("ui.theme", "light"));
    }

    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    private static SyncSettings webDav(String url, String user, String password, String certificate) {
        return SyncSettings.webDav(new SyncSettings.Dav(url, user, password, certificate), "", 30);
    }

    @Test
    void validate_webDavValid_isValid() {
        assertTrue(webDav("https://cloud.example.com/remote.php/dav/files/sam/Tandem", "sam", "pw", FINGERPRINT)
                .validate().isEmpty());
        assertTrue(webDav("http://nas.local:8080/dav", "", "", "").validate().isEmpty(), "anonymous, plain http");
    }

    @Test
    void validate_webDavUrlTypedWithSpacesAndAccents_isValid() {
        assertEquals(Map.of(), webDav("https://cloud.example.com/remote.php/dav/files/sam/My Tasks/Données-✓", "sam",
                "pw", "").validate());
        assertEquals(Map.of(), webDav("https://cloud.example.com/remote.php/dav/files/sam/My%20Tasks", "sam", "pw", "")
                .validate(), "as a browser copies it");
    }

    @Test
    void validate_webDavUrlWithHashInAName_saysHowToWriteIt() {
        Map<String, String> e = webDav("https://cloud.example.com/dav/Tasks #2", "sam", "pw", "").validate();
        assertEquals(Set.of("davUrl"), e.keySet());
        assertTrue(e.get("davUrl").contains("%23"), e.get("davUrl"));
    }

    @Test
    void validate_webDavEmptyUrl_asksForTheAddress() {
        Map<String, String> e = webDav("", "", "", "").validate();
        assertEquals(Set.of("davUrl"), e.keySet());
        assertTrue(e.get("davUrl").startsWith("Enter the folder's WebDAV address"), e.get("davUrl"));
    }

    @Test
    void validate_webDavFtpUrl_asksForHttps() {
        Map<String, String> e = webDav("ftp://files.example.com/Tandem", "sam", "pw", "").validate();
        assertEquals(Set.of("davUrl"), e.keySet());
        assertTrue(e.get("davUrl").contains("https://"), e.get("davUrl"));
    }

    @Test
    void validate_webDavUrlWithUserInfo_asksForTheirOwnFields() {
        Map<String, String> e = webDav("https://sam:pw@host/x", "", "", "").validate();
        assertEquals(Set.of("davUrl"), e.keySet());
        assertTrue(e.get("davUrl").contains("their own fields"), e.get("davUrl"));
    }

    @Test
    void validate_webDavBadFingerprint_explains() {
        Map<String, String> e = webDav("https://nas.local/dav", "", "", "12:34:zz").validate();
        assertEquals(Set.of("davCertificate"), e.keySet());
        assertTrue(e.get("davCertificate").contains("64 hexadecimal digits"), e.get("davCertificate"));
    }

    @Test
    void validate_webDavFingerprintWithColons_isNormalizedAndValid() {
        String colons = FINGERPRINT.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        SyncSettings s = webDav("https://nas.local/dav", "", "", colons);
        assertEquals(FINGERPRINT, s.dav().certificate());
        assertTrue(s.validate().isEmpty());
    }

    @Test
    void toString_webDav_neverContainsThePassword() {
        SyncSettings s = webDav("https://cloud.example.com/dav", "sam", "hunter2-app", FINGERPRINT);
        assertFalse(s.toString().contains("hunter2-app"), s.toString());
        assertFalse(s.dav().toString().contains("hunter2-app"));
        assertTrue(s.toString().contains("https://cloud.example.com/dav"));
        assertTrue(s.toString().contains("***"));
    }

    @Test
    void saveSync_webDav_roundTripsAndKeepsThePasswordInSecrets(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                "sam", "hunter2-app", FINGERPRINT), "correct horse", 120);
        store.saveSync(s);
        SyncSettings loaded = store.loadSync();
        assertEquals(s, loaded);
        assertEquals(s.dav(), loaded.dav());
        String plain = Files.readString(dir.resolve(SettingsStore.SETTINGS_FILE));
        assertFalse(plain.contains("hunter2-app"));
        assertFalse(plain.contains("correct horse"));
        assertTrue(plain.contains("sam"));
        String secrets = Files.readString(dir.resolve(SettingsStore.SECRETS_FILE));
        assertTrue(secrets.contains("hunter2-app"));
    }

    @Test
    void engineBuilder_s3AndWebDavWithProxy_builds() {
        SyncSettings s3 = s3("http://127.0.0.1:9", "us-east-1", "bucket", "AK", "SK").withProxy("http://u:p@127.0.0.1:3128");
        assertTrue(s3.validate().isEmpty(), s3.validate().toString());
        try (SyncEngine engine = s3.toEngine()) {
            assertNotNull(engine);
        }
        SyncSettings dav = webDav("https://nas.local/dav/Tandem", "", "", "").withProxy("none");
        assertTrue(dav.validate().isEmpty(), dav.validate().toString());
        try (SyncEngine engine = dav.toEngine()) {
            assertNotNull(engine);
        }
    }

    @Test
    void validate_badProxy_errorUnderProxyExceptForAFolder() {
        assertEquals(Set.of("proxy"), s3("", "us-east-1", "bucket", "AK", "SK").withProxy("socks5://p:1080").validate().keySet());
        assertEquals(Set.of("proxy"), webDav("https://nas.local/dav", "", "", "").withProxy("http://:3128").validate().keySet());
        assertTrue(SyncSettings.folder(Path.of("/srv/sync"), 30).withProxy("socks5://p:1080").validate().isEmpty());
    }

    @Test
    void toString_proxyWithPassword_masksThePassword() {
        SyncSettings s = webDav("https://nas.local/dav", "", "", "").withProxy("http://proxyuser:pr0xy-pw@proxy.corp:3128");
        assertFalse(s.toString().contains("pr0xy-pw"), s.toString());
        assertTrue(s.toString().contains("proxy=http://proxyuser:***@proxy.corp:3128"), s.toString());
    }
}
