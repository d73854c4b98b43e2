package dev.tandem.app.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The program that started this Tandem, as a command another process (the session's autostart, a keyboard
 * shortcut) can run again: the installed launcher ({@code /opt/tandem/bin/Tandem}, from the {@code
 * jpackage.app-path} property jpackage's launchers set) or, from a source checkout, the {@code app/tandem} script
 * beside the {@code target} folder the classes were loaded from. Neither: empty (a test, a bare {@code java -cp}),
 * and nothing that needs a command is offered.
 *
 * @param path the launcher or script
 * @param cli the command line's own launcher beside it ({@code tandem-cli}, which maps the command line's class
 *     archive), or {@code path} where there is none (the checkout's script picks the archive itself)
 */
public record Launcher(Path path, Path cli) {
    /** The main class every way of starting Tandem names on the command line when it is not a jpackage launcher. */
    public static final String MAIN_CLASS = "dev.tandem.app.Main";

    /** The launcher of this process, if it has one. */
    public static Optional<Launcher> current() {
        return of(System.getProperty("jpackage.app-path"), System.getProperty("java.class.path", ""));
    }

    /** The launcher named by jpackage's {@code appPath} property, else the checkout script found from {@code classPath}. */
    static Optional<Launcher> of(String appPath, String classPath) {
        if (appPath != null && !appPath.isBlank()) {
            Path app = Path.of(appPath).toAbsolutePath().normalize();
            Path dir = app.getParent();
            String name = app.getFileName().toString();
            // bin/Tandem beside bin/tandem-cli (Linux), Tandem.exe beside tandem-cli.exe (Windows).
            Path cli = dir == null ? app : dir.resolve(name.toLowerCase(Locale.ROOT).endsWith(".exe")
                    ? "tandem-cli.exe" : "tandem-cli");
            return Optional.of(new Launcher(app, Files.isExecutable(cli) ? cli : app));
        }
        // app/target/classes or app/target/tandem-app-*.jar: the script is app/tandem.
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            Path target = p.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")
                    && (p.getFileName().toString().equals("classes") || p.getFileName().toString().startsWith("tandem-app-"))) {
                Path script = target.resolveSibling("tandem");
                if (Files.isRegularFile(script)) {
                    return Optional.of(new Launcher(script, script));
                }
            }
        }
        return Optional.empty();
    }

    /** The words to run {@code args} with this launcher: its path, then the arguments. */
    public List<String> command(List<String> args) {
        return Stream.concat(Stream.of(path.toString()), args.stream()).toList();
    }
}
