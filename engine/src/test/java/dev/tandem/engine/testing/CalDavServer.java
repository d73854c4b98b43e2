package dev.tandem.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Assumptions;

/**
 * A real CalDAV server from Debian's packages, run as a child process on a free 127.0.0.1 port
 * with its own empty storage folder: Radicale (with a plain htpasswd file, so a wrong password is
 * refused) or Xandikos (no log-in; credentials are ignored, and its default calendar and address
 * book exist). {@link #url()} is the server's root, so clients must discover the rest, as they do
 * with a URL a person types. {@code .ci/run} installs both; elsewhere a test is skipped with a
 * message, except under {@code CI=true}, where it fails.
 *
 * <p>{@link #forTest} is what a test that only talks to the server takes: for Radicale a user of the test's own
 * on the JVM's one Radicale, for Xandikos a server of its own (see there). {@link #start} is a process of the
 * caller's own, for a test that stops the server or needs it in a state of its own.
 */
public final class CalDavServer implements AutoCloseable {
    public enum Kind { RADICALE, XANDIKOS }

    /** The user of a server from {@link #start}. */
    public static final String USER = "sam";
    /** The password of every user. */
    public static final String PASSWORD = "secret";

    /** This JVM's Radicale, started on first use and stopped when the JVM ends. */
    private static CalDavServer sharedRadicale;
    private static final AtomicInteger USERS = new AtomicInteger();

    private final Kind kind;
    private final Process process;
    private final int port;
    private final Path storage;
    /** Radicale's htpasswd file; null for Xandikos. */
    private final Path users;
    private final String user;
    /** Whether {@link #close()} stops the process: false for a user on the shared Radicale. */
    private final boolean own;

    private CalDavServer(Kind kind, Process process, int port, Path storage, Path users, String user, boolean own) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.storage = storage;
        this.users = users;
        this.user = user;
        this.own = own;
    }

    /**
     * A server for one test, where it sees nothing of any other test's. Radicale: the JVM's one Radicale (started
     * on first use, stopped when the JVM ends), logged into as a new user added to its htpasswd file, which
     * Radicale reads at every log-in; a user's principal and collections are the user's alone (Radicale's
     * default rights, {@code owner_only}), so a client that discovers from the root finds only this test's
     * calendars. Xandikos has no log-in and one principal, fixed on its command line, and caches its stores by
     * path with nothing that drops one when its collection is deleted (so no clearing between tests either), so a
     * test's Xandikos is a process of its own, as from {@link #start}. Closing stops a process of the test's own and leaves the
     * shared Radicale running.
     */
    public static CalDavServer forTest(Kind kind) {
        if (kind == Kind.XANDIKOS) {
            return start(kind);
        }
        CalDavServer shared;
        synchronized (CalDavServer.class) {
            if (sharedRadicale == null || !sharedRadicale.process.isAlive()) {
                sharedRadicale = start(Kind.RADICALE);
            }
            shared = sharedRadicale;
        }
        String name = USER + "-" + USERS.incrementAndGet();
        try {
            synchronized (CalDavServer.class) {
                Files.writeString(shared.users, name + ":" + PASSWORD + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add user " + name + " to " + shared.users, e);
        }
        return new CalDavServer(kind, shared.process, shared.port, shared.storage, shared.users, name, false);
    }

    /** A server process of the caller's own, whose user is {@link #USER}; {@link #close()} stops it. */
    public static CalDavServer start(Kind kind) {
        String exe = kind == Kind.RADICALE ? "radicale" : "xandikos";
        Path binary = ExternalS3Server.executable(exe).orElse(null);
        if (binary == null) {
            String missing = exe + " is not installed here (.ci/run installs it from Debian's " + exe + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must run the CalDAV tests");
            }
            Assumptions.abort(missing);
        }
        int port = ExternalS3Server.freePort();
        try {
            Path dir = Path.of("target", "caldav").toAbsolutePath();
            Files.createDirectories(dir);
            Path run = Files.createTempDirectory(dir, exe + "-");
            Path storage = Files.createDirectories(run.resolve("storage"));
            List<String> cmd = new ArrayList<>(List.of(binary.toString()));
            Path users = null;
            if (kind == Kind.RADICALE) {
                users = Files.writeString(run.resolve("users"), USER + ":" + PASSWORD + "\n");
                cmd.addAll(List.of("--config", "", "--server-hosts", "127.0.0.1:" + port,
                        "--storage-filesystem-folder", storage.toString(), "--auth-type", "htpasswd",
                        "--auth-htpasswd-filename", users.toString(), "--auth-htpasswd-encryption", "plain",
                        "--logging-level", "warning"));
            } else {
                cmd.addAll(List.of("-d", storage.toString(), "-l", "127.0.0.1", "-p", String.valueOf(port),
                        "--defaults", "--current-user-principal", "/" + USER + "/"));
            }
            Path out = run.resolve("stdout.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(out.toFile())).start();
            CalDavServer server = new CalDavServer(kind, p, port, storage, users, USER, true);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, kind + "-stop"));
            ExternalS3Server.awaitListening(p, port, exe, out, server::stop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + exe, e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The server's root, as a person would type it: clients discover the principal and home. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** The user this test logs in as (with {@link #PASSWORD}); its principal is {@code /user/}. */
    public String user() {
        return user;
    }

    /** Whether the server refuses a wrong password (Radicale here; Xandikos has no log-in). */
    public boolean checksPasswords() {
        return kind == Kind.RADICALE;
    }

    /**
     * Makes a task calendar at {@code path} (absolute, ending in '/', in any characters) with
     * MKCALENDAR, as a phone app or the server's web page would: the JDK's {@link URI} percent-encodes
     * it as UTF-8 here, so a test of how Tandem encodes an address does not lean on Tandem's own.
     */
    public void makeCalendar(String path) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop><c:supported-calendar-component-set>"
                + "<c:comp name=\"VTODO\"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>";
        // Apache HttpClient 5, not java.net.http: test classes are compiled into the engine module,
        // which does not read java.net.http.
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            String url = URI.create(url()).resolve(new URI(null, null, path, null).toASCIIString()).toString();
            int status = http.execute(ClassicRequestBuilder.create("MKCALENDAR").setUri(url)
                    .addHeader("Authorization", WebDavServer.basicAuth(user, PASSWORD))
                    .setEntity(new StringEntity(body, ContentType.create("application/xml", StandardCharsets.UTF_8)))
                    .build(), r -> r.getCode());
            if (status != 201) {
                throw new IllegalStateException("MKCALENDAR " + url + " on " + this + " answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("MKCALENDAR " + path + " on " + this, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** The folder the server keeps its collections in (every user's, on the shared Radicale). */
    public Path storage() {
        return storage;
    }

    @Override
    public void close() {
        if (own) {
            stop();
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        if (kind == Kind.XANDIKOS) {
            // Xandikos answers a write once it is in its git store, and a server of its own dies with its storage
            // folder unused after it: asked politely it takes about two seconds to end (waiting, not working),
            // which every CalDAV test paid on closing its fixture.
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        ExternalS3Server.stopProcess(process);
    }

    @Override
    public String toString() {
        return kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
