package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * The page's outbox against the server's replay, with the server's real store: random edits and ticks made on
 * the phone offline, edits made on the desktop meanwhile, reloads, and replays cut off at random points (the
 * server killed after some entries of a batch, or its answer lost, so the page sends them again). Whatever
 * happens, the profile ends as if each change were applied once, in the order the server first took it,
 * merged per field: a field the desktop changed since the phone saw it keeps the desktop's value and the
 * phone's goes to Conflicts. The oracle is a plain in-memory replay of that rule.
 */
@Tag("property")
class OutboxProperties {
    private static final List<String> FIELDS = List.of("title", "notes", "priority");
    private static final int ITEMS = 3;

    sealed interface Step permits PageEdit, PageTick, DesktopEdit, Replay, Reload {
    }

    record PageEdit(int item, String field, int value) implements Step {
    }

    record PageTick(int item, boolean done) implements Step {
    }

    record DesktopEdit(int item, String field, int value) implements Step {
    }

    /** Sends the first {@code upTo} entries; the server takes {@code taken} of them; the answer may be lost. */
    record Replay(int upTo, int taken, boolean answerLost) implements Step {
    }

    record Reload() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> item = Arbitraries.integers().between(0, ITEMS - 1);
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 2);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, net.jqwik.api.Combinators.combine(item, field, value).as(PageEdit::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(item, Arbitraries.of(true, false)).as(PageTick::new)),
                net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(item, field, value).as(DesktopEdit::new)),
                net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 6), Arbitraries.of(true, false)).as(Replay::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reload())));
        return step.list().ofMinSize(1).ofMaxSize(24);
    }

    private static Object valueOf(String field, int v) {
        return switch (field) {
            case "title" -> "Title " + v;
            case "notes" -> v == 0 ? "" : "notes " + v;
            default -> v == 0 ? null : (long) v;
        };
    }

    @Property(tries = 60)
    void replay_cutOffDuplicatedAndRacingTheDesktop_endsAsIfEachChangeAppliedOnceInOrder(
            @ForAll("steps") List<Step> steps) throws Exception {
        Path dir = Files.createTempDirectory("tandem-outbox-properties");
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            run(store, steps);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void run(TodoStore store, List<Step> steps) {
        Outbox outbox = new Outbox(store, new WebWrites(store, new ItemAnswers(store, Set::of,
                store.attachments())));
        Browsers.Browser phone = new Browsers.Browser(UUID.randomUUID().toString(), "Phone", "-", "-", Instant.now(),
                Instant.now(), null);
        List<String> ids = new ArrayList<>();
        Map<String, Map<String, Object>> oracle = new HashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            Item it = store.add("Title 0", null, null);
            ids.add(it.id());
            oracle.put(it.id(), server(store, it.id()));
        }
        int[] conflicts = {0};
        Set<String> applied = new HashSet<>();
        List<Map<String, Object>> queue = new ArrayList<>();
        Map<String, Map<String, Object>> seen = new HashMap<>();
        ids.forEach(id -> seen.put(id, server(store, id)));

        for (Step step : steps) {
            if (step instanceof PageEdit e) {
                String id = ids.get(e.item());
                Object base = pageView(seen, queue, id).get(e.field());
                Map<String, Object> set = new LinkedHashMap<>();
                set.put(e.field(), valueOf(e.field(), e.value()));
                Map<String, Object> b = new LinkedHashMap<>();
                b.put(e.field(), base);
                queue.add(JsonText.obj("key", UUID.randomUUID().toString(), "op", "edit", "id", id, "set", set, "base", b));
            } else if (step instanceof PageTick t) {
                queue.add(JsonText.obj("key", UUID.randomUUID().toString(), "op", "done", "id", ids.get(t.item()),
                        "done", t.done()));
            } else if (step instanceof DesktopEdit d) {
                String id = ids.get(d.item());
                Object v = valueOf(d.field(), d.value());
                store.update(id, it -> switch (d.field()) {
                    case "title" -> it.withTitle((String) v);
                    case "notes" -> it.withNotes((String) v);
                    default -> it.withPriority(v == null ? null : ((Long) v).intValue());
                });
                oracle.get(id).put(d.field(), v);
            } else if (step instanceof Replay r) {
                List<Map<String, Object>> batch = new ArrayList<>(queue.subList(0, Math.min(r.upTo(), queue.size())));
                List<Map<String, Object>> taken = batch.subList(0, Math.min(r.taken(), batch.size()));
                outbox.replay(JsonText.obj("entries", new ArrayList<Object>(taken)), phone, Language.ENGLISH);
                taken.forEach(entry -> applyOnce(entry, applied, oracle, conflicts));
                if (taken.size() == batch.size() && !r.answerLost()) {
                    queue.subList(0, batch.size()).clear();
                    ids.forEach(id -> seen.put(id, server(store, id)));
                }
            } else {
                ids.forEach(id -> seen.put(id, server(store, id)));
            }
        }
        // The connection back for good: everything left is sent, twice over (the first answer lost).
        for (int round = 0; round < 2; round++) {
            outbox.replay(JsonText.obj("entries", new ArrayList<Object>(queue)), phone, Language.ENGLISH);
            queue.forEach(entry -> applyOnce(entry, applied, oracle, conflicts));
        }
        for (String id : ids) {
            assertEquals(oracle.get(id), server(store, id), "item " + ids.indexOf(id) + " after " + steps);
        }
        assertEquals(conflicts[0], store.conflicts().list().size(), "conflicts after " + steps);
    }

    /** The oracle: an entry applied the first time the server takes it, by the per-field rule; never again. */
    private static void applyOnce(Map<String, Object> entry, Set<String> applied, Map<String, Map<String, Object>> oracle,
                                  int[] conflicts) {
        if (!applied.add((String) entry.get("key"))) {
            return;
        }
        Map<String, Object> item = oracle.get((String) entry.get("id"));
        if ("done".equals(entry.get("op"))) {
            item.put("done", entry.get("done"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> set = (Map<String, Object>) entry.get("set");
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) entry.get("base");
        set.forEach((field, sent) -> {
            Object now = item.get(field);
            if (Objects.equals(now, base.get(field)) || Objects.equals(now, sent)) {
                item.put(field, sent);
            } else {
                conflicts[0]++;
            }
        });
    }

    /** What the page shows: what it last read, with its waiting entries on top. */
    private static Map<String, Object> pageView(Map<String, Map<String, Object>> seen, List<Map<String, Object>> queue,
                                                String id) {
        Map<String, Object> view = new HashMap<>(seen.get(id));
        for (Map<String, Object> e : queue) {
            if (id.equals(e.get("id")) && "edit".equals(e.get("op"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> set = (Map<String, Object>) e.get("set");
                view.putAll(set);
            }
        }
        return view;
    }

    private static Map<String, Object> server(TodoStore store, String id) {
        Item it = store.get(id).orElseThrow();
        Map<String, Object> m = new HashMap<>();
        for (String f : FIELDS) {
            m.put(f, ItemJson.field(it, f));
        }
        m.put("done", it.isDone());
        return m;
    }
}
