package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tandem device list` and `tandem device forget`: a lost laptop is retired, and re-joins losing nothing if it returns. */
@Tag("unit")
class DeviceForgetCliTest {
    @TempDir
    Path tmp;

    private Result tandem(Path profile, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--remote";
        all[args.length + 1] = "folder:" + tmp.resolve("remote");
        return CliRun.run(profile, all);
    }

    @Test
    void forget_byName_listShowsItRetiredAndItRejoinsWithItsOfflineTodo() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        Path desk = tmp.resolve("desk");
        Path laptop = tmp.resolve("laptop");
        assertEquals(0, CliRun.run(desk, "device", "name", "Desk").code());
        assertEquals(0, CliRun.run(laptop, "device", "name", "Old laptop").code());
        assertEquals(0, CliRun.run(laptop, "add", "Written on the laptop").code());
        for (Path p : new Path[] {laptop, desk, laptop}) {
            Result r = tandem(p, "sync");
            assertEquals(0, r.code(), r.err());
        }
        Result list = tandem(desk, "device", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("Desk (this device)") && list.out().contains("Old laptop"), list.out());
        assertTrue(!list.out().contains("retired"), list.out());

        Result self = tandem(desk, "device", "forget", "Desk");
        assertEquals(1, self.code());
        assertTrue(self.err().contains("is this device"), self.err());
        Result nobody = tandem(desk, "device", "forget", "Phone");
        assertEquals(1, nobody.code());
        assertTrue(nobody.err().contains("no device") && nobody.err().contains("tandem device list"), nobody.err());

        Result forgot = tandem(desk, "device", "forget", "old laptop");
        assertEquals(0, forgot.code(), forgot.err());
        assertTrue(forgot.err().contains("Forgot Old laptop"), forgot.err());
        assertTrue(tandem(desk, "device", "list").out().lines()
                .anyMatch(l -> l.startsWith("Old laptop") && l.endsWith("retired")), tandem(desk, "device", "list").out());

        String before = tandem(laptop, "device", "list").out();
        assertEquals(0, CliRun.run(laptop, "add", "Written after it was forgotten").code());
        Result back = tandem(laptop, "sync");
        assertEquals(0, back.code(), back.err());
        assertTrue((back.out() + back.err()).contains("forgot this device"), back.out() + back.err());
        assertNotEquals(before, tandem(laptop, "device", "list").out(), "it syncs under a new id now");
        assertEquals(0, tandem(desk, "sync").code());
        assertTrue(CliRun.run(desk, "list", "--all").out().contains("Written after it was forgotten"),
                CliRun.run(desk, "list", "--all").out());
    }

    private Result tandem(Path profile, Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--remote";
        all[args.length + 1] = "folder:" + tmp.resolve("remote");
        return CliRun.run(env, profile, all);
    }

    @Test
    void forgetRotateKey_encryptedRemote_forgetsThenRotatesSoTheOldPassphraseOpensNothing() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        Path desk = tmp.resolve("desk");
        Path phone = tmp.resolve("phone");
        Map<String, String> old = Map.of("TANDEM_PASSPHRASE", "the first passphrase");
        assertEquals(0, CliRun.run(desk, "device", "name", "Desk").code());
        assertEquals(0, CliRun.run(phone, "device", "name", "Sam's phone").code());
        for (Path p : new Path[] {phone, desk, phone}) {
            Result r = tandem(p, old, "sync");
            assertEquals(0, r.code(), r.err());
        }
        Map<String, String> both = Map.of("TANDEM_PASSPHRASE", "the first passphrase",
                "TANDEM_NEW_PASSPHRASE", "the passphrase after the phone");
        Result r = tandem(desk, both, "device", "forget", "Sam's phone", "--rotate-key");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Forgot Sam's phone"), r.err());
        assertTrue(r.err().contains("does not revoke the storage key"), r.err());
        assertTrue(r.out().contains("Rotated the keys of"), r.out());
        Map<String, String> fresh = Map.of("TANDEM_PASSPHRASE", "the passphrase after the phone");
        assertEquals(0, CliRun.run(desk, "add", "After the rotation").code());
        assertEquals(0, tandem(desk, fresh, "sync").code());
        assertTrue(tandem(desk, fresh, "device", "list").out().lines()
                .anyMatch(l -> l.startsWith("Sam's phone") && l.endsWith("retired")));
        Result locked = tandem(phone, old, "sync");
        assertNotEquals(0, locked.code(), "the old passphrase opens nothing after the rotation");
        assertFalse(CliRun.run(phone, "list", "--all").out().contains("After the rotation"));
    }

    @Test
    void forgetRotateKey_plainRemote_refusedBeforeForgetting() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        Path desk = tmp.resolve("desk");
        Path phone = tmp.resolve("phone");
        assertEquals(0, CliRun.run(phone, "device", "name", "Sam's phone").code());
        for (Path p : new Path[] {phone, desk}) {
            assertEquals(0, tandem(p, "sync").code());
        }
        Result r = tandem(desk, Map.of(), "device", "forget", "Sam's phone", "--rotate-key");
        assertNotEquals(0, r.code(), r.out() + r.err());
        assertFalse(tandem(desk, "device", "list").out().contains("retired"), "nothing forgotten: the rotation could not run");
        assertNotEquals(0, tandem(desk, "device", "list", "--rotate-key").code(), "only with forget");
    }
}
