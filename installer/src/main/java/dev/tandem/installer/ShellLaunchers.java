package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * On Linux, puts a small shell script in place of each jpackage launcher. jpackage's Linux launcher asks the package
 * managers who owns it before every start, twice (once in the launcher, once in its library): {@code rpm -qf}, then
 * {@code dpkg -S}, which reads the list of every installed package's files, and in a .deb {@code dpkg -L} as well.
 * That was a third of a {@code tandem-cli list} here (PERFORMANCE.md, "Launchers that start Java at once").
 *
 * <p>The script reads the launcher's own configuration, {@code lib/app/NAME.cfg}, on every start and starts the
 * image's {@code lib/runtime/bin/java} with its options, class path and main class, so the configuration stays the
 * one place they are written: the trainers ({@link AppCds}, {@link CliCds}) add their archive's or cache's option
 * there after this runs, and the .deb's postinst starts the launchers to dump JDK 17's archives again. What
 * jpackage's launcher did beyond that is done the same way: {@code $APPDIR} expanded,
 * {@code -Djpackage.app-path} set to the launcher's own resolved path, {@code JDK_JAVA_OPTIONS} not honoured
 * ({@code JAVA_TOOL_OPTIONS} is). {@link #check} refuses, at build time, a configuration with anything else in it.
 *
 * <p>One thing more: a command with an ahead-of-time cache of its own ({@code lib/app/NAME-COMMAND.aot}, the command
 * a word of lowercase letters and hyphens) is started with that cache instead of the one the configuration names.
 * The command line has three ({@link CliCds}): a small one that every command maps, {@code sync}'s, which holds
 * the AWS SDK's classes, and {@code mcp}'s, which holds the MCP SDK's.
 */
final class ShellLaunchers {
    /** The keys the script understands; jpackage writes others only for options this build does not use. */
    private static final Set<String> KEYS = Set.of("app.classpath", "app.mainclass", "java-options");
    private static final Pattern MACRO = Pattern.compile("\\$[A-Z]+");

    /** POSIX sh, not bash: dash starts in about a millisecond. NAME is the launcher's name. */
    private static final String SCRIPT = """
            #!/bin/sh
            # NAME: Tandem's launcher, made by the installer in place of jpackage's (docs/INSTALL.md, "Launchers").
            # It starts the image's own Java with the options, class path and main class written in
            # lib/app/NAME.cfg. jpackage's launcher asked rpm and dpkg which package owns it before every start.
            self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
            root=${self%/*}
            root=${root%/*}
            app=$root/lib/app
            cfg=$app/NAME.cfg
            if [ ! -r "$cfg" ]; then
              echo "NAME: cannot read $cfg" >&2
              exit 1
            fi
            n=$#
            # The command: the first argument that is neither an option nor an option's value. A command with an
            # ahead-of-time cache of its own beside the launcher's (NAME-COMMAND.aot, CliCds) gets that one.
            verb=
            skip=
            for a in "$@"; do
              if [ -n "$skip" ]; then
                skip=
                continue
              fi
              case $a in
                --data-dir | --lang) skip=1 ;;
                -*) ;;
                *)
                  verb=$a
                  break
                  ;;
              esac
            done
            case $verb in
              *[!a-z-]*) verb= ;;
            esac
            cp=
            main=
            while IFS= read -r line || [ -n "$line" ]; do
              case $line in
                app.classpath=* | app.mainclass=* | java-options=*) ;;
                *) continue ;;
              esac
              key=${line%%=*}
              rest=${line#*=}
              value=
              while :; do
                case $rest in
                  *'$APPDIR'*)
                    value=$value${rest%%\\$APPDIR*}$app
                    rest=${rest#*\\$APPDIR}
                    ;;
                  *)
                    value=$value$rest
                    break
                    ;;
                esac
              done
              case $key in
                app.classpath) cp=${cp:+$cp:}$value ;;
                app.mainclass) main=$value ;;
                *)
                  if [ -n "$verb" ] && [ "$value" = "-XX:AOTCache=$app/NAME.aot" ] && [ -f "$app/NAME-$verb.aot" ]; then
                    value=-XX:AOTCache=$app/NAME-$verb.aot
                  fi
                  set -- "$@" "$value"
                  ;;
              esac
            done <"$cfg"
            set -- "$@" "-Djpackage.app-path=$self" -cp "$cp" "$main"
            # The command's own arguments came first; they go last, as they were.
            while [ "$n" -gt 0 ]; do
              set -- "$@" "$1"
              shift
              n=$((n - 1))
            done
            unset JDK_JAVA_OPTIONS
            exec "$root/lib/runtime/bin/java" "$@"
            """;

    private ShellLaunchers() {
    }

    /** The script for the launcher called {@code name}. */
    private static String script(String name) {
        return SCRIPT.replace("NAME", name);
    }

    /**
     * Replaces {@code bin/NAME} of a Linux app image with the script, after checking its configuration, and leaves
     * {@code java} the runtime's only command (jlink gives each linked module's, keytool among them). jpackage's
     * launcher library, which nothing starts any more, goes too.
     */
    static void install(Path image, List<String> names) throws IOException {
        Path java = image.resolve("lib/runtime/bin/java");
        if (!Files.isExecutable(java)) {
            throw new Failure(java + " is missing: the Linux launchers start it (jlink without --strip-native-commands)");
        }
        try (Stream<Path> commands = Files.list(java.getParent())) {
            for (Path command : commands.filter(p -> !p.equals(java)).toList()) {
                Files.delete(command);
            }
        }
        Files.deleteIfExists(image.resolve("lib/libapplauncher.so"));
        for (String name : names) {
            check(Files.readAllLines(image.resolve("lib/app").resolve(name + ".cfg"), StandardCharsets.UTF_8), name);
            Path launcher = image.resolve("bin").resolve(name);
            Files.writeString(launcher, script(name), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Fails naming the line when the configuration holds what the script would not pass on as jpackage did. */
    static void check(List<String> cfg, String name) {
        for (String line : cfg) {
            if (line.isBlank() || line.equals("[Application]") || line.equals("[JavaOptions]")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new Failure(name + ".cfg has \"" + line + "\", which the Linux launcher script does not read;"
                        + " teach ShellLaunchers it first");
            }
            Matcher macro = MACRO.matcher(line);
            while (macro.find()) {
                if (!macro.group().equals("$APPDIR")) {
                    throw new Failure(name + ".cfg uses " + macro.group() + " in \"" + line
                            + "\"; the Linux launcher script expands only $APPDIR");
                }
            }
        }
    }
}
