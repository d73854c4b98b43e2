package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Table;
import dev.tandem.engine.sync.CrossImplementationDevices.Device;
import dev.tandem.engine.sync.CrossImplementationDevices.JavaDevice;
import dev.tandem.engine.sync.CrossImplementationDevices.JsDevice;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript sync core (ui-resources/src/main/js/tandem-sync) held to the engine: random schedules
 * of adds, edits, moves between lists, note edits line by line, ticks, deletes, restores, offline
 * stretches, passphrase changes and key rotations on four devices, run twice on the same remote kind:
 * once with four engine devices, once with devices 2 and 3 replaced by JavaScript devices (through the
 * core's test driver). Every device must end with the same rows and the same conflicts (kind, field,
 * kept and lost value) in both runs, and all devices the same rows.
 *
 * <p>Why the runs can be compared: every device reads one simulated wall clock that moves a
 * millisecond per step, so change ids are ordered by the schedule alone, never by the random low bits
 * of an id; entity ids come from the schedule. Automatic snapshots are off on the engine devices (the
 * JavaScript core does not write any), so both runs put the same objects on the remote apart from
 * random nonces. Key rotations are made by engine devices only: the engine's rotation compacts first,
 * which the JavaScript core leaves to a desktop device; passphrase changes are made by any.
 */
@Tag("server")
class CrossImplementationProperties {
    static final List<String> COLUMNS = List.of("title", "notes", "done", "listId");
    static final String SCHEMA = "CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, listId TEXT)";
    static final String[] WORDS = {"milk", "bread", "call bank", "paint", "tax", "Käse", "🧀 snack", "plan trip"};
    static final String[] LISTS = {null, "list-home", "list-work"};

    @Table("items")
    record Item(String id, String title, String notes, Long done, String listId) {
    }

    /** One step of a schedule; what it does to a device's row depends on the row it finds. */
    record Op(String kind, int device, String item, int a, int b) {
    }

    @TempDir
    Path tmp;

    @Test
    void folderRemote_mixedDevicesEndAsEngineDevices() throws Exception {
        int conflicts = 0;
        int keyChanges = 0;
        for (long seed = 1; seed <= 4; seed++) {
            List<Op> schedule = schedule(seed, 70);
            List<String> engineOnly = run(schedule, Set.of(), remoteFolder("e" + seed));
            List<String> mixed = run(schedule, Set.of(2, 3), remoteFolder("m" + seed));
            compare(seed, schedule, engineOnly, mixed);
            conflicts += conflictsIn(mixed);
            keyChanges += (int) schedule.stream().filter(o -> o.kind().equals("rotate") || o.kind().equals("passphrase")).count();
        }
        // The schedules must reach what could tell the implementations apart.
        org.junit.jupiter.api.Assertions.assertTrue(conflicts > 0, "no schedule made a conflict");
        org.junit.jupiter.api.Assertions.assertTrue(keyChanges > 0, "no schedule changed the keys");
    }

