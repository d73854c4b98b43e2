package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Sections of a list and the order of sections and lists. Blocks on the database: call it off the UI thread.
 * Like todos, a section or list that moves writes its own rank only, unless its siblings have no keys yet
 * (lists made before ranks) or share one; then they all get keys once.
 */
public final class SectionStore {
    private final Db db;
    private final Clock clock;

    /** The sections of {@code store}'s profile. */
    public SectionStore(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.clock = store.clock();
    }

    /** The section with this id, if there is one. */
    public Optional<Section> section(String id) {
        return db.query(Section.class, "SELECT * FROM sections WHERE id = ?", id).stream().findFirst();
    }

    /** Every section of every list. */
    public List<Section> all() {
        return db.query(Section.class, "SELECT * FROM sections");
    }

    /** The sections of a list, in their order. */
    public List<Section> sections(String listId) {
        List<Section> out = new ArrayList<>(db.query(Section.class, "SELECT * FROM sections WHERE listId = ?", listId));
        out.sort(Outline.SECTIONS);
        return out;
    }

    /** A new section at the end of the list. */
    public Section create(String listId, String name) {
        String n = name(name);
        return db.transactionResult(tx -> {
            List<String> max = Queries.ids(tx, "SELECT max(rank) AS id FROM sections WHERE listId = ?", listId);
            String last = max.isEmpty() || max.get(0) == null || !Rank.isValid(max.get(0)) ? null : max.get(0);
            return tx.save(new Section(null, listId, n, Rank.between(last, null), null, clock.millis()));
        });
    }

    /** Renames; returns the section as it was. */
    public Optional<Section> rename(String id, String name) {
        String n = name(name);
        return db.transactionResult(tx -> {
            Optional<Section> cur = tx.get(Section.class, id);
            cur.ifPresent(s -> tx.save(s.withName(n)));
            return cur;
        });
    }

    /** What deleting a section did: the section, and the todos taken out of it. */
    public record Deleted(Section section, List<String> itemIds) {
    }

    /** Deletes the section; its todos stay in the list, outside any section. */
    public Optional<Deleted> delete(String id) {
        return db.transactionResult(tx -> {
            Optional<Section> cur = tx.get(Section.class, id);
            if (cur.isEmpty()) {
                return Optional.<Deleted>empty();
            }
            List<String> ids = new ArrayList<>();
            for (Item i : tx.query(Item.class, "SELECT * FROM items WHERE sectionId = ?", id)) {
                tx.save(i.withSectionId(null));
                ids.add(i.id());
            }
            tx.delete(Section.class, id);
            return Optional.of(new Deleted(cur.get(), ids));
        });
    }

    /** Undoes {@link #delete}: the section comes back with its todos in it. */
    public void undelete(Deleted d) {
        db.transaction(tx -> {
            tx.restore(Section.class, d.section().id());
            d.itemIds().forEach(i -> tx.get(Item.class, i).filter(it -> it.sectionId() == null)
                    .ifPresent(it -> tx.save(it.withSectionId(d.section().id()))));
        });
    }

    /** Folds the section's todos away or shows them. */
    public void setCollapsed(String id, boolean collapsed) {
        db.transaction(tx -> tx.get(Section.class, id).filter(s -> s.isCollapsed() != collapsed)
                .ifPresent(s -> tx.save(s.withCollapsed(collapsed))));
    }

    /** Puts the section before {@code beforeId} (null: last); returns the ranks as they were, by section. */
    public Map<String, String> move(String id, String beforeId) {
        return db.transactionResult(tx -> {
            Section cur = tx.get(Section.class, id).orElse(null);
            if (cur == null) {
                return Map.<String, String>of();
            }
            List<Section> sibs = new ArrayList<>(tx.query(Section.class, "SELECT * FROM sections WHERE listId = ?",
                    cur.listId()));
            sibs.sort(Outline.SECTIONS);
            sibs.removeIf(s -> s.id().equals(id));
            List<String> ranks = new ArrayList<>(sibs.stream().map(Section::rank).toList());
            Map<String, String> was = new LinkedHashMap<>();
            int at = beforeId == null ? sibs.size() : indexOfSection(sibs, beforeId);
            String rank = rankAt(ranks, at < 0 ? sibs.size() : at, (k, key) -> {
                Section s = sibs.get(k);
                was.putIfAbsent(s.id(), s.rank());
                tx.save(s.withRank(key));
            });
            was.putIfAbsent(id, cur.rank());
            tx.save(cur.withRank(rank));
            return was;
        });
    }

    /** Writes sections' ranks back (undo of {@link #move}). */
    public void setRanks(Map<String, String> ranks) {
        db.transaction(tx -> ranks.forEach((id, r) -> tx.get(Section.class, id).ifPresent(s -> tx.save(s.withRank(r)))));
    }

    /** Puts a list before {@code beforeId} (null: last) in the sidebar; returns the ranks as they were, by list. */
    public Map<String, String> moveList(String id, String beforeId) {
        return db.transactionResult(tx -> {
            TodoList cur = tx.get(TodoList.class, id).orElse(null);
            if (cur == null) {
                return Map.<String, String>of();
            }
            List<TodoList> sibs = new ArrayList<>(tx.query(TodoList.class, Queries.LISTS));
            sibs.removeIf(l -> l.id().equals(id));
            List<String> ranks = new ArrayList<>(sibs.stream().map(TodoList::rank).toList());
            Map<String, String> was = new LinkedHashMap<>();
            int at = -1;
            for (int k = 0; k < sibs.size(); k++) {
                if (sibs.get(k).id().equals(beforeId)) {
                    at = k;
                }
            }
            String rank = rankAt(ranks, at < 0 ? sibs.size() : at, (k, key) -> {
                TodoList l = sibs.get(k);
                was.putIfAbsent(l.id(), l.rank());
                tx.save(l.withRank(key));
            });
            was.putIfAbsent(id, cur.rank());
            tx.save(cur.withRank(rank));
            return was;
        });
    }

    /** Writes lists' ranks back (undo of {@link #moveList}). */
    public void setListRanks(Map<String, String> ranks) {
        db.transaction(tx -> ranks.forEach((id, r) -> tx.get(TodoList.class, id).ifPresent(l -> tx.save(l.withRank(r)))));
    }

    /**
     * The key for position {@code at} among {@code ranks}; when the neighbours leave no room every sibling
     * gets a new key first, through {@code rerank} (index, key).
     */
    static String rankAt(List<String> ranks, int at, BiConsumer<Integer, String> rerank) {
        boolean ok = true;
        for (int k = 0; k < ranks.size(); k++) {
            String r = ranks.get(k);
            ok &= r != null && Rank.isValid(r) && (k == 0 || ranks.get(k - 1).compareTo(r) < 0);
        }
        if (!ok) {
            List<String> keys = Rank.after(null, ranks.size());
            for (int k = 0; k < ranks.size(); k++) {
                if (!keys.get(k).equals(ranks.get(k))) {
                    rerank.accept(k, keys.get(k));
                }
                ranks.set(k, keys.get(k));
            }
        }
        return Rank.between(at == 0 ? null : ranks.get(at - 1), at == ranks.size() ? null : ranks.get(at));
    }

    private static int indexOfSection(List<Section> s, String id) {
        for (int k = 0; k < s.size(); k++) {
            if (s.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        return TextLimits.listName(n);
    }
}
