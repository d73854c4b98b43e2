package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a remote the way three people's devices would, for the "new device ready" figure
 * (docs/PERFORMANCE.md): {@code SyncSeed REMOTE DIR EDITS [--todos=6000] [--burst=2500]
 * [--snapshot-changes=N]}. REMOTE is {@code folder:PATH} or {@code s3://BUCKET}, as for
 * {@code tandem sync --remote} (S3 reads AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
 *
 * <p>Three profiles under DIR each add a third of the todos and sync; then they take turns making
 * {@code burst} single-field edits (a title, notes, a due date or a priority, of any device's
 * todos) and syncing, until EDITS edits are made; then each syncs once more. Every engine has the
 * app's default settings, so snapshots are written only by the automatic policy, as for a person
 * who never runs {@code tandem compact}; {@code --snapshot-changes=0} leaves only the batch count
 * (the policy before snapshots followed the volume of changes).
 *
 * <p>{@code --returning=N} adds a fourth profile, {@code DIR/returning}: it syncs once everything is
 * added, then edits the titles of N todos offline (the first N, which the others edit too, later)
 * and takes no part in the edits, like a device away on holiday. Timing
 * {@code tandem --data-dir DIR/returning sync} then measures a device coming back.
 */
public final class SyncSeed {
    private static final int DEVICES = 3;

    private SyncSeed() {
    }

    public static void main(String[] args) throws Exception {
        String remote = args[0];
        Path dir = Path.of(args[1]);
        int edits = Integer.parseInt(args[2]);
        Map<String, String> opt = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            opt.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        int todos = Integer.parseInt(opt.getOrDefault("todos", "6000"));
        int burst = Integer.parseInt(opt.getOrDefault("burst", "2500"));
        Integer snapshotChanges = opt.containsKey("snapshot-changes") ? Integer.valueOf(opt.get("snapshot-changes")) : null;
        int returning = Integer.parseInt(opt.getOrDefault("returning", "-1"));
        long t0 = System.nanoTime();
        List<TodoStore> stores = new ArrayList<>();
        List<Db> dbs = new ArrayList<>();
        List<SyncEngine> engines = new ArrayList<>();
        try {
            for (int d = 0; d < DEVICES; d++) {
                Path profile = dir.resolve("device-" + d);
                Files.createDirectories(profile);
                // The store migrates the database to the app's schema, as the app and the CLI do.
                Db db = Db.open(profile.resolve(Device.DB_FILE));
                stores.add(new TodoStore(db, Clock.systemUTC()));
                dbs.add(db);
                engines.add(engine(remote, snapshotChanges));
            }
            long now = System.currentTimeMillis();
            for (int d = 0; d < DEVICES; d++) {
                int device = d;
                dbs.get(d).transaction(tx -> {
                    for (int i = device; i < todos; i += DEVICES) {
                        tx.save(new Item(null, null, "Todo " + i + " from device " + device, null, null, 0L, null, null,
                                now - todos + i));
                    }
                });
                log(d, engines.get(d).sync(dbs.get(d)));
            }
            for (int d = 0; d < DEVICES; d++) {
                log(d, engines.get(d).sync(dbs.get(d)));
            }
            List<String> ids = new ArrayList<>();
            dbs.get(0).query(Item.class, "SELECT * FROM items ORDER BY createdAt").forEach(it -> ids.add(it.id()));
            if (returning >= 0) {
                away(remote, dir.resolve("returning"), snapshotChanges, ids.subList(0, Math.min(returning, ids.size())));
            }
            int made = 0;
            for (int round = 0; made < edits; round++) {
                int d = round % DEVICES;
                int n = Math.min(burst, edits - made);
                int from = made;
                dbs.get(d).transaction(tx -> {
                    for (int k = from; k < from + n; k++) {
                        String id = ids.get((int) ((k * 7919L) % ids.size()));
                        Item it = tx.get(Item.class, id).orElseThrow();
                        tx.save(edit(it, k));
                    }
                });
                made += n;
                log(d, engines.get(d).sync(dbs.get(d)));
            }
            for (int d = 0; d < DEVICES; d++) {
                log(d, engines.get(d).sync(dbs.get(d)));
            }
        } finally {
            engines.forEach(SyncEngine::close);
            stores.forEach(TodoStore::close);
        }
        System.out.printf("seeded %s: %d todos, %d single-field edits from %d devices in %.1f s%n", remote, todos, edits,
                DEVICES, (System.nanoTime() - t0) / 1e9);
    }

    /** A fourth device that reads everything, then edits {@code titles} offline and goes away. */
    private static void away(String remote, Path profile, Integer snapshotChanges, List<String> titles) throws Exception {
        Files.createDirectories(profile);
        try (TodoStore store = new TodoStore(Db.open(profile.resolve(Device.DB_FILE)), Clock.systemUTC());
                SyncEngine engine = engine(remote, snapshotChanges)) {
            System.out.printf("returning device: pulled %d%n", store.replica().sync(engine).pulled());
            store.writeAll(tx -> {
                for (String id : titles) {
                    Item it = tx.get(Item.class, id).orElseThrow();
                    tx.save(it.withTitle(it.title() + " (edited on holiday)"));
                }
                return null;
            });
        }
    }

    /** Edit number {@code k}: one field, always to a value the todo does not have. */
    static Item edit(Item it, int k) {
        return switch (k % 20) {
            case 0, 1, 2, 3 -> it.withNotes("Notes, edit " + k);
            case 4, 5, 6 -> it.withDue(LocalDate.of(2027, 1, 1).plusDays(k % 365 + (it.due() == null ? 0 : 400)));
            case 7, 8, 9 -> it.withPriority(it.priority() == null || it.priority() == 1L ? 2 : 1);
            default -> it.withTitle("Todo renamed, edit " + k);
        };
    }

    static SyncEngine engine(String remote, Integer snapshotChanges) {
        SyncEngine.Builder b = SyncEngine.builder();
        if (remote.startsWith("folder:")) {
            Path folder = Path.of(remote.substring("folder:".length())).toAbsolutePath();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.folder(folder);
        } else if (remote.startsWith("webdav:")) {
            // As `tandem sync --remote webdav:URL` builds it.
            Map<String, String> env = System.getenv();
            b.webDav(remote.substring("webdav:".length()), env.getOrDefault("TANDEM_WEBDAV_USER", ""),
                    env.getOrDefault("TANDEM_WEBDAV_PASSWORD", ""));
        } else {
            // As `tandem sync --remote s3://BUCKET` builds it.
            Map<String, String> env = System.getenv();
            b.s3(env.get("AWS_ENDPOINT_URL"), URI.create(remote).getHost(), env.getOrDefault("AWS_REGION", "us-east-1"),
                    env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"));
        }
        if (snapshotChanges != null) {
            b.snapshotChanges(snapshotChanges);
        }
        return b.build();
    }

    private static void log(int device, SyncReport r) {
        System.out.printf("device %d: pushed %d, pulled %d, %d requests%n", device, r.pushed(), r.pulled(), r.requests());
    }
}
