package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.settings.Launcher;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code tandem serve --install-service [--unit-file FILE]}: a systemd user unit that runs this profile's
 * {@code tandem serve} (with the options given beside it) on an always-on machine, restarted when it fails.
 * Written to {@code ~/.config/systemd/user/tandem-serve.service} unless told; never over an existing file (one
 * that is there stays as it is, and the command says so), and never enabled: it prints the {@code systemctl}
 * line that does.
 */
final class ServiceUnit {
    static final String NAME = "tandem-serve.service";
    /** What ExecStart may hold unquoted; anything else is quoted as systemd reads it. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@,+=-]+");
    /** serve's words that are not the server's own: the unit runs the server, not these. */
    private static final List<String> NOT_CARRIED = List.of("--install-service", "--unit-file", "--pair", "--browsers",
            "--revoke", "--stdin");

    /** serve's options that name a file. */
    private static final List<String> FILES = List.of("--passphrase-file", "--tls-keystore");

    private final PrintStream out;
    private final Map<String, String> env;
    private final Optional<Launcher> launcher;

    ServiceUnit(PrintStream out, Map<String, String> env, Optional<Launcher> launcher) {
        this.out = out;
        this.env = env;
        this.launcher = launcher;
    }

    int install(Path dataDir, Args a) {
        Launcher l = launcher.orElseThrow(() -> new Failure(Messages.text("cli.serve.unitNoLauncher")));
        Path file = a.options().containsKey("--unit-file") ? Path.of(a.options().get("--unit-file")).toAbsolutePath()
                : defaultDir().resolve(NAME);
        String text = unit(l.path(), dataDir.toAbsolutePath().normalize(), a);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // CREATE_NEW: a unit someone wrote or changed is never replaced behind their back.
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new Failure(Messages.text("cli.serve.unitExists", file.toString()));
        } catch (IOException e) {
            throw new Failure(Messages.text("cli.serve.unitFailed", file.toString(), String.valueOf(e.getMessage())));
        }
        String unitName = file.getParent().equals(defaultDir()) ? file.getFileName().toString() : file.toString();
        out.println(Messages.text("cli.serve.unitWritten", file.toString()));
        out.println("  systemctl --user enable --now " + quote(unitName));
        out.println(Messages.text("cli.serve.unitLinger"));
        return 0;
    }

    /** Where systemd looks for a user's units: {@code $XDG_CONFIG_HOME/systemd/user}. */
    private Path defaultDir() {
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = config.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(config);
        return base.resolve("systemd").resolve("user").toAbsolutePath().normalize();
    }

    /** The unit's text: the launcher, the absolute data dir, serve and the server's own options, sorted. */
    static String unit(Path program, Path dataDir, Args a) {
        List<String> words = new ArrayList<>(List.of(program.toString(), "--data-dir", dataDir.toString(), "serve"));
        new TreeMap<>(a.options()).forEach((k, v) -> {
            if (!NOT_CARRIED.contains(k)) {
                words.add(k);
                // A service starts in another folder: a file named from here is named in full.
                words.add(FILES.contains(k) ? Path.of(v).toAbsolutePath().normalize().toString() : v);
            }
        });
        a.flags().stream().filter(f -> !NOT_CARRIED.contains(f)).sorted().forEach(words::add);
        StringBuilder exec = new StringBuilder();
        for (String w : words) {
            exec.append(exec.length() == 0 ? "" : " ").append(quote(w));
        }
        return "[Unit]\n"
                + "Description=Tandem on an always-on machine: sync, web companion, backups, CalDAV\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n"
                + "\n"
                + "[Service]\n"
                + "ExecStart=" + exec.toString().replace("%", "%%").replace("$", "$$") + "\n"
                + "Restart=on-failure\n"
                + "RestartSec=30\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=default.target\n";
    }

    /** One word as systemd (and a shell) reads it: bare when plain, else in double quotes with \ and " escaped. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