    @Test
    void s3ProxyRemote_mixedDevicesEndAsEngineDevices() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.shared();
        for (long seed = 101; seed <= 102; seed++) {
            List<Op> schedule = schedule(seed, 50);
            List<String> engineOnly = run(schedule, Set.of(), new Remote(s3, s3.newBucket(), null));
            List<String> mixed = run(schedule, Set.of(2, 3), new Remote(s3, s3.newBucket(), null));
            compare(seed, schedule, engineOnly, mixed);
        }
    }

    private static int conflictsIn(List<String> states) {
        int n = 0;
        for (String s : states) {
            String list = s.substring(s.indexOf("conflicts:") + "conflicts:".length());
            n += list.equals("[]") ? 0 : list.split(", ").length;
        }
        return n;
    }

    private void compare(long seed, List<Op> schedule, List<String> engineOnly, List<String> mixed) {
        for (int d = 0; d < 4; d++) {
            assertEquals(engineOnly.get(d), mixed.get(d), "seed " + seed + ", device " + d + (d >= 2 ? " (JavaScript)" : "")
                    + " after " + schedule);
        }
        for (int d = 1; d < 4; d++) {
            assertEquals(rowsOf(mixed.get(0)), rowsOf(mixed.get(d)), "seed " + seed + ": devices 0 and " + d + " converge");
        }
    }

    private static String rowsOf(String state) {
        return state.substring(0, state.indexOf("conflicts:"));
    }

    Remote remoteFolder(String name) throws Exception {
        return new Remote(null, null, Files.createDirectories(tmp.resolve(name)));
    }

    /** Where a run syncs: a folder, or a bucket of S3Proxy. */
    record Remote(S3ProxyServer s3, String bucket, Path dir) {
        SyncEngine.Builder engine() {
            return s3 != null ? SyncEngine.builder().s3(s3.settings(bucket)) : SyncEngine.builder().folder(dir);
        }

        String js() {
            return s3 != null ? GoldenOut.json(GoldenOut.obj("kind", "s3", "endpoint", s3.endpoint(), "bucket", bucket,
                    "region", s3.region(), "accessKey", s3.identity(), "secretKey", s3.credential()))
                    : GoldenOut.json(GoldenOut.obj("kind", "folder", "dir", dir.toString()));
        }
    }

    /** A seeded schedule: everyone syncs first, random steps, then three rounds of syncs in turn. */
    static List<Op> schedule(long seed, int steps) {
        Random r = new Random(seed);
        List<Op> ops = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            ops.add(new Op("sync", d, null, 0, 0));
        }
        List<String> items = new ArrayList<>();
        boolean[] offline = new boolean[4];
        int keyChanges = 0;
        for (int i = 0; i < steps; i++) {
            int d = r.nextInt(4);
            int roll = r.nextInt(100);
            if (roll < 5) {
                offline[d] = !offline[d];
                continue;
            }
            if (items.isEmpty() || roll < 20) {
                String id = new UUID(0x0190_0000_0000_7000L | (seed << 20) | i, 0x8000_0000_0000_0000L | i).toString();
                items.add(id);
                ops.add(new Op("add", d, id, r.nextInt(1000), r.nextInt(1000)));
            } else if (roll < 62) {
                ops.add(new Op("edit", d, items.get(r.nextInt(items.size())), r.nextInt(5), r.nextInt(1000)));
            } else if (roll < 67) {
                ops.add(new Op("delete", d, items.get(r.nextInt(items.size())), 0, 0));
            } else if (roll < 70) {
                ops.add(new Op("restore", d, items.get(r.nextInt(items.size())), 0, 0));
            } else if (roll < 72 && keyChanges < 2) {
                keyChanges++;
                boolean rotate = r.nextBoolean();
                ops.add(new Op(rotate ? "rotate" : "passphrase", rotate ? r.nextInt(2) : d, null, keyChanges, 0));
            } else if (!offline[d]) {
                ops.add(new Op("sync", d, null, 0, 0));
            }
        }
        for (int round = 0; round < 3; round++) {
            for (int d = 0; d < 4; d++) {
                ops.add(new Op("sync", d, null, 0, 0));
            }
        }
        return ops;
    }

    /** Runs {@code schedule} with the devices in {@code js} as JavaScript devices; each device's state. */
    List<String> run(List<Op> schedule, Set<Integer> js, Remote remote) throws Exception {
        ManualClock clock = new ManualClock(1_732_000_000_000L);
        String[] passphrase = {"first passphrase"};
        List<Device> devices = new ArrayList<>();
        try (JsDriver driver = js.isEmpty() ? null : JsDriver.start()) {
            for (int d = 0; d < 4; d++) {
                devices.add(js.contains(d) ? new JsDevice(driver, d, remote, clock) : new JavaDevice(d, remote, clock));
            }
            for (Op op : schedule) {
                clock.millis.addAndGet(1);
                if (driver != null) {
                    driver.send("{\"op\":\"wall\",\"millis\":" + clock.millis() + "}");
                }
                Device dev = devices.get(op.device());
                switch (op.kind()) {
                    case "add" -> dev.save(new Item(op.item(), WORDS[op.a() % WORDS.length], op.b() % 3 == 0 ? null
                            : "line " + op.b() + "\n- [ ] step", 0L, LISTS[op.b() % LISTS.length]));
                    case "edit" -> dev.save(edit(dev.row(op.item()), op));
                    case "delete" -> dev.delete(op.item());
                    case "restore" -> dev.restore(op.item());
                    case "sync" -> dev.sync(passphrase[0]);
                    case "passphrase" -> {
                        dev.sync(passphrase[0]);
                        passphrase[0] = "passphrase " + op.a();
                        dev.changePassphrase(passphrase[0]);
                    }
                    case "rotate" -> {
                        dev.sync(passphrase[0]);
                        passphrase[0] = "rotated " + op.a();
                        ((JavaDevice) dev).rotate(passphrase[0]);
                    }
                    default -> throw new IllegalStateException(op.kind());
                }
            }
            List<String> states = new ArrayList<>();
            for (Device d : devices) {
                states.add(d.state());
                d.close();
            }
            return states;
        }
    }

    /** An edit of the row the device shows (a new row when it shows none): one or two fields. */
    static Item edit(Item row, Op op) {
        Item base = row != null ? row : new Item(op.item(), null, null, 0L, null);
        String notes = base.notes() == null ? "" : base.notes();
        return switch (op.a()) {
            case 0 -> new Item(base.id(), WORDS[op.b() % WORDS.length] + " " + op.b(), base.notes(), base.done(), base.listId());
            case 1 -> new Item(base.id(), base.title(), lineEdit(notes, op.b()), base.done(), base.listId());
            case 2 -> new Item(base.id(), base.title(), base.notes(), base.done() != null && base.done() == 1 ? 0L : 1L,
                    base.listId());
            case 3 -> new Item(base.id(), base.title(), base.notes(), base.done(), LISTS[op.b() % LISTS.length]);
            default -> new Item(base.id(), WORDS[op.b() % WORDS.length], lineEdit(notes, op.b() * 7), base.done(),
                    base.listId());
        };
    }

    /** Inserts, replaces or removes one line, where {@code k} says. */
    static String lineEdit(String notes, int k) {
        List<String> lines = new ArrayList<>(Arrays.asList(notes.split("\n", -1)));
        int at = k % (lines.size() + 1);
        switch (k % 3) {
            case 0 -> lines.add(at, "added " + k);
            case 1 -> lines.set(Math.min(at, lines.size() - 1), "changed " + k);
            default -> {
                if (lines.size() > 1) {
                    lines.remove(Math.min(at, lines.size() - 1));
                } else {
                    lines.add("only " + k);
                }
            }
        }
        return String.join("\n", lines);
    }
}
