package dev.tandem.engine.sync;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how to reach a WebDAV folder: Nextcloud or ownCloud, a NAS, Apache or nginx, or
 * {@code rclone serve webdav}. {@code url} is the folder that holds Tandem's objects, e.g.
 * {@code https://cloud.example.com/remote.php/dav/files/sam/Tandem}; it must exist. It may be typed
 * as a file manager shows it, with spaces and non-ASCII characters, or percent-encoded as a browser
 * copies it: {@link #url()} is the encoded form either way ({@link #encodeUrl}). {@code user}
 * may be empty for a server without log-in. {@code trustedCertificate} is the SHA-256 fingerprint
 * of one certificate to trust on purpose (a NAS's self-signed one), or empty to trust what the
 * JDK trusts. {@code proxy} is empty to follow the environment ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 * {@code NO_PROXY}) and else the JVM's proxy settings, {@code none} to connect directly, or
 * {@code http://[user:password@]host:port} (docs/REMOTES.md, "Proxies"). {@link #toString()} hides
 * the passwords.
 */
public record WebDavSettings(String url, String user, String password, String trustedCertificate, String proxy) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    public WebDavSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: must not be empty (e.g. https://cloud.example.com/remote.php/dav/files/sam/Tandem)");
        }
        String typed = url.strip(); // for messages: what the person wrote, not its encoding
        try {
            url = WebDavAddress.encode(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: " + e.getMessage(), e);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: not a URL (it looks like https://cloud.example.com/remote.php/dav/"
                    + "files/sam/Tandem): " + typed, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("url: must be an http(s) URL such as https://cloud.example.com/dav/Tandem, was " + typed);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url: must not have a query or fragment, was " + typed + " (a '?' or '#' in "
                    + "a folder's name is written %3F or %23)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url: put the user name and password in their own fields, not in the URL");
        }
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        if (user.isEmpty() && !password.isEmpty()) {
            throw new IllegalArgumentException("user: must not be empty when a password is given");
        }
        proxy = normalizeProxy(proxy);
        trustedCertificate = normalizeFingerprint(trustedCertificate);
        if (!trustedCertificate.isEmpty() && !FINGERPRINT.matcher(trustedCertificate).matches()) {
            throw new IllegalArgumentException("trustedCertificate: must be a SHA-256 fingerprint (64 hex digits, "
                    + "colons allowed), was " + trustedCertificate);
        }
    }

    /** A folder reached through the proxy the environment or the JVM names, if any. */
    public WebDavSettings(String url, String user, String password, String trustedCertificate) {
        this(url, user, password, trustedCertificate, "");
    }

    /** A folder reached with the JDK's trusted certificates. */
    public WebDavSettings(String url, String user, String password) {
        this(url, user, password, "");
    }

    /**
     * An address as these settings keep and send it: without surrounding blanks, with spaces,
     * non-ASCII letters and symbols percent-encoded as UTF-8, escapes already there kept as they
     * are, and a non-ASCII host name in its ASCII form; so "…/My Tasks" and "…/My%20Tasks" are one
     * address. Only encodes, so a form can check the result its own way; throws
     * {@link IllegalArgumentException} for a control character in it or a host name IDNA refuses.
     */
    public static String encodeUrl(String url) {
        return WebDavAddress.encode(url == null ? "" : url);
    }

    /** The fingerprint in lower-case hex without separators, so "AB:CD:…" and "abcd…" are one. */
    public static String normalizeFingerprint(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** These settings with {@code proxy} in place of the current one ("" for the environment's, "none" for none). */
    public WebDavSettings withProxy(String proxy) {
        return new WebDavSettings(url, user, password, trustedCertificate, proxy);
    }

    /**
     * A proxy setting as these settings keep it: null as empty, without surrounding blanks. Throws
     * {@link IllegalArgumentException} (its message starts {@code proxy:}, never shows a password)
     * unless it is empty, {@code none} ({@code direct}) or {@code http://[user:password@]host:port},
     * so a form can check what was typed before anything is built from it.
     */
    public static String normalizeProxy(String proxy) {
        String p = proxy == null ? "" : proxy.strip();
        if (p.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("proxy: must be none or http://[user:password@]host:port, without blanks");
        }
        if (!p.isEmpty() && !p.equalsIgnoreCase("none") && !p.equalsIgnoreCase("direct")) {
            // The form of the setting only; the storage resolves it when it is built (internal.http.Proxies).
            String why = null;
            try {
                URI u = URI.create(p.contains("://") ? p : "http://" + p);
                if (!"http".equalsIgnoreCase(u.getScheme())) {
                    why = "only http:// proxies are supported";
                } else if (u.getHost() == null || u.getHost().isEmpty()) {
                    why = "no host in it";
                } else if (u.getPort() > 65535) {
                    why = "port out of range";
                } else if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                    why = "a proxy address has no path";
                }
            } catch (IllegalArgumentException e) {
                why = "not an address";
            }
            if (why != null) {
                throw new IllegalArgumentException("proxy: must be none or http://[user:password@]host:port (" + why + ")");
            }
        }
        return p;
    }

    /** The proxy setting with any password in it replaced by ***, for messages and logs. */
    public static String maskedProxy(String proxy) {
        int at = proxy.lastIndexOf('@');
        int scheme = proxy.indexOf("://");
        int colon = proxy.indexOf(':', scheme < 0 ? 0 : scheme + 3);
        return at < 0 || colon < 0 || colon > at ? proxy : proxy.substring(0, colon + 1) + "***" + proxy.substring(at);
    }

    @Override
    public String toString() {
        return "WebDavSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + (trustedCertificate.isEmpty() ? "" : ", trustedCertificate=" + trustedCertificate)
                + (proxy.isEmpty() ? "" : ", proxy=" + maskedProxy(proxy)) + "]";
    }
}
