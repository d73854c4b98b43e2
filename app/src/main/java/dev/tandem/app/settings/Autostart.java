package dev.tandem.app.settings;

import dev.tandem.app.DataDirs;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Remind me when Tandem is closed": the entry that starts the reminder agent ({@code tandem agent}) with the
 * user's session, and the agent itself. Linux: an XDG autostart entry, {@code
 * $XDG_CONFIG_HOME/autostart/dev.tandem.Tandem-agent.desktop}; macOS: a LaunchAgent in {@code
 * ~/Library/LaunchAgents}; Windows: a value under the per-user Run key ({@link WindowsRunEntry}). A profile other
 * than the default one has an entry of its own ({@link #id()}).
 *
 * <p>The choice is a device setting ({@link #SETTING}): on by default, so the first start of the window (never a
 * command) writes the entry once ({@link #firstStart}); a choice saved "off" is never undone by Tandem. Turning it
 * on writes the entry and starts the agent now; off saves the choice first, then removes the entry and stops the
 * agent ({@link AgentProcesses}). Every method does file or process work: call them off the FX thread.
 *
 * <p>The entry is written to a temporary file beside it and moved into place in one step; an entry that is a
 * symbolic link (a dotfiles manager's) is refused, never written or removed through.
 */
public final class Autostart {
    /** The setting's key: "on" or "off"; absent until the first start of the window decided. */
    public static final String SETTING = "agent.autostart";

    enum Platform { LINUX, MAC, WINDOWS }

    private final SettingsStore store;
    private final Platform platform;
    private final Map<String, String> env;
    private final Path home;
    private final Path defaultDir;
    private final Optional<Launcher> launcher;
    private final WindowsRunEntry runEntry;

    /**
     * {@code store}: the profile's settings (its dir is the profile); {@code defaultDir}: the platform's default
     * profile (no {@code --data-dir} for it); {@code launcher}: what runs Tandem, empty where there is none.
     */
    public Autostart(SettingsStore store, String osName, Map<String, String> env, Path home, Path defaultDir,
                     Optional<Launcher> launcher) {
        this(store, osName, env, home, defaultDir, launcher, WindowsRunEntry.forSystem(env));
    }

    /** As above, with the Windows Run entry's writer given (a stand-in PowerShell in tests). */
    Autostart(SettingsStore store, String osName, Map<String, String> env, Path home, Path defaultDir,
              Optional<Launcher> launcher, WindowsRunEntry runEntry) {
        this.store = store;
        this.runEntry = runEntry;
        String os = osName.toLowerCase(Locale.ROOT);
        this.platform = os.contains("win") ? Platform.WINDOWS
                : os.contains("mac") || os.contains("darwin") ? Platform.MAC : Platform.LINUX;
        this.env = Map.copyOf(env);
        this.home = home;
        this.defaultDir = defaultDir;
        this.launcher = launcher;
    }

    /** Why this device cannot start the agent with the session, or empty when it can. */
    public Optional<String> unsupported() {
        if (launcher.isEmpty()) {
            return Optional.of(Messages.text("settings.autostart.noLauncher"));
        }
        return Optional.empty();
    }

    /** The saved choice: on unless saved "off". */
    public boolean enabled() {
        return !"off".equals(store.get(SETTING, ""));
    }

    /** What the check box's hint says: how this platform starts the agent and shows reminders. */
    public String hint() {
        return Messages.text(switch (platform) {
            case WINDOWS -> "settings.autostart.hint.windows";
            case MAC -> "settings.autostart.hint.mac";
            case LINUX -> "settings.autostart.hint";
        });
    }

    /** The entry's file: the XDG autostart entry or the LaunchAgent (Windows has a Run value, {@link #entry()}). */
    public Path entryFile() {
        if (platform == Platform.MAC) {
            return home.resolve("Library").resolve("LaunchAgents").resolve(id() + ".plist");
        }
        // The spec: a relative XDG_CONFIG_HOME is invalid and ignored.
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = !config.isEmpty() && Path.of(config).isAbsolute() ? Path.of(config) : home.resolve(".config");
        return base.resolve("autostart").resolve(id() + ".desktop");
    }

    /**
     * The entry's name: {@link AutostartEntry#ID} for the default profile, with the first 8 hex digits of the
     * SHA-256 of its path for another, so that each profile's agent has its own entry and one never replaces another's.
     */
    String id() {
        if (profileArgs().isEmpty()) {
            return AutostartEntry.ID;
        }
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(store.dir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return AutostartEntry.ID + "-" + java.util.HexFormat.of().formatHex(h, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * The agent's command line: the window's launcher, {@code agent}, and {@link #profileArgs()}. That launcher runs
     * the full JIT, for a process that runs all day and syncs files; the command line's runs C1 only, for commands
     * that last a third of a second (PERFORMANCE.md, "Which runtime, which JIT"). On Windows it is also the one that
     * opens no console window at every log-in.
     */
    public List<String> agentCommand() {
        Launcher l = launcher.orElseThrow(() -> new IllegalStateException("No launcher: check unsupported() first"));
        List<String> words = new ArrayList<>(List.of(l.path().toString(), "agent"));
        words.addAll(profileArgs());
        return words;
    }

    /**
     * {@code --data-dir DIR} for a profile that is not the platform's default, else nothing: a command the
     * session or a shortcut runs has none of this process's environment ({@code TANDEM_DATA_DIR}).
     */
    public List<String> profileArgs() {
        Path dir = store.dir().toAbsolutePath().normalize();
        return dir.equals(defaultDir.toAbsolutePath().normalize()) ? List.of() : List.of("--data-dir", dir.toString());
    }

    /** This process's: its system, environment, home, and {@link Launcher#current()}. */
    public static Autostart forThisProcess(SettingsStore store) {
        String os = System.getProperty("os.name", "");
        Map<String, String> env = System.getenv();
        String home = System.getProperty("user.home");
        return new Autostart(store, os, env, Path.of(home), DataDirs.platformDefault(os, env, home),
                Launcher.current());
    }

    /** The entry's text for this platform; on Windows the Run value's command line. */
    public String entry() {
        return switch (platform) {
            case MAC -> AutostartEntry.launchAgent(id(), agentCommand());
            case WINDOWS -> WindowsRunEntry.commandLine(agentCommand());
            case LINUX -> AutostartEntry.desktop(agentCommand());
        };
    }

    /** The agents of this profile, found by their command line. */
    public AgentProcesses agents() {
        List<Path> launchers = launcher.map(l -> List.of(l.path(), l.cli())).orElse(List.of());
        return new AgentProcesses(launchers, store.dir(), defaultDir);
    }

    /** The first start of the window: on by default, so the entry is written, once; never after a saved choice. */
    public boolean firstStart() {
        if (!store.get(SETTING, "").isEmpty() || unsupported().isPresent()) {
            return false;
        }
        turnOn();
        return true;
    }

    /** Writes the entry, saves "on" and starts the agent unless one runs. Nothing is saved when the entry cannot be written. */
    public void turnOn() {
        if (unsupported().isPresent()) {
            throw new IllegalStateException("Autostart is not offered here: " + unsupported().get());
        }
        if (platform == Platform.WINDOWS) {
            writeRunValue();
        } else {
            write(entryFile(), entry());
        }
        store.put(SETTING, "on");
        if (agents().running().isEmpty()) {
            Path log = store.dir().resolve("logs").resolve("agent.log");
            try {
                agents().start(agentCommand(), log);
            } catch (IOException e) {
                throw new UncheckedIOException(Messages.text("settings.autostart.cannotStart", why(e)), e);
            }
        }
    }

    /** Saves "off" (kept whatever happens next), removes the entry and stops this profile's agents. */
    public void turnOff() throws InterruptedException {
        store.put(SETTING, "off");
        if (platform == Platform.WINDOWS) {
            try {
                runEntry.remove(id());
            } catch (IOException e) {
                throw new UncheckedIOException(Messages.text("settings.autostart.cannotRemoveRun", e.getMessage()), e);
            }
        } else {
            removeFile(entryFile());
        }
        agents().stopAll();
    }

    private static void removeFile(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new UncheckedIOException(Messages.text("settings.autostart.link", file.toString()),
                    new IOException(file + " is a symbolic link"));
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("settings.autostart.cannotRemove", file.toString(), why(e)), e);
        }
    }

    private void writeRunValue() {
        List<String> command = agentCommand();
        try {
            WindowsRunEntry.commandLine(command);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(Messages.text("settings.autostart.notStorable", String.join(" ", command)),
                    new IOException(e));
        }
        try {
            runEntry.write(id(), command);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("settings.autostart.cannotWriteRun", e.getMessage()), e);
        }
    }

    /** Replaces {@code file} in one step with {@code text}, never through a symbolic link. */
    static void write(Path file, String text) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new UncheckedIOException(Messages.text("settings.autostart.link", file.toString()),
                        new IOException(file + " is a symbolic link"));
            }
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(file + " is not a regular file after the move");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("settings.autostart.cannotWrite", file.toString(), why(e)), e);
        }
    }

    /** The system's reason, in words, without Java's exception names. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return Messages.text("settings.autostart.why.denied", a.getFile());
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return Messages.text("settings.autostart.why.inTheWay", f.getFile());
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
