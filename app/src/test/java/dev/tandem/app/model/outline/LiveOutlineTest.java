package dev.tandem.app.model.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outline kept up to date by patches ends where a fresh load is, whatever the moves and edits. */
@Tag("unit")
public class LiveOutlineTest {
    @TempDir
    Path dir;

    /**
     * Holds the lines as the item list does: a whole outline, then each splice applied to what it holds with a
     * removal and an insertion at its index, as {@code LiveList} applies them to its rows.
     */
    public static final class Lines implements LiveOutline.Sink {
        /** The lines held now, as text ("depth title open/done", "#section open"). */
        public volatile List<String> last = List.of();
        final List<String> wrong = new CopyOnWriteArrayList<>();
        final AtomicInteger spliced = new AtomicInteger();
        private List<Outline.Line> held = new ArrayList<>(); // on the serial executor only

        @Override
        public void reset(List<Outline.Line> lines) {
            held = new ArrayList<>(lines);
            last = strings(held);
        }

        @Override
        public void splice(List<OutlineSplice> splices, List<Outline.Line> whole) {
            for (OutlineSplice sp : splices) {
                if (sp.from() + sp.removed() > held.size()) {
                    wrong.add("splice " + sp.from() + "+" + sp.removed() + " past " + held.size() + " lines");
                    return;
                }
                held.subList(sp.from(), sp.from() + sp.removed()).clear();
                held.addAll(sp.from(), sp.lines());
                spliced.incrementAndGet();
            }
            if (!held.equals(whole)) {
                wrong.add("splices " + splices.size() + " did not make the outline they came with");
            }
            last = strings(held);
        }

        @Override
        public void failed(RuntimeException failure) {
            wrong.add("failed: " + failure.getMessage());
        }

        private static List<String> strings(List<Outline.Line> lines) {
            List<String> out = new ArrayList<>();
            for (Outline.Line l : lines) {
                out.add(l.isSection() ? "#" + l.section().name() + " " + l.open()
                        : l.depth() + " " + l.item().title() + " " + l.open() + "/" + l.done());
            }
            return out;
        }
    }

    private static List<String> settle(ExecutorService serial, Lines lines) throws Exception {
        serial.submit(() -> { }).get(10, TimeUnit.SECONDS);
        return lines.last;
    }

    /** Waits (commits reach the listener on the engine's thread, then the serial one) until the lines are these. */
    static void awaitLines(List<String> expected, Lines lines) {
        Await.equal("the live outline's lines", Await.DEFAULT_TIMEOUT, expected, () -> lines.last);
    }

    @Test
    void open_databaseUnreadable_sinkToldAndNothingThrown() {
        Db db = Db.open(dir.resolve("gone.db"));
        db.close();
        Lines lines = new Lines();
        LiveOutline live = LiveOutline.open(db, null, lines, Runnable::run);
        live.close();
        assertEquals(1, lines.wrong.size(), lines.wrong.toString());
        assertTrue(lines.wrong.get(0).startsWith("failed: "), lines.wrong.toString());
        assertEquals(List.of(), lines.last);
    }

    @Test
    void patches_randomMovesEditsAndCompletions_endWhereAFreshLoadIs() throws Exception {
        ExecutorService serial = Executors.newSingleThreadExecutor();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("o.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            SectionStore sections = new SectionStore(store);
            TodoList home = store.createList("Home");
            TodoList work = store.createList("Work");
            Section later = sections.create(home.id(), "Later");
            Lines live = new Lines();
            LiveOutline sub = LiveOutline.open(store.db(), home.id(), live, serial);
            Random random = new Random(7);
            List<String> ids = new ArrayList<>();
            int racedSplices = 0;
            for (int n = 0; n < 300; n++) {
                int op = random.nextInt(10);
                String pick = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
                try {
                    if (op < 3 || pick == null) {
                        String parent = pick != null && random.nextBoolean() ? pick : null;
                        ids.add(store.add("t" + n, null, random.nextInt(5) == 0 ? work.id() : home.id(), parent, null,
                                TodoDetails.NONE).item().id());
                    } else if (op == 3) {
                        outline.indent(pick);
                    } else if (op == 4) {
                        outline.outdent(pick);
                    } else if (op == 5) {
                        outline.shift(pick, random.nextBoolean() ? 1 : -1);
                    } else if (op == 6) {
                        store.setDone(pick, random.nextBoolean());
                    } else if (op == 7) {
                        outline.move(pick, new OutlineStore.Target(random.nextBoolean() ? home.id() : work.id(), null,
                                random.nextBoolean() ? later.id() : null, ids.get(random.nextInt(ids.size()))));
                    } else if (op == 8) {
                        outline.setCollapsed(pick, random.nextBoolean());
                    } else {
                        store.update(pick, i -> i.withTitle(i.title() + "'"));
                    }
                } catch (IllegalArgumentException refused) {
                    // A move under its own subtask: refused, nothing written.
                }
                // The first half races the patches (a late one reads every commit since, and the next finds its work
                // done); the second waits for each, so how many splices it takes does not hang on the machine's load.
                if (n % 50 == 49 || n >= 150) {
                    Lines fresh = new Lines();
                    LiveOutline f = LiveOutline.open(store.db(), home.id(), fresh, serial);
                    awaitLines(settle(serial, fresh), live);
                    f.close();
                }
                if (n == 149) {
                    racedSplices = live.spliced.get();
                }
            }
            sub.close();
            assertEquals(List.of(), live.wrong);
            int stepped = live.spliced.get() - racedSplices;
            assertTrue(stepped > 50, "the last 150 commits' patches came as splices: " + stepped);
        } finally {
            serial.shutdownNow();
        }
    }

