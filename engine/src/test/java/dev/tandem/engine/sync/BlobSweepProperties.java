package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random scripts of attaching, detaching, restoring, concurrent edits of which file a row names,
 * devices that stay away, history forgotten on each device's own view, answers to other devices'
 * sweeps, syncs, and sweeps with no grace period at all: a sweep never removes a blob that any
 * device's rows or history name (its Trash, and every version it can restore), except one a device
 * attached anew since its last sync, which it holds and sends again before the change that names it.
 * What keeps it so is the answers: a sweep deletes only what every other device, after a pull that
 * began once the sweep's list was published, said it no longer names. After a final round of syncs
 * every device can fetch every file its rows name.
 *
 * <p>Besides single steps, a script has whole days (every device syncs, forgets its history and
 * answers) and whole clean-ups (a sweep, the others' answers, the sweep after them): without them
 * a blob is rarely unnamed everywhere and answered by all, and most scripts would remove nothing.
 */
@Tag("property")
class BlobSweepProperties {
    @Table("files")
    record File(String id, String blob) {
    }

    /** One step: device {@code who} does {@code op} on row slot {@code slot} with content {@code content}. */
    record Step(int who, int op, int slot, int content) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 9)).as(Step::new);
        return step.list().ofMinSize(30).ofMaxSize(120);
    }

    /** Scripts run, and those in which a sweep removed something: the property is not vacuous. */
    static final AtomicInteger TRIES = new AtomicInteger();
    static final AtomicInteger SWEPT = new AtomicInteger();

    @AfterContainer
    static void sweepsRemovedSomething() {
        assertTrue(SWEPT.get() * 10 >= TRIES.get(), "fewer than one script in ten had a sweep remove anything: "
                + SWEPT.get() + " of " + TRIES.get());
    }

    @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
    void sweep_anyScript_neverRemovesANamedBlob(@ForAll("scripts") List<Step> script) throws IOException {
        Path dir = Files.createTempDirectory("blob-sweep");
        SyncStorage remote = SyncStorage.memory();
        List<Db> dbs = new ArrayList<>();
        Set<String> uploaded = new HashSet<>();
        boolean swept = false;
        int made = 0;
        try (SyncEngine engine = SyncEngine.builder().storage(remote).build()) {
            for (int i = 0; i < 3; i++) {
                Db db = Db.builder().memory().blobs("files", "blob").blobDirectory(dir.resolve("d" + i)).build();
                db.migrate(BlobSyncTest.SCHEMA.stream().map(s -> s.replace(", name TEXT", "")).toList());
                dbs.add(db);
            }
            // What each device attached since it last synced: it holds the file and sends it again
            // before the change that names it goes out, so a sweep may remove it meanwhile.
            List<Set<String>> unsent = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
            Consumer<Db> sync = each -> {
                engine.sync(each);
                unsent.get(dbs.indexOf(each)).clear();
            };
            Consumer<Db> answer = each -> {
                engine.blobs().answer(each); // after a sync of its own
                unsent.get(dbs.indexOf(each)).clear();
            };
            Consumer<Db> sweep = each -> {
                sync.accept(each);
                engine.blobs().sweep(each, Duration.ZERO, true);
            };
            for (Step s : script) {
                Db db = dbs.get(s.who());
                String id = "row" + s.slot();
                switch (s.op()) {
                    case 0, 1, 2 -> {
                        // Mostly new files; now and then one attached before, on any device.
                        String content = s.content() == 0 ? "shared" : "content " + (++made);
                        Blob b = db.blobs().add(new ByteArrayInputStream(content.getBytes()), 1000);
                        db.save(new File(id, b.id()));
                        unsent.get(s.who()).add(b.id());
                    }
                    case 3 -> db.delete(File.class, id);
                    case 4 -> db.restore(File.class, id);
                    case 5 -> sync.accept(db);
                    case 6 -> dbs.forEach(sync);
                    // Forgetting history is what leaves a blob unreferenced at all; each device forgets
                    // on its own schedule and from its own view of the versions.
                    case 7 -> dbs.forEach(each -> each.pruneHistory(Duration.ZERO));
                    case 8 -> db.pruneHistory(Duration.ZERO);
                    // A device answers other devices' sweeps: a sync does it daily, after its pull.
                    case 11, 12, 13 -> answer.accept(db);
                    case 14 -> {
                        dbs.forEach(sync);
                        dbs.forEach(each -> each.pruneHistory(Duration.ZERO));
                        dbs.forEach(answer);
                    }
                    case 15 -> {
                        sweep.accept(db);
                        dbs.stream().filter(each -> each != db).forEach(answer);
                        sweep.accept(db);
                    }
                    default -> sweep.accept(db);
                }
                List<String> held = remote.list("blobs/data/", null, 1000);
                uploaded.addAll(held);
                swept |= held.size() < uploaded.size();
                // What a sweep promises, checked after each: nothing any device's rows or history
                // name (the Trash and the versions it can restore included) is removed, but for
                // what the device attached since its last sync.
                for (Db each : s.op() == 9 || s.op() == 10 || s.op() == 15 ? dbs : List.<Db>of()) {
                    Set<String> names = rows(each);
                    names.addAll(history(each));
                    names.removeAll(unsent.get(dbs.indexOf(each)));
                    for (String blob : names) {
                        String name = "blobs/data/" + blob;
                        if (uploaded.contains(name)) {
                            assertTrue(remote.get(name).isPresent(), "a sweep removed " + name + ", which device "
                                    + dbs.indexOf(each) + " names, after " + s);
                        }
                    }
                }
            }
            TRIES.incrementAndGet();
            if (swept) {
                SWEPT.incrementAndGet();
            }
            for (int round = 0; round < 2; round++) {
                for (Db db : dbs) {
                    engine.sync(db);
                }
            }
            for (Db db : dbs) {
                for (File f : db.query(File.class, "SELECT * FROM files")) {
                    assertNotEquals(RemoteBlobs.Fetch.NOT_ON_REMOTE, engine.blobs().fetch(db, f.blob()),
                            "every file a row names can be fetched");
                }
            }
        } finally {
            dbs.forEach(Db::close);
            deleteTree(dir);
        }
    }

    private static Set<String> rows(Db db) {
        Set<String> ids = new HashSet<>();
        db.query(File.class, "SELECT * FROM files").forEach(f -> ids.add(f.blob()));
        return ids;
    }

    private static Set<String> history(Db db) {
        Set<String> ids = new HashSet<>();
        for (int slot = 0; slot < 2; slot++) {
            for (Change c : db.history().changes("files", "row" + slot)) {
                for (FieldChange f : c.fields()) {
                    if (f.field().equals("blob") && f.value() instanceof String s && Blob.isId(s)) {
                        ids.add(s);
                    }
                }
            }
        }
        return ids;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
