package dev.tandem.app.cli;

import dev.tandem.app.DataDirs;
import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.WeekStartSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.Db;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The command line: the same data and sync as the desktop app, for scripts and headless machines.
 * Exit codes: 0 done, 1 the command failed (no such item, sync error, database error), 2 usage,
 * 3 a sync ran but left remote objects unread ({@link #SYNCED_WITH_PROBLEMS}).
 * Results go to stdout, messages to stderr.
 */
public final class Cli {
    public static final Set<String> VERBS = Set.of("add", "list", "ls", "done", "undone", "skip", "edit", "rm", "sync",
            "compact", "conflicts", "check", "passphrase", "keys", "import", "export", "device", "caldav", "share", "join",
            "members", "unshare", "history", "restore-version", "backup", "backups", "restore", "serve", "attach",
            "attachments", "detach", "move", "sections", "filters", "agent", "mcp", "tokens", "calendars", "agenda", "plan", "page", "help");
    /** Exit code of a sync that ran but left remote objects unread: devices may not agree yet. */
    static final int SYNCED_WITH_PROBLEMS = 3;

    /** The blocks of {@code tandem help}, in the order it prints them: one message per command. */
    private static final List<String> HELP_COMMANDS = List.of(
            "add", "list", "listFilter", "filters", "done", "skip", "edit", "rm", "move", "sections", "attach", "attachments", "detach",
            "history", "restoreVersion", "sync", "compact", "check", "passphraseChange", "passphraseReset",
            "keysStatus", "keysRecoveryKey", "keysRotate", "conflicts", "export", "import", "deviceName",
            "deviceList", "deviceForget", "caldavSync", "caldavStatus", "calendarsList", "calendarsAdd", "calendarsRm",
            "calendarsRefresh", "agenda", "plan", "share", "join", "members", "backup",
            "backups", "restore", "serve", "servePair", "serveBrowsers", "serveRevoke", "serveInstall", "tokensAdd",
            "tokensList", "tokensRevoke", "unshare", "agent", "agentStop", "mcp", "pagePublish", "pageAddPhone", "pageCheck");

    /** {@code tandem help} in the process's language. */
    static String usage() {
        StringBuilder b = new StringBuilder(Messages.text("cli.help.usage")).append('\n');
        for (String command : HELP_COMMANDS) {
            b.append(Messages.text("cli.help." + command));
        }
        return b.append('\n').append(Messages.text("cli.help.details"))
                .append('\n').append(Messages.text("cli.help.footer")).toString();
    }

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    /** A command line that reads standard input from {@link System#in}. */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(System.in, out, err, env);
    }

    /** A command line that reads standard input from {@link System#in}. */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this(System.in, out, err, env, clock);
    }

    /** {@code in}: standard input, where {@code --notes -} reads the notes from. */
    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this(in, out, err, env, Clock.systemUTC());
    }

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    /** True when the arguments name a CLI verb (after any --data-dir DIR). */
    public static boolean isCliInvocation(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir") || a.equals("--lang")) {
                i++;
                continue;
            }
            if (a.startsWith("--data-dir=") || a.startsWith("--lang=")) {
                continue;
            }
            // A word that is no option is meant as a command: the command line says it knows no such command
            // (in the language --lang asks for), rather than the window's options calling it an option.
            return VERBS.contains(a) || !a.isBlank() && !a.startsWith("-");
        }
        return false;
    }

    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String m) {
            super(m);
        }
    }

    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String m) {
            super(m);
        }
    }

    /** A sync, check or compaction that failed on a known remote: said with where, in the user's language. */
    static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SyncException failure;
        final String remote;

        RemoteFailure(SyncException failure, String remote) {
            super(failure.getMessage(), failure);
            this.failure = failure;
            this.remote = remote;
        }
    }

    /** Runs a command; returns the exit code. */
    public int run(List<String> argv) {
        // The language is the process's; a command run in-process (a test, the serve's tools) leaves it as it was.
        Language before = Messages.language();
        Optional<DayOfWeek> weekBefore = WeekStart.chosen();
        Locale systemBefore = WeekStart.system();
        try {
            return runCommand(argv);
        } finally {
            Messages.use(before);
            WeekStart.choose(weekBefore);
            WeekStart.system(systemBefore);
        }
    }

    private int runCommand(List<String> argv) {
        // Terminal output of synced text is escaped in one place (TerminalText); --json escapes the same characters
        // as JSON escapes, so it passes this unchanged and stays exact JSON.
        PrintStream out = TerminalText.stream(this.out);
        PrintStream err = TerminalText.stream(this.err);
        List<String> args = new ArrayList<>(argv);
        String dataDirOpt = null;
        String langOpt = null;
        String verb = "command";
        try {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--data-dir")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageError(Messages.text("cli.error.dataDirNeeded"));
                    }
                    dataDirOpt = args.get(i + 1);
                    args.remove(i + 1);
                    args.remove(i);
                    i--;
                } else if (args.get(i).startsWith("--data-dir=")) {
                    dataDirOpt = args.remove(i).substring("--data-dir=".length());
                    i--;
                } else if (args.get(i).equals("--lang")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageError(Messages.text("cli.error.langNeeded"));
                    }
                    langOpt = args.get(i + 1);
                    args.remove(i + 1);
                    args.remove(i);
                    i--;
                } else if (args.get(i).startsWith("--lang=")) {
                    langOpt = args.remove(i).substring("--lang=".length());
                    i--;
                }
            }
            try {
                SettingsStore settings = new SettingsStore(DataDirs.resolve(dataDirOpt, env));
                Messages.use(LanguageSetting.choose(langOpt, env, settings, LanguageSetting.system(env)));
                WeekStartSetting.apply(settings, env);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            if (args.isEmpty() || !VERBS.contains(args.get(0))) {
                throw new UsageError(args.isEmpty() ? Messages.text("cli.error.noCommand")
                        : Messages.text("cli.error.unknownCommand", args.get(0)));
            }
            verb = args.remove(0);
            // "tandem add --help" as "tandem help"; after "--" it is a title ("tandem add -- --help").
            int end = args.indexOf("--");
            if (verb.equals("help") || (end < 0 ? args : args.subList(0, end)).contains("--help")) {
                out.print(usage());
                return 0;
            }
            Path dir = DataDirs.resolve(dataDirOpt, env);
            Args a = Args.parse(verb, args);
            if (verb.equals("agent") && a.flags().contains("--stop")) {
                // Stopping must not open (nor create) the profile the agent holds.
                return new AgentCommands(in, out, err, env).stop(dir);
            }
            if (verb.equals("page")) {
                // Neither publishing nor checking the page reads or makes the profile's database.
                return new PageCommands(out, env).page(dir, a);
            }
            if (verb.equals("check")) {
                // Only the saved settings are read: checking a remote must not create a profile.
                return new SyncCommands(out, err, env, null).check(dir, a);
            }
            try {
                DataDirs.createPrivate(dir);
            } catch (IOException e) {
                throw new Failure(Messages.text("cli.error.dataDirCreate", dir.toString(), e.getMessage()));
            }
            // The database runs on the CLI's clock, so a test can step past sync's retry delay for
            // set-aside objects (a minute) and see a healed object merged by a later `tandem sync`.
            // Only the server runs long enough to sync more than once, and so to need the tree mended as it goes.
            Db.Builder database = Schema.database(dir.resolve("tandem.db")).clock(clock).onWriteWait(writeWaitNotice());
            try (TodoStore store = verb.equals("serve") ? TodoStore.open(database, clock, ZoneId.systemDefault())
                    : TodoStore.openForCommand(database, clock, ZoneId.systemDefault())) {
                store.setSharedLists(() -> new SpaceLists(new SettingsStore(dir))
                        .listIds());
                TodoCommands todos = new TodoCommands(in, out, err);
                SyncCommands syncs = new SyncCommands(out, err, env, store);
                KeyCommands keys = new KeyCommands(out, err, env, syncs);
                return switch (verb) {
                    case "add" -> a.flags().contains("--window") ? QuickAddWindowCommand.run(store, dir, a) : todos.add(store, a);
                    case "list", "ls" -> a.options().containsKey("--as-of")
                            ? new HistoryCommands(out, err).listAsOf(store, a, todos)
                            : a.options().containsKey("--filter") || a.options().containsKey("--saved")
                                    ? new FilterCommands(out, err).list(store, a) : todos.list(store, a);
                    case "filters" -> new FilterCommands(out, err).filters(store, a);
                    case "history" -> new HistoryCommands(out, err).history(store, a);
                    case "attach" -> new AttachmentCommands(out, err, syncs).attach(store, Path.of(""), a);
                    case "attachments" -> new AttachmentCommands(out, err, syncs).list(store, dir, Path.of(""), a);
                    case "detach" -> new AttachmentCommands(out, err, syncs).detach(store, a);
                    case "restore-version" -> new HistoryCommands(out, err).restoreVersion(store, a);
                    case "done" -> todos.setDone(store, a, true);
                    case "undone" -> todos.setDone(store, a, false);
                    case "skip" -> todos.skip(store, a);
                    case "edit" -> todos.edit(store, a);
                    case "rm" -> todos.rm(store, a);
                    case "move" -> new OutlineCommands(out, err).move(store, a);
                    case "sections" -> new OutlineCommands(out, err).sections(store, a);
                    case "sync" -> syncs.sync(dir, a);
                    case "compact" -> syncs.compact(dir, a);
                    case "conflicts" -> syncs.conflicts(dir, a);
                    case "passphrase" -> keys.passphrase(dir, a);
                    case "keys" -> keys.keys(store, dir, a);
                    case "import" -> new TransferCommands(err).importPath(store, Path.of(""), a);
                    case "export" -> new TransferCommands(err).export(store, Path.of(""), a);
                    case "device" -> new DeviceCommands(out, err, syncs, keys).device(store, dir, a);
                    case "caldav" -> new CalDavCommands(out, err, env).caldav(store, a);
                    case "calendars" -> new CalendarCommands(out, err, env, clock).calendars(store, new SettingsStore(dir), a);
                    case "agenda" -> new AgendaCommand(out, err).agenda(store, a);
                    case "plan" -> new PlanCommand(out, err).plan(store, dir, a);
                    case "share" -> new ShareCommands(out, err, env).share(store, dir, a);
                    case "join" -> new ShareCommands(out, err, env).join(store, dir, a);
                    case "members" -> new ShareCommands(out, err, env).members(store, dir, a);
                    case "unshare" -> new ShareCommands(out, err, env).unshare(store, dir, a);
                    case "backup" -> new BackupCommands(out, err, env, clock).backup(store, dir, a);
                    case "backups" -> new BackupCommands(out, err, env, clock).list(store, dir, a);
                    case "restore" -> new BackupCommands(out, err, env, clock).restore(store, dir, a);
                    case "serve" -> new ServeCommands(in, out, err, env, Clock.systemDefaultZone())
                            .toldLanguage(langOpt != null || !env.getOrDefault("TANDEM_LANG", "").isBlank()
                                    ? Messages.language() : null)
                            .serve(store, dir, a, syncs);
                    case "agent" -> new AgentCommands(in, out, err, env).agent(store, dir, a);
                    case "mcp" -> new McpCommands(in, this.out, err).mcp(store, a);
                    case "tokens" -> new TokenCommands(out, err, clock).tokens(store, dir, a);
                    default -> throw new UsageError(Messages.text("cli.error.unknownCommand", verb));
                };
            }
        } catch (UsageError e) {
            err.println("tandem: " + e.getMessage());
            err.println(Messages.text("cli.usageHint"));
            return 2;
        } catch (Failure e) {
            err.println("tandem: " + e.getMessage());
            return 1;
        } catch (RemoteFailure e) {
            syncFailed(verb, e.failure, e.remote);
            return 1;
        } catch (SyncException e) {
            syncFailed(verb, e, null);
            return 1;
        } catch (TandemException | UncheckedIOException | IllegalArgumentException | IllegalStateException
                 | FeedException e) {
            err.println("tandem: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /**
     * A failed sync in the user's language, by its reason: what happened, where, what to do, and whether
     * running it again can help. The engine's
     * English words go to the log, not here.
     */
    private void syncFailed(String verb, SyncException e, String remote) {
        String why = SyncWords.shortText(e.reason(), e.diagnosis());
        // "sync" in the window's words for it ("Synchronisierung fehlgeschlagen"); other commands by their name.
        err.println("tandem: " + (verb.equals("sync") ? Messages.text("cli.error.syncFailed", why)
                : Messages.text("cli.error.commandFailed", verb, why)));
        // Which device changed the passphrase and when: the device's name is the remote's text, shown escaped.
        e.passphraseChange().ifPresent(c -> err.println("  " + Messages.text("cli.sync.passphraseChangedOn",
                TerminalText.field(c.device()), Formats.dayYearTime(LocalDateTime.ofInstant(c.at(), clock.getZone())))));
        if (remote != null) {
            err.println("  " + Messages.text("common.sync.remote", remote));
        }
        err.println("  " + SyncWords.hint(e.reason(), e.diagnosis()));
        err.println("  " + Messages.text(SyncWords.retryHelps(e.reason(), e.diagnosis()) ? "cli.sync.retryHelps"
                : "cli.sync.retryUseless"));
        System.getLogger("tandem.sync").log(System.Logger.Level.DEBUG, verb + " failed: " + e.getMessage());
    }

    /**
     * Says on stderr, once, that a command waits for another process's write to this profile, when
     * it waits long enough to be noticed: a sync that catches up from a large snapshot holds the
     * database for seconds, and a save waits for it rather than fails.
     */
    private Consumer<Duration> writeWaitNotice() {
        AtomicBoolean said = new AtomicBoolean();
        return waited -> {
            if (waited.toMillis() >= SyncCommands.WAIT_NOTICE_MILLIS && !said.getAndSet(true)) {
                err.println("tandem: " + Messages.text("cli.notice.writeWait"));
            }
        };
    }
}
