package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the training's commands (the app's launcher, or a java command) for a class-archive trainer, each with a
 * scratch home, and reports failures under the trainer's name.
 *
 * <p>The scratch home keeps a training run away from the real user's data, settings and JavaFX cache: Java and
 * JavaFX read user.home, not $HOME, so it is passed through JAVA_TOOL_OPTIONS, which jpackage's launcher honours
 * (unlike JDK_JAVA_OPTIONS; that one is removed so the build's own JVM settings cannot change what a checkout's
 * training loads). Output goes to a file rather than a pipe, so a chatty child never blocks on a full pipe while
 * we wait for it with a timeout.
 */
final class ProcessRunner {
    private static final long TIMEOUT_SECONDS = 180;

    private final Path scratch;
    private final String label;
    private final List<String> unset;

    /**
     * @param scratch   the trainer's scratch directory, where the home and the output files go
     * @param label     what failures are reported as ("AppCDS")
     * @param unsetAlso environment variables to remove besides TANDEM_DATA_DIR and JDK_JAVA_OPTIONS
     */
    ProcessRunner(Path scratch, String label, String... unsetAlso) {
        this.scratch = scratch;
        this.label = label;
        this.unset = new ArrayList<>(List.of("TANDEM_DATA_DIR", "JDK_JAVA_OPTIONS"));
        this.unset.addAll(List.of(unsetAlso));
    }

    /** Runs {@code cmd} with {@code env} added; its output (stdout and stderr), or null after reporting a failure. */
    String run(List<String> cmd, Map<String, String> env, String what) throws IOException, InterruptedException {
        return run(cmd, env, what, null);
    }

    /** As {@link #run(List, Map, String)}, its standard input read from {@code stdin} (null: none given). */
    String run(List<String> cmd, Map<String, String> env, String what, Path stdin) throws IOException, InterruptedException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        unset.forEach(e::remove);
        e.putAll(env);
        e.merge("JAVA_TOOL_OPTIONS", "-Duser.home=" + home, (a, b) -> a + " " + b);
        Path log = Files.createTempFile(scratch, "exec", ".log");
        pb.redirectOutput(log.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(what + " did not finish within " + TIMEOUT_SECONDS + " s");
            return null;
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(what + " exited with " + p.exitValue() + ":\n" + out);
            return null;
        }
        return out;
    }

    /** Prints a failure of the trainer; returns its exit status, 1. */
    int fail(String message) {
        System.err.println("installer: ERROR: " + label + ": " + message);
        return 1;
    }
}
