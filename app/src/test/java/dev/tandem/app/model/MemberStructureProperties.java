package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.model.outline.Subtrees;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;

/**
 * A shared list's member writes arbitrary parents and sections into it (cycles, chains up to 2,000 deep,
 * parents in this person's private list, in another shared list, in the Trash, or nowhere), as sync leaves their rows, while this
 * person's two devices edit the shared list and sync through their own remote. Whatever they did: every call
 * returns within its bound, both devices converge to the same rows and outlines, nothing in the private list
 * moves or changes, no todo leaves the shared list, every live todo shows exactly once, none deeper than
 * {@link Outline#MAX_DEPTH}.
 */
@Tag("property")
class MemberStructureProperties {
    /** The CPU time one call (a repair, an outline, an honest edit) may take. */
    private static final long BOUND_MILLIS = 5_000;

    private record Device(TodoStore store, OutlineStore outline, Subtrees subtrees, SyncEngine engine) {
    }

    @Property(tries = 6)
    void memberParentsAndSections_besideHonestEdits_convergeAndMoveNothingPrivate(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws IOException {
        Path tmp = Files.createTempDirectory("member-structure");
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Random random = new Random(seed);
        List<Device> devices = new ArrayList<>();
        try {
            for (int d = 0; d < 2; d++) {
                TodoStore s = new TodoStore(Db.open(tmp.resolve("d" + d + ".db")), Clock.systemUTC());
                devices.add(new Device(s, new OutlineStore(s), new Subtrees(s.db(), s.clock()),
                        SyncEngine.builder().folder(remote).build()));
            }
            Device first = devices.get(0);
            TodoList shared = first.store().createList("Family");
            TodoList diary = first.store().createList("Diary");
            // Another shared list, another space: its todos are no parents in this one either.
            TodoList club = first.store().createList("Club");
            devices.forEach(d -> d.store().setSharedLists(() -> Set.of(shared.id(), club.id())));
            String clubTodo = first.store().add("club todo", null, club.id(), null, TodoDetails.NONE).item().id();
            List<String> privateIds = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                String parent = n > 2 && random.nextBoolean() ? privateIds.get(random.nextInt(privateIds.size())) : null;
                privateIds.add(first.store().add("secret " + n, null, diary.id(), parent, null, TodoDetails.NONE)
                        .item().id());
            }
            first.store().verbs().trash(privateIds.get(random.nextInt(privateIds.size())));
            String privateSection = new SectionStore(first.store()).create(diary.id(), "Private").id();
            String sharedSection = new SectionStore(first.store()).create(shared.id(), "Later").id();
            Set<String> made = new HashSet<>();
            for (int n = 0; n < 6; n++) {
                made.add(first.store().add("t" + n, null, shared.id(), null, TodoDetails.NONE).item().id());
            }
            settle(devices);
            Map<String, String> privateRows = rows(first.store(), diary.id());
            Map<String, String> clubRows = rows(first.store(), club.id());
            List<String> parents = new ArrayList<>(privateIds);
            parents.add(clubTodo);
            parents.add("no-such-todo");
            for (int step = 0; step < 24; step++) {
                Device dev = devices.get(random.nextInt(devices.size()));
                if (random.nextInt(3) == 0) {
                    member(dev, random, shared.id(), made, parents, List.of(privateSection, sharedSection, "gone"));
                } else {
                    honest(dev, random, shared.id(), made);
                }
                if (random.nextInt(4) == 0) {
                    Device other = devices.get(random.nextInt(devices.size()));
                    other.store().replica().sync(other.engine());
                    timed(other.store()::repairTree);
                }
            }
            settle(devices);
            for (Device d : devices) {
                assertEquals(privateRows, rows(d.store(), diary.id()), "the private list is as it was");
                assertEquals(clubRows, rows(d.store(), club.id()), "the other shared list is as it was");
            }
            check(devices, made, List.of(shared.id(), diary.id(), club.id()), shared.id());
        } finally {
            for (Device d : devices) {
                d.engine().close();
                d.store().close();
            }
        }
    }

    /** A member's modified client: rows in the shared list with any parent and section, written as sync writes them. */
    private static void member(Device dev, Random random, String listId, Set<String> made, List<String> parents,
            List<String> sections) {
        List<String> ours = new ArrayList<>(made);
        Supplier<String> anyParent = () -> random.nextInt(3) == 0 ? parents.get(random.nextInt(parents.size()))
                : ours.get(random.nextInt(ours.size()));
        String section = random.nextBoolean() ? null : sections.get(random.nextInt(sections.size()));
        long now = System.currentTimeMillis();
        timed(() -> dev.store().db().transactionResult(tx -> {
            switch (random.nextInt(3)) {
                case 0 -> {
                    // A chain, its top under anything.
                    String parent = anyParent.get();
                    int depth = 1 + random.nextInt(2_000);
                    for (int k = 0; k < depth; k++) {
                        Item it = tx.save(Item.create("chain " + k, listId, null, now).withParentId(parent)
                                .withSectionId(section));
                        made.add(it.id());
                        parent = it.id();
                    }
                }
                case 1 -> {
                    // A todo of the list put under anything, a cycle included.
                    String id = ours.get(random.nextInt(ours.size()));
                    tx.get(Item.class, id).ifPresent(i -> tx.save(i.withParentId(anyParent.get()).withSectionId(section)));
                }
                default -> made.add(tx.save(Item.create("under " + section, listId, null, now)
                        .withParentId(anyParent.get()).withSectionId(section)).id());
            }
            return null;
        }));
    }

