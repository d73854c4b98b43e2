package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A phone forgotten from the desktop (docs/WEB.md, "When a phone is forgotten"), end to end with Debian's Chromium at
 * phone size and S3Proxy: the page is published with {@code tandem page publish}, joined through "Add a phone"'s
 * link, and syncs; the desktop then runs {@code tandem device forget "Anna's phone"}, with {@code --rotate-key} or
 * without. At its next sync the phone is refused: it says it was removed (when and by whom while its key still opens
 * the retirement; that the key changed after a rotation), how many of its changes never left, never pushes again
 * (its objects on the bucket stay as they were, the desktop never sees its new item), says so again after a reload
 * without syncing, and "Forget this remote" still leaves it. After the rotation the desktop's new batch is unreadable
 * to the key the phone kept, tried in the browser with the page's own core.
 */
@Tag("browser")
class PhoneForgottenPageTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String ROTATED = "a new passphrase after the phone";
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(30);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path desktop;
    Chromium chromium;
    S3ProxyServer s3;
    String passphrase = PASSPHRASE;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private CliRun.Result tandem(Map<String, String> more, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", s3.endpoint(), "AWS_ACCESS_KEY_ID",
                s3.identity(), "AWS_SECRET_ACCESS_KEY", s3.credential(), "AWS_REGION", s3.region(),
                "TANDEM_PASSPHRASE", passphrase));
        env.putAll(more);
        CliRun.Result r = CliRun.run(env, desktop, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        return r;
    }

    private CliRun.Result tandem(String... args) {
        return tandem(Map.of(), args);
    }

    private void awaitRow(String title) {
        chromium.await("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === arguments[0])", SYNC, title);
    }

    private void awaitSynced() {
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')"
                + " && document.getElementById('device-sync-error').hidden", SYNC);
    }

    private String text(String id) {
        return chromium.js("return document.getElementById(arguments[0]).textContent", id).toString();
    }

    private boolean shown(String id) {
        return (Boolean) chromium.js("const e = document.getElementById(arguments[0]);"
                + " return !e.hidden && e.getClientRects().length > 0", id);
    }

    /** The bucket's object names under the remote's folder for the phone's id. */
    private List<String> objectsOf(String bucket, String device) {
        try (S3Client c = s3.newClient()) {
            return c.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("tandem/")).contents().stream()
                    .map(S3Object::key).filter(k -> k.contains(device)).sorted().toList();
        }
    }

    /** Publishes the page, joins it as "Anna's phone" through the link, and returns the phone's device id. */
    private String joinedPhone(String bucket, String remote) {
        tandem("device", "name", "Desk");
        tandem("add", "Desk one");
        tandem("sync", "--remote", remote);
        tandem("--lang", "en", "page", "publish", "--remote", remote);
        String out = tandem("--lang", "en", "page", "add-phone", "--remote", remote).out();
        String link = out.lines().filter(l -> l.contains("#join=")).findFirst().orElseThrow();
        chromium = OwnDevicePage.quickTimers(Chromium.start(Chromium.Size.PHONE));
        chromium.open(link);
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        chromium.js("document.getElementById('join-passphrase').value = arguments[0];"
                + " document.getElementById('join-name').value = arguments[1]", PASSPHRASE, "Anna's phone");
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", JOIN);
        awaitRow("Desk one");
        chromium.find("#quick-add").sendKeys("Synced from the phone\n");
        awaitRow("Synced from the phone");
        awaitSynced();
        tandem("sync", "--remote", remote);
        return idOf(remote, "Anna's phone");
    }

    /** The id {@code tandem device list} shows on the line of the device named {@code name}. */
    private String idOf(String remote, String name) {
        String line = tandem("--lang", "en", "device", "list", "--remote", remote).out().lines()
                .filter(l -> l.startsWith(name)).findFirst().orElseThrow();
        Matcher m = UUID.matcher(line);
        assertTrue(m.find(), line);
        return m.group();
    }

    /** Cuts the phone's network (Chromium's own switch, the page's requests and its worker's) or gives it back. */
    private void offline(boolean off) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(off);
        chromium.driver().setNetworkConditions(conditions);
    }

    /**
     * Nothing of the phone's is new on the bucket since {@code before}: no batch, head or ack, so no device row brought
     * back. The desktop's retirement of it is the one new name; its cleanup may have deleted some of the old ones.
     */
    private void assertNothingPushed(List<String> before, String bucket, String phone) {
        for (String k : objectsOf(bucket, phone)) {
            assertTrue(before.contains(k) || k.equals("tandem/heads/" + phone + "/retired"), "written by the phone: " + k);
        }
    }

    @Test
    void forgetWithRotation_phoneRefusedAtNextSync_saysSoLastingly_neverPushes_newDataUnreadable() {
        s3 = AnonymousS3.shared();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        String phone = joinedPhone(bucket, remote);
        List<String> before = objectsOf(bucket, phone);
        assertFalse(before.isEmpty(), "the phone pushed before");

        // The phone is kept off the storage while the desktop forgets and then rotates: its check every 2.5 s (here 400 ms) would
        // otherwise read the retirement between the two, still under the old key, and say "removed by Desk" instead.
        offline(true);
        CliRun.Result forgot = tandem(Map.of("TANDEM_NEW_PASSPHRASE", ROTATED), "--lang", "en", "device", "forget",
                "Anna's phone", "--rotate-key", "--remote", remote);
        assertTrue(forgot.err().contains("Forgot Anna's phone"), forgot.err());
        assertTrue(forgot.err().contains("does not revoke the storage key"), forgot.err());
        assertTrue(forgot.out().contains("Rotated the keys of"), forgot.out());
        passphrase = ROTATED;
        tandem("add", "Written after the rotation");
        tandem("sync", "--remote", remote);
        offline(false);

        // The phone's next sync: 2 s after this change (here 100 ms), which never leaves it.
        chromium.find("#quick-add").sendKeys("Typed on the forgotten phone\n");
        awaitRow("Typed on the forgotten phone");
        chromium.await("return !document.getElementById('device-removed').hidden", SYNC);
        String said = text("device-removed-text");
        assertTrue(said.startsWith("This phone was removed from your devices, and the remote's key was changed since"),
                said);
        assertTrue(text("device-removed-waiting").startsWith("1 change made here never reached your other devices"),
                text("device-removed-waiting"));
        assertTrue(shown("device-removed") && shown("device-forget"), "said, with Forget this remote");
        assertFalse(shown("device-sync-now"), "no Sync now any more");
        assertFalse(shown("device-retype"), "no passphrase asked: the phone was removed, not merely locked out");

        // A desktop edit after the rotation is unreadable to the key the phone kept (the page's own core, in Chromium).
        String newest;
        try (S3Client c = s3.newClient()) {
            String desk = idOf(remote, "Desk");
            newest = c.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("tandem/batches/" + desk + "/")).contents()
                    .stream().map(S3Object::key).sorted().reduce((a, b) -> b).orElseThrow().substring("tandem/".length());
        }
        Object opened = chromium.js("const name = arguments[0];"
                + " return Promise.all([import(new URL('assets/device-core.js', document.baseURI).href),"
                + "   new Promise((ok, no) => { const r = indexedDB.open('tandem-device');"
                + "   r.onsuccess = () => { const g = r.result.transaction('device').objectStore('device');"
                + "     const k = g.get('key'); const s = g.get('settings'); const sk = g.get('storeKey');"
                + "     k.transaction.oncomplete = () => ok([k.result, s.result, sk.result]); }; r.onerror = () => no(r.error); }),"
                + "   import(new URL('assets/device-seal.js', document.baseURI).href)])"
                + " .then(async ([{ encrypted: enc, s3, prefixed: pre }, [key, sealed, storeKey], seal]) => {"
                + "   const settings = JSON.parse(await seal.openText(storeKey, 'settings', sealed)); const rm = settings.remote;"
                + "   const plain = new pre.PrefixedStorage(new s3.S3Storage({ endpoint: rm.endpoint, bucket: rm.bucket,"
                + "     region: rm.region, accessKey: rm.accessKey, secretKey: rm.secretKey }), rm.prefix);"
                + "   return new enc.EncryptedStorage(plain, { type: 'stretched', key: key.key, salt: key.salt }).get(name)"
                + "     .then(() => 'opened', (e) => e.name); })", newest);
        assertEquals("WrongPassphraseError", opened, newest + " must stay closed to the phone's kept key");
        assertFalse((Boolean) chromium.js("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === 'Written after the rotation')"));

        // Never pushed: its objects as they were; the desktop never sees the phone's new item, the phone stays retired.
        assertNothingPushed(before, bucket, phone);
        tandem("sync", "--remote", remote);
        assertFalse(tandem("--lang", "en", "list", "--all").out().contains("Typed on the forgotten phone"));
        String devices = tandem("--lang", "en", "device", "list", "--remote", remote).out();
        assertTrue(devices.lines().anyMatch(l -> l.startsWith("Anna's phone") && l.endsWith("retired")), devices);

        // Lasting: after a reload it says so at once and still never syncs.
        chromium.js("location.reload()");
        chromium.await("return !document.getElementById('app').hidden"
                + " && !document.getElementById('device-removed').hidden", SYNC);
        assertEquals(said, text("device-removed-text"));
        assertNothingPushed(before, bucket, phone);

        // "Forget this remote" leaves: the join screen, nothing kept.
        chromium.click("#device-forget");
        chromium.click("#device-forget-yes");
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        assertEquals(0L, chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                + " 'tandem-device').length)"));
    }

    @Test
    void forgetWithoutRotation_phoneSaysWhenAndByWhom_andNeverPushesAgain() {
        s3 = AnonymousS3.shared();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        String phone = joinedPhone(bucket, remote);
        List<String> before = objectsOf(bucket, phone);
        tandem("--lang", "en", "device", "forget", phone.substring(phone.length() - 8), "--remote", remote);

        // No Sync now pressed: the forget moved the remote's change marker, which the open page checks every 2.5 s (here 400 ms).
        chromium.await("return !document.getElementById('device-removed').hidden", SYNC);
        String said = text("device-removed-text");
        assertTrue(said.matches("This phone was removed from your devices on .+ by Desk\\. It no longer syncs.*"), said);
        assertTrue(text("device-removed-waiting").startsWith("No change made here was waiting"),
                text("device-removed-waiting"));
        chromium.find("#quick-add").sendKeys("Typed after being removed\n");
        awaitRow("Typed after being removed");
        chromium.await("return document.getElementById('device-removed-waiting').textContent"
                + ".startsWith('1 change made here never reached')", SYNC);
        assertNothingPushed(before, bucket, phone);
        tandem("sync", "--remote", remote);
        assertFalse(tandem("--lang", "en", "list", "--all").out().contains("Typed after being removed"));
    }
}
