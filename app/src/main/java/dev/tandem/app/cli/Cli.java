package dev.tandem.app.cli;

import dev.tandem.app.DataDirs;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            "attachments", "detach", "move", "sections", "help");
    /** Exit code of a sync that ran but left remote objects unread: devices may not agree yet. */
    static final int SYNCED_WITH_PROBLEMS = 3;

    static final String USAGE = """
            Usage: tandem [--data-dir DIR] [--lang CODE] COMMAND [ARGS]

              add TITLE [DETAILS]                  add a todo; prints its id. The title understands quick add:
                                                   "Water plants every monday p2 @home #Garden remind 9am",
                                                   "Call the bank tomorrow 2pm for 30 min";
                                                   DETAILS override what it says. "note: TITLE" or --kind note
                                                   adds a note (#list, @tags and notes only)
              list [--all] [--list L] [--tag T] [--notes|--todos] [--json] [--as-of TIME]
                                                   open todos and notes (--all: also done ones); --as-of: as
                                                   they stood then, read-only (2026-11-24 18:00, 2026-11-24
                                                   for the end of that day, yesterday, 3 days ago). With
                                                   --list: in the list's own order, sections as "## " headings,
                                                   subtasks indented under their parents
              done ID [--with-subtasks]            mark done (undone ID reopens); for a repeating todo
                                                   prints the next occurrence's id and due date. A todo with
                                                   open subtasks needs --with-subtasks, which completes them too
              skip ID                              a repeating todo moves on to its next occurrence
              edit ID [--title T] [DETAILS]        change the title or DETAILS of a todo or note
              rm ID                                move to the Trash, with its subtasks
              move ID [--parent P | --top] [--section S|none] [--before B] [--list L]
                                                   put a todo under another (P), at the top level, in a
                                                   section (made if new), before another todo B (else last),
                                                   or in another list; its subtasks come along
              sections LIST                        the list's sections in their order
              attach ID FILE... [--insert]         attach files to a todo or note (each at most 100 MB); prints
                                                   each attachment's id. --insert also adds a link to each in
                                                   the notes (an image shows inline). The next sync uploads them
              attachments ID [--json] [--save DIR] [--remote …]
                                                   the item's files: id, name, type, size, and whether this
                                                   device has them ("here") or only the remote does. --save
                                                   copies them into DIR (a clashing name gets " (2)"),
                                                   downloading the missing ones through sync first (same
                                                   remote options as sync)
              detach ATTACHMENT_ID                 remove a file from its item (older versions still show it)
              history ID [--page N]                the item's versions, numbered, with when and on which device,
                                                   and the files attached while each stood; 50 a page, page 1
                                                   the newest
              restore-version ID VERSION [--fields F,G | --all] [--dry-run]
                                                   bring a version back as a new edit that syncs: the fields
                                                   that differ, except those another device changed since
                                                   (--fields names them: title, notes, due, done, list, tags, …;
                                                   --all takes every one). Works for an item deleted for good
              sync [--remote folder:DIR | --remote s3://BUCKET[/PREFIX] | --remote webdav:URL]
                  [--endpoint URL] [--region R] [--save]
                                                   sync now, with the saved settings or the given remote
                                                   (with neither, the shared lists alone); --save keeps the
                                                   given remote (and TANDEM_PASSPHRASE) as this device's
                                                   settings once it synced, for a device without a window;
                                                   S3 keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
                                                   WebDAV log-in from TANDEM_WEBDAV_USER and TANDEM_WEBDAV_PASSWORD
                                                   (TANDEM_WEBDAV_TRUST: a certificate's SHA-256 fingerprint to
                                                   trust on purpose), a passphrase from TANDEM_PASSPHRASE
              compact [--remote …] [--keep-days N] sync, write a snapshot to the remote and delete what no
                                                   device needs any more (same remote options as sync); then
                                                   forget local history older than N days (saved; default
                                                   365), keeping the last 3 versions of every field
              check [--remote …]                   test the remote for real: list, write, read back,
                                                   conditional write, passphrase (same remote options)
              passphrase change [--remote …]       give an encrypted remote a new passphrase: the current one
                                                   from TANDEM_PASSPHRASE (or the saved settings), the new one
                                                   from TANDEM_NEW_PASSPHRASE; asked for when missing at a
                                                   terminal. Only the keyring changes; the saved settings follow
              passphrase reset [--remote …]        the same with the recovery key (TANDEM_RECOVERY_KEY) in place
                                                   of a forgotten passphrase
              keys status [--remote …]             the remote's keyring: last change, recovery key, key stretching
              keys recovery-key [--remote …]       make a recovery key, printed on stdout; earlier ones stop working
              keys rotate [--remote …]             after a leak: a new data key, passphrase (TANDEM_NEW_PASSPHRASE)
                                                   and recovery key; re-encrypts every object on the remote, and
                                                   finishes an interrupted rotation when run again
              conflicts [--json]                   conflicts that sync resolved
              export --format json|markdown|ics --out PATH
                                                   everything, as a JSON backup (to a PATH ending in .zip
                                                   with the attached files), a Markdown folder (files in
                                                   _attachments/) or an iCalendar file
              import PATH [--format F]             add todos from a file or folder; F (else detected): json,
                                                   markdown, ics, todoist, jex, joplin-raw. Importing the
                                                   same file again adds nothing
              device name [NEW]                    print the name other devices show for this one, or set
                                                   it (1 to 64 characters); the next sync carries it
              device list [--remote …]             the devices the remote knows of, when each was last seen
              device forget NAME|ID [--remote …]   retire a device for good (a lost phone, a sold laptop): the
                                                   others stop keeping what only it would need; if it syncs
                                                   again it re-joins as a new device and loses nothing
              caldav sync [URL] [--lists A,B] [--drop C]
                                                   two-way sync with a CalDAV account's task lists (phone apps:
                                                   DAVx5 + Tasks.org, Apple Reminders): URL is the server, the
                                                   account or one calendar; log-in from TANDEM_CALDAV_USER and
                                                   TANDEM_CALDAV_PASSWORD. --lists connects those lists too
                                                   ("Inbox" for the Inbox); task lists on the server become lists.
                                                   --drop disconnects lists here (the server keeps them as they
                                                   are) until --lists names them again
              caldav status                        the connected account and lists
              share LIST --remote REMOTE [--as NAME]
                                                   share a list with other people through a remote of its own
                                                   (same forms as sync's --remote; an S3 endpoint and region
                                                   from AWS_ENDPOINT_URL and AWS_REGION); prints an invite code
              join CODE [--as NAME] [--into-existing]
                                                   ask to join a shared list; prints the fingerprint to read
                                                   to its owner. Once admitted, join again (or sync) brings it.
                                                   A list you already have joins only with --into-existing
              members LIST [--admit FP] [--invite] [--revoke ID] [--repair]
                                                   who shares the list, who asks to join, and the open invites;
                                                   the owner admits by fingerprint (compare it whole with the
                                                   person; type at least 16 digits, 4 groups, best all 32),
                                                   makes a new invite (one person each, for 7 days), or
                                                   revokes an open invite
              backup [--to DIR]                    back up the profile now (as the app does daily): a checked copy,
                                                   encrypted with the remote's passphrase when sync is; prints its
                                                   path and size. DIR: else the app's backup folder
              backups                              this profile's backups in the backup folder, newest first
              restore PATH [--dry-run] [--into-new DIR]
                                                   say what restoring the backup changes, then do it as ordinary
                                                   edits that sync (only fields that differ; items made since stay;
                                                   the profile as it was is backed up first). --into-new: a new
                                                   profile in DIR instead. Passphrase from TANDEM_PASSPHRASE, the
                                                   saved sync settings or the terminal
              serve [--listen HOST:PORT] [--remote …] [--tls-self-signed | --tls-keystore FILE]
                  [--public-host NAME] [--behind-proxy] [--no-mdns] [--passphrase-file FILE]
                  [--interval SECONDS]
                                                   this profile as a device that syncs (like sync) and serves
                                                   the web companion to paired browsers (docs/WEB.md) until
                                                   stopped; prints a pairing code and QR code (Enter: a new
                                                   one). Listens on 127.0.0.1:8765 unless told; another address
                                                   needs TLS. Passphrase from --passphrase-file (chmod 600),
                                                   TANDEM_PASSPHRASE, the saved settings or a prompt; a
                                                   keystore's password from TANDEM_TLS_PASSWORD. Answers only
                                                   to its own names (--public-host adds one); --behind-proxy:
                                                   a reverse proxy on this machine names the client in
                                                   X-Forwarded-For. On a LAN address it is announced over mDNS
                                                   (as "Tandem on DEVICE" and HOST.local) unless --no-mdns
              serve --pair                         a new pairing code for the server running on this profile
              serve --browsers                     the paired browsers: id, name, last seen
              serve --revoke ID                    unpairs a browser, at once for a server running now
              unshare LIST [--member NAME] [--keep]
                                                   leave a shared list (its items go to the Trash here), or, as
                                                   its owner, remove a member: the list's key changes, so they
                                                   read and write nothing new; they keep what they had.
                                                   --keep: stop syncing it with the others and keep it here as
                                                   a private list, with its todos (after being removed)

            DETAILS, the options add and edit share:
              OPTION             SETS        ACCEPTED VALUES                              NONE CLEARS (EDIT ONLY)
              --list L           list        a list's name, created if new; inbox         no (inbox: no list)
              --due DATE         due date    today, tomorrow, fri, next week, in 3 days,  yes
                                             2026-12-01; none also clears the time
              --at TIME          time        14:00, 2pm, noon: the time of day on the     yes
                                             due date (without one: the next time it
                                             comes)
              --for LENGTH       length      30m, 45 min, 1h, 1h30                        yes
              --priority P       priority    1 (highest) to 4, or p1 to p4                yes
              --tags a,b         tags        separated by commas; spaces inside one       yes
                                             become dashes ("two words": @two-words);
                                             add adds to the title's, edit replaces all
              --repeat R         repeat      every day|weekday|monday|2 weeks|month on    yes
                                             the 1st|year, or an RRULE such as
                                             FREQ=WEEKLY;BYDAY=MO; add without a due
                                             date: due on the first date
              --remind TIME      reminder    9am, 18:00, tomorrow 18:00: on the due       yes
                                             date, else the next time it comes
              --notes N          notes       the text; - reads it from stdin              no ("" clears)
              --notes-file PATH  notes       a UTF-8 file (not with --notes)              no
              --kind K           note/todo   note or todo; a note has no due date,        no
                                             time, priority, repeat or reminder
              --start DATE       start date  when to start ("When"): until then the todo  yes
                                             is in Upcoming, not Today; as --due reads
              --parent ID        parent      add only: a subtask of that todo, in its     no
                                             list (move changes it later)
              --section S        section     add only: a section of the list, made if     no
                                             new (move changes it later)
              --someday          Someday     add: a flag; edit: --someday yes|no. Out of  no
                                             the way (Someday) until it gets a date

            ID is the full id or a unique part of its start or end (at least 4 characters).
            Exit codes: 0 ok, 1 failed, 2 usage, 3 synced with problems (remote objects this device
            could not read are listed on stderr; devices may not agree yet). The data dir is --data-dir, $TANDEM_DATA_DIR, or the
            platform's app-data directory.
            """;

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
            return VERBS.contains(a);
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

    /** Runs a command; returns the exit code. */
    public int run(List<String> argv) {
        // The language is the process's; a command run in-process (a test, the serve's tools) leaves it as it was.
        dev.tandem.ui.messages.Language before = Messages.language();
        try {
            return runCommand(argv);
        } finally {
            Messages.use(before);
        }
    }

    private int runCommand(List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        String dataDirOpt = null;
        String langOpt = null;
        String verb = "command";
        try {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--data-dir")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageError("--data-dir needs a directory");
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
                        throw new UsageError("--lang needs a language code (en, de, fr)");
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
                Messages.use(LanguageSetting.choose(langOpt, env,
                        new SettingsStore(DataDirs.resolve(dataDirOpt, env)), Locale.getDefault()));
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            if (args.isEmpty() || !VERBS.contains(args.get(0))) {
                throw new UsageError(args.isEmpty() ? "no command" : "unknown command: " + args.get(0));
            }
            verb = args.remove(0);
            if (verb.equals("help")) {
                out.print(USAGE);
                return 0;
            }
            Path dir = DataDirs.resolve(dataDirOpt, env);
            Args a = Args.parse(verb, args);
            if (verb.equals("check")) {
                // Only the saved settings are read: checking a remote must not create a profile.
                return new SyncCommands(out, err, env).check(dir, a);
            }
            try {
                DataDirs.createPrivate(dir);
            } catch (IOException e) {
                throw new Failure("cannot create the data directory " + dir + ": " + e.getMessage());
            }
            // The database runs on the CLI's clock, so a test can step past sync's retry delay for
            // set-aside objects (a minute) and see a healed object merged by a later `tandem sync`.
            try (Db db = Schema.database(dir.resolve("tandem.db")).clock(clock).onWriteWait(writeWaitNotice()).build()) {
                TodoStore store = new TodoStore(db, clock);
                store.setSharedLists(() -> new dev.tandem.app.space.SpaceLists(new dev.tandem.app.settings.SettingsStore(dir))
                        .listIds());
                TodoCommands todos = new TodoCommands(in, out, err);
                SyncCommands syncs = new SyncCommands(out, err, env);
                KeyCommands keys = new KeyCommands(out, err, env, syncs);
                return switch (verb) {
                    case "add" -> todos.add(store, a);
                    case "list", "ls" -> a.options().containsKey("--as-of")
                            ? new HistoryCommands(out, err).listAsOf(store, a, todos) : todos.list(store, a);
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
                    case "sync" -> syncs.sync(store, dir, a);
                    case "compact" -> syncs.compact(store, dir, a);
                    case "conflicts" -> syncs.conflicts(store, dir, a);
                    case "passphrase" -> keys.passphrase(dir, a);
                    case "keys" -> keys.keys(store, dir, a);
                    case "import" -> new TransferCommands(err).importPath(store, Path.of(""), a);
                    case "export" -> new TransferCommands(err).export(store, Path.of(""), a);
                    case "device" -> new DeviceCommands(out, err, syncs).device(store, dir, a);
                    case "caldav" -> new CalDavCommands(out, err, env).caldav(store, a);
                    case "share" -> new ShareCommands(out, err, env).share(store, dir, a);
                    case "join" -> new ShareCommands(out, err, env).join(store, dir, a);
                    case "members" -> new ShareCommands(out, err, env).members(store, dir, a);
                    case "unshare" -> new ShareCommands(out, err, env).unshare(store, dir, a);
                    case "backup" -> new BackupCommands(out, err, env, clock).backup(store, dir, a);
                    case "backups" -> new BackupCommands(out, err, env, clock).list(store, dir, a);
                    case "restore" -> new BackupCommands(out, err, env, clock).restore(store, dir, a);
                    case "serve" -> new ServeCommands(in, out, err, env, java.time.Clock.systemDefaultZone())
                            .toldLanguage(langOpt != null || !env.getOrDefault("TANDEM_LANG", "").isBlank()
                                    ? Messages.language() : null)
                            .serve(store, dir, a, syncs);
                    default -> throw new UsageError("unknown command: " + verb);
                };
            }
        } catch (UsageError e) {
            err.println("tandem: " + e.getMessage());
            err.println("Run 'tandem help' for usage.");
            return 2;
        } catch (Failure e) {
            err.println("tandem: " + e.getMessage());
            return 1;
        } catch (SyncException e) {
            err.println("tandem: " + verb + " failed: " + e.getMessage());
            err.println("  " + e.hint());
            return 1;
        } catch (TandemException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("tandem: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
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
                err.println("tandem: waiting for another Tandem process to finish writing to this profile (a sync"
                        + " catching up can take a while)...");
            }
        };
    }
}
