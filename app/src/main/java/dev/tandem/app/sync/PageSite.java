package dev.tandem.app.sync;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a profile's remote keeps the phone page (docs/WEB.md, "Tandem on your phone without a computer"):
 * its storage as it is, without encryption (the page is code, not data), and the address a browser opens
 * it at: {@code page/index.html} beside the data, under the profile's prefix if it has one. A folder has
 * no address of its own ({@link #url()} is then its file), as whatever serves it decides.
 */
public record PageSite(SyncStorage storage, String url, boolean served) {

    /** The site of the remote these (validated) settings name; null for none. */
    public static PageSite of(SyncSettings s) {
        String entry = prefixed(s.prefix()) + SyncStorage.PAGE + dev.tandem.ui.PageBundle.ENTRY;
        SyncStorage raw;
        String url;
        boolean served = true;
        switch (s.mode()) {
            case NONE -> {
                return null;
            }
            case FOLDER -> {
                raw = SyncStorage.folder(Path.of(s.folder()));
                url = Path.of(s.folder()).toAbsolutePath().resolve(entry).toString();
                served = false;
            }
            case S3 -> {
                raw = SyncStorage.s3(new S3Settings(s.endpoint().isEmpty() ? null : s.endpoint(), s.bucket(), s.region(),
                        s.accessKey(), s.secretKey(), s.proxy()));
                url = s3Url(s.endpoint(), s.region(), s.bucket()) + entry;
            }
            case WEBDAV -> {
                raw = SyncStorage.webDav(new WebDavSettings(s.dav().url(), s.dav().user(), s.dav().password(),
                        s.dav().certificate()).withProxy(s.proxy()));
                url = s.dav().url() + (s.dav().url().endsWith("/") ? "" : "/") + entry;
            }
            default -> throw new IllegalStateException();
        }
        return new PageSite(s.prefix().isEmpty() ? raw : SyncStorage.prefixed(raw, s.prefix()), url, served);
    }

    /**
     * The bucket's address as the page is read from it: path style on the endpoint given, as Tandem
     * talks to it; on AWS the bucket's own host, so the page is an origin of its own (a bucket name with
     * a dot does not fit AWS's certificate, so that one goes path style).
     */
    static String s3Url(String endpoint, String region, String bucket) {
        if (endpoint != null && !endpoint.isEmpty()) {
            return endpoint.replaceAll("/+$", "") + "/" + bucket + "/";
        }
        String r = region.isEmpty() ? "us-east-1" : region.toLowerCase(Locale.ROOT);
        return bucket.contains(".") ? "https://s3." + r + ".amazonaws.com/" + bucket + "/"
                : "https://" + bucket + ".s3." + r + ".amazonaws.com/";
    }

    private static String prefixed(String prefix) {
        String p = prefix.replaceAll("^/+|/+$", "");
        return p.isEmpty() ? "" : p + "/";
    }
}
