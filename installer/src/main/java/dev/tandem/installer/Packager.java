package dev.tandem.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds Tandem's app image and native installer with jpackage: a trimmed runtime (JavaFX linked from the module
 * path, JDK modules checked against jdeps), the launchers and their class archives, then a .deb, .msi or .dmg made
 * from that same image.
 *
 * <p>Run by installer/pom.xml ({@code mvn -Pinstaller -DskipTests package}), which first copies the app's jars,
 * the JavaFX jars and the icons into target/jpackage, compiles this package and then runs
 * {@code java -cp target/classes dev.tandem.installer.Packager --key=value ...}. Java rather than a shell script so
 * the same recipe runs unchanged on the Linux, Windows and macOS CI runners.
 */
public final class Packager {
    private final Options opts;
    private final Os os;
    private final RuntimeJdk jdk;
    private final Jpackage jpackage;

    private Packager(Options opts) {
        this.opts = opts;
        this.os = Os.current();
        this.jdk = RuntimeJdk.resolve(opts.getOrDefault("runtime-jdk", "auto"));
        this.jpackage = new Jpackage(opts, os, jdk);
    }

    public static void main(String[] args) {
        try {
            new Packager(Options.parse(args)).run();
        } catch (Failure e) {
            System.err.println("installer: ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        long start = System.nanoTime();
        String type = opts.get("type");
        Set<String> types = switch (os) {
            // rpm would need its own dependency names (gtk3, not libgtk-3-0); nobody has asked for it yet.
            case LINUX -> Set.of("app-image", "deb");
            case WINDOWS -> Set.of("app-image", "msi", "exe");
            case MAC -> Set.of("app-image", "dmg", "pkg");
        };
        if (!types.contains(type)) {
            throw new Failure("--type=" + type + " cannot be built on " + os + "; choose one of " + new TreeSet<>(types));
        }

        Path input = opts.existingDir("input");
        Path work = Paths.get(opts.get("work"));
        Path dest = Paths.get(opts.get("dest"));
        Path mainJar = input.resolve(opts.get("main-jar"));
        if (!Files.isRegularFile(mainJar)) {
            throw new Failure("main jar " + mainJar + " is missing: did the app module build? (mvn -Pinstaller package builds it)");
        }
        Path icon = jpackage.icon();
        List<Path> appJars = FileOps.jarsIn(input);
        List<Path> javafxModules = ModuleCheck.javafxModules(opts.existingDir("javafx"));
        Set<String> javafxNames = ModuleCheck.moduleNames(javafxModules);
        List<String> jdkModules = Options.splitList(opts.get("jdk-modules"), ",");
        List<String> roots = new ArrayList<>(jdkModules);
        roots.addAll(javafxNames);

        String pomVersion = opts.get("pom-version");
        String fileVersion = Versions.numeric(pomVersion, os);
        String version = Versions.forApp(fileVersion, os);
        System.out.println("installer: " + opts.get("name") + " " + pomVersion + " -> app version " + version + " on " + os);
        System.out.println("installer: JavaFX modules from the app's dependencies: " + javafxNames);
        System.out.println("installer: runtime from JDK " + jdk.feature() + " at " + jdk.home() + (jdk.aotCache()
                ? ": ahead-of-time caches" : ": class archives (a JDK " + RuntimeJdk.AOT_FEATURE
                + " beside it would give ahead-of-time caches, a fifth faster to start)"));

        ModuleCheck.checkAgainstJdeps(roots, ClassPathJars.of(appJars, work.resolve("jdeps")), javafxModules);

        // jpackage refuses to write over an existing app image (and an old installer next to a new one would mislead).
        Path imageDest = work.resolve("image");
        FileOps.deleteTree(imageDest);

        long imageStart = System.nanoTime();
        List<String> image = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", imageDest.toString(),
                "--input", input.toString(),
                "--main-jar", mainJar.getFileName().toString(),
                "--main-class", opts.get("main-class"),
                "--module-path", ModuleCheck.modulePath(javafxModules),
                "--add-modules", String.join(",", roots),
                "--jlink-options", String.join(" ", jpackage.jlinkOptions())));
        String javaOptions = opts.getOrDefault(jdk.aotCache() ? "java-options-aot" : "java-options", "");
        for (String javaOption : Options.splitList(javaOptions, "\\s+")) {
            image.add("--java-options");
            image.add(javaOption);
        }
        image.addAll(jpackage.commonOptions(version, icon));
        image.addAll(List.of("--add-launcher", opts.get("cli-name") + "=" + jpackage.cliLauncherProperties(work)));
        if (os == Os.MAC) {
            image.addAll(List.of("--mac-package-identifier", opts.get("mac-bundle-id"), "--mac-package-name", opts.get("name")));
        }
        jpackage.run(image);
        Path appImage = imageDest.resolve(os == Os.MAC ? opts.get("name") + ".app" : opts.get("name"));
        if (!Files.isDirectory(appImage)) {
            throw new Failure("jpackage reported success but " + appImage + " does not exist");
        }
        double imageSeconds = FileOps.seconds(imageStart);
        System.out.printf(Locale.ROOT, "installer: app image %s: %.1f MiB in %.1f s%n", appImage, FileOps.megabytes(appImage), imageSeconds);
        if (os == Os.LINUX) {
            try {
                ShellLaunchers.install(appImage, List.of(opts.get("name"), opts.get("cli-name")));
            } catch (IOException e) {
                throw new Failure("cannot put the launcher scripts in " + appImage + ": " + e);
            }
        }
        System.out.println("installer: launcher " + os.launcher(appImage, opts.get("name")));
        System.out.println("installer: command-line launcher " + os.launcher(appImage, opts.get("cli-name")));
        if (jdk.aotCache()) {
            // The command line's own JIT: its commands last a third of a second, the window, the server and the agent
            // all day (PERFORMANCE.md, "Which runtime, which JIT").
            Path cfg = os.appDir(appImage).resolve(opts.get("cli-name") + ".cfg");
            try {
                LauncherConfig cli = new LauncherConfig(cfg);
                for (String option : Options.splitList(opts.getOrDefault("cli-java-options-aot", ""), "\\s+")) {
                    cli.addJavaOption(option);
                }
            } catch (IOException e) {
                throw new Failure("cannot add the command line's options to " + cfg + ": " + e);
            }
        }
        if (opts.flag("cds", true)) {
            tool(jdk.aotCache() ? "the window's ahead-of-time cache" : "the AppCDS archive", AppCds.class, "--image=" + appImage, "--name=" + opts.get("name"));
            tool(jdk.aotCache() ? "the command line's ahead-of-time cache" : "the command line's AppCDS archive", CliCds.class, "--image=" + appImage,
                    "--launcher=" + opts.get("cli-name"), "--s3proxy=" + opts.getOrDefault("s3proxy", ""));
        }

        if (!type.equals("app-image")) {
            FileOps.deleteTree(dest);
            long packageStart = System.nanoTime();
            List<String> pkg = new ArrayList<>(List.of(
                    "--type", type,
                    "--app-image", appImage.toString(),
                    "--dest", dest.toString()));
            pkg.addAll(jpackage.commonOptions(version, icon));
            pkg.addAll(jpackage.packageOptions());
            jpackage.run(pkg);
            List<Path> produced = FileOps.filesIn(dest);
            if (produced.isEmpty()) {
                throw new Failure("jpackage reported success but wrote nothing to " + dest);
            }
            for (Path file : produced) {
                Path named = file;
                if (!version.equals(fileVersion)) {
                    // The file name carries the real version even where the bundle version had to be raised.
                    named = file.resolveSibling(file.getFileName().toString().replace(version, fileVersion));
                    FileOps.move(file, named);
                }
                System.out.printf(Locale.ROOT, "installer: %s: %.1f MiB in %.1f s%n", named, FileOps.megabytes(named),
                        FileOps.seconds(packageStart));
            }
        }
        System.out.printf(Locale.ROOT, "installer: done in %.1f s%n", FileOps.seconds(start));
    }

    /**
     * A class archive, made by its trainer ({@link AppCds}, {@link CliCds}) in a JVM of its own, from the classes in
     * {@code --cds-classes}: a trainer is a program in its own right (app/tandem runs CliCds without Packager), and
     * its verdict is its exit status, which on Windows and macOS forgives a failed training.
     */
    private void tool(String what, Class<?> trainer, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", opts.get("cds-classes"), trainer.getName()));
        cmd.addAll(List.of(args));
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
}
