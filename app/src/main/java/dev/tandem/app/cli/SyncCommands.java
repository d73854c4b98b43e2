package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Authors;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.HistoryUpkeep;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.vm.ConflictsViewModel;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.PrunedHistory;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
    /** How long a sync waits for another one of the profile before it says so. */
    static final long WAIT_NOTICE_MILLIS = 2000;
    /** Snapshots this large take a second or more to load: the sync says why it is quiet meanwhile. */
    static final long CATCH_UP_NOTICE_CHANGES = 10_000;

    SyncCommands(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int sync(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("sync: unexpected argument " + a.positional().get(0));
        }
        SyncSettings keep = a.flags().contains("--save") ? toSave(dir, a) : null;
        finishSharing(store, dir);
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            SyncReport r = engine.sync(store.db(), waitNotice());
            if (keep != null) {
                // Only a remote that just synced is kept: one that fails leaves the settings as they were.
                new SettingsStore(dir).saveSync(keep);
                err.println("Saved " + engine.describe() + " as this device's remote: a plain tandem sync, tandem serve"
                        + " and the app use it from now on.");
            }
            // Mended now rather than on the store's thread: this process ends right after; the next sync pushes it.
            store.repairTree();
            out.printf("%s %s: pushed %d, pulled %d, merged %d, conflicts %d (%d requests, %d B up, %d B down)%n",
                    r.complete() ? "Synced with" : "Synced with problems with", engine.describe(), r.pushed(), r.pulled(),
                    r.merged(), r.conflicts(), r.requests(), r.bytesUp(), r.bytesDown());
            if (r.conflicts() > 0) {
                err.println("See them with: tandem conflicts");
            }
            return report(r);
        }
    }

    /**
     * {@code sync --remote R --save}: the settings to keep once the sync worked, checked before it
     * runs; the passphrase is TANDEM_PASSPHRASE's, the interval the one saved before.
     */
    private SyncSettings toSave(Path dir, Args a) {
        String remote = a.options().get("--remote");
        if (remote == null) {
            throw new UsageError("sync: --save keeps the --remote given; pass --remote folder:DIR, s3://BUCKET or"
                    + " webdav:URL with it");
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
            throw new UsageError("sync: cannot save " + remote + ": " + problems.values().iterator().next());
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
                err.println("tandem: waiting for another sync of this profile to finish (the app or another tandem"
                        + " command)...");
            } else if (phase.equals(SyncProgress.SNAPSHOT) && done == 0 && total >= CATCH_UP_NOTICE_CHANGES
                    && !said[1]) {
                said[1] = true;
                err.println("tandem: catching up from the remote's newest snapshot (" + total + " changes)...");
            }
        };
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
            err.printf("tandem: unread: %s: %s (first failed %s, %d failed read%s)%n", s.key(), s.problem(),
                    s.firstSeen(), s.attempts(), s.attempts() == 1 ? "" : "s");
        }
        if (r.complete()) {
            return 0;
        }
        err.println("tandem: this device lacks what the objects above hold. Tandem reads them again by itself;"
                + " the device that wrote them may need to sync again. 'tandem check' tests the remote.");
        return Cli.SYNCED_WITH_PROBLEMS;
    }

    /** Runs the connection check: every step on stdout; exit 0 when all pass. */
    int check(Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("check: unexpected argument " + a.positional().get(0));
        }
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            ConnectionCheck c = engine.check();
            out.println("Checking " + engine.describe());
            for (ConnectionCheck.Step s : c.steps()) {
                out.printf("  %s %s: %s%n", s.ok() ? "✓" : "✗", s.name(), s.message());
            }
            if (c.ok()) {
                out.println("The remote works with Tandem.");
                return 0;
            }
            err.println("tandem: check failed: " + c.summary());
            return 1;
        }
    }

    int compact(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("compact: unexpected argument " + a.positional().get(0));
        }
        HistoryUpkeep history = new HistoryUpkeep(store.db(), new SettingsStore(dir), Clock.systemUTC());
        String keepDays = a.options().get("--keep-days");
        if (keepDays != null) {
            try {
                history.setKeepDays(Integer.parseInt(keepDays.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageError("compact: --keep-days takes a number of days, 0 or more; got " + keepDays);
            }
        }
        SyncEngine engine = syncEngineFor(a, dir);
        try (engine) {
            CompactionReport r = engine.compact(store.db(), waitNotice());
            out.printf("Compacted %s: %s, deleted %d batches and %d old snapshots (sync: pushed %d, pulled %d)%n",
                    engine.describe(), r.snapshotWritten() ? "wrote a snapshot" : "the newest snapshot was current",
                    r.batchesDeleted(), r.snapshotsDeleted(), r.sync().pushed(), r.sync().pulled());
            if (r.deletedForgotten() > 0) {
                out.printf("Forgot %d deleted items every device has seen deleted%n", r.deletedForgotten());
            }
            PrunedHistory pruned = history.prune();
            out.printf("History: kept %d days and the last %d versions of every field; forgot %d older changes"
                    + " and %d dismissed conflicts%s%n", history.keep().toDays(), Db.HISTORY_VERSIONS, pruned.changes(),
                    pruned.conflicts(), pruned.bytesReturned() < (1 << 20) ? ""
                            : "; the file shrank by " + (pruned.bytesReturned() >> 20) + " MB");
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
            SyncEngine alone = shared(dir).withSpaces(null, env);
            if (alone != null) {
                return alone;
            }
            List<SpaceLists.Space> waiting = shared(dir).all();
            if (!waiting.isEmpty()) {
                throw new Failure("nothing to sync yet: no remote is set up, and no shared list you asked to join"
                        + " has admitted you yet; read your fingerprint " + waiting.get(0).keys().fingerprint()
                        + " to the person who invited you");
            }
        }
        return engineFor(a, dir);
    }

    SyncEngine engineFor(Args a, Path dir) {
        String passphrase = env.get("TANDEM_PASSPHRASE");
        // The hint for a missing passphrase names this variable, so it must work with saved settings too.
        return engineFor(a, dir, passphrase == null || passphrase.isEmpty() ? null : b -> b.encrypted(passphrase));
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
            SyncSettings s = new SettingsStore(dir).loadSync();
            if (s.mode() == SyncSettings.Mode.NONE) {
                throw new UsageError("no remote set up; pass --remote folder:DIR, --remote s3://BUCKET or "
                        + "--remote webdav:https://HOST/PATH, or set one up in the app's Sync settings");
            }
            Map<String, String> problems = s.validate();
            if (!problems.isEmpty()) {
                throw new Failure("the saved sync settings are incomplete: " + problems.values().iterator().next());
            }
            SyncEngine.Builder b = s.engineBuilder();
            if (unlock == null) {
                if (s.encrypted()) {
                    b.encrypted(s.passphrase());
                }
            } else {
                unlock.accept(b);
            }
            return shared(dir).withSpaces(b, env);
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
        return shared(dir).withSpaces(b, env);
    }

    /** Joins the shared lists whose owner has admitted this person since `tandem join` asked, and finishes removals cut short. */
    private void finishSharing(TodoStore store, Path dir) {
        Spaces sharing = new Spaces(new SettingsStore(dir), env);
        int now = sharing.finishJoins(problem -> err.println("tandem: warning: " + problem));
        if (sharing.finishRemovals(store, problem -> err.println("tandem: warning: " + problem)) > 0) {
            err.println("tandem: note: finished removing a member from a shared list, and changed its key");
        }
        if (now > 0) {
            err.println("tandem: note: admitted to a shared list; it arrives with this sync");
        }
    }

    private static SpaceLists shared(Path dir) {
        return new SpaceLists(new SettingsStore(dir));
    }

    int conflicts(TodoStore store, Path dir, Args a) {
        List<Conflict> list = store.db().conflicts().list();
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
        store.setPeople(new Spaces(new SettingsStore(dir), env).people());
        Authors authors = new Authors(store);
        for (Conflict c : list) {
            String title = "items".equals(c.table()) ? store.get(c.entity()).map(Item::titleOrEmpty).orElse(c.entity()) : c.entity();
            out.print(conflictLine(c.id(), title, ConflictsViewModel.fieldLabel(c.field()),
                    ConflictsViewModel.keptText(c), authors.label(c.keptAuthor()),
                    ConflictsViewModel.valueText(c.field(), c.lostValue()), authors.label(c.lostAuthor())));
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
        return "#" + id + "  " + oneLine(title) + "  " + field + ": kept “" + indented(kept) + "” (" + keptBy + "), lost “"
                + indented(lost) + "” (" + lostBy + ")" + System.lineSeparator();
    }

    private static String indented(String value) {
        return value.replaceAll("\\R", System.lineSeparator() + CONTINUATION);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R", " ");
    }
}
