import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives an app image an AppCDS archive (docs/PERFORMANCE.md, "Cold start"): the classes the app loads up to its
 * first frame, already parsed and verified, which roughly halves the CPU a start needs.
 *
 * <ol>
 *   <li>Training: the image's own launcher starts the app with {@code --exit-after-first-frame} and
 *       {@code -XX:DumpLoadedClassList}, once on an empty data dir (creating the database) and once on one with a
 *       todo (list cells, the editor), under Xvfb on Linux. The merged list is kept as lib/app/tandem.classlist.</li>
 *   <li>Dump: the launcher again, with {@code -Xshare:dump}: a static archive of the JDK's and the app's classes,
 *       lib/app/tandem.jsa, and the launcher's configuration gets {@code -XX:SharedArchiveFile=$APPDIR/tandem.jsa}.</li>
 * </ol>
 *
 * <p>Why static and why the launcher: JDK 17 checks the archive against the exact class path it was made with, and
 * the launcher builds that from the image's location, so the archive only works where it was made. The .deb's
 * postinst therefore repeats the dump from the class list at /opt/tandem, which a static archive allows without a
 * display (a dynamic one would need a training run there). Where the paths do not match, the JVM ignores the archive
 * and starts as it would without one. JDK 17's jlink runtime has no default archive to fall back to.
 *
 * <p>Run by Packager: {@code java AppCds.java --image=DIR --name=Tandem}. Exit status 0 with "skipped" when there is
 * no display to train on (Linux without xvfb-run or DISPLAY), 1 when a step failed on Linux; on Windows and macOS a
 * failure only warns, since no CI run has shown the training to work there yet.
 */
public final class AppCds {
    static final String ARCHIVE = "tandem.jsa";
    static final String CLASS_LIST = "tandem.classlist";
    private static final String FIRST_FRAME = "Tandem started: first frame shown";
    private static final long TIMEOUT_SECONDS = 180;

    private final Path image;
    private final String name;
    private final Path scratch;

    private AppCds(Path image, String name) throws IOException {
        this.image = image;
        this.name = name;
        this.scratch = Files.createTempDirectory("tandem-cds");
    }

    public static void main(String[] args) throws Exception {
        Path image = null;
        String name = "Tandem";
        for (String a : args) {
            if (a.startsWith("--image=")) {
                image = Paths.get(a.substring("--image=".length()));
            } else if (a.startsWith("--name=")) {
                name = a.substring("--name=".length());
            } else {
                throw new IllegalArgumentException("expected --image=DIR or --name=NAME, got " + a);
            }
        }
        if (image == null) {
            throw new IllegalArgumentException("--image=DIR is required");
        }
        AppCds cds = new AppCds(image, name);
        int status;
        try {
            status = cds.run();
        } finally {
            deleteTree(cds.scratch);
        }
        if (status != 0 && !isLinux()) {
            // Only the Linux recipe has been seen to work on CI; elsewhere a failed training must not cost the
            // installer. The image is left as it would be without this step (the launcher's options are only
            // changed once the archive passed its check).
            Files.deleteIfExists(cds.appDir().resolve(CLASS_LIST));
            Files.deleteIfExists(cds.appDir().resolve(ARCHIVE));
            System.out.println("installer: WARNING: AppCDS skipped after the failure above; the app starts more slowly");
            status = 0;
        }
        System.exit(status);
    }

