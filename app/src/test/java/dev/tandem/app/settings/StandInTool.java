package dev.tandem.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a system tool (powershell.exe, osascript): a shell script that records, for each run N, the
 * words it was given ({@code argvN}) and its environment ({@code envN}), NUL-separated, then does {@code then}
 * (e.g. {@code exit 3}, {@code exec sleep 60}). A real process, so the test sees what crossed the process boundary.
 */
public final class StandInTool {
    private final Path dir;
    private final Path program;

    private StandInTool(Path dir, Path program) {
        this.dir = dir;
        this.program = program;
    }

    /** Writes {@code name} in its own new folder under {@code parent}. */
    public static StandInTool create(Path parent, String name, String then) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("stand-in-" + name));
        Path program = dir.resolve(name);
        Files.writeString(program, "#!/bin/sh\n"
                + "n=$(($(ls '" + dir + "' | grep -c '^argv') + 1))\n"
                + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > '" + dir + "'/argv$n\n"
                + "env -0 > '" + dir + "'/env$n\n"
                + "echo $$ > '" + dir + "'/pid$n\n"
                + then + "\n");
        if (!program.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + program + " executable");
        }
        return new StandInTool(dir, program);
    }

    public Path program() {
        return program;
    }

    /** How many times it ran, as far as recording its words and environment (its process id is written last). */
    public int runs() throws IOException {
        try (var files = Files.list(dir)) {
            return (int) files.filter(p -> p.getFileName().toString().matches("pid[0-9]+")).count();
        }
    }

    /** The words run {@code n} (from 1) was given after its own name. */
    public List<String> argv(int n) throws IOException {
        String all = Files.readString(dir.resolve("argv" + n), StandardCharsets.UTF_8);
        return all.isEmpty() ? List.of() : Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    }

    /** The environment of run {@code n}. */
    public Map<String, String> env(int n) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String kv : Files.readString(dir.resolve("env" + n), StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return env;
    }

    /** The process id of run {@code n}. */
    public long pid(int n) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("pid" + n)).strip());
    }
}
