package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.engine.Synchronous;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;

/**
 * The page's outbox against the server's replay while the desktop deletes, moves and trashes what the phone's
 * entries name: lists deleted (their todos to the Trash), todos moved between lists and under other todos, moved
 * to the Trash, back, and deleted for good, between the phone's quick adds (in lists, under todos), ticks, moves to
 * the Trash and edits (a title, a list) while the desktop renames them too, sent in batches cut off at random, answers lost, entries sent twice in one
 * batch. Whatever happens: every entry sent is answered, in order, with applied, conflict or refused with a reason,
 * and the replay never stops; an entry after a refused one is answered and a quick add after it lands; nothing
 * applies twice (each quick add makes at most one todo, and Conflicts hold exactly the fields of the edits that
 * first met a conflict).
 */
@Tag("property")
class OutboxStructureProperties {
    private static final int LISTS = 3;
    /** The outbox's reason for an entry the model could not apply for an unforeseen reason. */
    private static final String FAILED = Messages.text("server.outbox.failed");

    sealed interface Step permits PageAdd, PageTick, PageTrash, PageEdit, DesktopDeleteList, DesktopMove,
            DesktopTrash, DesktopDeleteForever, DesktopTick, DesktopRename, Replay {
    }

    /** A quick add in list {@code list} (LISTS: the Inbox), or under known todo {@code parent} when not negative. */
    record PageAdd(int list, int parent) implements Step {
    }

    record PageTick(int item, boolean done) implements Step {
    }

    record PageTrash(int item, boolean trashed) implements Step {
    }

    /** A new title, or ({@code toList} not negative) a move to that list, made on what the page last saw. */
    record PageEdit(int item, int toList) implements Step {
    }

    record DesktopDeleteList(int list) implements Step {
    }

    /** Moves a todo to a list, or under another todo ({@code parent} not negative). */
    record DesktopMove(int item, int list, int parent) implements Step {
    }

    record DesktopTrash(int item, boolean trashed) implements Step {
    }

    record DesktopDeleteForever(int item) implements Step {
    }

    record DesktopTick(int item, boolean done) implements Step {
    }

    record DesktopRename(int item) implements Step {
    }

