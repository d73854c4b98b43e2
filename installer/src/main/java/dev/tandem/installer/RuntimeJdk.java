package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK whose jpackage and jlink make the image, and so whose runtime the installed app runs on
 * (docs/PERFORMANCE.md, "Which runtime, which JIT").
 *
 * <p>From JDK 25 on, the image carries an ahead-of-time cache per launcher instead of a class archive: classes
 * loaded and linked ahead (JEPs 483, 514, 515). With them the window starts in four fifths of JDK 17's time and
 * every command as fast or faster; both launchers keep C1 only, as on JDK 17. On JDK 17 the image is built as
 * before, with class archives.
 *
 * <p>{@code auto} takes the newest JDK of at least {@value #AOT_FEATURE} installed beside the one running Maven
 * (under /usr/lib/jvm on Debian, where Temurin's package puts it) and falls back to the running JDK, so a machine
 * without one still builds an image. A directory names the JDK outright.
 */
record RuntimeJdk(Path home, int feature) {
    /** The first JDK whose ahead-of-time cache the image uses. */
    static final int AOT_FEATURE = 25;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** {@code auto} or a JDK's directory. */
    static RuntimeJdk resolve(String choice) {
        Path running = Paths.get(System.getProperty("java.home"));
        if (!choice.equals("auto")) {
            Path home = Paths.get(choice);
            int feature = featureOf(home.resolve("release"))
                    .orElseThrow(() -> new Failure("--runtime-jdk=" + choice + " is not a JDK (no release file naming its version)"));
            if (!Files.isExecutable(tool(home, "jpackage"))) {
                throw new Failure("--runtime-jdk=" + choice + " has no bin/jpackage");
            }
            return new RuntimeJdk(home, feature);
        }
        RuntimeJdk own = new RuntimeJdk(running, Runtime.version().feature());
        if (own.feature >= AOT_FEATURE || running.getParent() == null) {
            return own;
        }
        try (Stream<Path> siblings = list(running.getParent())) {
            return siblings.filter(dir -> Files.isExecutable(tool(dir, "jpackage")))
                    .flatMap(dir -> featureOf(dir.resolve("release")).map(f -> new RuntimeJdk(dir, f)).stream())
                    .filter(jdk -> jdk.feature >= AOT_FEATURE)
                    .max(Comparator.comparingInt(RuntimeJdk::feature).thenComparing(jdk -> jdk.home.toString()))
                    .orElse(own);
        }
    }

    /** The JDK version of an app image's runtime, from its release file; 0 when it cannot be read. */
    static int ofImage(Os os, Path image) {
        return featureOf(os.runtimeRelease(image)).orElse(0);
    }

    /** True when the image carries ahead-of-time caches (and the launchers run the full JIT). */
    boolean aotCache() {
        return feature >= AOT_FEATURE;
    }

    /** True when this is the JDK running the build, whose tools run in-process. */
    boolean isRunning() {
        return home.toAbsolutePath().normalize().equals(Paths.get(System.getProperty("java.home")).toAbsolutePath().normalize());
    }

    Path tool(String name) {
        return tool(home, name);
    }

    private static Path tool(Path home, String name) {
        Path bin = home.resolve("bin");
        Path exe = bin.resolve(name + ".exe");
        return Files.exists(exe) ? exe : bin.resolve(name);
    }

    static Optional<Integer> featureOf(Path release) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The directory's entries; none when it cannot be read (the running JDK is then the one). */
    private static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList().stream();
        } catch (IOException e) {
            System.out.println("installer: cannot look for a JDK " + AOT_FEATURE + " in " + dir + " (" + e + ")");
            return Stream.empty();
        }
    }
}
