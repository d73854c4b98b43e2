package dev.tandem.app.settings;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sign-in of the profile's own remote, offered for a shared list's remote on the same server:
 * a person who shares a list through the Nextcloud they already sync with types nothing again.
 * Only the same WebDAV origin (scheme, host, port) or the same S3 bucket gets it, so a password is
 * never sent to a server it was not given for.
 */
public final class SavedLogin {
    private SavedLogin() {
    }

    /**
     * The sign-in this profile saved for its own remote, when {@code remote} is on the same WebDAV
     * server (scheme, host and port) or the same S3 bucket: sharing through the server the person
     * already syncs with needs nothing typed again. Empty otherwise.
     */
    public static Map<String, String> forRemote(SyncSettings mine, String remote) {
        String r = remote == null ? "" : remote.strip();
        if (r.startsWith("webdav:") && mine.mode() == SyncSettings.Mode.WEBDAV) {
            if (origin(r.substring("webdav:".length())).equals(origin(mine.dav().url())) && !origin(mine.dav().url()).isEmpty()) {
                return Map.of("TANDEM_WEBDAV_USER", mine.dav().user(), "TANDEM_WEBDAV_PASSWORD", mine.dav().password());
            }
        } else if (r.startsWith("s3://") && mine.mode() == SyncSettings.Mode.S3) {
            String bucket = r.substring("s3://".length()).split("/", 2)[0];
            if (bucket.equals(mine.bucket())) {
                // The keys go with the endpoint they were saved for, never to another provider's same-named bucket.
                Map<String, String> out = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", mine.accessKey(),
                        "AWS_SECRET_ACCESS_KEY", mine.secretKey()));
                if (mine.endpoint() != null && !mine.endpoint().isBlank()) {
                    out.put("AWS_ENDPOINT_URL", mine.endpoint());
                }
                if (mine.region() != null && !mine.region().isBlank()) {
                    out.put("AWS_REGION", mine.region());
                }
                return out;
            }
        }
        return Map.of();
    }

    /** "https://host:port" of a URL, lower-cased; empty when it is none. */
    private static String origin(String url) {
        try {
            URI u = URI.create(url.strip().replace(" ", "%20"));
            if (u.getScheme() == null || u.getHost() == null) {
                return "";
            }
            return (u.getScheme() + "://" + u.getHost() + ":" + u.getPort()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