    /** Sends the first {@code upTo} entries (the first one twice when {@code twice}); the answer may be lost. */
    record Replay(int upTo, boolean twice, boolean answerLost) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> item = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> list = Arbitraries.integers().between(0, LISTS);
        Arbitrary<Integer> maybe = Arbitraries.integers().between(-3, 5);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(list, maybe).as(PageAdd::new)),
                Tuple.of(3, Combinators.combine(item, flag).as(PageTick::new)),
                Tuple.of(2, Combinators.combine(item, flag).as(PageTrash::new)),
                Tuple.of(4, Combinators.combine(item, Arbitraries.integers().between(-2, LISTS - 1)).as(PageEdit::new)),
                Tuple.of(2, item.map(DesktopRename::new)),
                Tuple.of(1, list.map(DesktopDeleteList::new)),
                Tuple.of(2, Combinators.combine(item, list, maybe).as(DesktopMove::new)),
                Tuple.of(2, Combinators.combine(item, flag).as(DesktopTrash::new)),
                Tuple.of(1, item.map(DesktopDeleteForever::new)),
                Tuple.of(3, Combinators.combine(item, flag).as(DesktopTick::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(1, 8), flag, flag).as(Replay::new)));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 50)
    void replay_desktopDeletesMovesAndTrashesMeanwhile_everyEntryAnsweredOnceAndTheOnesAfterARefusalLand(
            @ForAll("steps") List<Step> steps) throws Exception {
        Path dir = Files.createTempDirectory("tandem-outbox-structure");
        // A real file; NORMAL: each entry's commit is not made to wait for the disk, which this does not test.
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).synchronous(Synchronous.NORMAL)
                .build(), Clock.systemUTC(), ZoneOffset.UTC)) {
            new Run(store).run(steps);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One script against one store: the phone's outbox, what it saw, and what the server answered first. */
    private static final class Run {
        final TodoStore store;
        final Outbox outbox;
        final Browsers.Browser phone = new Browsers.Browser(UUID.randomUUID().toString(), "Phone", "-", "-",
                Instant.now(), Instant.now(), null);
        final List<String> lists = new ArrayList<>();
        /** Every todo either side made, in order: the desktop's first, then the phone's by their page ids. */
        final List<String> known = new ArrayList<>();
        final List<Map<String, Object>> queue = new ArrayList<>();
        /** What the page last read of each todo it saw: its title and list. */
        final Map<String, Map<String, Object>> seen = new HashMap<>();
        /** Each entry's outcome the first time the server took it (not "replayed"). */
        final Map<String, Map<String, Object>> first = new HashMap<>();
        /** Page ids of todos the desktop deleted for good after the phone made them. */
        final List<String> deletedForever = new ArrayList<>();
        int serial;

        Run(TodoStore store) {
            this.store = store;
            this.outbox = new Outbox(store, new WebWrites(store, new ItemAnswers(store, Set::of, store.attachments())));
        }

        void run(List<Step> steps) {
            for (int i = 0; i < LISTS; i++) {
                lists.add(store.createList("List " + i).id());
            }
            for (int i = 0; i < 4; i++) {
                known.add(store.add("Desktop " + i, lists.get(i % LISTS), null).id());
            }
            new OutlineStore(store).move(known.get(1), new OutlineStore.Target(lists.get(0), known.get(0), null, null));
            read();
            for (Step step : steps) {
                apply(step);
            }
            // The connection back for good: everything left is sent, twice over (the first answer lost).
            for (int round = 0; round < 2; round++) {
                send(new ArrayList<>(queue));
            }
            check();
        }

        private String item(int i) {
            return known.get(Math.floorMod(i, known.size()));
        }

        private Map<String, Object> entry(Object... fields) {
            Map<String, Object> e = JsonText.obj(fields);
            e.put("key", UUID.randomUUID().toString());
            e.put("at", store.clock().millis());
            return e;
        }

        private void apply(Step step) {
            if (step instanceof PageAdd a) {
                String id = WebFixture.pageId();
                Map<String, Object> e = entry("op", "add", "id", id, "text", "Phone add " + serial++,
                        "view", a.list() >= LISTS ? "inbox" : "list:" + lists.get(a.list()));
                if (a.parent() >= 0) {
                    e.put("parentId", item(a.parent()));
                }
                known.add(id);
                queue.add(e);
            } else if (step instanceof PageTick t) {
                queue.add(entry("op", "done", "id", item(t.item()), "done", t.done()));
            } else if (step instanceof PageTrash t) {
                queue.add(entry("op", "trash", "id", item(t.item()), "trashed", t.trashed()));
            } else if (step instanceof PageEdit e) {
                edit(e);
            } else if (step instanceof DesktopDeleteList d) {
                store.deleteList(lists.get(Math.min(d.list(), LISTS - 1)));
            } else if (step instanceof DesktopMove m) {
                desktop(() -> new OutlineStore(store).move(item(m.item()), new OutlineStore.Target(
                        m.list() >= LISTS ? null : lists.get(m.list()), m.parent() < 0 ? null : item(m.parent()), null, null)));
            } else if (step instanceof DesktopTrash t) {
                desktop(() -> {
                    if (t.trashed()) {
                        store.trash(item(t.item()));
                    } else {
                        store.untrash(item(t.item()));
                    }
                });
            } else if (step instanceof DesktopDeleteForever d) {
                if (store.deleteForever(item(d.item()))) {
                    deletedForever.add(item(d.item()));
                }
            } else if (step instanceof DesktopTick t) {
                desktop(() -> store.setDone(item(t.item()), t.done()));
            } else if (step instanceof DesktopRename d) {
                store.update(item(d.item()), it -> it.withTitle("Desktop title " + serial++));
            } else if (step instanceof Replay r) {
                List<Map<String, Object>> batch = new ArrayList<>(queue.subList(0, Math.min(r.upTo(), queue.size())));
                if (r.twice() && !batch.isEmpty()) {
                    batch.add(1, batch.get(0));
                }
                send(batch);
                if (!r.answerLost()) {
                    queue.removeAll(batch);
                    read();
                }
            }
        }

        /** A new title or list, made on what the page last saw of a todo it shows (it edits nothing else). */
        private void edit(PageEdit e) {
            String id = item(e.item());
            Map<String, Object> saw = seen.get(id);
            if (saw == null) {
                return;
            }
            String field = e.toList() < 0 ? "title" : "listId";
            Object value = e.toList() < 0 ? "Phone title " + serial++ : lists.get(e.toList());
            Map<String, Object> base = new HashMap<>();
            base.put(field, saw.get(field));
            Map<String, Object> set = new HashMap<>();
            set.put(field, value);
            queue.add(entry("op", "edit", "id", id, "set", set, "base", base));
            saw.put(field, value);
        }

        /** A desktop edit; one the model refuses (a move under its own subtask, too deep) is one the desktop did not make. */
        private static void desktop(Runnable edit) {
            try {
                edit.run();
            } catch (IllegalArgumentException refused) {
                // the desktop's own refusal: nothing changed
            }
        }

        private void send(List<Map<String, Object>> batch) {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Object> answer = outbox.replay(JsonText.obj("entries", new ArrayList<Object>(batch)), phone,
                    Language.ENGLISH);
            assertNull(answer.get("stopped"), "the replay never stops: " + answer);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
            assertEquals(batch.size(), results.size(), "every entry answered: " + results);
            boolean afterRefusal = false;
            for (int i = 0; i < batch.size(); i++) {
                Map<String, Object> e = batch.get(i);
                Map<String, Object> r = results.get(i);
                assertEquals(i, r.get("index"));
                assertEquals(e.get("key"), r.get("key"));
                Object outcome = r.get("outcome");
                Statistics.label("outcomes").collect(e.get("op") + " " + outcome + (afterRefusal ? " after a refusal" : ""));
                assertTrue(Set.of("applied", "conflict", "refused").contains(outcome), r.toString());
                if ("refused".equals(outcome)) {
                    assertFalse(String.valueOf(r.get("reason")).isBlank(), r.toString());
                    // Refused for a reason the model gives, never for an exception nobody foresaw.
                    assertNotEquals(FAILED, r.get("reason"), e + " " + r);
                    afterRefusal = true;
                } else if (!Boolean.TRUE.equals(r.get("replayed"))) {
                    assertTrue(first.putIfAbsent((String) e.get("key"), r) == null, "applied twice: " + e + " " + r);
                }
                // A quick add after a refused entry lands (a list or a todo deleted meanwhile sends it to the Inbox;
                // only a subtask deeper than a tree may be is refused).
                if ("add".equals(e.get("op"))) {
                    assertTrue("applied".equals(outcome) || e.containsKey("parentId"), e + " " + r);
                    if ("applied".equals(outcome) && afterRefusal && !deletedForever.contains(e.get("id"))) {
                        assertTrue(store.get((String) e.get("id")).isPresent(), "landed after a refusal: " + e);
                    }
                }
            }
        }

        /** The page reads what it shows again (the server answered). */
        private void read() {
            seen.clear();
            for (String id : known) {
                store.get(id).filter(it -> !it.isTrashed()).ifPresent(it -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("title", it.title());
                    m.put("listId", it.listId());
                    seen.put(id, m);
                });
            }
        }

        private void check() {
            List<Item> all = store.allItems();
            for (int n = 0; n < serial; n++) {
                String title = "Phone add " + n;
                assertTrue(all.stream().filter(i -> i.title().equals(title)).count() <= 1, title + " twice: " + all);
            }
            long conflicted = first.values().stream().filter(r -> "conflict".equals(r.get("outcome")))
                    .mapToLong(r -> ((List<?>) r.get("fields")).size()).sum();
            assertEquals(conflicted, store.conflicts().list().size(), "Conflicts hold each conflicting edit once");
        }
    }
}
