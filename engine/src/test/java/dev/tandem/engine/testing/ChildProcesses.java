package dev.tandem.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real child JVMs running {@link SharedProfileChild}, released together through a start file,
 * with their output lines collected as they come (so a process killed with SIGKILL still leaves
 * every line it printed before).
 */
public final class ChildProcesses implements AutoCloseable {
    /** One child: its process and the lines it printed so far. */
    public record Child(Process process, List<String> lines, Thread pump) {
        /** The lines starting with {@code prefix}, without it. */
        public List<String> lines(String prefix) {
            List<String> found = new ArrayList<>();
            synchronized (lines) {
                lines.stream().filter(l -> l.startsWith(prefix)).forEach(l -> found.add(l.substring(prefix.length())));
            }
            return found;
        }

        /** Kills the child with SIGKILL, as a power cut or the OOM killer would. */
        public void kill9() throws Exception {
            new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        }

        public int await() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child " + process.pid() + " did not finish: " + lines);
            }
            pump.join(10_000);
            return process.exitValue();
        }
    }

    private final Path start;
    private final List<Child> children = new ArrayList<>();

    public ChildProcesses(Path dir) throws IOException {
        this.start = Files.createTempFile(dir, "start", "");
        Files.delete(start);
    }

    /** Starts a child that waits for {@link #release()}. */
    public Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SharedProfileChild.class.getName(), start.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("PUMP " + e.getMessage());
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
        Child c = new Child(p, lines, pump);
        children.add(c);
        return c;
    }

    /** Lets every child started so far begin. */
    public void release() {
        try {
            Files.createFile(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for every child; a new round of {@link #start} then needs a new instance. */
    public List<Child> awaitAll() throws Exception {
        for (Child c : children) {
            c.await();
        }
        return children;
    }

    @Override
    public void close() {
        children.forEach(c -> c.process().destroyForcibly());
    }
}
