package dev.tandem.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real HTTP proxy, tinyproxy (Debian's {@code tinyproxy}), run as a child process in the
 * foreground on a free 127.0.0.1 port, so proxy support is tested against a proxy users run and
 * not our reading of RFC 9110. Its log names every request it forwarded ("Request (file
 * descriptor 5): GET http://127.0.0.1:PORT/…"), which shows a request really went through it.
 * Nothing in its config blocks targets on 127.0.0.1, and with no {@code ConnectPort} line it
 * tunnels CONNECT to any port. One per test (tests stop it); {@code .ci/run} installs it;
 * elsewhere the test is skipped with a message, except under {@code CI=true}, where it fails.
 */
public final class TinyproxyServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private TinyproxyServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "tinyproxy-stop"));
    }

    /** A proxy anyone on 127.0.0.1 may use. */
    public static TinyproxyServer start() {
        return start(null, null);
    }

    /**
     * A proxy that asks for Basic auth as {@code user} / {@code password} when both are given
     * (tinyproxy's config accepts letters and digits there, not every character).
     */
    public static TinyproxyServer start(String user, String password) {
        Path binary = ExternalS3Server.executable("tinyproxy").orElse(null);
        if (binary == null) {
            String missing = "tinyproxy is not installed here (.ci/run installs it from Debian's tinyproxy)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must run the proxy tests");
            }
            Assumptions.abort(missing);
        }
        int port = ExternalS3Server.freePort();
        try {
            Path dir = Path.of("target", "tinyproxy").toAbsolutePath();
            Files.createDirectories(dir);
            Path run = Files.createTempDirectory(dir, "run-");
            Path log = run.resolve("tinyproxy-" + port + ".log");
            // Run as the current user (no User line; as root tinyproxy warns and stays root), so it
            // can write the log; Info level logs each forwarded request and each connection.
            String conf = """
                    Port %d
                    Listen 127.0.0.1
                    Timeout 60
                    Allow 127.0.0.1
                    LogFile "%s"
                    LogLevel Info
                    MaxClients 50
                    %s""".formatted(port, log, user == null ? "" : "BasicAuth " + user + " " + password + "\n");
            Path confFile = Files.writeString(run.resolve("tinyproxy.conf"), conf);
            Path out = run.resolve("stdout.log");
            Process p = new ProcessBuilder(List.of(binary.toString(), "-d", "-c", confFile.toString()))
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(out.toFile())).start();
            TinyproxyServer server = new TinyproxyServer(p, port, log);
            ExternalS3Server.awaitListening(p, port, "tinyproxy", out, server::stop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start tinyproxy", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, as messages name the proxy. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The proxy as a URL for HTTP_PROXY, HTTPS_PROXY or the proxy setting. */
    public String url() {
        return "http://" + address();
    }

    /** The proxy as a URL with credentials in it, percent-encoded as the variables expect. */
    public String url(String user, String password) {
        return "http://" + encode(user) + ":" + encode(password) + "@" + address();
    }

    /** The log so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests the proxy forwarded to (or tunnelled towards) {@code hostPort}, e.g. "127.0.0.1:9000". */
    public long requestsTo(String hostPort) {
        return log().lines().filter(l -> l.contains("Request (file descriptor")
                && (l.contains("//" + hostPort + "/") || l.contains("CONNECT " + hostPort + " "))).count();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the proxy; its port then refuses connections. */
    public synchronized void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
