package dev.tandem.app.model.outline;


import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.OutlineChecks;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;

/**
 * Three devices move, reorder, nest, complete, delete and restore todos and sections of one list offline, each
 * syncing now and then through one folder remote. Whatever they did, once every device has synced (and
 * mended its tree, {@link TreeRepair}): every device holds the same rows and shows the same outline; no todo
 * is under itself; no todo that is not in the Trash is under one that is, or in another list than its parent;
 * every todo ever made is still there (in the outline or the Trash); every todo not in the Trash shows in
 * exactly one outline.
 */
@Tag("property")
class OutlineSyncProperties {
    private record Device(TodoStore store, OutlineStore outline, SectionStore sections, Subtrees subtrees,
                          SyncEngine engine) {
    }

    @Property(tries = 20)
    void concurrentMovesReordersAndDeletes_afterSync_converge(@ForAll @LongRange(min = 1, max = 1_000_000) long seed)
            throws IOException {
        Path tmp = Files.createTempDirectory("outline-props");
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Random random = new Random(seed);
        List<Device> devices = new ArrayList<>();
        try {
            for (int d = 0; d < 3; d++) {
                TodoStore s = new TodoStore(Db.open(tmp.resolve("d" + d + ".db")), Clock.systemUTC());
                devices.add(new Device(s, new OutlineStore(s), new SectionStore(s),
                        new Subtrees(s.db(), s.clock()), SyncEngine.builder().folder(remote).build()));
            }
            Device first = devices.get(0);
            TodoList home = first.store().createList("Home");
            TodoList work = first.store().createList("Work");
            Set<String> made = new HashSet<>();
            for (int n = 0; n < 12; n++) {
                made.add(first.store().add("t" + n, null, n % 4 == 0 ? work.id() : home.id(), null, TodoDetails.NONE)
                        .item().id());
            }
            first.sections().create(home.id(), "Later");
            settle(devices);
            for (int step = 0; step < 60; step++) {
                Device dev = devices.get(random.nextInt(devices.size()));
                act(dev, random, made, home, work, step);
                if (random.nextInt(6) == 0) {
                    Device other = devices.get(random.nextInt(devices.size()));
                    other.store().replica().sync(other.engine());
                    other.store().repairTree();
                }
            }
            settle(devices);
            check(devices, made, List.of(home.id(), work.id()));
        } finally {
            for (Device d : devices) {
                d.engine().close();
                d.store().close();
            }
        }
    }

    private static void act(Device dev, Random random, Set<String> made, TodoList home, TodoList work, int step) {
        List<Item> items = dev.store().allItems();
        if (items.isEmpty()) {
            return;
        }
        Item pick = items.get(random.nextInt(items.size()));
        Item other = items.get(random.nextInt(items.size()));
        List<Section> sections = dev.sections().sections(home.id());
        try {
            switch (random.nextInt(11)) {
                case 0 -> made.add(dev.store().add("n" + step, null, home.id(), random.nextBoolean() ? pick.id() : null,
                        null, TodoDetails.NONE).item().id());
                case 1 -> dev.outline().indent(pick.id());
                case 2 -> dev.outline().outdent(pick.id());
                case 3 -> dev.outline().shift(pick.id(), random.nextBoolean() ? 1 : -1);
                case 4 -> dev.outline().move(pick.id(), new OutlineStore.Target(pick.listId(), other.id(), null, null));
                case 5 -> dev.outline().move(pick.id(), new OutlineStore.Target(random.nextBoolean() ? home.id() : work.id(),
                        null, sections.isEmpty() || random.nextBoolean() ? null : sections.get(0).id(), other.id()));
                case 6 -> dev.store().verbs().trash(pick.id());
                case 7 -> dev.store().verbs().restore(List.of(pick.id()));
                case 8 -> dev.store().setDone(pick.id(), random.nextBoolean());
                case 9 -> {
                    if (sections.isEmpty()) {
                        dev.sections().create(home.id(), "S" + step);
                    } else {
                        dev.sections().delete(sections.get(random.nextInt(sections.size())).id());
                    }
                }
                default -> dev.outline().move(pick.id(), new OutlineStore.Target(pick.listId(), pick.parentId(),
                        pick.sectionId(), other.id()));
            }
        } catch (IllegalArgumentException refused) {
            // Under its own subtask: refused locally, nothing written.
        }
    }

    /** Syncs every device, mending trees, until a whole round writes nothing new. */
    private static void settle(List<Device> devices) {
        for (int round = 0; round < 10; round++) {
            int written = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (Device d : devices) {
                    d.store().replica().sync(d.engine());
                    written += d.store().repairTree();
                }
            }
            if (written == 0) {
                for (Device d : devices) {
                    d.store().replica().sync(d.engine());
                }
                return;
            }
        }
        throw new AssertionError("the repairs did not settle in 10 rounds");
    }

    private static void check(List<Device> devices, Set<String> made, List<String> lists) {
        OutlineChecks.converged(devices.stream().map(Device::store).toList(), made, lists);
    }
}
