package dev.tandem.app.agent;

import dev.tandem.app.agent.ShortcutPortalBus.GlobalShortcuts;
import dev.tandem.app.agent.ShortcutPortalBus.Request;
import dev.tandem.app.agent.ShortcutPortalBus.Shortcut;
import dev.tandem.ui.messages.Messages;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * Quick add on a global shortcut through the XDG GlobalShortcuts portal (KDE, GNOME 48+, Hyprland), for as long
 * as {@code tandem agent} runs: the portal's Activated signal starts {@code add --window}.
 *
 * <p>Design. {@link #bind} runs once, on the agent's start: CreateSession, then BindShortcuts with the one id
 * {@link #ID}. Each portal call answers at once with a Request object's path and the real answer later, as that
 * object's Response signal; the path is predictable from the connection's unique name and the {@code
 * handle_token} sent, so the handler is subscribed BEFORE the call and no answer can slip past. Every answer is
 * waited for at most {@code wait} (a portal that never answers gives up, says so, and leaves the bus), and only
 * the {@code results} keys used are read, each checked for its type and length. Signals count only from the
 * owner of {@link ShortcutPortalBus#BUS_NAME} (any program on the bus can emit a signal with the portal's path
 * and interface), for the portal session it made and the id it bound. At most one window runs: an activation
 * while the window this agent started still runs is ignored. The outcome is written to {@link #STATE_FILE} in
 * the profile folder for Settings to say which mechanism is in use.
 */
public final class ShortcutPortal implements AutoCloseable {
    public static final String ID = "quick-add";
    public static final String TRIGGER = "CTRL+ALT+space";
    public static final String STATE_FILE = "shortcut.state";
    /** How long a portal answer is waited for (the desktop may first ask the user to confirm the keys). */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The state file and any text read from the portal are cut here. */
    static final int MAX_STATE_BYTES = 4096;
    static final int MAX_TEXT = 64;
    private static final System.Logger LOG = System.getLogger("tandem");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Starts the quick-add window, detached; what it returns says whether the window still runs. */
    @FunctionalInterface
    public interface Starter {
        BooleanSupplier start(List<String> command) throws IOException;

        /** A child process with no stdin/stdout of the agent's, left running when the agent stops. */
        Starter PROCESS = command -> {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p::isAlive;
        };
    }

    /**
     * What {@link #STATE_FILE} says: {@code portal TRIGGER} or {@code none REASON}.
     *
     * @param detail the trigger the portal reported, or a {@link Reason}'s word
     */
    public record State(boolean portal, String detail) {
        /** Read bounded ({@link #MAX_STATE_BYTES}); empty when there is none or it is not one of ours. */
        public static Optional<State> read(Path profile) {
            byte[] b;
            try (InputStream in = Files.newInputStream(profile.resolve(STATE_FILE))) {
                b = in.readNBytes(MAX_STATE_BYTES);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, "shortcut state not read", e);
                return Optional.empty();
            }
            String line = new String(b, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            int sp = line.indexOf(' ');
            if (sp < 0 || sp == line.length() - 1) {
                return Optional.empty();
            }
            String kind = line.substring(0, sp);
            String detail = cut(line.substring(sp + 1).strip());
            return switch (kind) {
                case "portal" -> Optional.of(new State(true, detail));
                case "none" -> Optional.of(new State(false, detail));
                default -> Optional.empty();
            };
        }
    }

    /** Why no shortcut is bound, as the state file words it. */
    public enum Reason {
        NO_PORTAL("no-portal"), NO_ANSWER("no-answer"), REFUSED("refused"), NO_LAUNCHER("no-launcher");

        public final String word;

        Reason(String word) {
            this.word = word;
        }
    }

    private final DBusConnection bus;
    private final DBus daemon;
    private final List<String> command;
    private final Starter starter;
    private final Duration wait;
    private final String sender;
    private volatile String owner = "";
    private volatile DBusPath session;
    /** The window this agent started (null: none yet); guarded by {@code this}. */
    private BooleanSupplier window;
    private volatile Consumer<Request.Response> pending = r -> { };
    /** Activations refused (another sender, session or id; a window still running), for tests to wait on. */
    private final AtomicInteger ignored = new AtomicInteger();

    private ShortcutPortal(DBusConnection bus, List<String> command, Starter starter, Duration wait) throws DBusException {
        this.bus = bus;
        this.daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        this.command = command;
        this.starter = starter;
        this.wait = wait;
        this.sender = bus.getUniqueName().substring(1).replace('.', '_');
    }

    /**
     * Binds quick add on the session bus at {@code address}, or says once on {@code err} why not; writes the
     * state file either way. Empty when nothing is bound (the caller has nothing to close).
     *
     * @param command the quick-add window's command line, empty without a launcher
     */
    public static Optional<ShortcutPortal> bind(String address, Path profile, Optional<List<String>> command,
                                                Starter starter, Duration wait, Consumer<String> err) {
        if (command.isEmpty()) {
            // Settings says the shortcut needs the installed launcher; nothing to add on stderr.
            return none(profile, Reason.NO_LAUNCHER, null, err);
        }
        if (address == null || address.isBlank()) {
            return none(profile, Reason.NO_PORTAL, "notify.shortcut.none", err);
        }
        DBusConnection bus = null;
        try {
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            ShortcutPortal p = new ShortcutPortal(bus, command.get(), starter, wait);
            if (!p.hasPortal()) {
                close(bus);
                return none(profile, Reason.NO_PORTAL, "notify.shortcut.none", err);
            }
            Optional<String> trigger = p.createAndBind();
            if (trigger.isEmpty()) {
                close(bus);
                return none(profile, Reason.REFUSED, "notify.shortcut.refused", err);
            }
            writeState(profile, "portal " + trigger.get());
            return Optional.of(p);
        } catch (TimeoutException e) {
            close(bus);
            return none(profile, Reason.NO_ANSWER, "notify.shortcut.noAnswer", err);
        } catch (DBusException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "global shortcut not bound", e);
            close(bus);
            return none(profile, Reason.NO_PORTAL, "notify.shortcut.none", err);
        }
    }

    private static Optional<ShortcutPortal> none(Path profile, Reason why, String key, Consumer<String> err) {
        if (key != null) {
            err.accept(Messages.text(key));
        }
        writeState(profile, "none " + why.word);
        return Optional.empty();
    }

    /** The portal's owner is known and it has GlobalShortcuts (its {@code version} property answers). */
    private boolean hasPortal() {
        try {
            owner = daemon.GetNameOwner(ShortcutPortalBus.BUS_NAME);
            Properties props = bus.getRemoteObject(ShortcutPortalBus.BUS_NAME, ShortcutPortalBus.PATH, Properties.class);
            Object version = props.Get(GlobalShortcuts.NAME, "version");
            return version != null;
        } catch (DBusException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "no GlobalShortcuts portal", e);
            return false;
        }
    }

    /** CreateSession, then BindShortcuts; the trigger the desktop bound, or empty when it refused. */
    private Optional<String> createAndBind() throws DBusException, TimeoutException {
        bus.addSigHandler(Request.Response.class, r -> {
            if (fromPortal(r)) {
                pending.accept(r);
            }
        });
        bus.addSigHandler(GlobalShortcuts.Activated.class, this::activated);
        GlobalShortcuts portal = bus.getRemoteObject(ShortcutPortalBus.BUS_NAME, ShortcutPortalBus.PATH,
                GlobalShortcuts.class);
        String sessionToken = token();
        Request.Response created = call(token -> portal.CreateSession(Map.of("handle_token", new Variant<>(token),
                "session_handle_token", new Variant<>(sessionToken))));
        if (created.getResponse().intValue() != 0) {
            return Optional.empty();
        }
        // The session's path is predictable too; the answer's is used when it is a well-formed one.
        String path = text(created.getResults(), "session_handle")
                .filter(s -> s.matches("/[A-Za-z0-9_/]{1,200}"))
                .orElse(ShortcutPortalBus.PATH + "/session/" + sender + "/" + sessionToken);
        session = new DBusPath(path);
        Map<String, Variant<?>> props = Map.of(
                "description", new Variant<>(Messages.text("notify.shortcut.description")),
                "preferred_trigger", new Variant<>(TRIGGER));
        Request.Response bound = call(token -> portal.BindShortcuts(session, List.of(new Shortcut(ID, props)), "",
                Map.of("handle_token", new Variant<>(token))));
        if (bound.getResponse().intValue() != 0) {
            return Optional.empty();
        }
        return Optional.of(TRIGGER);
    }

    /** One portal call, its Response awaited on the request path the token makes, at most {@link #wait}. */
    private Request.Response call(Consumer<String> method) throws TimeoutException {
        String token = token();
        String path = ShortcutPortalBus.PATH + "/request/" + sender + "/" + token;
        CompletableFuture<Request.Response> answer = new CompletableFuture<>();
        pending = r -> {
            if (path.equals(r.getPath())) {
                answer.complete(r);
            }
        };
        method.accept(token);
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pending = r -> { };
        }
    }

    private void activated(GlobalShortcuts.Activated a) {
        DBusPath s = session;
        if (s == null || !fromPortal(a) || !ID.equals(a.getShortcutId()) || a.getSession() == null
                || !s.getPath().equals(a.getSession().getPath())) {
            ignored.incrementAndGet();
            return;
        }
        synchronized (this) {
            if (window != null && window.getAsBoolean()) {
                ignored.incrementAndGet();
                return;
            }
            try {
                window = starter.start(command);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "quick-add window not started", e);
            }
        }
    }

    /** How many activations were ignored so far. */
    int ignored() {
        return ignored.get();
    }

    /** Sent by the portal's owner (asked again on a mismatch: the portal may have restarted), as DbusNotifier checks. */
    private boolean fromPortal(DBusSignal s) {
        String from = s.getSource();
        if (from == null) {
            return false;
        }
        if (!from.equals(owner)) {
            try {
                owner = daemon.GetNameOwner(ShortcutPortalBus.BUS_NAME);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "portal gone", e);
                return false;
            }
        }
        return from.equals(owner);
    }

    /** The string under {@code key} in a portal's results, cut at {@link #MAX_TEXT}; other keys are never read. */
    private static Optional<String> text(Map<String, Variant<?>> results, String key) {
        Variant<?> v = results == null ? null : results.get(key);
        Object o = v == null ? null : v.getValue();
        return o instanceof String s ? Optional.of(cut(s)) : o instanceof DBusPath p ? Optional.of(cut(p.getPath()))
                : Optional.empty();
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT * 4 ? s : s.substring(0, MAX_TEXT * 4);
    }

    private static String token() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "tandem" + HexFormat.of().formatHex(b);
    }

    /**
     * Atomically: a temporary file beside it, moved over it. A profile folder that refuses it is logged: the
     * agent goes on ringing reminders, and Settings shows the manual route as it does without a state file.
     */
    static void writeState(Path profile, String line) {
        try {
            Path tmp = Files.createTempFile(profile, STATE_FILE, ".tmp");
            try {
                Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, profile.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "shortcut state not written", e);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                .contains("win") ? "NUL" : "/dev/null");
    }

    private static void close(DBusConnection bus) {
        if (bus == null) {
            return;
        }
        try {
            bus.close();
        } catch (IOException e) {
            // Leaving after a failure that was logged or told: the close adds nothing.
            LOG.log(System.Logger.Level.DEBUG, "bus close", e);
        }
    }

    @Override
    public void close() {
        close(bus);
    }
}