    @Test
    void load_subtaskWhoseRowNamesAnotherList_showsAtTheTopOfItsListUntilTheRepairMovesIt() throws Exception {
        ExecutorService serial = Executors.newSingleThreadExecutor();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("p.db")), Clock.systemUTC())) {
            TodoList home = store.createList("Home");
            TodoList work = store.createList("Work");
            Item p = store.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
            Item c = store.add("Book the van", null, home.id(), p.id(), null, TodoDetails.NONE).item();
            // Another device moved the parent without its subtask's row (an older version, or a merge).
            store.update(c.id(), i -> i.withListId(work.id()));
            Lines h = new Lines();
            Lines w = new Lines();
            LiveOutline.open(store.db(), home.id(), h, serial);
            LiveOutline.open(store.db(), work.id(), w, serial);
            // A parent is never followed across a list's edge: the subtask shows in the list its row names.
            awaitLines(List.of("0 Move house 0/0"), h);
            awaitLines(List.of("0 Book the van 0/0"), w);
            assertEquals(1, store.repairTree(), "a private subtask takes its parent's list");
            awaitLines(List.of("0 Move house 1/0", "1 Book the van 0/0"), h);
            awaitLines(List.of(), w);
            store.setDone(c.id(), true);
            awaitLines(List.of("0 Move house 0/1"), h);
        } finally {
            serial.shutdownNow();
        }
    }

    @Test
    void of_cycleOfParents_showsEveryTodoOnce() {
        Item a = new Item("a", "L", "A", null, null, 0L, null, null, 1L).withParentId("b");
        Item b = new Item("b", "L", "B", null, null, 0L, null, null, 2L).withParentId("a");
        List<Outline.Line> lines = Outline.of(List.of(a, b), List.of(), Map.of());
        assertEquals(List.of("a", "b"), lines.stream().map(Outline.Line::key).toList());
        assertEquals(List.of(0, 1), lines.stream().map(Outline.Line::depth).toList());
    }

    @Test
    void open_longList_firstPageIsTheTopOfTheWholeOutline() throws Exception {
        ExecutorService serial = Executors.newSingleThreadExecutor();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("p.db")), Clock.systemUTC())) {
            TodoList home = store.createList("Home");
            for (int n = 0; n < LiveOutline.FIRST_ROOTS + 10; n++) {
                String top = store.add("t" + n, null, home.id(), null, null, TodoDetails.NONE).item().id();
                store.add("s" + n, null, home.id(), top, null, TodoDetails.NONE);
            }
            List<List<String>> pages = new CopyOnWriteArrayList<>();
            Lines whole = new Lines();
            LiveOutline sub = LiveOutline.open(store.db(), home.id(), new LiveOutline.Sink() {
                @Override
                public void reset(List<Outline.Line> lines) {
                    whole.reset(lines);
                }

                @Override
                public void splice(List<OutlineSplice> splices, List<Outline.Line> lines) {
                    whole.splice(splices, lines);
                }

                @Override
                public void firstPage(List<Outline.Line> lines) {
                    pages.add(lines.stream().map(l -> l.depth() + " " + l.item().title()).toList());
                }

                @Override
                public void failed(RuntimeException failure) {
                    whole.failed(failure);
                }
            }, serial);
            List<String> all = settle(serial, whole);
            assertEquals(1, pages.size());
            assertEquals(LiveOutline.FIRST_ROOTS * 2, pages.get(0).size());
            assertEquals(pages.get(0), all.subList(0, pages.get(0).size()).stream()
                    .map(l -> l.substring(0, l.lastIndexOf(' '))).toList());
            sub.close();
        } finally {
            serial.shutdownNow();
        }
    }
}