    private int run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path launcher = launcher();
        Path appDir = appDir();
        Path cfg = appDir.resolve(name + ".cfg");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(cfg)) {
            return fail("no launcher " + launcher + " or no " + cfg);
        }
        List<String> display = displayWrapper();
        if (display == null) {
            System.out.println("installer: WARNING: AppCDS skipped: no display to train on (install xvfb, or set DISPLAY);"
                    + " the app starts without a class archive, about twice the CPU to its first frame");
            return 0;
        }

        // A todo makes the training show a filled list and the editor; the CLI needs no display.
        Path todos = scratch.resolve("data-todos");
        if (exec(List.of(launcher.toString(), "--data-dir", todos.toString(), "add", "Water the plants", "--due", "tomorrow"),
                Map.of(), "add a todo for training") == null) {
            return 1;
        }
        Set<String> classes = new LinkedHashSet<>();
        for (Path data : List.of(scratch.resolve("data-empty"), todos)) {
            Path list = scratch.resolve("classes-" + data.getFileName() + ".txt");
            List<String> cmd = new ArrayList<>(display);
            cmd.addAll(List.of(launcher.toString(), "--data-dir", data.toString(), "--exit-after-first-frame"));
            String out = exec(cmd, Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list), "training run");
            if (out == null) {
                return 1;
            }
            if (!Files.isRegularFile(list) || Files.size(list) == 0) {
                return fail("the training run wrote no class list:\n" + out);
            }
            if (!out.contains(FIRST_FRAME)) {
                // A GUI-subsystem launcher (Windows) may print nowhere we can read; its exit status still counts.
                System.out.println("installer: WARNING: AppCDS training printed no \"" + FIRST_FRAME + "\"");
            }
            classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
        }
        Path classList = appDir.resolve(CLASS_LIST);
        Files.write(classList, classes, StandardCharsets.UTF_8);

        Path archive = appDir.resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        // Warnings about classes the list names but the dump cannot archive (proxies, JFR events) are expected.
        String dump = exec(List.of(launcher.toString()), Map.of("JAVA_TOOL_OPTIONS",
                "-Xshare:dump -XX:SharedClassListFile=" + classList + " -XX:SharedArchiveFile=" + archive + " -Xlog:cds=error"),
                "archive dump");
        if (dump == null) {
            return 1;
        }
        if (!Files.isRegularFile(archive)) {
            return fail("the dump wrote no " + archive + ":\n" + dump);
        }
        List<String> cfgBefore = Files.readAllLines(cfg, StandardCharsets.UTF_8);
        addJavaOption(cfg, "-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
        // -Xshare:on fails instead of silently starting without the archive; --help needs no display.
        if (exec(List.of(launcher.toString(), "--help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "archive check") == null) {
            Files.write(cfg, cfgBefore, StandardCharsets.UTF_8);
            Files.deleteIfExists(archive);
            return 1;
        }
        System.out.printf(Locale.ROOT, "installer: AppCDS archive %s: %.1f MiB, %d classes, in %.1f s%n", archive,
                Files.size(archive) / (1024.0 * 1024.0), classes.stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The launcher's JVM options: appended to the [JavaOptions] section, which jpackage writes last. */
    private static void addJavaOption(Path cfg, String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        if (lines.stream().noneMatch(l -> l.strip().equals("[JavaOptions]"))) {
            lines.add("[JavaOptions]");
        } else if (!lines.get(lines.size() - 1).startsWith("java-options=")
                && !lines.get(lines.size() - 1).strip().equals("[JavaOptions]")) {
            throw new IOException(cfg + " has a section after [JavaOptions]; cannot add " + option);
        }
        lines.add(line);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    /** How to run a window: under a private Xvfb on Linux when there is one, else on the build machine's display. */
    private static List<String> displayWrapper() {
        if (!isLinux()) {
            return List.of();
        }
        if (onPath("xvfb-run")) {
            return List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24");
        }
        return System.getenv("DISPLAY") != null ? List.of() : null;
    }

    /** Runs a command with a scratch home (JavaFX and Java read user.home, not $HOME); null after a failure. */
    private String exec(List<String> cmd, Map<String, String> env, String what) throws IOException, InterruptedException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        e.remove("TANDEM_DATA_DIR");
        e.remove("JDK_JAVA_OPTIONS");
        e.putAll(env);
        e.merge("JAVA_TOOL_OPTIONS", "-Duser.home=" + home, (a, b) -> a + " " + b);
        Path log = Files.createTempFile(scratch, "exec", ".log");
        pb.redirectOutput(log.toFile());
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

    private Path launcher() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return image.resolve(name + ".exe");
        }
        return os.startsWith("mac") ? image.resolve("Contents/MacOS").resolve(name) : image.resolve("bin").resolve(name);
    }

    private Path appDir() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return image.resolve("app");
        }
        return os.startsWith("mac") ? image.resolve("Contents/app") : image.resolve("lib/app");
    }

    private static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int fail(String message) {
        System.err.println("installer: ERROR: AppCDS: " + message);
        return 1;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
