package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SyncSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "Add a phone…" without a toolkit: offered for S3 and WebDAV, a link and a code, never the passphrase. */
@Tag("unit")
class AddPhoneViewModelTest {
    private static SyncSettings s3(String secret) {
        return new SyncSettings(SyncSettings.Mode.S3, "", "https://s3.example.org", "eu-west-1", "my-bucket", "alice",
                "AKPHONE", secret, "the passphrase", 60);
    }

    @Test
    void make_savedS3_linkAndQr_noPassphrase() {
        AddPhoneViewModel vm = new AddPhoneViewModel(s3("phone-secret"));
        assertTrue(vm.available());
        vm.make();
        assertEquals("", vm.problem());
        assertTrue(vm.link().startsWith("https://s3.example.org/my-bucket/alice/page/index.html#join="), vm.link());
        String json = new String(Base64.getUrlDecoder().decode(vm.link().substring(vm.link().indexOf("#join=") + 6)),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("\"s\":\"phone-secret\""), json);
        assertFalse(json.contains("the passphrase"), json);
        assertNotNull(vm.qr());
        assertTrue(vm.qr().length > 21, "a QR code with its quiet zone");
    }

    @Test
    void available_folderOrNoneOrIncomplete_false() {
        assertFalse(new AddPhoneViewModel(SyncSettings.folder(Path.of("/tmp/r"), 60)).available());
        assertFalse(new AddPhoneViewModel(SyncSettings.none()).available());
        assertFalse(new AddPhoneViewModel(null).available());
        AddPhoneViewModel folder = new AddPhoneViewModel(SyncSettings.folder(Path.of("/tmp/r"), 60));
        folder.make();
        assertEquals("", folder.link());
        assertFalse(folder.problem().isEmpty());
    }

    @Test
    void make_detailsTooLongForALink_saysSoWithoutLinkOrCode() {
        AddPhoneViewModel vm = new AddPhoneViewModel(s3("x".repeat(5000)));
        vm.make();
        assertEquals("", vm.link());
        assertNull(vm.qr());
        assertFalse(vm.problem().isEmpty());
    }
}
