import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds Tandem's app image and native installer with jpackage: a trimmed runtime (JavaFX linked from the module
 * path, JDK modules checked against jdeps), the launcher, then a .deb, .msi or .dmg made from that same image.
 *
 * <p>Run by installer/pom.xml ({@code mvn -Pinstaller -DskipTests package}), which first copies the app's jars,
 * the JavaFX jars and the icons into target/jpackage. A single-file Java program rather than a shell script so the
 * same recipe runs unchanged on the Linux, Windows and macOS CI runners ({@code java Packager.java --key=value ...}).
 */
public final class Packager {

    private enum Os { LINUX, WINDOWS, MAC }

    /** A problem the person running the build can fix; printed without a stack trace. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private final Map<String, String> opts;
    private final Os os;

    private Packager(Map<String, String> opts) {
        this.opts = opts;
        this.os = detectOs();
    }

    public static void main(String[] args) {
        try {
            new Packager(parse(args)).run();
        } catch (Failure e) {
            System.err.println("installer: ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        long start = System.nanoTime();
        String type = opt("type");
        Set<String> types = switch (os) {
            // rpm would need its own dependency names (gtk3, not libgtk-3-0); nobody has asked for it yet.
            case LINUX -> Set.of("app-image", "deb");
            case WINDOWS -> Set.of("app-image", "msi", "exe");
            case MAC -> Set.of("app-image", "dmg", "pkg");
        };
        if (!types.contains(type)) {
            throw new Failure("--type=" + type + " cannot be built on " + os + "; choose one of " + new TreeSet<>(types));
        }

        Path input = existingDir("input");
        Path work = Paths.get(opt("work"));
        Path dest = Paths.get(opt("dest"));
        Path mainJar = input.resolve(opt("main-jar"));
        if (!Files.isRegularFile(mainJar)) {
            throw new Failure("main jar " + mainJar + " is missing: did the app module build? (mvn -Pinstaller package builds it)");
        }
        Path icon = icon();
        List<Path> appJars = jarsIn(input);
        List<Path> javafxModules = javafxModules(existingDir("javafx"));
        Set<String> javafxNames = moduleNames(javafxModules);
        List<String> jdkModules = splitList(opt("jdk-modules"), ",");
        List<String> roots = new ArrayList<>(jdkModules);
        roots.addAll(javafxNames);

        String pomVersion = opt("pom-version");
        String fileVersion = numericVersion(pomVersion);
        String version = appVersion(fileVersion);
        System.out.println("installer: " + opt("name") + " " + pomVersion + " -> app version " + version + " on " + os);
        System.out.println("installer: JavaFX modules from the app's dependencies: " + javafxNames);

        checkModulesAgainstJdeps(roots, asClassPathJars(appJars, work.resolve("jdeps")), javafxModules);

        // jpackage refuses to write over an existing app image (and an old installer next to a new one would mislead).
        Path imageDest = work.resolve("image");
        deleteTree(imageDest);

        long imageStart = System.nanoTime();
        List<String> image = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", imageDest.toString(),
                "--input", input.toString(),
                "--main-jar", mainJar.getFileName().toString(),
                "--main-class", opt("main-class"),
                "--module-path", javafxModules.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "--add-modules", String.join(",", roots),
                "--jlink-options", String.join(" ", jlinkOptions())));
        for (String javaOption : splitList(opts.getOrDefault("java-options", ""), "\\s+")) {
            image.add("--java-options");
            image.add(javaOption);
        }
        image.addAll(commonOptions(version, icon));
        image.addAll(List.of("--add-launcher", opt("cli-name") + "=" + cliLauncherProperties(work)));
        if (os == Os.MAC) {
            image.addAll(List.of("--mac-package-identifier", opt("mac-bundle-id"), "--mac-package-name", opt("name")));
        }
        jpackage(image);
        Path appImage = imageDest.resolve(os == Os.MAC ? opt("name") + ".app" : opt("name"));
        if (!Files.isDirectory(appImage)) {
            throw new Failure("jpackage reported success but " + appImage + " does not exist");
        }
        double imageSeconds = seconds(imageStart);
        System.out.printf(Locale.ROOT, "installer: app image %s: %.1f MiB in %.1f s%n", appImage, megabytes(appImage), imageSeconds);
        System.out.println("installer: launcher " + launcher(appImage));
        System.out.println("installer: command-line launcher " + launcher(appImage, opt("cli-name")));
        if (Boolean.parseBoolean(opts.getOrDefault("cds", "true"))) {
            tool("the AppCDS archive", opt("cds-tool"), "--image=" + appImage, "--name=" + opt("name"));
            tool("the command line's AppCDS archive", opt("cli-cds-tool"), "--image=" + appImage,
                    "--launcher=" + opt("cli-name"), "--s3proxy=" + opts.getOrDefault("s3proxy", ""));
        }

        if (!type.equals("app-image")) {
            deleteTree(dest);
            long packageStart = System.nanoTime();
            List<String> pkg = new ArrayList<>(List.of(
                    "--type", type,
                    "--app-image", appImage.toString(),
                    "--dest", dest.toString()));
            pkg.addAll(commonOptions(version, icon));
            pkg.addAll(packageOptions());
            jpackage(pkg);
            List<Path> produced = filesIn(dest);
            if (produced.isEmpty()) {
                throw new Failure("jpackage reported success but wrote nothing to " + dest);
            }
            for (Path file : produced) {
                Path named = file;
                if (!version.equals(fileVersion)) {
                    // The file name carries the real version even where the bundle version had to be raised.
                    named = file.resolveSibling(file.getFileName().toString().replace(version, fileVersion));
                    move(file, named);
                }
                System.out.printf(Locale.ROOT, "installer: %s: %.1f MiB in %.1f s%n", named, megabytes(named), seconds(packageStart));
            }
        }
        System.out.printf(Locale.ROOT, "installer: done in %.1f s%n", seconds(start));
    }

    // ---- jpackage options ------------------------------------------------------------------------------------

    /** Options that both the image and the installer step take; the installer step re-reads them for its metadata. */
    private List<String> commonOptions(String version, Path icon) {
        List<String> common = new ArrayList<>(List.of(
                "--name", opt("name"),
                "--app-version", version,
                "--vendor", opt("vendor"),
                "--description", opt("description"),
                "--icon", icon.toString()));
        // Overrides of jpackage's templates (the deb's maintainer scripts, the .desktop file), per OS.
        Path resources = Paths.get(opt("resources")).resolve(os.name().toLowerCase(Locale.ROOT));
        if (Files.isDirectory(resources)) {
            common.addAll(List.of("--resource-dir", resources.toString()));
        }
        if (Boolean.parseBoolean(opts.getOrDefault("verbose", "false"))) {
            common.add("--verbose");
        }
        return common;
    }

