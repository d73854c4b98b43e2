package dev.tandem.app.web;

import dev.tandem.app.Main;
import dev.tandem.engine.testing.Await;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code tandem serve} as a process of its own on a profile, as a person runs it, so a test can kill it with
 * SIGKILL mid-write ({@link #kill}) and start it again on the same profile and port; and the command line in a JVM
 * of its own beside it ({@link #cli}).
 */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<String> pairingUrl = new CompletableFuture<>();
    /** What it printed so far, a line each. */
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ServeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    int at = line.indexOf("open http");
                    if (at >= 0) {
                        pairingUrl.complete(line.substring(at + "open ".length()).strip());
                    }
                }
            } catch (IOException e) {
                pairingUrl.completeExceptionally(e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code tandem --data-dir profile serve --listen 127.0.0.1:port}; answers once it is serving. */
    static ServeProcess start(Path profile, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), Main.class.getName(), "--data-dir", profile.toString(),
                "serve", "--listen", "127.0.0.1:" + port));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        ServeProcess s = new ServeProcess(pb.start());
        s.pairingUrl.get(60, TimeUnit.SECONDS);
        return s;
    }

    /**
     * Runs {@code tandem --data-dir profile ARGS} in a JVM of its own, as a second process beside the server, and
     * waits for it; answers its exit code and what it printed (both streams).
     */
    static Result cli(Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), Main.class.getName(), "--data-dir", profile.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tandem " + String.join(" ", args) + " did not end: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** A command line's exit code and output. */
    record Result(int code, String out) {
    }

    private static String classpath() throws IOException {
        return System.getProperty("tandem.app.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("tandem.runtime.classpath"))).trim();
    }

    /** The pairing link the server printed at its start. */
    String pairingUrl() {
        return pairingUrl.join();
    }

    /** The first line it printed that holds {@code text}, waited for up to {@code timeout}. */
    String awaitLine(String text, Duration timeout) {
        Await.until("tandem serve to print “" + text + "”; it printed " + lines, timeout,
                () -> lines.stream().anyMatch(l -> l.contains(text)));
        return lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow();
    }

    /** SIGKILL: no shutdown hook, no closing of the database; what was committed is all there is. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Rows of the profile's items whose title starts with {@code prefix}, read as another process would. */
    static List<String> titles(Path profile, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + profile.resolve("tandem.db") + "?mode=ro");
             var ps = c.prepareStatement("SELECT title FROM items WHERE title LIKE ? || '%'")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
