package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add a phone" end to end, with Debian's Chromium at phone size and S3Proxy: {@code tandem page add-phone} prints
 * the link; opened, the page's join screen comes filled, the fragment is gone from the address bar at once, only the
 * passphrase and a name are typed, and after the desktop's next sync {@code tandem device list} names the phone as
 * typed. The attacker's links (too long, not base64url, not JSON, an unknown version or kind, a javascript: address,
 * a field that is no text) are refused with a sentence over the empty join screen, nothing stored; markup in a field
 * stays text.
 */
@Tag("browser")
class PhoneJoinLinkPageTest {
    private static final String BAD = "This link's join details could not be read";

    @TempDir
    Path desktop;
    OwnDevicePage own;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    private Object value(String id) {
        return own.chromium.js("return document.getElementById(arguments[0]).value", id);
    }

    /** The page published to the remote, at the storage's own address, as the desktop's link names it. */
    private String page() {
        return own.s3.endpoint() + "/" + own.bucket + "/tandem/page/index.html";
    }

    /** Opens {@code url}'s join screen afresh (from about:blank: a link that differs only after its # loads nothing). */
    private void openJoin(String url) {
        own.chromium.open("about:blank");
        own.openJoinIn(own.chromium, url);
    }

    @Test
    void addPhone_linkFillsJoinScreen_fragmentGone_deviceListNamesThePhone() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        own.desktopSync();
        own.publish("en", own.remote);
        String out = own.tandem("--lang", "en", "page", "add-phone", "--remote", own.remote).out();
        String link = out.lines().filter(l -> l.contains("#join=")).findFirst().orElseThrow();
        assertTrue(link.startsWith(page() + "#join="), link);
        assertFalse(out.contains(OwnDevicePage.PASSPHRASE), "never the passphrase: " + out);

        Chromium chromium = own.openJoinIn(Chromium.start(Chromium.Size.PHONE), link);
        assertEquals(page(), chromium.js("return location.href"), "the fragment is out of the address bar");
        assertEquals(own.s3.endpoint(), value("join-endpoint"));
        assertEquals(own.bucket, value("join-bucket"));
        assertEquals("tandem", value("join-prefix"));
        assertEquals(own.s3.identity(), value("join-access-key"));
        assertEquals(own.s3.credential(), value("join-secret-key"));
        assertEquals("", value("join-passphrase"));
        assertTrue(chromium.js("return document.getElementById('join-link').textContent").toString()
                .startsWith("The remote is filled in from the desktop's link."));
        assertEquals("join-passphrase", chromium.js("return document.activeElement.id"));

        own.fill("join-name", "Anna's phone");
        own.submitFilled(OwnDevicePage.JOIN);
        own.awaitRow("Desk one");

        own.desktopSync();
        String devices = own.tandem("--lang", "en", "device", "list", "--remote", own.remote).out();
        assertTrue(devices.contains("Anna's phone"), devices);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostileLinks_refusedWithASentence_emptyScreen_nothingStored_markupStaysText() {
        own = new OwnDevicePage(desktop);
        own.publish("en", own.remote);
        Chromium chromium = Chromium.start(Chromium.Size.PHONE);
        own.chromium = chromium;
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("oversized", b64("{\"v\":1,\"k\":\"s3\",\"b\":\"bucket\",\"s\":\"" + "x".repeat(5000) + "\"}"));
        hostile.put("not base64url", "%3Cscript%3E!!");
        hostile.put("not JSON", b64("<img src=x onerror=window.pwned=1>"));
        hostile.put("not an object", b64("[1,2]"));
        hostile.put("unknown version", b64("{\"v\":2,\"k\":\"s3\",\"b\":\"bucket\"}"));
        hostile.put("unknown kind", b64("{\"v\":1,\"k\":\"ftp\",\"u\":\"http://x\"}"));
        hostile.put("javascript address", b64("{\"v\":1,\"k\":\"webdav\",\"u\":\"javascript:window.pwned=1\"}"));
        hostile.put("endpoint not http", b64("{\"v\":1,\"k\":\"s3\",\"b\":\"bucket\",\"e\":\"file:///etc/passwd\"}"));
        hostile.put("field of the wrong type", b64("{\"v\":1,\"k\":\"s3\",\"b\":{\"toString\":1}}"));
        hostile.put("bad UTF-8", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'{', (byte) 0xff}));
        for (Map.Entry<String, String> h : hostile.entrySet()) {
            openJoin(page() + "#join=" + h.getValue());
            assertEquals(page(), chromium.js("return location.href"), h.getKey());
            assertTrue(chromium.js("return document.getElementById('join-link').textContent").toString()
                    .startsWith(BAD), h.getKey());
            for (String id : new String[] {"join-endpoint", "join-bucket", "join-access-key", "join-secret-key",
                "join-url", "join-user", "join-password"}) {
                assertEquals("", value(id), h.getKey() + ": " + id);
            }
            assertEquals(0L, chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                    + " 'tandem-device').length)"), h.getKey() + ": nothing stored");
            assertEquals(Boolean.FALSE, chromium.js("return window.pwned === 1"), h.getKey());
        }
        // Markup in an otherwise good link is a value, never an element.
        String markup = "<img src=x onerror=window.pwned=1>";
        openJoin(page() + "#join=" + b64("{\"v\":1,\"k\":\"webdav\",\"u\":\"https://dav.example/t\",\"n\":\""
                + markup.replace("\"", "\\\"") + "\"}"));
        assertEquals(markup, value("join-user"));
        assertEquals("https://dav.example/t", value("join-url"));
        assertEquals(Boolean.TRUE, chromium.js("return document.querySelector('input[name=kind][value=webdav]').checked"
                + " && !document.getElementById('join-webdav').hidden"));
        assertEquals(0L, chromium.js("return document.querySelectorAll('#join img[src=x]').length"));
        assertEquals(Boolean.FALSE, chromium.js("return window.pwned === 1"));
    }
}
