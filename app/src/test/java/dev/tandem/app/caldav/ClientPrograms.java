package dev.tandem.app.caldav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real CalDAV client programs Debian ships, run as child processes for a test's "phone":
 * python3-caldav (under Debian's own Python, which alone has it: the first python3 on PATH may be
 * another one), todoman and vdirsyncer. {@code .ci/run} installs them; elsewhere a test that needs
 * them is skipped with a message, except under {@code CI=true}, where it fails. Every run has a
 * timeout and its whole output goes into the assertion message when it fails.
 */
final class ClientPrograms {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path TODOMAN = Path.of("/usr/bin/todoman");
    static final Path VDIRSYNCER = Path.of("/usr/bin/vdirsyncer");
    private static final long TIMEOUT_SECONDS = 120;

    private ClientPrograms() {
    }

    /** What {@link #require} found missing, "" for nothing; checked once per JVM (each check starts a Python). */
    private static String missingOnce;

    /** Skips the test (fails it under CI=true) unless python3-caldav, todoman and vdirsyncer are here. */
    static void require() {
        String missing = missing();
        if (missing != null) {
            String why = missing + " is not installed here (.ci/run installs vdirsyncer, todoman and python3-caldav)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI must run the real-client CalDAV tests");
            }
            Assumptions.abort(why);
        }
    }

    private static synchronized String missing() {
        if (missingOnce == null) {
            missingOnce = check();
        }
        return missingOnce.isEmpty() ? null : missingOnce;
    }

    private static String check() {
        String missing = "";
        if (!Files.isExecutable(PYTHON) || !runs(PYTHON.toString(), "-c", "import caldav, icalendar")) {
            missing = "python3-caldav (Debian's /usr/bin/python3 cannot import caldav)";
        } else if (!Files.isExecutable(TODOMAN)) {
            missing = "todoman (" + TODOMAN + ")";
        } else if (!Files.isExecutable(VDIRSYNCER)) {
            missing = "vdirsyncer (" + VDIRSYNCER + ")";
        }
        return missing;
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code cmd} in {@code dir} with {@code env} added and {@code input} on its standard input;
     * returns its standard output. A non-zero exit or a timeout fails with everything it printed.
     */
    static String run(Path dir, Map<String, String> env, String input, List<String> cmd) {
        try {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The program did not read its input; its exit status says whether that mattered.
            }
            byte[] out;
            // Output is read to the end before waiting, so a chatty program never blocks on a full pipe.
            var reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + cmd + "\n" + Files.readString(err));
            }
            out = reader.get(10, TimeUnit.SECONDS);
            String stdout = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("exit " + p.exitValue() + ": " + shortened(cmd) + "\nstdout:\n" + stdout
                        + "\nstderr:\n" + Files.readString(err));
            }
            return stdout;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot run " + shortened(cmd) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + shortened(cmd), e);
        }
    }

    private static String shortened(List<String> cmd) {
        // A script given with -c is long; the message names the program and its arguments.
        List<String> s = new ArrayList<>();
        for (String c : cmd) {
            s.add(c.length() > 80 ? c.substring(0, 77) + "..." : c);
        }
        return String.join(" ", s);
    }
}