    private List<String> jlinkOptions() {
        List<String> jlink = new ArrayList<>();
        if (os == Os.LINUX) {
            // jlink's --strip-debug would pick whatever objcopy is first on PATH and cannot be combined with an
            // explicit one, so spell it out as its two halves.
            jlink.add("--strip-java-debug-attributes");
            jlink.add("--strip-native-debug-symbols=objcopy=" + objcopy());
        } else {
            // On Windows and macOS jlink has no native stripping plugin; this strips Java debug attributes only.
            jlink.add("--strip-debug");
        }
        // --compress=2 (zip) takes the app image from 138 to 92 MiB on Linux; time to first frame did not grow.
        // --strip-native-commands drops bin/java and friends: the launcher loads the JVM library directly.
        jlink.addAll(List.of("--no-man-pages", "--no-header-files", "--strip-native-commands", "--compress=2"));
        return jlink;
    }

    private List<String> packageOptions() {
        return switch (os) {
            case LINUX -> List.of(
                    "--linux-package-name", opt("linux-package-name"),
                    "--linux-package-deps", opt("linux-deps"),
                    "--linux-shortcut",
                    "--linux-menu-group", opt("linux-menu-group"),
                    "--linux-app-category", opt("linux-category"));
            case WINDOWS -> List.of(
                    "--win-upgrade-uuid", opt("win-upgrade-uuid"),
                    "--win-menu",
                    "--win-menu-group", opt("name"),
                    "--win-shortcut",
                    "--win-dir-chooser");
            case MAC -> List.of(
                    "--mac-package-identifier", opt("mac-bundle-id"),
                    "--mac-package-name", opt("name"));
        };
    }

    private Path icon() {
        Path dir = existingDir("icons");
        Path icon = dir.resolve(switch (os) {
            case LINUX -> "app-icon.png";
            case WINDOWS -> "app-icon.ico";
            case MAC -> "app-icon.icns";
        });
        if (!Files.isRegularFile(icon)) {
            throw new Failure("icon " + icon + " is missing; see docs/INSTALL.md, \"App icon\"");
        }
        return icon;
    }

