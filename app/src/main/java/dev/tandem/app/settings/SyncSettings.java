package dev.tandem.app.settings;

import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where this device syncs to. Secrets ({@code secretKey}, {@code passphrase}, a password in
 * {@code proxy}) are kept out of {@link #toString()} and are stored apart from the rest by
 * {@link SettingsStore}. {@code proxy}, for S3 and WebDAV only, is empty to use
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} or else the system's, {@code none} for
 * none, or {@code http://[user:password@]host:port} (docs/REMOTES.md, "Proxies").
 */
public record SyncSettings(Mode mode, String folder, String endpoint, String region, String bucket, String prefix,
                           String accessKey, String secretKey, String passphrase, int intervalSeconds, Dav dav,
                           String proxy) {

    public enum Mode { NONE, FOLDER, S3, WEBDAV }

    /**
     * A WebDAV folder: its URL, the user and password (an app password for Nextcloud), and the
     * SHA-256 fingerprint of a certificate trusted on purpose, or empty. The password is a secret.
     */
    public record Dav(String url, String user, String password, String certificate) {
        public static final Dav NONE = new Dav("", "", "", "");

        public Dav {
            url = clean(url);
            user = clean(user);
            password = password == null ? "" : password;
            certificate = WebDavSettings.normalizeFingerprint(certificate);
        }

        @Override
        public String toString() {
            return "Dav[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                    + ", certificate=" + certificate + "]";
        }
    }

    /**
     * A full sync every 30 minutes: edits are pushed half a second after they stop and another
     * device's pushes are noticed by cheap checks ({@code sync.Pacing}), so the full sync only catches
     * what the change marker cannot tell (devices that write none, a raced marker).
     */
    public static final int DEFAULT_INTERVAL = 1800;
    public static final int MIN_INTERVAL = 2;
    public static final int MAX_INTERVAL = 24 * 3600;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,32}");

    public static SyncSettings none() {
        return new SyncSettings(Mode.NONE, "", "", "us-east-1", "", "", "", "", "", DEFAULT_INTERVAL);
    }

    public static SyncSettings folder(Path dir, int intervalSeconds) {
        return new SyncSettings(Mode.FOLDER, dir.toString(), "", "us-east-1", "", "", "", "", "", intervalSeconds);
    }

    public static SyncSettings webDav(Dav dav, String passphrase, int intervalSeconds) {
        return new SyncSettings(Mode.WEBDAV, "", "", "us-east-1", "", "", "", "", passphrase, intervalSeconds, dav);
    }

    /** Settings without a WebDAV folder (none, folder or S3). */
    public SyncSettings(Mode mode, String folder, String endpoint, String region, String bucket, String prefix,
                        String accessKey, String secretKey, String passphrase, int intervalSeconds) {
        this(mode, folder, endpoint, region, bucket, prefix, accessKey, secretKey, passphrase, intervalSeconds, Dav.NONE);
    }

    /** Settings that use the proxy of the environment or the system, if any. */
    public SyncSettings(Mode mode, String folder, String endpoint, String region, String bucket, String prefix,
                        String accessKey, String secretKey, String passphrase, int intervalSeconds, Dav dav) {
        this(mode, folder, endpoint, region, bucket, prefix, accessKey, secretKey, passphrase, intervalSeconds, dav, "");
    }

    /** The same settings with another passphrase (empty for none). */
    public SyncSettings withPassphrase(String newPassphrase) {
        return new SyncSettings(mode, folder, endpoint, region, bucket, prefix, accessKey, secretKey, newPassphrase,
                intervalSeconds, dav, proxy);
    }

    /** The same settings with another proxy ("" for the environment's or the system's, "none" for none). */
    public SyncSettings withProxy(String newProxy) {
        return new SyncSettings(mode, folder, endpoint, region, bucket, prefix, accessKey, secretKey, passphrase,
                intervalSeconds, dav, newProxy);
    }

    public SyncSettings {
        mode = mode == null ? Mode.NONE : mode;
        folder = clean(folder);
        endpoint = clean(endpoint);
        region = clean(region);
        bucket = clean(bucket);
        prefix = clean(prefix);
        accessKey = clean(accessKey);
        secretKey = secretKey == null ? "" : secretKey;
        passphrase = passphrase == null ? "" : passphrase;
        dav = dav == null ? Dav.NONE : dav;
        proxy = clean(proxy);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    public boolean encrypted() {
        return !passphrase.isEmpty();
    }

    /**
     * Problems with the settings, by field name ("folder", "endpoint", "region", "bucket", "prefix",
     * "accessKey", "secretKey", "davUrl", "davUser", "davPassword", "davCertificate", "proxy",
     * "interval"), in plain words. Empty when they can be used.
     */
    public Map<String, String> validate() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (intervalSeconds < MIN_INTERVAL || intervalSeconds > MAX_INTERVAL) {
            errors.put("interval", Messages.text("common.syncSettings.interval", String.valueOf(MIN_INTERVAL), String.valueOf(MAX_INTERVAL)));
        }
        switch (mode) {
            case NONE -> {
                return errors;
            }
            case FOLDER -> {
                if (folder.isEmpty()) {
                    errors.put("folder", Messages.text("common.syncSettings.folderEmpty"));
                } else {
                    try {
                        if (!Path.of(folder).isAbsolute()) {
                            errors.put("folder", Messages.text("common.syncSettings.folderRelative"));
                        }
                    } catch (RuntimeException e) {
                        errors.put("folder", Messages.text("common.syncSettings.folderInvalid"));
                    }
                }
            }
            case S3 -> {
                if (!endpoint.isEmpty()) {
                    try {
                        URI u = URI.create(endpoint);
                        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                                || u.getHost() == null) {
                            errors.put("endpoint", Messages.text("common.syncSettings.endpoint"));
                        }
                    } catch (IllegalArgumentException e) {
                        errors.put("endpoint", Messages.text("common.syncSettings.endpoint"));
                    }
                }
                if (region.isEmpty()) {
                    errors.put("region", Messages.text("common.syncSettings.regionEmpty"));
                } else if (!REGION.matcher(region).matches()) {
                    errors.put("region", Messages.text("common.syncSettings.region"));
                }
                if (bucket.isEmpty()) {
                    errors.put("bucket", Messages.text("common.syncSettings.bucketEmpty"));
                } else if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                    errors.put("bucket", Messages.text("common.syncSettings.bucket"));
                }
                if (accessKey.isEmpty()) {
                    errors.put("accessKey", Messages.text("common.syncSettings.accessKey"));
                }
                if (secretKey.isEmpty()) {
                    errors.put("secretKey", Messages.text("common.syncSettings.secretKey"));
                }
            }
            case WEBDAV -> validateDav(errors);
            default -> throw new IllegalStateException();
        }
        if (!prefix.isEmpty() && (!PREFIX.matcher(prefix).matches() || prefix.contains(".."))) {
            errors.put("prefix", Messages.text("common.syncSettings.prefix"));
        }
        if (mode != Mode.FOLDER) {
            try {
                WebDavSettings.normalizeProxy(proxy);
            } catch (IllegalArgumentException e) {
                errors.put("proxy", Messages.text("common.syncSettings.proxy"));
            }
        }
        return errors;
    }

    private void validateDav(Map<String, String> errors) {
        if (dav.url().isEmpty()) {
            errors.put("davUrl", Messages.text("common.syncSettings.davUrlEmpty"));
        } else {
            try {
                // Spaces and non-ASCII typed as a file manager shows them are encoded, as the engine sends them.
                URI u = URI.create(WebDavSettings.encodeUrl(dav.url()));
                if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                        || u.getHost() == null) {
                    errors.put("davUrl", Messages.text("common.syncSettings.davUrlScheme"));
                } else if (u.getRawUserInfo() != null) {
                    errors.put("davUrl", Messages.text("common.syncSettings.davUrlUser"));
                } else if (u.getRawQuery() != null || u.getRawFragment() != null) {
                    errors.put("davUrl", Messages.text("common.syncSettings.davUrlQuery"));
                }
            } catch (IllegalArgumentException e) {
                errors.put("davUrl", Messages.text("common.syncSettings.davUrlInvalid"));
            }
        }
        if (dav.user().isEmpty() && !dav.password().isEmpty()) {
            errors.put("davUser", Messages.text("common.syncSettings.davUser"));
        }
        if (!dav.certificate().isEmpty() && !dav.certificate().matches("[0-9a-f]{64}")) {
            errors.put("davCertificate", Messages.text("common.syncSettings.davCertificate"));
        }
    }

    /** Builds the engine these settings describe; null for {@link Mode#NONE}. Validate first. */
    public SyncEngine toEngine() {
        SyncEngine.Builder b = engineBuilder();
        if (b == null) {
            return null;
        }
        if (encrypted()) {
            b.encrypted(passphrase);
        }
        return b.build();
    }

    /**
     * A builder for the remote these settings name, without the passphrase, so the caller can open
     * an encrypted remote another way (with a recovery key when the passphrase is lost); null for
     * {@link Mode#NONE}. Validate first.
     */
    public SyncEngine.Builder engineBuilder() {
        SyncEngine.Builder b = SyncEngine.builder();
        switch (mode) {
            case NONE -> {
                return null;
            }
            case FOLDER -> b.folder(Path.of(folder));
            case S3 -> b.s3(new S3Settings(endpoint.isEmpty() ? null : endpoint, bucket, region, accessKey, secretKey, proxy));
            case WEBDAV -> b.webDav(new WebDavSettings(dav.url(), dav.user(), dav.password(), dav.certificate()).withProxy(proxy));
            default -> throw new IllegalStateException();
        }
        if (!prefix.isEmpty()) {
            b.prefix(prefix);
        }
        return b;
    }

    /** A one-line description without secrets, e.g. "Folder /home/me/Dropbox/Tandem". */
    public String describe() {
        String where = switch (mode) {
            case NONE -> "";
            case FOLDER -> folder;
            case S3 -> (endpoint.isEmpty() ? "" : endpoint + " ") + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
            case WEBDAV -> dav.url() + (prefix.isEmpty() ? "" : "/" + prefix);
        };
        return Messages.text("common.syncSettings.describe", mode.name().toLowerCase(Locale.ROOT), where,
                encrypted() ? "yes" : "no");
    }

    @Override
    public String toString() {
        return "SyncSettings[" + describe() + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey.isEmpty() ? "" : "***") + ", passphrase=" + (passphrase.isEmpty() ? "" : "***")
                + ", interval=" + intervalSeconds + "s" + (mode == Mode.WEBDAV ? ", " + dav : "")
                + (proxy.isEmpty() ? "" : ", proxy=" + WebDavSettings.maskedProxy(proxy)) + "]";
    }
}
