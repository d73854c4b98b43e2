package dev.tandem.app.settings;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds, starts and stops the reminder agents of one profile: the processes whose command line is Tandem's
 * launcher (or {@link Launcher#MAIN_CLASS} after {@code java}'s own options) followed by the verb {@code agent},
 * with the same data dir ({@code --data-dir DIR}, else the platform's default). Found through {@link
 * ProcessHandle}: this user's processes only show their command line, and the agent needs no channel of its own
 * to be told to stop. A stop is SIGTERM (the agent's shutdown hooks run), then, after {@link #GRACE_MILLIS}, a kill.
 *
 * <p>Bounds: a process's command line is read up to {@link #MAX_CMDLINE} bytes and {@link #MAX_ARGS} words; one started with {@code
 * TANDEM_DATA_DIR} in its environment and no {@code --data-dir} counts as the default profile's (another
 * process's environment is not read).
 */
public final class AgentProcesses {
    static final long GRACE_MILLIS = 5_000;
    static final int MAX_ARGS = 256;
    static final int MAX_CMDLINE = 256 * 1024;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final List<String> launchers;
    private final List<String> names;
    private final Path dataDir;
    private final Path defaultDir;

    /** {@code launchers}: the paths a Tandem launcher runs from (besides {@code java ... Main}). */
    public AgentProcesses(List<Path> launchers, Path dataDir, Path defaultDir) {
        this.launchers = launchers.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        this.names = launchers.stream().map(p -> p.getFileName().toString()).toList();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.defaultDir = defaultDir.toAbsolutePath().normalize();
    }

    /** The running agents of this profile (never this process). */
    public List<ProcessHandle> running() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self).filter(p -> isAgent(words(p))).toList();
    }

    /**
     * A process's command line, program first. On Linux read from {@code /proc/PID/cmdline} (up to {@link
     * #MAX_CMDLINE} bytes): {@link ProcessHandle.Info#arguments()} is empty for a command line longer than a page,
     * which {@code java -cp} with Tandem's class path always is. Elsewhere from {@link ProcessHandle.Info}.
     */
    static List<String> words(ProcessHandle p) {
        Path proc = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
        List<String> words = new ArrayList<>();
        if (Files.isReadable(proc)) {
            try (InputStream in = Files.newInputStream(proc)) {
                byte[] bytes = in.readNBytes(MAX_CMDLINE);
                for (String w : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
                    if (words.size() < MAX_ARGS) {
                        words.add(w);
                    }
                }
                return words;
            } catch (IOException e) {
                // Gone meanwhile, or another user's: not an agent of this profile.
                return List.of();
            }
        }
        ProcessHandle.Info info = p.info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return List.of();
        }
        words.add(info.command().get());
        for (String a : info.arguments().get()) {
            if (words.size() >= MAX_ARGS) {
                break;
            }
            words.add(a);
        }
        return words;
    }

    /** Whether the command line {@code words} (program, then arguments) is this profile's agent. */
    boolean isAgent(List<String> words) {
        int start = -1;
        for (int i = 0; i < words.size() && start < 0; i++) {
            String w = words.get(i);
            // The program by its path, or by its name alone: started through a link on the PATH (/usr/bin/tandem).
            if (w.equals(Launcher.MAIN_CLASS) || (i == 0 && (launchers.contains(normal(w)) || names.contains(w)))) {
                start = i + 1;
            }
        }
        if (start < 0) {
            return false;
        }
        Path dir = defaultDir;
        String verb = null;
        for (int i = start; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--data-dir") && i + 1 < words.size()) {
                dir = Path.of(words.get(++i));
            } else if (w.startsWith("--data-dir=")) {
                dir = Path.of(w.substring("--data-dir=".length()));
            } else if (w.equals("--lang") && i + 1 < words.size()) {
                i++;
            } else if (!w.startsWith("-") && verb == null) {
                verb = w;
            }
        }
        return "agent".equals(verb) && dir.toAbsolutePath().normalize().equals(dataDir);
    }

    private static String normal(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /**
     * Starts {@code command} detached from this process: no input, its output appended to {@code log} (its folder
     * made if missing, inside the owner-only profile), never waited for; where {@code setsid} exists, in a session
     * of its own, so closing the terminal the window was started from (SIGHUP to its group) leaves it running.
     */
    public Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> words = new ArrayList<>();
        if (!isWindows() && Files.isExecutable(SETSID)) {
            words.add(SETSID.toString());
        }
        words.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(words).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        // A jpackage launcher marks its own process's environment (_JPACKAGE_LAUNCHER); a launcher started with that
        // mark inherited takes its arguments for the JVM's ("Could not find or load main class agent").
        pb.environment().keySet().removeIf(k -> k.startsWith("_JPACKAGE"));
        return pb.start();
    }

    /** Stops every agent of this profile; returns how many were running. Blocks up to the grace period each. */
    public int stopAll() throws InterruptedException {
        List<ProcessHandle> agents = running();
        for (ProcessHandle p : agents) {
            p.destroy();
        }
        for (ProcessHandle p : agents) {
            try {
                p.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                System.getLogger("tandem").log(System.Logger.Level.WARNING,
                        "The reminder agent " + p.pid() + " did not stop on SIGTERM; killed");
                p.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("onExit never fails", e);
            }
        }
        return agents.size();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
