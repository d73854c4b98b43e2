package dev.tandem.app.cli;

import dev.tandem.app.DataDirs;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SettingsStore;
import dev.tandem.app.sync.SyncSettings;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.app.vm.ConflictsViewModel;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line: the same data and sync as the desktop app, for scripts and headless machines.
 * Exit codes: 0 done, 1 the command failed (no such item, sync error, database error), 2 usage.
 * Results go to stdout, messages to stderr.
 */
public final class Cli {
    public static final Set<String> VERBS = Set.of("add", "list", "ls", "done", "undone", "edit", "rm", "sync",
            "compact", "conflicts", "help");

    static final String USAGE = """
            Usage: tandem [--data-dir DIR] COMMAND [ARGS]

              add TITLE [--list L] [--due DATE]    add a todo; prints its id. DATE: today, tomorrow, fri,
                                                   next week, in 3 days, 2026-12-01
              list [--all] [--list L] [--json]     open todos (--all: also done ones)
              done ID                              mark done (undone ID reopens)
              edit ID [--title T] [--notes N] [--due DATE|none] [--list L]
              rm ID                                move to the Trash
              sync [--remote folder:DIR | --remote s3://BUCKET[/PREFIX]] [--endpoint URL] [--region R]
                                                   sync now, with the saved settings or the given remote;
                                                   S3 keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
                                                   a passphrase from TANDEM_PASSPHRASE
              compact [--remote …]                 sync, write a snapshot to the remote and delete what no
                                                   device needs any more (same remote options as sync)
              conflicts [--json]                   conflicts that sync resolved

            ID is the full id or a unique part of its start or end (at least 4 characters).
            Exit codes: 0 ok, 1 failed, 2 usage. The data dir is --data-dir, $TANDEM_DATA_DIR, or the
            platform's app-data directory.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, Clock.systemUTC());
    }

    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    /** True when the arguments name a CLI verb (after any --data-dir DIR). */
    public static boolean isCliInvocation(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir")) {
                i++;
                continue;
            }
            if (a.startsWith("--data-dir=")) {
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
        List<String> args = new ArrayList<>(argv);
        String dataDirOpt = null;
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
                }
            }
            if (args.isEmpty() || !VERBS.contains(args.get(0))) {
                throw new UsageError(args.isEmpty() ? "no command" : "unknown command: " + args.get(0));
            }
            String verb = args.remove(0);
            if (verb.equals("help")) {
                out.print(USAGE);
                return 0;
            }
            Path dir = DataDirs.resolve(dataDirOpt, env);
            Args a = Args.parse(verb, args);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new Failure("cannot create the data directory " + dir + ": " + e.getMessage());
            }
            try (Db db = Db.open(dir.resolve("tandem.db"))) {
                TodoStore store = new TodoStore(db, clock);
                return switch (verb) {
                    case "add" -> add(store, a);
                    case "list", "ls" -> list(store, a);
                    case "done" -> setDone(store, a, true);
                    case "undone" -> setDone(store, a, false);
                    case "edit" -> edit(store, a);
                    case "rm" -> rm(store, a);
                    case "sync" -> sync(store, dir, a);
                    case "compact" -> compact(store, dir, a);
                    case "conflicts" -> conflicts(store, a);
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
            err.println("tandem: sync failed: " + e.getMessage());
            err.println("  " + e.hint());
            return 1;
        } catch (TandemException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("tandem: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /** Positional words and --options of one command, checked against what the command accepts. */
    record Args(List<String> positional, Map<String, String> options, Set<String> flags) {
        static final Map<String, Set<String>> OPTIONS = Map.of(
                "add", Set.of("--list", "--due"),
                "list", Set.of("--list"),
                "ls", Set.of("--list"),
                "edit", Set.of("--title", "--notes", "--due", "--list"),
                "sync", Set.of("--remote", "--endpoint", "--region"),
                "compact", Set.of("--remote", "--endpoint", "--region"));
        static final Map<String, Set<String>> FLAGS = Map.of(
                "list", Set.of("--json", "--all"),
                "ls", Set.of("--json", "--all"),
                "conflicts", Set.of("--json"));

        static Args parse(String verb, List<String> args) {
            List<String> pos = new ArrayList<>();
            Map<String, String> opts = new HashMap<>();
            java.util.HashSet<String> flags = new java.util.HashSet<>();
            Set<String> allowedOpts = OPTIONS.getOrDefault(verb, Set.of());
            Set<String> allowedFlags = FLAGS.getOrDefault(verb, Set.of());
            for (int i = 0; i < args.size(); i++) {
                String s = args.get(i);
                if (s.equals("--")) {
                    pos.addAll(args.subList(i + 1, args.size()));
                    break;
                }
                if (s.startsWith("--")) {
                    String name = s;
                    String val = null;
                    int eq = s.indexOf('=');
                    if (eq > 0) {
                        name = s.substring(0, eq);
                        val = s.substring(eq + 1);
                    }
                    if (allowedFlags.contains(name)) {
                        flags.add(name);
                    } else if (allowedOpts.contains(name)) {
                        if (val == null) {
                            if (i + 1 >= args.size()) {
                                throw new UsageError(verb + ": " + name + " needs a value");
                            }
                            val = args.get(++i);
                        }
                        opts.put(name, val);
                    } else {
                        throw new UsageError(verb + ": unknown option " + name);
                    }
                } else {
                    pos.add(s);
                }
            }
            return new Args(pos, opts, flags);
        }

        String one(String verb, String what) {
            if (positional.size() != 1) {
                throw new UsageError(verb + ": expected one " + what + (positional.isEmpty() ? "" : ", got " + positional.size()));
            }
            return positional.get(0);
        }
    }

    private LocalDate parseDate(String text, TodoStore store) {
        return DatePhrases.parse(text, store.today()).orElseThrow(() ->
                new UsageError("cannot read the date '" + text + "'; try today, tomorrow, fri, next week, in 3 days or 2026-12-01"));
    }

    private String listIdFor(TodoStore store, String name) {
        if (name == null) {
            return null;
        }
        if (name.isBlank() || name.equalsIgnoreCase("inbox")) {
            return null;
        }
        return store.findList(name).map(TodoList::id).orElseGet(() -> {
            TodoList l = store.createList(name);
            err.println("Created list “" + l.name() + "”");
            return l.id();
        });
    }

    private int add(TodoStore store, Args a) {
        String title = String.join(" ", a.positional()).strip();
        if (title.isEmpty()) {
            throw new UsageError("add: give a title, e.g. tandem add \"Buy milk\" --due tomorrow");
        }
        LocalDate due = a.options().containsKey("--due") ? parseDate(a.options().get("--due"), store) : null;
        Item it = store.add(title, listIdFor(store, a.options().get("--list")), due);
        out.println(it.id());
        return 0;
    }

    private int list(TodoStore store, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("list: unexpected argument " + a.positional().get(0));
        }
        Map<String, String> listNames = store.lists().stream()
                .collect(Collectors.toMap(TodoList::id, l -> l.name() == null ? "" : l.name(), (x, y) -> x));
        String onlyList = null;
        if (a.options().containsKey("--list")) {
            String name = a.options().get("--list");
            onlyList = name.equalsIgnoreCase("inbox") ? "" : store.findList(name).map(TodoList::id)
                    .orElseThrow(() -> new Failure("no list called “" + name + "”"));
        }
        boolean all = a.flags().contains("--all");
        List<Item> items = new ArrayList<>();
        for (Item it : store.allItems()) {
            if (it.isTrashed() || (!all && it.isDone())) {
                continue;
            }
            if (onlyList != null) {
                String lid = it.listId() != null && listNames.containsKey(it.listId()) ? it.listId() : "";
                if (!lid.equals(onlyList)) {
                    continue;
                }
            }
            items.add(it);
        }
        if (a.flags().contains("--json")) {
            out.println("[" + items.stream().map(it -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", it.id());
                m.put("title", it.title());
                m.put("notes", it.notes());
                m.put("due", it.due());
                m.put("done", it.isDone());
                m.put("list", it.listId() == null ? null : listNames.get(it.listId()));
                m.put("listId", it.listId());
                return Json.object(m);
            }).collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        if (items.isEmpty()) {
            err.println("No todos. Add one: tandem add \"Buy milk\" --due tomorrow");
            return 0;
        }
        for (Item it : items) {
            StringBuilder b = new StringBuilder();
            b.append(shortId(it.id())).append("  ").append(it.isDone() ? "[x] " : "[ ] ").append(it.titleOrEmpty());
            if (it.due() != null) {
                b.append("  (due ").append(it.due()).append(')');
            }
            if (it.listId() != null && listNames.containsKey(it.listId())) {
                b.append("  #").append(listNames.get(it.listId()));
            }
            if (it.hasNotes()) {
                b.append("  [notes]");
            }
            out.println(b);
        }
        return 0;
    }

    /** The last 8 characters: the random part of a UUIDv7, so it tells items apart. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(id.length() - 8);
    }

    private Item resolve(TodoStore store, String ref) {
        Optional<Item> exact = store.get(ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (ref.length() < 4) {
            throw new Failure("no item with id " + ref + " (give at least 4 characters)");
        }
        String r = ref.toLowerCase(java.util.Locale.ROOT);
        List<Item> matches = store.allItems().stream()
                .filter(it -> it.id().toLowerCase(java.util.Locale.ROOT).startsWith(r)
                        || it.id().toLowerCase(java.util.Locale.ROOT).endsWith(r))
                .toList();
        if (matches.isEmpty()) {
            throw new Failure("no item with id " + ref + " (see tandem list --all)");
        }
        if (matches.size() > 1) {
            throw new Failure("id " + ref + " matches " + matches.size() + " items: "
                    + matches.stream().limit(5).map(Item::id).collect(Collectors.joining(", ")));
        }
        return matches.get(0);
    }

    private int setDone(TodoStore store, Args a, boolean done) {
        Item it = resolve(store, a.one(done ? "done" : "undone", "ID"));
        store.setDone(it.id(), done);
        err.println((done ? "Done: " : "Reopened: ") + it.titleOrEmpty());
        return 0;
    }

    private int edit(TodoStore store, Args a) {
        String ref = a.one("edit", "ID");
        Map<String, String> o = a.options();
        if (o.isEmpty()) {
            throw new UsageError("edit: say what to change: --title, --notes, --due or --list");
        }
        if (o.containsKey("--title") && o.get("--title").isBlank()) {
            throw new UsageError("edit: --title must not be empty");
        }
        LocalDate due = null;
        boolean clearDue = false;
        if (o.containsKey("--due")) {
            String d = o.get("--due").strip();
            if (d.equalsIgnoreCase("none") || d.isEmpty()) {
                clearDue = true;
            } else {
                due = parseDate(d, store);
            }
        }
        Item it = resolve(store, ref);
        String listId = o.containsKey("--list") ? listIdFor(store, o.get("--list")) : it.listId();
        LocalDate fDue = due;
        boolean fClear = clearDue;
        store.update(it.id(), cur -> {
            Item r = cur;
            if (o.containsKey("--title")) {
                r = r.withTitle(o.get("--title").strip());
            }
            if (o.containsKey("--notes")) {
                r = r.withNotes(o.get("--notes").isEmpty() ? null : o.get("--notes"));
            }
            if (fClear) {
                r = r.withDue(null);
            } else if (fDue != null) {
                r = r.withDue(fDue);
            }
            if (o.containsKey("--list")) {
                r = r.withListId(listId);
            }
            return r;
        });
        err.println("Edited: " + store.get(it.id()).map(Item::titleOrEmpty).orElse(it.titleOrEmpty()));
        return 0;
    }

    private int rm(TodoStore store, Args a) {
        Item it = resolve(store, a.one("rm", "ID"));
        store.trash(it.id());
        err.println("Moved to Trash: " + it.titleOrEmpty());
        return 0;
    }

    private int sync(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("sync: unexpected argument " + a.positional().get(0));
        }
        SyncEngine engine = engineFor(a, dir);
        try (engine) {
            SyncReport r = engine.sync(store.db());
            out.printf("Synced with %s: pushed %d, pulled %d, merged %d, conflicts %d (%d requests, %d B up, %d B down)%n",
                    engine.describe(), r.pushed(), r.pulled(), r.merged(), r.conflicts(), r.requests(), r.bytesUp(), r.bytesDown());
            if (r.conflicts() > 0) {
                err.println("See them with: tandem conflicts");
            }
            return 0;
        }
    }

    private int compact(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("compact: unexpected argument " + a.positional().get(0));
        }
        SyncEngine engine = engineFor(a, dir);
        try (engine) {
            dev.tandem.engine.sync.CompactionReport r = engine.compact(store.db());
            out.printf("Compacted %s: %s, deleted %d batches and %d old snapshots (sync: pushed %d, pulled %d)%n",
                    engine.describe(), r.snapshotWritten() ? "wrote a snapshot" : "the newest snapshot was current",
                    r.batchesDeleted(), r.snapshotsDeleted(), r.sync().pushed(), r.sync().pulled());
            return 0;
        }
    }

    SyncEngine engineFor(Args a, Path dir) {
        String passphrase = env.get("TANDEM_PASSPHRASE");
        String remote = a.options().get("--remote");
        if (remote == null) {
            SyncSettings s = new SettingsStore(dir).loadSync();
            if (s.mode() == SyncSettings.Mode.NONE) {
                throw new UsageError("sync: no remote set up; pass --remote folder:DIR or --remote s3://BUCKET, "
                        + "or set one up in the app's Sync settings");
            }
            Map<String, String> problems = s.validate();
            if (!problems.isEmpty()) {
                throw new Failure("the saved sync settings are incomplete: " + problems.values().iterator().next());
            }
            return s.toEngine();
        }
        SyncEngine.Builder b = SyncEngine.builder();
        if (remote.startsWith("folder:")) {
            String d = remote.substring("folder:".length());
            if (d.isBlank()) {
                throw new UsageError("sync: --remote folder:DIR needs a directory");
            }
            b.folder(Path.of(d).toAbsolutePath());
        } else if (remote.startsWith("s3://")) {
            URI u;
            try {
                u = URI.create(remote);
            } catch (IllegalArgumentException e) {
                throw new UsageError("sync: cannot read the remote " + remote);
            }
            String bucket = u.getHost() != null ? u.getHost() : u.getAuthority();
            if (bucket == null || bucket.isBlank()) {
                throw new UsageError("sync: --remote s3://BUCKET[/PREFIX] needs a bucket");
            }
            String access = env.get("AWS_ACCESS_KEY_ID");
            String secret = env.get("AWS_SECRET_ACCESS_KEY");
            if (access == null || access.isBlank() || secret == null || secret.isEmpty()) {
                throw new UsageError("sync: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for an S3 remote");
            }
            String endpoint = a.options().getOrDefault("--endpoint", env.get("AWS_ENDPOINT_URL"));
            String region = a.options().getOrDefault("--region", env.getOrDefault("AWS_REGION", "us-east-1"));
            b.s3(endpoint == null || endpoint.isBlank() ? null : endpoint, bucket, region, access, secret);
            String prefix = u.getPath() == null ? "" : u.getPath().replaceAll("^/+", "");
            if (!prefix.isEmpty()) {
                b.prefix(prefix);
            }
        } else {
            throw new UsageError("sync: --remote must be folder:DIR or s3://BUCKET[/PREFIX], was " + remote);
        }
        if (passphrase != null && !passphrase.isEmpty()) {
            b.encrypted(passphrase);
        }
        return b.build();
    }

    private int conflicts(TodoStore store, Args a) {
        List<Conflict> list = store.db().conflicts();
        if (a.flags().contains("--json")) {
            out.println("[" + list.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("kind", c.kind().name());
                m.put("table", c.table());
                m.put("entity", c.entity());
                m.put("field", c.field());
                m.put("kept", c.keptValue());
                m.put("keptBy", c.keptAuthor());
                m.put("lost", c.lostValue());
                m.put("lostBy", c.lostAuthor());
                m.put("lostAt", c.lostAt() == null ? null : c.lostAt().toString());
                return Json.object(m);
            }).collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        if (list.isEmpty()) {
            err.println("No conflicts.");
            return 0;
        }
        for (Conflict c : list) {
            String title = "items".equals(c.table()) ? store.get(c.entity()).map(Item::titleOrEmpty).orElse(c.entity()) : c.entity();
            out.printf("#%d  %s  %s: kept “%s” (%s), lost “%s” (%s)%n", c.id(), title,
                    ConflictsViewModel.fieldLabel(c.field()),
                    ConflictsViewModel.valueText(c.field(), c.keptValue(), false), store.deviceLabel(c.keptAuthor()),
                    ConflictsViewModel.valueText(c.field(), c.lostValue(), false), store.deviceLabel(c.lostAuthor()));
        }
        return 0;
    }
}
