package dev.tandem.app.testing;

import dev.tandem.app.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line run in-process, as a test runs it: {@code tandem [--data-dir DIR] ARGS} on a
 * given standard input, environment and clock, with what it printed to stdout and stderr and its
 * exit code.
 */
public final class CliRun {
    /** A finished run: exit code, stdout, stderr. */
    public record Result(int code, String out, String err) {
    }

    private CliRun() {
    }

    /** Runs with {@code text} (UTF-8) on standard input, an empty environment and the system clock. */
    public static Result withStdin(String text, Path dataDir, String... args) {
        return run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of(), Clock.systemUTC(), dataDir,
                args);
    }

    /** Runs on the process's standard input, an empty environment and the system clock. */
    public static Result run(Path dataDir, String... args) {
        return run(Map.of(), dataDir, args);
    }

    /** Runs on the process's standard input and the system clock. */
    public static Result run(Map<String, String> env, Path dataDir, String... args) {
        return run(env, Clock.systemUTC(), dataDir, args);
    }

    /** Runs on the process's standard input. */
    public static Result run(Map<String, String> env, Clock clock, Path dataDir, String... args) {
        return run(System.in, env, clock, dataDir, args);
    }

    /**
     * Runs {@code tandem --data-dir DATADIR ARGS}, or {@code tandem ARGS} when {@code dataDir} is null,
     * and returns once it has finished.
     */
    public static Result run(InputStream in, Map<String, String> env, Clock clock, Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        if (dataDir != null) {
            argv.add("--data-dir");
            argv.add(dataDir.toString());
        }
        argv.addAll(List.of(args));
        int code = new Cli(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, clock).run(argv);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
