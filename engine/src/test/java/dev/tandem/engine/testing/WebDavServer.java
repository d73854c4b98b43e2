package dev.tandem.engine.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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
 *
 * <p>What a server reads and writes (config, password file, served folder, lock database, pid)
 * lives in a fresh directory under the system temp dir, deleted when the JVM exits, not under the
 * checkout: started as root, Apache's workers run as nobody, which cannot enter a checkout under
 * /root or inside a mode-700 folder. Only the log, written through descriptors the server inherits
 * or opens before it drops privileges, stays in {@code target/} to be read after a failure.
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
            "authz_user", "auth_basic", "dav", "dav_fs", "mime");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<Kind, WebDavServer> SHARED = new EnumMap<>(Kind.class);
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    private final Kind kind;
    private final Process process;
    private final int port;
    private final Path dir;
    private final Path data;
    private final Path log;

    private WebDavServer(Kind kind, Process process, int port, Path dir, Path data, Path log) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.dir = dir;
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

    /**
     * Apache's folder {@code page/} (under {@link #url()}), readable by anyone and not writable over WebDAV, with
     * content types for the page's files: where a test puts the phone page to open it from the server's own origin
     * while everything else still needs the password (docs/WEB.md, "The page as its own device").
     */
    public Path publicPageDir() {
        if (kind != Kind.APACHE) {
            throw new IllegalStateException("only the Apache server has a public page folder");
        }
        return data.resolve("page");
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
        mkcol(url);
        return url;
    }

    /**
     * Makes the folder {@code name} in the collection {@code parentUrl} with MKCOL, whatever
     * characters the name holds: the JDK's {@link URI} percent-encodes it as UTF-8 here, so a test
     * of how Tandem encodes an address does not lean on Tandem's own encoding.
     */
    public void newFolder(String parentUrl, String name) {
        try {
            mkcol(URI.create(parentUrl).resolve(new URI(null, null, name + "/", null).toASCIIString()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private void mkcol(String url) {
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
    }

    private static WebDavServer start(Kind kind) {
        int port = ExternalS3Server.freePort();
        Path logs = Path.of("target", "webdav-" + kind.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve("server-" + port + ".log");
            Path dir = Files.createTempDirectory("tandem-webdav-" + kind.name().toLowerCase(Locale.ROOT) + "-");
            Process p;
            Path data;
            try {
                data = Files.createDirectory(dir.resolve("data"));
                List<String> command = kind == Kind.APACHE
                        ? List.of(APACHE.toString(), "-f", apacheConfig(dir, data, log, port).toString(), "-DFOREGROUND")
                        // --config /dev/null: rclone keeps its (empty) config in memory, never reading ~/.config/rclone.
                        : List.of(ExternalS3Server.executable("rclone").orElseThrow().toString(), "serve", "webdav",
                                data.toString(), "--addr", "127.0.0.1:" + port, "--user", USER, "--pass", PASSWORD,
                                "--config", "/dev/null");
                // Appending, because Apache also opens the same file as its ErrorLog.
                p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile())).start();
            } catch (IOException | RuntimeException e) {
                deleteTree(dir); // no server owns it yet, so no shutdown hook would
                throw e;
            }
            WebDavServer server = new WebDavServer(kind, p, port, dir, data, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + kind.label, e);
        }
    }

    /**
     * Writes an httpd.conf that needs nothing of Debian's /etc/apache2. Started as root, Apache will
     * not serve as root (Debian's build refuses {@code User root}): its workers switch to nobody,
     * which must pass through every directory above {@code dir}, read the password file and own the
     * data and lock directories. The master, still root, reads the config and writes the pid and log.
     */
    private static Path apacheConfig(Path dir, Path data, Path log, int port) throws IOException {
        Path lock = Files.createDirectory(dir.resolve("lock"));
        Path page = Files.createDirectory(data.resolve("page"));
        Path users = dir.resolve("htpasswd");
        Files.writeString(users, USER + ":{SHA}" + Base64.getEncoder().encodeToString(sha1(PASSWORD)) + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            requirePassableByOthers(dir.getParent());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
            UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
            for (Path writable : List.of(data, lock)) {
                Files.setOwner(writable, names.lookupPrincipalByName("nobody"));
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
                <Directory "%9$s">
                  Dav Off
                  Require all granted
                </Directory>
                TypesConfig /dev/null
                AddType text/html .html
                AddType text/css .css
                AddType text/javascript .js .mjs
                AddType application/json .json
                AddType application/manifest+json .webmanifest
                AddType application/wasm .wasm
                AddType image/svg+xml .svg
                AddType image/png .png
                """.formatted(dir, port, modules, root ? "User nobody\nGroup nogroup\n" : "", log, lock, data, users,
                page);
        return Files.writeString(dir.resolve("httpd.conf"), conf);
    }

    /**
     * Fails with the reason when nobody could not reach the temp dir (a {@code java.io.tmpdir} inside
     * a private folder), rather than letting every request end in a bare 403.
     */
    private static void requirePassableByOthers(Path tmp) throws IOException {
        for (Path p = tmp.toRealPath(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("Apache's workers run as nobody, which cannot enter " + p
                        + "; point java.io.tmpdir at a directory every user can reach, such as /tmp");
            }
        }
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

    /**
     * Stops the server and, for Apache, its worker processes, which would otherwise outlive it; then
     * deletes its directory, which is outside {@code target/} and so outside {@code mvn clean}.
     */
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
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
