package dev.tandem.installer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/** jpackage, and the options this build gives it on each system (the values come from installer/pom.xml). */
final class Jpackage {
    private final Options opts;
    private final Os os;
    private final RuntimeJdk jdk;

    Jpackage(Options opts, Os os, RuntimeJdk jdk) {
        this.opts = opts;
        this.os = os;
        this.jdk = jdk;
    }

    /**
     * Runs the runtime JDK's jpackage, printing the arguments first so a failed build can be repeated by hand: in this
     * JVM when that JDK runs the build, else as a process of its own (a tool links the runtime of its own JDK).
     */
    void run(List<String> args) {
        System.out.println("installer: " + jdk.tool("jpackage") + " " + args.stream().map(Jpackage::quote).collect(Collectors.joining(" ")));
        int status;
        if (jdk.isRunning()) {
            ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                    .orElseThrow(() -> new Failure("jpackage is missing: run Maven with a full JDK 17 (jdk.jpackage module)"));
            status = jpackage.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args.toArray(String[]::new));
        } else {
            List<String> cmd = new ArrayList<>(List.of(jdk.tool("jpackage").toString()));
            cmd.addAll(args);
            try {
                status = new ProcessBuilder(cmd).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new Failure("cannot run " + cmd.get(0) + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while jpackage ran");
            }
        }
        if (status != 0) {
            throw new Failure("jpackage failed with status " + status + " (rerun with -Dinstaller.verbose=true for details)");
        }
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.contains(" ") ? "'" + arg + "'" : arg;
    }

    /** Options that both the image and the installer step take; the installer step re-reads them for its metadata. */
    List<String> commonOptions(String version, Path icon) {
        List<String> common = new ArrayList<>(List.of(
                "--name", opts.get("name"),
                "--app-version", version,
                "--vendor", opts.get("vendor"),
                "--description", opts.get("description"),
                "--icon", icon.toString()));
        // Overrides of jpackage's templates (the deb's maintainer scripts, the .desktop file), per OS.
        Path resources = Paths.get(opts.get("resources")).resolve(os.name().toLowerCase(Locale.ROOT));
        if (Files.isDirectory(resources)) {
            common.addAll(List.of("--resource-dir", resources.toString()));
        }
        if (opts.flag("verbose", false)) {
            common.add("--verbose");
        }
        return common;
    }

    List<String> jlinkOptions() {
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
        // Zip compression takes the app image from 138 to 92 MiB on Linux; time to first frame did not grow. JDK 21
        // renamed "2" to "zip-6". --strip-native-commands drops bin/java and friends: jpackage's launchers load the
        // JVM library directly. Linux keeps bin/java, which its launcher scripts start (ShellLaunchers removes the
        // other commands).
        jlink.addAll(List.of("--no-man-pages", "--no-header-files",
                jdk.feature() >= 21 ? "--compress=zip-6" : "--compress=2"));
        if (os != Os.LINUX) {
            jlink.add("--strip-native-commands");
        }
        return jlink;
    }

    /** The installer step's own options: the package's name, dependencies and menu entries. */
    List<String> packageOptions() {
        return switch (os) {
            case LINUX -> List.of(
                    "--linux-package-name", opts.get("linux-package-name"),
                    "--linux-package-deps", opts.get("linux-deps"),
                    "--linux-shortcut",
                    "--linux-menu-group", opts.get("linux-menu-group"),
                    "--linux-app-category", opts.get("linux-category"));
            case WINDOWS -> List.of(
                    "--win-upgrade-uuid", opts.get("win-upgrade-uuid"),
                    "--win-menu",
                    "--win-menu-group", opts.get("name"),
                    "--win-shortcut",
                    "--win-dir-chooser");
            case MAC -> List.of(
                    "--mac-package-identifier", opts.get("mac-bundle-id"),
                    "--mac-package-name", opts.get("name"));
        };
    }

    /** Each system's installer wants the icon in its own format; all three come from the ui-resources jar. */
    Path icon() {
        Path dir = opts.existingDir("icons");
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
        return FileOps.onPath("objcopy").map(Path::toString).orElseThrow(() -> new Failure(
                "objcopy not found on PATH; it strips the runtime's native libraries. Install binutils (apt-get install binutils)."));
    }

    /**
     * The command line's own launcher: the same jars, main class and options as the app's, so a command runs as it
     * does through the app's launcher, but its own configuration, which names the command line's class archive
     * ({@link CliCds}) instead of the window's. A console program on Windows, where the app's launcher has no console to print to.
     */
    Path cliLauncherProperties(Path work) {
        Path file = work.resolve(opts.get("cli-name") + ".properties");
        try {
            Files.write(file, List.of("main-class=" + opts.get("main-class"), "win-console=true", "linux-shortcut=false",
                    "win-shortcut=false", "win-menu=false"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": " + e);
        }
        return file;
    }
}
