package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
