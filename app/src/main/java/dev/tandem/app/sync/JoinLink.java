package dev.tandem.app.sync;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.PageBundle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Add a phone": the published page's address with the join details in its fragment
 * (docs/WEB.md, "Adding a phone with a QR code"). A fragment never goes to a server: the page reads it,
 * fills its join screen and takes it out of the address bar at once.
 *
 * <p>Form: {@code #join=} then base64url (no padding) of compact JSON, versioned by {@code v}:
 * {@code {"v":1,"k":"s3","e":endpoint,"b":bucket,"p":prefix,"r":region,"a":accessKey,"s":secretKey}} or
 * {@code {"v":1,"k":"webdav","u":url,"n":user,"w":password}}; an empty field is left out. The passphrase is
 * NEVER in it: the person types it on the phone, so a photographed code alone opens nothing. The
 * credential is, so the docs tell to give the phone a key limited to the bucket and prefix. The page
 * caps what it reads at {@link #MAX_FRAGMENT} characters; a link longer than that is refused here.
 */
public final class JoinLink {
    /** The version the page understands. */
    public static final int VERSION = 1;
    /** The page reads no longer fragment (join-link.js, JOIN_FRAGMENT_MAX). */
    public static final int MAX_FRAGMENT = 4096;

    private JoinLink() {
    }

    /**
     * The link for these (validated) settings: the page's address and the fragment.
     *
     * @throws IllegalArgumentException for a folder or no remote (a phone cannot reach a folder), or
     *     details too long for one link
     */
    public static String of(SyncSettings s) {
        if (s.mode() != SyncSettings.Mode.S3 && s.mode() != SyncSettings.Mode.WEBDAV) {
            throw new IllegalArgumentException(s.mode().name()); // callers offer S3 and WebDAV only
        }
        String fragment = "join=" + payload(s);
        if (fragment.length() > MAX_FRAGMENT) {
            throw new IllegalArgumentException(fragment.length() + " > " + MAX_FRAGMENT); // callers say it in words
        }
        return pageUrl(s) + "#" + fragment;
    }

    /** Where PageSite publishes the page, without building a storage (no client, no connection). */
    static String pageUrl(SyncSettings s) {
        String p = s.prefix().replaceAll("^/+|/+$", "");
        String entry = (p.isEmpty() ? "" : p + "/") + SyncStorage.PAGE + PageBundle.ENTRY;
        String base = s.mode() == SyncSettings.Mode.S3 ? PageSite.s3Url(s.endpoint(), s.region(), s.bucket())
                : s.dav().url() + (s.dav().url().endsWith("/") ? "" : "/");
        return base + entry;
    }

    /** The fragment's payload: base64url of the JSON. Package-private for tests. */
    static String payload(SyncSettings s) {
        Map<String, String> f = new LinkedHashMap<>();
        if (s.mode() == SyncSettings.Mode.S3) {
            f.put("k", "s3");
            f.put("e", s.endpoint());
            f.put("b", s.bucket());
            f.put("p", s.prefix());
            f.put("r", s.region());
            f.put("a", s.accessKey());
            f.put("s", s.secretKey());
        } else {
            f.put("k", "webdav");
            f.put("u", s.dav().url());
            f.put("n", s.dav().user());
            f.put("w", s.dav().password());
        }
        StringBuilder json = new StringBuilder("{\"v\":").append(VERSION);
        for (Map.Entry<String, String> e : f.entrySet()) {
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                json.append(",\"").append(e.getKey()).append("\":").append(quote(e.getValue()));
            }
        }
        json.append('}');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