    private static String objcopy() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, "objcopy");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new Failure("objcopy not found on PATH; it strips the runtime's native libraries. Install binutils (apt-get install binutils).");
    }

    private Path launcher(Path appImage) {
        return launcher(appImage, opt("name"));
    }

    private Path launcher(Path appImage, String name) {
        return switch (os) {
            case LINUX -> appImage.resolve("bin").resolve(name);
            case WINDOWS -> appImage.resolve(name + ".exe");
            case MAC -> appImage.resolve("Contents/MacOS").resolve(name);
        };
    }

    /**
     * The command line's own launcher: the same jars, main class and options as the app's, so the CLI works as
     * before, but its own configuration, which names the command line's class archive (CliCds.java) instead of the
     * window's. A console program on Windows, where the app's launcher has no console to print to.
     */
    private Path cliLauncherProperties(Path work) {
        Path file = work.resolve(opt("cli-name") + ".properties");
        try {
            Files.write(file, List.of("main-class=" + opt("main-class"), "win-console=true", "linux-shortcut=false",
                    "win-shortcut=false", "win-menu=false"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": " + e);
        }
        return file;
    }

    /** A class archive, made by a program of its own (AppCds.java, CliCds.java): training runs the built app. */
    private void tool(String what, String... toolAndArgs) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(toolAndArgs));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new Failure(what + " could not be made (see above); -Dinstaller.cds=false builds without class archives");
            }
        } catch (IOException e) {
            throw new Failure("cannot run " + cmd + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while making " + what);
        }
    }

    // ---- versions ----------------------------------------------------------------------------------------------

    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** jpackage accepts only numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    private String numericVersion(String pomVersion) {
        Matcher m = LEADING_NUMBERS.matcher(pomVersion);
        if (!m.find()) {
            throw new Failure("project version " + pomVersion + " does not start with a number; jpackage needs MAJOR.MINOR.PATCH");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (os == Os.WINDOWS && (major > 255 || minor > 255 || patch > 65535)) {
            throw new Failure("MSI versions allow at most 255.255.65535, not " + pomVersion);
        }
        return major + "." + minor + "." + patch;
    }

    /**
     * jpackage on macOS refuses a bundle version that starts with 0. While Tandem is 0.x the .app says 1.x.y (x.y
     * kept so builds stay ordered) and the .dmg's file name keeps the real 0.x.y. Other systems get the version as is.
     */
    private String appVersion(String numericVersion) {
        if (os == Os.MAC && numericVersion.startsWith("0.")) {
            String raised = "1" + numericVersion.substring(1);
            System.out.println("installer: WARNING: macOS needs a version >= 1, so the .app's bundle version is " + raised);
            return raised;
        }
        return numericVersion;
    }

    // ---- modules -----------------------------------------------------------------------------------------------

    /** The JavaFX jars that are real modules; the classifier-less ones Maven also resolves are empty placeholders. */
    private static List<Path> javafxModules(Path dir) {
        List<Path> modules = new ArrayList<>();
        for (Path jar : jarsIn(dir)) {
            boolean explicit = ModuleFinder.of(jar).findAll().stream()
                    .anyMatch(ref -> !ref.descriptor().isAutomatic());
            if (explicit) {
                modules.add(jar);
            }
        }
        if (modules.isEmpty()) {
            throw new Failure("no JavaFX module jars in " + dir + "; does the app still depend on javafx-controls?");
        }
        return modules;
    }

    private static Set<String> moduleNames(List<Path> jars) {
        return ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .map(ref -> ref.descriptor().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Fails when jdeps finds that the packaged jars use a module the runtime would not contain. Modules that are
     * only reached by reflection or as service providers (the EC crypto provider, locale data) are invisible to
     * jdeps, which is why the list lives in the POM instead of being jdeps' output.
     */
    private static void checkModulesAgainstJdeps(List<String> roots, List<Path> appJars, List<Path> javafxModules) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new Failure("jdeps is missing: run Maven with a full JDK 17, not a JRE"));
        List<String> args = new ArrayList<>(List.of(
                "--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps",
                "--print-module-deps",
                "--module-path", javafxModules.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        appJars.forEach(jar -> args.add(jar.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new Failure("jdeps could not analyse the app's jars: " + e);
        }
        if (status != 0) {
            throw new Failure("jdeps failed (" + status + "):\n" + out + err);
        }
        // The answer is the last line: module names separated by commas. Warnings come before it.
        String[] lines = out.toString().strip().split("\\R");
        Set<String> needed = new TreeSet<>(splitList(lines[lines.length - 1], ","));

        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(javafxModules.toArray(Path[]::new)));
        Set<String> linked;
        try {
            // Resolve without binding services, exactly as jlink does by default.
            linked = Configuration.empty().resolve(finder, ModuleFinder.of(), roots).modules().stream()
                    .map(ResolvedModule::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (FindException e) {
            throw new Failure("installer.jdkModules names a module this JDK does not have: " + e.getMessage());
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(linked);
        System.out.println("installer: jdeps says the jars need " + needed);
        if (!missing.isEmpty()) {
            throw new Failure("jdeps finds the app uses " + missing + ", which the runtime would not contain. "
                    + "Add them to installer.jdkModules in installer/pom.xml (with the reason).");
        }
        System.out.println("installer: runtime modules " + linked);
    }

    /**
     * The app's jars as the launcher uses them: on the class path. jdeps analyses a jar that contains a
     * module-info.class as a module and then insists on resolving its requires (the engine requires the AWS SDK,
     * whose jars are not modules), so it gets copies of those jars without their module descriptors.
     */
    private static List<Path> asClassPathJars(List<Path> jars, Path dir) {
        deleteTree(dir);
        List<Path> result = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Path jar : jars) {
                boolean modular;
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    modular = zip.stream().anyMatch(e -> isModuleDescriptor(e.getName()));
                }
                if (!modular) {
                    result.add(jar);
                    continue;
                }
                Path copy = dir.resolve(jar.getFileName());
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
                    for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                        if (!isModuleDescriptor(entry.getName())) {
                            out.putNextEntry(new ZipEntry(entry.getName()));
                            in.transferTo(out);
                            out.closeEntry();
                        }
                    }
                }
                result.add(copy);
            }
        } catch (IOException e) {
            throw new Failure("cannot prepare the jars for jdeps in " + dir + ": " + e);
        }
        return result;
    }

    private static boolean isModuleDescriptor(String entryName) {
        return entryName.equals("module-info.class")
                || (entryName.startsWith("META-INF/versions/") && entryName.endsWith("/module-info.class"));
    }

    // ---- tools and files ---------------------------------------------------------------------------------------

    private static void jpackage(List<String> args) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new Failure("jpackage is missing: run Maven with a full JDK 17 (jdk.jpackage module)"));
        System.out.println("installer: jpackage " + args.stream().map(Packager::quote).collect(Collectors.joining(" ")));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = jpackage.run(out, err, args.toArray(String[]::new));
        if (status != 0) {
            throw new Failure("jpackage failed with status " + status + " (rerun with -Dinstaller.verbose=true for details)");
        }
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.contains(" ") ? "'" + arg + "'" : arg;
    }

    private Path existingDir(String key) {
        Path dir = Paths.get(opt(key));
        if (!Files.isDirectory(dir)) {
            throw new Failure("--" + key + " directory " + dir + " does not exist; run through Maven: mvn -Pinstaller -DskipTests package");
        }
        return dir;
    }

    private static List<Path> jarsIn(Path dir) {
        return filesIn(dir).stream().filter(p -> p.getFileName().toString().endsWith(".jar")).collect(Collectors.toList());
    }

    private static List<Path> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new Failure("cannot delete " + root + ": " + e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new Failure("cannot rename " + from + " to " + to + ": " + e);
        }
    }

    private static double megabytes(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            long bytes = paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return bytes / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Os detectOs() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac")) {
            return Os.MAC;
        }
        if (name.startsWith("linux")) {
            return Os.LINUX;
        }
        throw new Failure("no installer recipe for " + System.getProperty("os.name"));
    }

    // ---- arguments ---------------------------------------------------------------------------------------------

    private String opt(String key) {
        String value = opts.get(key);
        if (value == null || value.isBlank()) {
            throw new Failure("missing --" + key + "=...; run through Maven: mvn -Pinstaller -DskipTests package");
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new Failure("expected --key=value, got " + arg);
            }
            opts.put(arg.substring(2, eq), arg.substring(eq + 1).strip());
        }
        return opts;
    }

    private static List<String> splitList(String value, String separatorRegex) {
        return Arrays.stream(value.strip().split(separatorRegex))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }
}
