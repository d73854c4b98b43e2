package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.Replica;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.HistoryUpkeep;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.PrunedHistory;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The sync commands: sync and compact, which need a remote, and conflicts, which shows what sync
 * resolved. The remote is the --remote option or else the app's saved sync settings, so a script
 * syncs with the same remote as the desktop app unless told otherwise; with neither, a profile's
 * joined shared lists are synced alone.
 */
final class SyncCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    /** The profile the commands work on; null for {@code tandem check}, which opens none. */
    private final TodoStore store;
    /**
     * How long a sync waits for another one of the profile (or a command for another process's write) before it
     * says so: two seconds, or the system property {@code tandem.waitNoticeMillis}, which a test that waits for the
     * notice sets lower. Waiting is reported about once a second, so the notice comes with the first report at or
     * past it.
     */
    static final long WAIT_NOTICE_MILLIS = Long.getLong("tandem.waitNoticeMillis", 2000);
    /** Snapshots this large take a second or more to load: the sync says why it is quiet meanwhile. */
    static final long CATCH_UP_NOTICE_CHANGES = 10_000;

    SyncCommands(PrintStream out, PrintStream err, Map<String, String> env, TodoStore store) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.store = store;
    }

    int sync(Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.sync.unexpected", "sync", a.positional().get(0)));
        }
        SyncSettings keep = a.flags().contains("--save") ? toSave(dir, a) : null;
        finishSharing(dir);
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            SyncReport r = onRemote(engine, () -> store.replica().sync(engine, waitNotice()));
            if (keep != null) {
                // Only a remote that just synced is kept: one that fails leaves the settings as they were.
                new SettingsStore(dir).saveSync(keep);
                err.println(Messages.text("cli.sync.saved", engine.describe()));
            }
            // Mended now rather than on the store's thread: this process ends right after; the next sync pushes it.
            store.repairTree();
            // Counts as plain digits, as before: scripts read this line.
            out.println(Messages.text("cli.sync.summary", r.complete() ? "complete" : "problems", engine.describe(),
                    String.valueOf(r.pushed()), String.valueOf(r.pulled()), String.valueOf(r.merged()),
                    String.valueOf(r.conflicts()), String.valueOf(r.requests()), String.valueOf(r.bytesUp()),
                    String.valueOf(r.bytesDown())));
            if (r.conflicts() > 0) {
                err.println(Messages.text("cli.sync.seeConflicts"));
            }
            int reported = report(r);
            return fetchAttachments(dir, a, engine) ? reported : Math.max(reported, 1);
        }
    }

    /**
     * {@code sync --remote R --save}: the settings to keep once the sync worked, checked before it
     * runs; the passphrase is TANDEM_PASSPHRASE's, the interval the one saved before.
     */
    private SyncSettings toSave(Path dir, Args a) {
        String remote = a.options().get("--remote");
        if (remote == null) {
            throw new UsageError(Messages.text("cli.sync.saveNeedsRemote"));
        }
        String passphrase = env.getOrDefault("TANDEM_PASSPHRASE", "");
        SyncSettings s;
        try {
            s = RemoteSpec.settings(remote, env, a.options(), passphrase,
                    new SettingsStore(dir).loadSync().intervalSeconds());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Map<String, String> problems = s.validate();
        if (!problems.isEmpty()) {
            throw new UsageError(Messages.text("cli.sync.cannotSave", remote, problems.values().iterator().next()));
        }
        return s;
    }

    /**
     * Says on stderr, once each, what makes a sync take long: waiting for another sync of this
     * profile (the app's, a script's), if it waits long enough to be noticed, and catching up from a
     * large snapshot (a new device, or one back after a long time). A short wait or a small
     * snapshot says nothing.
     */
    private SyncProgress waitNotice() {
        boolean[] said = {false, false};
        return (phase, done, total) -> {
            if (phase.equals(SyncProgress.WAITING) && done >= WAIT_NOTICE_MILLIS && !said[0]) {
                said[0] = true;
                err.println("tandem: " + Messages.text("cli.sync.waiting"));
            } else if (phase.equals(SyncProgress.SNAPSHOT) && done == 0 && total >= CATCH_UP_NOTICE_CHANGES
                    && !said[1]) {
                said[1] = true;
                err.println("tandem: " + Messages.text("cli.sync.catchingUp", total));
            }
        };
    }

    /**
     * With --attachments, or "Keep attachments on this device" saved, downloads every attached file not here
     * yet through {@code engine}, as the app does after each sync; false when one of them could not be
     * downloaded (one its device has not uploaded yet is said, and is no failure).
     */
    private boolean fetchAttachments(Path dir, Args a, SyncEngine engine) {
        if (!a.flags().contains("--attachments") && !AttachmentSettings.load(new SettingsStore(dir)).keepAll()) {
            return true;
        }
        AttachmentStore attachments = store.attachments();
        Map<String, Attachment> absent = new LinkedHashMap<>();
        for (Attachment f : attachments.all()) {
            if (f.blob() != null && attachments.file(f).isEmpty()) {
                absent.putIfAbsent(f.blob(), f);
            }
        }
        if (absent.isEmpty()) {
            return true;
        }
        Map<String, String> missing = AttachmentCommands.fetch(store, engine, List.copyOf(absent.values()), err);
        String notYet = Messages.text("cli.attach.notOnRemoteYet");
        missing.forEach((blob, why) -> err.println("tandem: " + (why.equals(notYet) ? "note: " : "")
                + absent.get(blob).name() + ": " + why));
        err.println(Messages.text("cli.sync.fetched", absent.size() - missing.size(), absent.size()));
        return missing.values().stream().allMatch(notYet::equals);
    }

    /**
     * Says on stderr what the sync could not do and what needs no action, and returns the exit code:
     * {@link Cli#SYNCED_WITH_PROBLEMS} while anything stays unread, so scripts cannot mistake it for
     * a clean sync.
     */
    private int report(SyncReport r) {
        r.notes().forEach(n -> err.println("tandem: note: " + n));
        r.warnings().forEach(w -> err.println("tandem: warning: " + w));
        for (SetAside s : r.setAside()) {
            err.println("tandem: " + Messages.text("cli.sync.unread", s.key(), s.problem(), String.valueOf(s.firstSeen()),
                    s.attempts()));
        }
        if (r.complete()) {
            return 0;
        }
        err.println("tandem: " + Messages.text("cli.sync.unreadHint"));
        return Cli.SYNCED_WITH_PROBLEMS;
    }

    /** Runs the connection check: every step on stdout; exit 0 when all pass. */
    int check(Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.sync.unexpected", "check", a.positional().get(0)));
        }
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            ConnectionCheck c = engine.check();
            out.println(Messages.text("cli.check.checking", engine.describe()));
            // In the user's language by each step's kind and each failure's reason: the engine words them in English.
            Optional<Path> folder = CheckLines.folder(a, dir);
            for (ConnectionCheck.Step s : c.steps()) {
                out.printf("  %s %s: %s%n", s.ok() ? "✓" : "✗", SyncWords.stepName(s), CheckLines.step(s, folder));
            }
            if (c.ok()) {
                out.println(Messages.text("cli.check.works"));
                return 0;
            }
            ConnectionCheck.Step failed = c.steps().stream().filter(s -> !s.ok()).findFirst().orElseThrow();
            err.println("tandem: " + Messages.text("cli.check.failed", SyncWords.stepName(failed)));
            return 1;
        }
    }

    /** Runs {@code work} on {@code engine}'s remote; a failure says which remote ({@link Cli.RemoteFailure}). */
    private static <T> T onRemote(SyncEngine engine, Supplier<T> work) {
        try {
            return work.get();
        } catch (SyncException e) {
            throw new Cli.RemoteFailure(e, engine.describe());
        }
    }

    int compact(Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.sync.unexpected", "compact", a.positional().get(0)));
        }
        HistoryUpkeep history = new HistoryUpkeep(store.replica(), new SettingsStore(dir), Clock.systemUTC());
        String keepDays = a.options().get("--keep-days");
        if (keepDays != null) {
            try {
                history.setKeepDays(Integer.parseInt(keepDays.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageError(Messages.text("cli.compact.badKeepDays", keepDays));
            }
        }
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            CompactionReport r = onRemote(engine, () -> store.replica().compact(engine, waitNotice()));
            // Counts as plain digits, as the sync line: scripts read them.
            out.println(Messages.text("cli.compact.done", engine.describe(), r.snapshotWritten() ? "written" : "current",
                    String.valueOf(r.batchesDeleted()), String.valueOf(r.snapshotsDeleted()),
                    String.valueOf(r.sync().pushed()), String.valueOf(r.sync().pulled())));
            if (r.deletedForgotten() > 0) {
                out.println(Messages.text("cli.compact.forgotDeleted", String.valueOf(r.deletedForgotten())));
            }
            PrunedHistory pruned = history.prune();
            String days = String.valueOf(history.keep().toDays());
            String versions = String.valueOf(Replica.HISTORY_VERSIONS);
            out.println(pruned.bytesReturned() < (1 << 20)
                    ? Messages.text("cli.compact.history", days, versions, String.valueOf(pruned.changes()),
                            String.valueOf(pruned.conflicts()))
                    : Messages.text("cli.compact.historyShrank", days, versions, String.valueOf(pruned.changes()),
                            String.valueOf(pruned.conflicts()), String.valueOf(pruned.bytesReturned() >> 20)));
            return report(r.sync());
        }
    }

    /**
     * The engine sync, compact and check run: {@link #engineFor(Args, Path)}, or, on a profile with
     * no remote of its own but joined shared lists, those lists alone (docs/SHARING.md). The
     * commands that need the personal remote (devices, keys) take {@code engineFor} and its
     * "no remote set up".
     */
    SyncEngine syncEngineFor(Args a, Path dir) {
        if (a.options().get("--remote") == null && new SettingsStore(dir).loadSync().mode() == SyncSettings.Mode.NONE) {
            SyncEngine alone = shared(dir).withSpaces(null, env, store);
            if (alone != null) {
                return alone;
            }
            List<SpaceLists.Space> waiting = shared(dir).all();
            if (!waiting.isEmpty()) {
                throw new Failure(Messages.text("cli.sync.nothingYet", waiting.get(0).keys().fingerprint()));
            }
        }
        return engineFor(a, dir);
    }

    SyncEngine engineFor(Args a, Path dir) {
        String passphrase = env.get("TANDEM_PASSPHRASE");
        // The hint for a missing passphrase names this variable, so it must work with saved settings too.
        return engineFor(a, dir, passphrase == null || passphrase.isEmpty() ? null
                : b -> new SettingsStore(dir).encrypt(b, passphrase));
    }

    /**
     * The engine for --remote or else the saved settings. {@code unlock} opens an encrypted remote
     * in place of the saved passphrase (with another passphrase, or a recovery key); it runs only
     * once the remote itself is known to be usable, so it may ask for a secret. Null keeps the saved
     * passphrase, or no encryption for --remote.
     */
    SyncEngine engineFor(Args a, Path dir, Consumer<SyncEngine.Builder> unlock) {
        String remote = a.options().get("--remote");
        if (remote == null) {
            SettingsStore saved = new SettingsStore(dir);
            SyncSettings s = saved.loadSync();
            if (s.mode() == SyncSettings.Mode.NONE) {
                throw new UsageError(Messages.text("cli.sync.noRemote"));
            }
            Map<String, String> problems = s.validate();
            if (!problems.isEmpty()) {
                throw new Failure(Messages.text("cli.sync.settingsIncomplete", problems.values().iterator().next()));
            }
            SyncEngine.Builder b = s.engineBuilder();
            if (unlock == null) {
                if (s.encrypted()) {
                    saved.encrypt(b, s.passphrase());
                }
            } else {
                unlock.accept(b);
            }
            return shared(dir).withSpaces(b, env, store);
        }
        SyncEngine.Builder b;
        try {
            b = RemoteSpec.builder(remote, env, a.options());
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (unlock != null) {
            unlock.accept(b);
        }
        return shared(dir).withSpaces(b, env, store);
    }

    /** Joins the shared lists whose owner has admitted this person since `tandem join` asked, and finishes removals cut short. */
    private void finishSharing(Path dir) {
        Spaces sharing = new Spaces(new SettingsStore(dir), env);
        int now = sharing.finishJoins(problem -> err.println("tandem: warning: " + problem));
        if (sharing.finishRemovals(store, problem -> err.println("tandem: warning: " + problem)) > 0) {
            err.println("tandem: note: " + Messages.text("cli.sync.memberRemovalFinished"));
        }
        if (now > 0) {
            err.println("tandem: note: " + Messages.text("cli.sync.admitted"));
        }
    }

    private static SpaceLists shared(Path dir) {
        return new SpaceLists(new SettingsStore(dir));
    }

    int conflicts(Path dir, Args a) {
        List<Conflict> list = store.conflicts().list();
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
            err.println(Messages.text("cli.sync.noConflicts"));
            return 0;
        }
        store.people().set(new Spaces(new SettingsStore(dir), env).people());
        Authors authors = new Authors(store);
        for (Conflict c : list) {
            ConflictWords.Said said = ConflictWords.say(store, c);
            // The title is synced text: written so the terminal acts on none of it.
            out.print(conflictLine(c.id(), TerminalText.field(said.title()), said.field(), said.kept(),
                    authors.label(c.keptAuthor()), said.lost(), authors.label(c.lostAuthor())));
        }
        return 0;
    }

    /** How far a multi-line value's continuation lines are indented, under its conflict's first line. */
    static final String CONTINUATION = "    ";

    /**
     * One conflict as `tandem conflicts` prints it, ending with its own line break. A multi-line value
     * (a note) goes on over indented lines, whatever line breaks it was written with, so the next
     * conflict still starts a line of its own.
     */
    static String conflictLine(long id, String title, String field, String kept, String keptBy, String lost, String lostBy) {
        return "#" + id + "  " + oneLine(title) + "  "
                + Messages.text("cli.sync.conflict", field, indented(kept), keptBy, indented(lost), lostBy)
                + System.lineSeparator();
    }

    private static String indented(String value) {
        return value.replaceAll("\\R", System.lineSeparator() + CONTINUATION);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R", " ");
    }
}
