package dev.tandem.app.sync;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A remote written as one string, as the command line and invites carry it: {@code folder:DIR},
 * {@code s3://BUCKET[/PREFIX]} or {@code webdav:URL}. Credentials never appear in it: they come
 * from the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL and
 * AWS_REGION; TANDEM_WEBDAV_USER, TANDEM_WEBDAV_PASSWORD and TANDEM_WEBDAV_TRUST). A bad string or
 * a missing credential is an {@link IllegalArgumentException} that says which.
 */
public final class RemoteSpec {
    private RemoteSpec() {
    }

    /** An engine builder for {@code remote}; the caller adds encryption and the rest. */
    public static SyncEngine.Builder builder(String remote, Map<String, String> env, Map<String, String> options) {
        SyncEngine.Builder b = SyncEngine.builder();
        if (remote.startsWith("folder:")) {
            Path folder = folder(remote);
            FolderRemote.Look look = FolderRemote.look(folder);
            if (look.contents() == FolderRemote.Contents.OTHER) {
                throw new IllegalStateException(FolderRemote.problem(folder, look));
            }
            return b.folder(folder);
        }
        if (remote.startsWith("s3://")) {
            S3 s3 = s3(remote, env, options);
            b.s3(s3.settings());
            return s3.prefix().isEmpty() ? b : b.prefix(s3.prefix());
        }
        if (remote.startsWith("webdav:")) {
            return b.webDav(webDav(remote.substring("webdav:".length()), env));
        }
        throw new IllegalArgumentException(Messages.text("common.remote.badForm", remote));
    }

    /**
     * {@code remote} as the sync settings the app and a plain {@code tandem sync} use, credentials
     * and all (from the environment, as {@link #builder} reads them), with {@code passphrase} ("" for
     * none) and {@code intervalSeconds}: how a device without a window keeps its remote.
     */
    public static SyncSettings settings(String remote, Map<String, String> env, Map<String, String> options,
                                        String passphrase, int intervalSeconds) {
        if (remote.startsWith("folder:")) {
            return SyncSettings.folder(folder(remote), intervalSeconds).withPassphrase(passphrase);
        }
        if (remote.startsWith("s3://")) {
            S3 s3 = s3(remote, env, options);
            S3Settings x = s3.settings();
            return new SyncSettings(SyncSettings.Mode.S3, "", x.endpoint() == null ? "" : x.endpoint(), x.region(),
                    x.bucket(), s3.prefix(), x.accessKey(), x.secretKey(), passphrase, intervalSeconds);
        }
        if (remote.startsWith("webdav:")) {
            WebDavSettings d = webDav(remote.substring("webdav:".length()), env);
            return SyncSettings.webDav(new SyncSettings.Dav(d.url(), d.user(), d.password(),
                    env.getOrDefault("TANDEM_WEBDAV_TRUST", "")), passphrase, intervalSeconds);
        }
        throw new IllegalArgumentException(Messages.text("common.remote.badForm", remote));
    }

    /** The plain storage of {@code remote}, without encryption: for the objects of joining a shared list. */
    public static SyncStorage storage(String remote, Map<String, String> env) {
        if (remote.startsWith("folder:")) {
            return SyncStorage.folder(folder(remote));
        }
        if (remote.startsWith("s3://")) {
            S3 s3 = s3(remote, env, Map.of());
            SyncStorage s = SyncStorage.s3(s3.settings());
            return s3.prefix().isEmpty() ? s : SyncStorage.prefixed(s, s3.prefix());
        }
        if (remote.startsWith("webdav:")) {
            return SyncStorage.webDav(webDav(remote.substring("webdav:".length()), env));
        }
        throw new IllegalArgumentException(Messages.text("common.remote.badFormShared", remote));
    }

    private record S3(S3Settings settings, String prefix) {
    }

    private static Path folder(String remote) {
        String d = remote.substring("folder:".length());
        if (d.isBlank()) {
            throw new IllegalArgumentException(Messages.text("common.remote.folderNeedsDir"));
        }
        return Path.of(d).toAbsolutePath();
    }

    private static S3 s3(String remote, Map<String, String> env, Map<String, String> options) {
        URI u;
        try {
            u = URI.create(remote);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.text("common.remote.unreadable", remote));
        }
        String bucket = u.getHost() != null ? u.getHost() : u.getAuthority();
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException(Messages.text("common.remote.s3NeedsBucket"));
        }
        String access = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (access == null || access.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(Messages.text("common.remote.s3NeedsKeys"));
        }
        String endpoint = options.getOrDefault("--endpoint", env.get("AWS_ENDPOINT_URL"));
        String region = options.getOrDefault("--region", env.getOrDefault("AWS_REGION", "us-east-1"));
        String prefix = u.getPath() == null ? "" : u.getPath().replaceAll("^/+", "");
        return new S3(new S3Settings(endpoint == null || endpoint.isBlank() ? null : endpoint, bucket, region, access,
                secret), prefix);
    }

    /** A WebDAV folder from its URL and TANDEM_WEBDAV_USER, TANDEM_WEBDAV_PASSWORD and TANDEM_WEBDAV_TRUST. */
    private static WebDavSettings webDav(String url, Map<String, String> env) {
        if (url.isBlank()) {
            throw new IllegalArgumentException(Messages.text("common.remote.webDavNeedsUrl"));
        }
        String user = env.getOrDefault("TANDEM_WEBDAV_USER", "");
        String password = env.getOrDefault("TANDEM_WEBDAV_PASSWORD", "");
        if (!user.isBlank() && password.isEmpty()) {
            throw new IllegalArgumentException(Messages.text("common.remote.webDavNeedsPassword"));
        }
        try {
            return new WebDavSettings(url, user, password, env.getOrDefault("TANDEM_WEBDAV_TRUST", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.text("common.remote.webDavBad", e.getMessage()));
        }
    }
}
