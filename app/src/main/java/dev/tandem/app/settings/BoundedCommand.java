package dev.tandem.app.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the system's own tools (PowerShell, {@code osascript}) to do one thing, bounded: its words are an
 * argument list (no shell reads them), what it is told travels in environment variables it is given (no parser
 * between this process and the script reads them), its output is thrown away (never read, so it cannot fill a
 * pipe or memory), and it is killed, with whatever it started, once {@code limit} has passed. An exit code other
 * than 0, a kill, or a tool that cannot start is an {@link IOException} whose message is for the log.
 */
public final class BoundedCommand {
    private BoundedCommand() {
    }

    /** Runs {@code command} with {@code env} added to this process's environment; waits at most {@code limit}. */
    public static void run(List<String> command, Map<String, String> env, Duration limit) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean exited = false;
        try {
            // No input: a tool that asks for some reads the end at once.
            p.getOutputStream().close();
            exited = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                throw new IOException(command.get(0) + " did not finish within " + limit.toMillis() + " ms; killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + command.get(0));
        } finally {
            if (!exited) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        if (p.exitValue() != 0) {
            throw new IOException(command.get(0) + " exited with " + p.exitValue());
        }
    }

    /**
     * A constant script shipped beside {@code owner}, as Windows PowerShell's {@code -EncodedCommand} takes it
     * (Base64 of its UTF-16LE text): one argument of letters and digits, which no command-line parser splits.
     */
    public static String encodedPowerShell(Class<?> owner, String resource) {
        return Base64.getEncoder().encodeToString(script(owner, resource).getBytes(StandardCharsets.UTF_16LE));
    }

    /** The text of a script shipped as a resource beside {@code owner}. */
    public static String script(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
