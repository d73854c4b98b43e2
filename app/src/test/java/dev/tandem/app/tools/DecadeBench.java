package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.app.sync.HistoryUpkeep;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.TestFiles;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ten years of a heavy user's life at a faster clock, for "Ten years in" (docs/PERFORMANCE.md):
 * {@code DecadeBench DIR [--years=10] [--per-day=200] [--prune-every=30] [--measure-only]}.
 *
 * <p>Eight devices over the decade, at most three at a time (a desktop throughout; laptops and
 * phones that come and go, five of them gone for good), each with the app's schema and the
 * engine's default settings (snapshots by the automatic policy, retirement after 90 days unseen),
 * syncing through a folder as {@code tandem sync} does. Each simulated day the devices share about
 * {@code per-day} edits: adds (some repeating, some tagged), renames, notes, completions,
 * priorities and due dates, moves to the Trash; the Trash is emptied monthly and a year's worth of
 * todos is imported once a year; every device syncs once a day and prunes its history with the
 * default window (a year) every {@code prune-every} days (the app does it daily; monthly keeps a
 * decade's run short, and with a window of a year it keeps at most a month more). Then it measures the live devices
 * against a fresh profile holding the same live data (exported and imported with the CLI): file
 * sizes, the remote against a fresh remote of the same data, and the four timings. The fresh
 * profile is timed twice: alone on its remote, then with two more devices joined, as the decade
 * ends with three devices in use; the second isolates what the decade left behind from what three
 * devices cost on any remote (an idle sync lists each device's heads). {@code --measure-only}
 * measures a DIR a run has filled again, without the decade.
 */
public final class DecadeBench {
    private static final long DAY = 24L * 3600 * 1000;
    /** [first day, last day) of each device, in years; the first is the desktop. */
    private static final double[][] LIVES = {{0, 10}, {0, 3}, {0, 2}, {2, 5}, {3, 7}, {5, 8}, {7, 10}, {8, 10}};

    private final Path dir;
    private final int years;
    private final int perDay;
    private final int pruneEvery;
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T09:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final Random random = new Random(2026);
    private final List<String> live = new ArrayList<>();
    private final Map<Integer, TodoStore> stores = new HashMap<>();
    private final Map<Integer, SyncEngine> engines = new HashMap<>();
    private long edits;

    private DecadeBench(Path dir, int years, int perDay, int pruneEvery) {
        this.dir = dir;
        this.years = years;
        this.perDay = perDay;
        this.pruneEvery = pruneEvery;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            opt.put(args[i].substring(2, eq < 0 ? args[i].length() : eq), eq < 0 ? "" : args[i].substring(eq + 1));
        }
        DecadeBench b = new DecadeBench(Path.of(args[0]), Integer.parseInt(opt.getOrDefault("years", "10")),
                Integer.parseInt(opt.getOrDefault("per-day", "200")), Integer.parseInt(opt.getOrDefault("prune-every", "30")));
        if (opt.containsKey("measure-only")) {
            b.measure(b.profile(0));
        } else {
            b.run();
        }
    }

    private void run() throws Exception {
        Files.createDirectories(remote());
        long t0 = System.nanoTime();
        int days = years * 365;
        for (int day = 0; day < days; day++) {
            now.set(Instant.parse("2026-01-01T09:00:00Z").toEpochMilli() + day * DAY);
            for (int d = 0; d < LIVES.length; d++) {
                if ((int) (LIVES[d][0] * 365) == day) {
                    open(d);
                }
                if ((int) (LIVES[d][1] * 365) == day && day < days) {
                    gone(d);
                }
            }
            List<Integer> on = new ArrayList<>(stores.keySet());
            for (int k = 0; k < on.size(); k++) {
                int d = on.get(k);
                int share = perDay / on.size() + (k < perDay % on.size() ? 1 : 0);
                stores.get(d).writeAll(tx -> {
                    for (int i = 0; i < share; i++) {
                        edit(stores.get(d));
                    }
                    return null;
                });
            }
            if (day % 30 == 29) {
                TodoStore desk = stores.get(0);
                desk.emptyTrash();
            }
            if (day % 365 == 200) {
                TodoStore desk = stores.get(0);
                int year = day / 365;
                desk.writeAll(tx -> {
                    for (int i = 0; i < 200; i++) {
                        live.add(desk.add("Imported " + year + "/" + i, null, null).id());
                    }
                    return null;
                });
            }
            for (int d : on) {
                stores.get(d).replica().sync(engines.get(d));
            }
            if (day % pruneEvery == pruneEvery - 1) {
                for (int d : on) {
                    new HistoryUpkeep(stores.get(d).replica(), new SettingsStore(profile(d)), clock).prune();
                }
            }
            if (day % 365 == 364) {
                System.out.printf("year %d: %d edits, %d live todos, %.0f s%n", day / 365 + 1, edits, live.size(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int d : new ArrayList<>(stores.keySet())) {
                stores.get(d).replica().sync(engines.get(d));
            }
        }
        for (int d : new ArrayList<>(stores.keySet())) {
            new HistoryUpkeep(stores.get(d).replica(), new SettingsStore(profile(d)), clock).prune();
        }
        System.out.printf("decade done: %d edits in %.0f s%n", edits, (System.nanoTime() - t0) / 1e9);
        int desk = 0;
        for (int d : new ArrayList<>(stores.keySet())) {
            engines.remove(d).close();
            stores.remove(d).close();
        }
        measure(profile(desk));
    }

    /** One edit of the day's mix, on {@code store}, inside the day's transaction. */
    private void edit(TodoStore store) {
        edits++;
        int kind = random.nextInt(200);
        if (kind < 28 || live.size() < 100) {
            TodoDetails details = kind < 3 ? new TodoDetails(null, List.of(), Recurrence.parse("FREQ=WEEKLY").orElseThrow(), null)
                    : kind < 9 ? new TodoDetails(null, List.of("tag" + random.nextInt(40)), null, null) : TodoDetails.NONE;
            live.add(store.add("Todo " + edits, null, null, null, details).item().id());
            return;
        }
        // Edit a todo at least a day old, which every device that synced since has.
        int i = random.nextInt(Math.max(1, live.size() - 60));
        String id = live.get(i);
        if (kind < 48) {
            store.trash(id);
            live.remove(i);
        } else if (kind < 88) {
            store.update(id, it -> it.withTitle("Renamed " + edits));
        } else if (kind < 128) {
            store.update(id, it -> it.withNotes("Notes " + edits + "\n- a line\n- another line"));
        } else if (kind < 168) {
            store.setDone(id, random.nextInt(4) != 0);
        } else if (kind < 184) {
            store.update(id, it -> it.withPriority(1 + random.nextInt(4)));
        } else {
            store.update(id, it -> it.withDue(LocalDate.now(clock).plusDays(random.nextInt(60))));
        }
    }

    private Path profile(int d) {
        return dir.resolve("device-" + d);
    }

    private Path remote() {
        return dir.resolve("remote");
    }

    private void open(int d) throws IOException {
        Files.createDirectories(profile(d));
        Db db = Schema.database(profile(d).resolve(Device.DB_FILE)).clock(clock).build();
        stores.put(d, new TodoStore(db, clock, ZoneOffset.UTC));
        engines.put(d, SyncEngine.builder().folder(remote()).build());
        engines.get(d).sync(db);
    }

    /** A device gone for good: it never syncs again, and its profile stays on disk. */
    private void gone(int d) {
        engines.remove(d).close();
        stores.remove(d).close();
    }

    /** The desktop's profile against a fresh one with the same live data: sizes and timings. */
    private void measure(Path desk) throws Exception {
        Path fresh = dir.resolve("fresh");
        Path freshRemote = dir.resolve("fresh-remote");
        for (String old : List.of("fresh", "fresh-remote", "fresh-laptop", "fresh-phone")) {
            TestFiles.deleteTree(dir.resolve(old));
        }
        Files.createDirectories(freshRemote);
        Path json = dir.resolve("live.json");
        check(CliRun.run(desk, "export", "--format", "json", "--out", json.toString()));
        check(CliRun.run(fresh, "import", json.toString()));
        check(CliRun.run(fresh, "sync", "--remote", "folder:" + freshRemote));
        check(CliRun.run(fresh, "compact", "--remote", "folder:" + freshRemote));
        System.out.printf("live todos: %d (desktop), %d (fresh)%n", count(desk), count(fresh));
        System.out.printf("local database: decade %s, fresh %s%n", size(desk.resolve(Device.DB_FILE)),
                size(fresh.resolve(Device.DB_FILE)));
        System.out.printf("remote: decade %s, fresh %s%n", size(remote()), size(freshRemote));
        String[] one = timings(new Path[] {desk, fresh}, new Path[] {remote(), freshRemote});
        System.out.printf("decade: %s%nfresh, one device: %s%n", one[0], one[1]);
        for (String other : List.of("fresh-laptop", "fresh-phone")) {
            join(dir.resolve(other), freshRemote);
        }
        String[] three = timings(new Path[] {desk, fresh}, new Path[] {remote(), freshRemote});
        System.out.printf("decade: %s%nfresh, three devices: %s%n", three[0], three[1]);
    }

    /** A device that joins {@code remote} and makes one edit, undone by a second: heads, no new data. */
    private void join(Path profile, Path remote) throws IOException {
        Files.createDirectories(profile);
        try (Db db = Schema.database(profile.resolve(Device.DB_FILE)).build();
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            engine.sync(db);
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            Item first = store.allItems().get(0);
            boolean done = first.done() != null;
            store.setDone(first.id(), !done);
            store.setDone(first.id(), done);
            engine.sync(db);
        }
    }

    private static void check(CliRun.Result r) {
        if (r.code() != 0) {
            throw new IllegalStateException("tandem failed: " + r.err());
        }
    }

    private static long count(Path profile) {
        try (Db db = Schema.database(profile.resolve(Device.DB_FILE)).build()) {
            return new TodoStore(db, Clock.systemUTC()).allItems().size();
        }
    }

    /**
     * Medians of: open and first query (start), search, quick add, idle sync, for the decade's
     * {@code profile} and the fresh one, run in turn repetition by repetition so that the load of a
     * shared machine falls on both alike.
     */
    private static String[] timings(Path[] profiles, Path[] remotes) {
        int n = profiles.length;
        long[][] start = new long[n][7];
        long[][] search = new long[n][31];
        long[][] add = new long[n][31];
        long[][] idle = new long[n][41];
        for (int r = 0; r < start[0].length; r++) {
            for (int p = 0; p < n; p++) {
                long t = System.nanoTime();
                try (Db db = Schema.database(profiles[p].resolve(Device.DB_FILE)).build()) {
                    new TodoStore(db, Clock.systemUTC()).query(Listing.inbox());
                }
                start[p][r] = System.nanoTime() - t;
            }
        }
        Db[] dbs = new Db[n];
        SyncEngine[] engines = new SyncEngine[n];
        TodoStore[] stores = new TodoStore[n];
        try {
            for (int p = 0; p < n; p++) {
                dbs[p] = Schema.database(profiles[p].resolve(Device.DB_FILE)).build();
                engines[p] = SyncEngine.builder().folder(remotes[p]).build();
                stores[p] = new TodoStore(dbs[p], Clock.systemUTC());
                engines[p].sync(dbs[p]);
            }
            String[] words = {"R", "Re", "Ren", "Rena", "Renam", "Rename", "Renamed", "Renamed 1", "Notes", "line"};
            for (int r = 0; r < search[0].length; r++) {
                for (int p = 0; p < n; p++) {
                    long t = System.nanoTime();
                    stores[p].query(new Listing.SearchListing(words[r % words.length]));
                    search[p][r] = System.nanoTime() - t;
                }
            }
            for (int r = 0; r < add[0].length; r++) {
                for (int p = 0; p < n; p++) {
                    long t = System.nanoTime();
                    String id = stores[p].add("Quick add " + r, null, null).id();
                    add[p][r] = System.nanoTime() - t;
                    // Gone again, so that each measurement leaves the live data as it found it.
                    stores[p].trash(id);
                }
            }
            for (int p = 0; p < n; p++) {
                stores[p].emptyTrash();
                engines[p].sync(dbs[p]);
            }
            for (int r = 0; r < idle[0].length; r++) {
                for (int p = 0; p < n; p++) {
                    long t = System.nanoTime();
                    engines[p].sync(dbs[p]);
                    idle[p][r] = System.nanoTime() - t;
                }
            }
        } finally {
            for (int p = 0; p < n; p++) {
                if (engines[p] != null) {
                    engines[p].close();
                }
                if (dbs[p] != null) {
                    dbs[p].close();
                }
            }
        }
        String[] out = new String[n];
        for (int p = 0; p < n; p++) {
            out[p] = String.format("start %.1f ms, search %.2f ms, quick add %.2f ms, idle sync %.3f ms",
                    median(start[p]), median(search[p]), median(add[p]), median(idle[p]));
        }
        return out;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static String size(Path p) throws IOException {
        long bytes;
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                bytes = walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        } else {
            bytes = Files.size(p);
            Path wal = p.resolveSibling(p.getFileName() + "-wal");
            bytes += Files.exists(wal) ? Files.size(wal) : 0;
        }
        return String.format("%.1f MB", bytes / 1e6);
    }
}
