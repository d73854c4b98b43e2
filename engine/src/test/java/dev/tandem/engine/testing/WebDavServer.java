package dev.tandem.engine.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Assumptions;

/**
 * A WebDAV server that is not ours, run as a child process on a free 127.0.0.1 port, so the WebDAV
 * storage is tested against what users really run rather than our reading of RFC 4918: Apache
 * httpd's mod_dav_fs (the reference implementation) and rclone serve webdav (Go's x/net/webdav).
 * Both ask for Basic auth as {@link #USER} / {@link #PASSWORD}. One per kind per test JVM, started
 * on first use, stopped when the JVM exits. {@code .ci/run} installs them from Debian; elsewhere a
 * test for a missing server is skipped with a message, except under {@code CI=true}, where it
 * fails, so CI can never pass by skipping them.
 */
public final class WebDavServer {
    /** The servers, and how each is labelled in messages. */
    public enum Kind {
        APACHE("Apache httpd mod_dav_fs"),
        RCLONE("rclone serve webdav");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static final String USER = "sam";
    public static final String PASSWORD = "secret";

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path APACHE_MODULES = Path.of("/usr/lib/apache2/modules");
    private static final List<String> MODULES = List.of("mpm_event", "authz_core", "authn_core", "authn_file",
            "authz_user", "auth_basic", "dav", "dav_fs");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<Kind, WebDavServer> SHARED = new EnumMap<>(Kind.class);
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    private final Kind kind;
    private final Process process;
    private final int port;
    private final Path data;
    private final Path log;

    private WebDavServer(Kind kind, Process process, int port, Path data, Path log) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.data = data;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, kind.name() + "-webdav-stop"));
    }

    /**
     * The shared server of this kind; skips the calling test when it is not installed here, or
     * fails it under CI.
     */
    public static synchronized WebDavServer shared(Kind kind) {
        WebDavServer s = SHARED.get(kind);
        if (s != null && s.process.isAlive()) {
            return s;
        }
        boolean installed = kind == Kind.APACHE
                ? Files.isExecutable(APACHE) && Files.isRegularFile(APACHE_MODULES.resolve("mod_dav_fs.so"))
                : ExternalS3Server.executable("rclone").isPresent();
        if (!installed) {
            String missing = kind.label + " is not installed here (.ci/run installs it: "
                    + (kind == Kind.APACHE ? APACHE + " from apache2-bin" : "rclone on the PATH") + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must run every WebDAV server");
            }
            Assumptions.abort(missing);
        }
        s = start(kind);
        SHARED.put(kind, s);
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Kind kind() {
        return kind;
    }

    /** The directory the server serves, so a test can plant files behind its back or inspect what it wrote. */
    public Path dataDir() {
        return data;
    }

    /** The value of an {@code Authorization} header for Basic auth. */
    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fresh collection with a unique name, made with MKCOL, so tests sharing the server never see
     * each other's files; its full URL, ending with '/'.
     */
    public String newCollection() {
        String url = url() + "t-" + ProcessHandle.current().pid() + "-" + COLLECTIONS.incrementAndGet() + "/";
        // Apache HttpClient 5, not java.net.http: the engine module does not read java.net.http, and
        // test classes are compiled into that module.
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            String refusal = http.execute(ClassicRequestBuilder.create("MKCOL").setUri(url)
                    .addHeader("Authorization", basicAuth(USER, PASSWORD)).build(),
                    r -> r.getCode() == 201 ? null
                            : r.getCode() + " " + (r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity())));
            assertNull(refusal, () -> "MKCOL " + url + " on " + kind.label + " answered " + refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("MKCOL " + url + " on " + kind.label, e);
        }
        return url;
    }

    private static WebDavServer start(Kind kind) {
        int port = ExternalS3Server.freePort();
        Path kindDir = Path.of("target", "webdav-" + kind.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
        try {
            Files.createDirectories(kindDir);
            Path dir = Files.createTempDirectory(kindDir, "run-");
            Path data = Files.createDirectory(dir.resolve("data"));
            Path log = dir.resolve("server-" + port + ".log");
            List<String> command = kind == Kind.APACHE
                    ? List.of(APACHE.toString(), "-f", apacheConfig(dir, data, log, port).toString(), "-DFOREGROUND")
                    // --config /dev/null: rclone keeps its (empty) config in memory, never reading ~/.config/rclone.
                    : List.of(ExternalS3Server.executable("rclone").orElseThrow().toString(), "serve", "webdav", data.toString(),
                            "--addr", "127.0.0.1:" + port, "--user", USER, "--pass", PASSWORD, "--config", "/dev/null");
            // Appending, because Apache also opens the same file as its ErrorLog.
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
            WebDavServer server = new WebDavServer(kind, p, port, data, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + kind.label, e);
        }
    }

    /**
     * Writes an httpd.conf that needs nothing of Debian's /etc/apache2. Started as root, Apache will
     * not serve as root: its workers switch to nobody, which must read the password file (so every
     * directory above the checkout must let others through) and write the data and lock directories.
     */
    private static Path apacheConfig(Path dir, Path data, Path log, int port) throws IOException {
        Path lock = Files.createDirectory(dir.resolve("lock"));
        Path users = dir.resolve("htpasswd");
        Files.writeString(users, USER + ":{SHA}" + Base64.getEncoder().encodeToString(sha1(PASSWORD)) + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
            for (Path writable : List.of(data, lock)) {
                Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        }
        StringBuilder modules = new StringBuilder();
        for (String m : MODULES) {
            modules.append("LoadModule %s_module %s\n".formatted(m, APACHE_MODULES.resolve("mod_" + m + ".so")));
        }
        String conf = """
                ServerRoot "%1$s"
                DefaultRuntimeDir "%1$s"
                Listen 127.0.0.1:%2$d
                %3$s%4$sPidFile "%1$s/httpd.pid"
                ErrorLog "%5$s"
                DAVLockDB "%6$s/DAVLock"
                ServerName 127.0.0.1
                DocumentRoot "%7$s"
                <Directory "%7$s">
                  Dav On
                  AuthType Basic
                  AuthName "tandem"
                  AuthUserFile "%8$s"
                  Require valid-user
                </Directory>
                """.formatted(dir, port, modules, root ? "User nobody\nGroup nogroup\n" : "", log, lock, data, users);
        return Files.writeString(dir.resolve("httpd.conf"), conf);
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() throws IOException {
        ExternalS3Server.awaitListening(process, port, kind.label, log, this::stop);
    }

    /** Stops the server and, for Apache, its worker processes, which would otherwise outlive it. */
    private synchronized void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
