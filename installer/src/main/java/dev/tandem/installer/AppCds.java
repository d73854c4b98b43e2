package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>On a JDK 25 runtime the same training instead records an ahead-of-time cache ({@link #aotCache}).
 *
 * <p>Run by Packager: {@code java -cp CLASSES dev.tandem.installer.AppCds --image=DIR --name=Tandem}. Exit status 0
 * with "skipped" when there is no display to train on (Linux without xvfb-run or DISPLAY), 1 when a step failed on
 * Linux; on Windows and macOS a failure only warns, since no CI run has shown the training to work there yet.
 */
public final class AppCds {
    static final String ARCHIVE = "tandem.jsa";
    static final String AOT_CACHE = "tandem.aot";
    static final String CLASS_LIST = "tandem.classlist";
    private static final String FIRST_FRAME = "Tandem started: first frame shown";

    private final Os os;
    private final Path image;
    private final String name;
    private final Path scratch;
    private final ProcessRunner runner;

    private AppCds(Path image, String name) throws IOException {
        this.os = Os.current();
        this.image = image;
        this.name = name;
        this.scratch = Files.createTempDirectory("tandem-cds");
        this.runner = new ProcessRunner(scratch, "AppCDS");
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
            FileOps.deleteTree(cds.scratch);
        }
        if (status != 0 && cds.os != Os.LINUX) {
            // Only the Linux recipe has been seen to work on CI; elsewhere a failed training must not cost the
            // installer. The image is left as it would be without this step (the launcher's options are only
            // changed once the archive passed its check).
            Files.deleteIfExists(cds.appDir().resolve(CLASS_LIST));
            Files.deleteIfExists(cds.appDir().resolve(ARCHIVE));
            Files.deleteIfExists(cds.appDir().resolve(AOT_CACHE));
            System.out.println("installer: WARNING: AppCDS skipped after the failure above; the app starts more slowly");
            status = 0;
        }
        System.exit(status);
    }

    private int run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path launcher = os.launcher(image, name);
        Path appDir = appDir();
        Path cfg = appDir.resolve(name + ".cfg");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(cfg)) {
            return runner.fail("no launcher " + launcher + " or no " + cfg);
        }
        List<String> display = displayWrapper();
        if (display == null) {
            System.out.println("installer: WARNING: AppCDS skipped: no display to train on (install xvfb, or set DISPLAY);"
                    + " the app starts without a class archive, about twice the CPU to its first frame");
            return 0;
        }

        // A todo makes the training show a filled list and the editor; the CLI needs no display.
        Path todos = scratch.resolve("data-todos");
        if (runner.run(List.of(launcher.toString(), "--data-dir", todos.toString(), "add", "Water the plants", "--due", "tomorrow"),
                Map.of(), "add a todo for training") == null) {
            return 1;
        }
        if (RuntimeJdk.ofImage(os, image) >= RuntimeJdk.AOT_FEATURE) {
            return aotCache(launcher, cfg, display, todos, start);
        }
        Set<String> classes = new LinkedHashSet<>();
        for (Path data : List.of(scratch.resolve("data-empty"), todos)) {
            Path list = scratch.resolve("classes-" + data.getFileName() + ".txt");
            List<String> cmd = new ArrayList<>(display);
            cmd.addAll(List.of(launcher.toString(), "--data-dir", data.toString(), "--exit-after-first-frame"));
            String out = runner.run(cmd, Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list), "training run");
            if (out == null) {
                return 1;
            }
            if (!Files.isRegularFile(list) || Files.size(list) == 0) {
                return runner.fail("the training run wrote no class list:\n" + out);
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
        String dump = runner.run(List.of(launcher.toString()), Map.of("JAVA_TOOL_OPTIONS",
                "-Xshare:dump -XX:SharedClassListFile=" + classList + " -XX:SharedArchiveFile=" + archive + " -Xlog:cds=error"),
                "archive dump");
        if (dump == null) {
            return 1;
        }
        if (!Files.isRegularFile(archive)) {
            return runner.fail("the dump wrote no " + archive + ":\n" + dump);
        }
        LauncherConfig config = new LauncherConfig(cfg);
        config.addJavaOption("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
        // -Xshare:on fails instead of silently starting without the archive; --help needs no display.
        if (runner.run(List.of(launcher.toString(), "--help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "archive check") == null) {
            config.restore();
            Files.deleteIfExists(archive);
            return 1;
        }
        ClassLists.report("AppCDS archive", archive, classes, start);
        return 0;
    }

    /**
     * On JDK 25 and later: one training run on the profile with a todo, recorded into an ahead-of-time cache
     * (lib/app/tandem.aot). The cache holds the classes loaded and linked ({@link AotCaches}); it cannot merge runs, and the profile with a todo loads what the empty one does but the
     * schema's creation. Unlike JDK 17's archive it is still used where the image is moved (the .deb's /opt/tandem),
     * so nothing is made again at install.
     */
    private int aotCache(Path launcher, Path cfg, List<String> display, Path todos, long start)
            throws IOException, InterruptedException {
        Path cache = appDir().resolve(AOT_CACHE);
        List<String> cmd = new ArrayList<>(display);
        cmd.addAll(List.of(launcher.toString(), "--data-dir", todos.toString(), "--exit-after-first-frame"));
        if (!AotCaches.make(runner, cmd, Map.of(), List.of(launcher.toString()), cache)) {
            return 1;
        }
        LauncherConfig config = new LauncherConfig(cfg);
        config.addJavaOption("-XX:AOTCache=$APPDIR/" + AOT_CACHE);
        // -XX:AOTMode=on fails instead of silently starting without the cache; --help needs no display.
        if (runner.run(List.of(launcher.toString(), "--help"), Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"), "cache check") == null) {
            config.restore();
            Files.deleteIfExists(cache);
            return 1;
        }
        ClassLists.reportCache("ahead-of-time cache", cache, start);
        return 0;
    }

    private Path appDir() {
        return os.appDir(image);
    }

    /** How to run a window: under a private Xvfb on Linux when there is one, else on the build machine's display. */
    private List<String> displayWrapper() {
        if (os != Os.LINUX) {
            return List.of();
        }
        if (FileOps.onPath("xvfb-run").isPresent()) {
            return List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24");
        }
        return System.getenv("DISPLAY") != null ? List.of() : null;
    }
}
