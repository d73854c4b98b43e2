package dev.tandem.app.cli;

import dev.tandem.app.DataDirs;
import dev.tandem.app.Device;
import dev.tandem.app.DeviceNames;
import dev.tandem.app.agent.DbusNotifier;
import dev.tandem.app.agent.MacNotifier;
import dev.tandem.app.agent.Notifier;
import dev.tandem.app.agent.ProfileLock;
import dev.tandem.app.agent.ShortcutPortal;
import dev.tandem.app.agent.ToastNotifier;
import dev.tandem.app.agent.TurnedOff;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.Launcher;
import dev.tandem.ui.messages.Messages;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code tandem agent}: rings this profile's reminders as desktop notifications while no window is open
 * (docs/REMINDERS.md), until SIGTERM (or Ctrl+C), or with {@code --stdin} until standard input closes (a
 * parent process that owns it). One agent per profile: a second one says so and exits 0.
 * {@code tandem agent --stop} stops the one running on the profile.
 */
final class AgentCommands {
    /** How long --stop waits for the agent to close its database. */
    private static final long STOP_WAIT_SECONDS = 20;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    AgentCommands(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int agent(TodoStore store, Path dir, Args a) {
        boolean offAtStart = TurnedOff.isOff(dir);
        ProfileLock lock = ProfileLock.hold(dir, ProfileLock.AGENT);
        if (lock == null) {
            err.println("tandem: " + Messages.text("cli.agent.already"));
            return 0;
        }
        Notifier notifier = connect();
        // The same device the window opens, with one switch: reminders, quiet while a window rings them.
        try (lock; notifier; Lifetime life = new Lifetime("tandem-agent", Duration.ofSeconds(STOP_WAIT_SECONDS));
             Device device = Device.builder(DeviceNames.chosenName(dir), dir).store(store)
                     .reminders(notifier, () -> ProfileLock.held(dir, ProfileLock.WINDOW)).build()) {
            out.println(Messages.text("cli.agent.running"));
            Optional<ShortcutPortal> shortcut = ShortcutPortal.bind(env.get("DBUS_SESSION_BUS_ADDRESS"), dir,
                    quickAddCommand(dir), ShortcutPortal.Starter.PROCESS, ShortcutPortal.WAIT,
                    m -> err.println("tandem: " + m));
            try (TurnedOff off = TurnedOff.watch(dir, offAtStart, life::stop)) {
                if (a.flags().contains("--stdin")) {
                    // Input means nothing; only its end (or a broken pipe: the parent gone) does.
                    life.input(in, () -> { }, true);
                }
                life.await();
            } finally {
                shortcut.ifPresent(ShortcutPortal::close);
            }
        }
        return 0;
    }

    /**
     * What the global shortcut runs: the app's launcher with {@code add --window}, and {@code --data-dir} for a
     * profile that is not the default one (the window has none of this process's environment); empty without one.
     */
    private Optional<List<String>> quickAddCommand(Path dir) {
        String os = System.getProperty("os.name", "");
        Path standard = DataDirs.platformDefault(os, env, System.getProperty("user.home"));
        List<String> args = new ArrayList<>(List.of("add", "--window"));
        if (!dir.toAbsolutePath().normalize().equals(standard.toAbsolutePath().normalize())) {
            args.addAll(List.of("--data-dir", dir.toAbsolutePath().normalize().toString()));
        }
        return Launcher.current().map(l -> l.command(args));
    }

    /**
     * Windows: toasts through Windows PowerShell; macOS: Notification Center through osascript; elsewhere D-Bus.
     * Without one (no notification server, no PowerShell), nothing rings and the agent says so once.
     */
    private Notifier connect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<? extends Notifier> found = os.contains("win") ? ToastNotifier.forSystem(env)
                : os.contains("mac") || os.contains("darwin") ? MacNotifier.forSystem()
                : DbusNotifier.connect(env.get("DBUS_SESSION_BUS_ADDRESS"));
        if (found.isPresent()) {
            return found.get();
        }
        err.println("tandem: " + Messages.text("cli.agent.noNotifications"));
        return Notifier.NONE;
    }

    /** Stops the agent running on {@code dir} (SIGTERM) and waits until it has let go of the profile. */
    int stop(Path dir) {
        OptionalLong pid = ProfileLock.holder(dir, ProfileLock.AGENT);
        Optional<ProcessHandle> p = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (p.isEmpty()) {
            err.println("tandem: " + Messages.text("cli.agent.notRunning"));
            return 0;
        }
        p.get().destroy();
        try {
            p.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new Failure(Messages.text("cli.agent.notStopped", String.valueOf(pid.getAsLong())));
        }
        err.println("tandem: " + Messages.text("cli.agent.stopped"));
        return 0;
    }
}