    /** This person's edits of the shared list, as the window and the command line make them. */
    private static void honest(Device dev, Random random, String listId, Set<String> made) {
        List<Item> items = dev.store().allItems().stream().filter(i -> listId.equals(i.listId())).toList();
        if (items.isEmpty()) {
            return;
        }
        Item pick = items.get(random.nextInt(items.size()));
        Item other = items.get(random.nextInt(items.size()));
        try {
            timed(() -> {
                switch (random.nextInt(8)) {
                    case 0 -> made.add(dev.store().add("n", null, listId, random.nextBoolean() ? pick.id() : null, null,
                            TodoDetails.NONE).item().id());
                    case 1 -> dev.outline().indent(pick.id());
                    case 2 -> dev.outline().outdent(pick.id());
                    case 3 -> dev.outline().move(pick.id(), new OutlineStore.Target(listId, other.id(), null, null));
                    case 4 -> dev.store().verbs().trash(pick.id());
                    case 5 -> dev.store().verbs().restore(pick.id());
                    case 6 -> dev.store().verbs().complete(pick.id(), true);
                    default -> dev.store().setDone(pick.id(), random.nextBoolean());
                }
                return null;
            });
        } catch (IllegalArgumentException refused) {
            // Under its own subtask, or past the depth limit: refused, nothing written.
        }
    }

    /**
     * Runs {@code call} and asserts the work it cost this thread, its CPU time: a repair or a write runs on the
     * caller's thread, and wall time on a machine shared with other builds measures the machine, not the work.
     */
    private static <T> T timed(Supplier<T> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        T out = call.get();
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "a call took " + millis + " ms of CPU");
        return out;
    }

    private static void settle(List<Device> devices) {
        for (int round = 0; round < 10; round++) {
            int written = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (Device d : devices) {
                    d.store().replica().sync(d.engine());
                    written += timed(d.store()::repairTree);
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

    private static Map<String, String> rows(TodoStore store, String listId) {
        Map<String, String> out = new TreeMap<>();
        for (Item i : store.allItems()) {
            if (listId.equals(i.listId())) {
                out.put(i.id(), i.title() + "|" + i.parentId() + "|" + i.sectionId() + "|" + i.rank() + "|"
                        + (i.trashedAt() != null) + "|" + i.done());
            }
        }
        return out;
    }

    private static void check(List<Device> devices, Set<String> made, List<String> lists, String shared) {
        Map<String, String> firstRows = null;
        List<List<String>> firstOutlines = null;
        for (Device d : devices) {
            Map<String, String> rows = new TreeMap<>();
            Map<String, Item> byId = new HashMap<>();
            for (Item i : d.store().allItems()) {
                rows.put(i.id(), i.listId() + "|" + i.parentId() + "|" + i.sectionId() + "|" + i.rank() + "|"
                        + (i.trashedAt() != null) + "|" + i.done());
                byId.put(i.id(), i);
            }
            for (String id : made) {
                assertEquals(shared, byId.get(id).listId(), "a todo left the shared list");
            }
            List<List<String>> outlines = new ArrayList<>();
            Set<String> shown = new HashSet<>();
            for (String list : lists) {
                List<Item> mine = byId.values().stream().filter(i -> !i.isTrashed() && !i.isDone() && list.equals(i.listId()))
                        .map(i -> i.withCollapsed(false)).toList();
                List<Section> sections = new SectionStore(d.store()).sections(list).stream().map(s -> s.withCollapsed(false)).toList();
                List<Outline.Line> lines = timed(() -> Outline.of(mine, sections, Map.of()));
                List<String> keys = new ArrayList<>();
                for (Outline.Line l : lines) {
                    keys.add(l.depth() + " " + l.key());
                    assertTrue(l.depth() <= Outline.MAX_DEPTH, "shown deeper than the limit");
                    if (!l.isSection()) {
                        assertTrue(shown.add(l.item().id()), l.item().title() + " shows twice");
                    }
                }
                outlines.add(keys);
                assertEquals(mine.size(), lines.stream().filter(l -> !l.isSection()).count(), "a live todo is missing");
            }
            if (firstRows == null) {
                firstRows = rows;
                firstOutlines = outlines;
            } else {
                assertEquals(firstRows, rows, "the devices' rows differ");
                assertEquals(firstOutlines, outlines, "the devices' outlines differ");
            }
        }
    }
}
