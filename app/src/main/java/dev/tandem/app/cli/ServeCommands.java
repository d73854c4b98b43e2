package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.DeviceBuilder;
import dev.tandem.app.DeviceNames;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.Launcher;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.sync.Pacing;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.app.web.PairedBrowser;
import dev.tandem.app.web.Pairing;
import dev.tandem.app.web.PairingQr;
import dev.tandem.app.web.SelfSignedTls;
import dev.tandem.app.web.WebServer;
import dev.tandem.app.web.WebServerAddresses;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tandem serve}: this profile as a headless device that syncs like any other and serves the web
 * companion (docs/WEB.md) until stopped (Ctrl+C or SIGTERM: the server and the sync stop, then the
 * database closes). {@code tandem serve --pair} invites a browser into a server already running on
 * this profile, from another process (a service's terminal); {@code --browsers} lists the paired
 * browsers and {@code --revoke ID} unpairs one, which a running server honours at its next request.
 * Secrets never come from the command line: the remote's passphrase from {@code --passphrase-file}
 * (owner-only), {@code TANDEM_PASSPHRASE}, the saved settings or a prompt; a keystore's password from
 * {@code TANDEM_TLS_PASSWORD}.
 */
final class ServeCommands {
    /** How long a SIGTERM waits for the server, the services and the database to close. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    /** How long the start waits to read which CalDAV account is saved (a local read on the bridge's thread). */
    private static final Duration CALDAV_READ_WAIT = Duration.ofSeconds(10);
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private Language told;

    ServeCommands(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    /**
     * The language this process was told to speak ({@code --lang}, {@code TANDEM_LANG}), which the page then
     * speaks unless the profile chose one; null when it was not told (each browser's language decides).
     */
    ServeCommands toldLanguage(Language language) {
        this.told = language;
        return this;
    }

    int serve(TodoStore store, Path dir, Args a, SyncCommands syncs) {
        SettingsStore settings = new SettingsStore(dir);
        if (a.flags().contains("--pair")) {
            Pairing p = WebServer.invite(settings, Clock.systemDefaultZone())
                    .orElseThrow(() -> new Failure(Messages.text("cli.serve.noServerYet")));
            printPairing(p);
            return 0;
        }
        if (a.flags().contains("--browsers")) {
            List<PairedBrowser> paired = WebServer.browsers(settings, clock);
            LocalDate today = LocalDate.now(clock);
            paired.forEach(p -> {
                String seen = Formats.dayTime(LocalDateTime.ofInstant(p.lastSeen(), clock.getZone()), today);
                out.println(p.address() == null ? Messages.text("cli.serve.browser", p.id(), p.name(), seen)
                        : Messages.text("cli.serve.browserFrom", p.id(), p.name(), seen, p.address()));
            });
            out.println(Messages.text("cli.serve.browserCount", paired.size()));
            return 0;
        }
        if (a.options().containsKey("--revoke")) {
            String id = a.options().get("--revoke");
            if (!WebServer.revoke(settings, clock, id)) {
                throw new Failure(Messages.text("cli.serve.noSuchBrowser", id));
            }
            out.println(Messages.text("cli.serve.revoked", id));
            return 0;
        }
        if (a.flags().contains("--install-service")) {
            return new ServiceUnit(out, env, Launcher.current()).install(dir, a);
        }
        WebServer.Builder b = WebServer.builder().language(told);
        String listen = a.options().getOrDefault("--listen", "127.0.0.1:8765");
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageError(Messages.text("cli.serve.badListen"));
        }
        try {
            b.listen(listen.substring(0, colon).replaceAll("^\\[|\\]$", ""), Integer.parseInt(listen.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new UsageError(Messages.text("cli.serve.badPort", listen));
        }
        if (a.options().containsKey("--public-host")) {
            b.publicHost(a.options().get("--public-host"));
        }
        b.behindProxy(a.flags().contains("--behind-proxy"));
        b.mdns(!a.flags().contains("--no-mdns"));
        tls(a, dir, settings, b, listen.substring(0, colon));
        // The same device the window opens, with the switches of a machine nobody sits at: sync, the page, daily
        // backups and the CalDAV bridge (docs/INSTALL.md, "Tandem on an always-on machine").
        DeviceBuilder db = Device.builder(DeviceNames.chosenName(dir), dir).store(store).clock(clock).web(b)
                .backups().caldav().calendars().startNow(false);
        String syncing = remote(db, a, dir, settings, syncs);
        Device device;
        try {
            device = db.build();
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.serve.usage", e.getMessage()));
        }
        try (Lifetime life = new Lifetime("tandem-serve", STOP_WAIT); device) {
            // In the user's language by the failure's reason, as the window says it; the engine's words go to the log.
            device.sync().addFailureListener(status -> err.println("tandem: " + Messages.text("cli.serve.syncFailed",
                    SyncWords.shortText(status.reason(), status.diagnosis()) + (status.hint() == null ? "" : " " + status.hint())
                            + " " + Messages.text(SyncWords.retryHelps(status.reason(), status.diagnosis())
                            ? "common.sync.retry.itself" : "common.sync.retry.no"))));
            sayFailures(device);
            device.start();
            WebServer server = device.server().orElseThrow();
            out.println(Messages.text(server.secure() ? "cli.serve.serving" : "cli.serve.servingLocal",
                    device.name(), server.url().toString()));
            if (server.secure() && WebServerAddresses.isLoopbackText(server.url().getHost())) {
                err.println("tandem: " + Messages.text("cli.serve.noLanAddress"));
            }
            server.fingerprint().ifPresent(f -> out.println(Messages.text("cli.serve.fingerprint", f)));
            out.println(syncing);
            sayServices(device);
            printPairing(server.pair());
            // Seconds later, from the advertiser's thread: the .local address as a second choice, or why none.
            server.advertised().thenAccept(o -> {
                o.localUrl().ifPresent(u -> out.println(Messages.text("cli.serve.mdns", String.valueOf(u))));
                o.warning().ifPresent(w -> err.println("tandem: " + Messages.text("cli.serve.notAnnounced", w)));
            });
            out.println(Messages.text("cli.serve.ready", server.browsers().size()));
            // Said as it happens, so the terminal of a server that runs for weeks tells who came and who went.
            server.onPaired(p -> out.println(Messages.text("cli.serve.paired", p.name(), p.id(),
                    p.address() == null ? "?" : p.address(), server.browsers().size())));
            server.onRevoked(p -> out.println(Messages.text("cli.serve.revokedNow", p.name(), p.id(), server.browsers().size())));
            // Enter on a terminal prints a new pairing; with --stdin the input's end stops, as SIGTERM does.
            life.input(in, () -> printPairing(server.pair()), a.flags().contains("--stdin"));
            life.await();
            out.println(Messages.text("cli.serve.stopping"));
        }
        return 0;
    }

    /**
     * A failed backup or CalDAV sync, said on the terminal (a service's journal) when it happens, once per new
     * failure: nobody looks at a status bar here.
     */
    private void sayFailures(Device device) {
        AtomicReference<String> backupFailure = new AtomicReference<>();
        device.backups().addListener(st -> {
            if (st.failing() && !st.failure().equals(backupFailure.getAndSet(st.failure()))) {
                err.println("tandem: " + Messages.text("cli.serve.backupFailed", st.failure()));
            } else if (!st.failing()) {
                backupFailure.set(null);
            }
        });
        AtomicReference<String> caldavFailure = new AtomicReference<>();
        device.caldav().addListener(st -> {
            if (st.state() == CalDavService.Status.State.FAILED) {
                String said = st.message() + (st.hint().isBlank() ? "" : " " + st.hint());
                if (!said.equals(caldavFailure.getAndSet(said))) {
                    err.println("tandem: " + Messages.text("cli.serve.caldavFailed", said));
                }
            } else if (st.state() == CalDavService.Status.State.SYNCED) {
                caldavFailure.set(null);
            }
        });
    }

    /**
     * What else runs besides the page and the sync: the daily backups (where to), the CalDAV bridge (with whom) and
     * the subscribed calendars read each hour (how many).
     */
    private void sayServices(Device device) {
        BackupService backups = device.backups();
        out.println(backups.enabled() ? Messages.text("cli.serve.backupsTo", backups.folder().toString())
                : Messages.text("cli.serve.backupsOff"));
        CalDavService.Saved saved;
        try {
            saved = device.caldav().saved().get(CALDAV_READ_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            saved = new CalDavService.Saved("", "", List.of());
        }
        out.println(saved.url().isBlank() ? Messages.text("cli.serve.caldavNone")
                : Messages.text("cli.serve.caldavWith", saved.url(), saved.connectedListIds().size()));
        long calendars = device.events().subscriptions().stream().filter(c -> c.enabled()).count();
        out.println(calendars == 0 ? Messages.text("cli.serve.calendarsNone")
                : Messages.text("cli.serve.calendars", calendars));
    }

    /**
     * The remote the device syncs with, from the options or the saved settings, set on {@code db}; what to say
     * about it.
     */
    private String remote(DeviceBuilder db, Args a, Path dir, SettingsStore settings, SyncCommands syncs) {
        boolean saved = settings.loadSync().mode() != SyncSettings.Mode.NONE;
        boolean shared = !new SpaceLists(settings).all().isEmpty();
        if (a.options().get("--remote") == null && !saved && !shared) {
            return Messages.text("cli.serve.noRemote");
        }
        long seconds = Long.parseLong(a.options().getOrDefault("--interval", "60"));
        if (seconds < SyncSettings.MIN_INTERVAL) {
            throw new UsageError(Messages.text("cli.serve.badInterval", SyncSettings.MIN_INTERVAL));
        }
        String passphrase = passphrase(a);
        SyncEngine engine = passphrase == null ? syncs.syncEngineFor(a, dir)
                : syncs.engineFor(a, dir, eb -> eb.encrypted(passphrase));
        boolean folder = String.valueOf(a.options().get("--remote")).startsWith("folder:")
                || (a.options().get("--remote") == null && settings.loadSync().mode() == SyncSettings.Mode.FOLDER);
        db.syncWith(engine, Duration.ofSeconds(seconds), folder ? Pacing.LOCAL : Pacing.REMOTE);
        return a.options().get("--remote") != null
                ? Messages.text("cli.serve.syncingWith", a.options().get("--remote"), seconds)
                : Messages.text("cli.serve.syncingSaved", seconds);
    }

    /** The remote's passphrase from a file only its owner can read, the environment, or a prompt; null for none. */
    private String passphrase(Args a) {
        String file = a.options().get("--passphrase-file");
        if (file != null) {
            Path p = Path.of(file);
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    Set<PosixFilePermission> others = new HashSet<>(perms);
                    others.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                    if (!others.isEmpty()) {
                        throw new Failure(Messages.text("cli.serve.passphraseFileOpen", file));
                    }
                }
                return Files.readString(p, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new Failure(Messages.text("cli.serve.passphraseFileError", file, e.getMessage()));
            }
        }
        String v = env.get("TANDEM_PASSPHRASE");
        if (v != null && !v.isEmpty()) {
            return v;
        }
        Console console = System.console();
        if (a.options().get("--remote") != null && console != null) {
            char[] typed = console.readPassword("%s", Messages.text("cli.serve.prompt"));
            return typed == null || typed.length == 0 ? null : new String(typed);
        }
        return null;
    }

    /** --tls-keystore FILE (its password in TANDEM_TLS_PASSWORD) or --tls-self-signed (made once, kept in the data dir). */
    private void tls(Args a, Path dir, SettingsStore settings, WebServer.Builder b, String host) {
        String keystore = a.options().get("--tls-keystore");
        if (keystore != null) {
            String password = env.get("TANDEM_TLS_PASSWORD");
            if (password == null) {
                throw new UsageError(Messages.text("cli.serve.keystoreNeedsPassword"));
            }
            b.tls(Path.of(keystore), password);
        } else if (a.flags().contains("--tls-self-signed")) {
            SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(settings, dir,
                    List.of("localhost", "127.0.0.1", host, DeviceNames.hostName()));
            b.tls(tls.path(), tls.password());
        }
    }

    private void printPairing(Pairing p) {
        out.println();
        out.println(Messages.text("cli.serve.pairHow", p.url().toString()));
        out.println(PairingQr.text(p.url()));
        out.println(Messages.text("cli.serve.pairCode", p.code(),
                Formats.time(LocalTime.ofInstant(p.expiresAt(), clock.getZone()))));
    }
}
