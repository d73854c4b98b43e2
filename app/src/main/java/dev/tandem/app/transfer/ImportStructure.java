package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.outline.Outline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where the todos an import adds go in their lists' outlines: their sections (found by id, then by list and
 * name, or created), their parents and their order. Part of {@link ImportWriter}'s transaction.
 *
 * <p>A parent that is neither in the file nor in the profile (or deleted here for good) is dropped: the todo
 * is at the top of its list, as the outline would show it anyway. A subtask's list is its top todo's. A cycle
 * of parents inside a file is broken where the outline breaks one, at its smallest id. A rank that is no
 * {@link Rank} key is dropped. A backup ({@link Incoming#lossless}) keeps its ranks as stored, so a restore
 * gives the same order; other formats' ranks say only the file's order, so the todos they add are ranked after
 * the siblings already there, in that order, rather than in between them. The same goes for sections.
 */
final class ImportStructure {
    /**
     * What it reads of the profile, and the one write it asks for, as functions of the writer's transaction:
     * the writer alone writes ({@code nextRank} is {@link dev.tandem.app.model.ItemTree#nextRank}).
     */
    record Rows(Supplier<List<Section>> sections,
                Function<String, Optional<Item>> item,
                Predicate<String> hasSection, NextRank nextRank,
                UnaryOperator<Section> save) {
    }

    /** The rank after the last sibling in a list (null: the Inbox), under a parent, or in a section. */
    interface NextRank {
        String of(String listId, String parentId, String sectionId);
    }

    private final Map<String, Item> placed = new HashMap<>();

    private ImportStructure() {
    }

    /** The item as it is to be saved: list resolved, section, parent and rank as above. Unchanged if not added. */
    Item of(Item it) {
        Item p = placed.get(it.id());
        if (p == null) {
            return it;
        }
        return it.withListId(p.listId()).withParentId(p.parentId()).withSectionId(p.sectionId()).withRank(p.rank());
    }

    /**
     * Sections first: fills {@code sectionIds} with each incoming section's id in this profile and returns how
     * many were created. A section deleted here for good comes back only if a todo being added is in it.
     */
    static int sections(Rows rows, Incoming in, Set<String> adding, Map<String, String> listIds, Set<String> deleted,
                        long now, Map<String, String> sectionIds) {
        Map<String, Section> byId = new HashMap<>();
        Map<String, Section> byName = new HashMap<>();
        Map<String, String> lastRank = new HashMap<>();
        for (Section s : rows.sections().get()) {
            byId.put(s.id(), s);
            byName.putIfAbsent(key(s.listId(), s.name()), s);
            if (Rank.isValid(s.rank())) {
                lastRank.merge(String.valueOf(s.listId()), s.rank(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        Set<String> needed = new HashSet<>();
        for (Item it : in.items()) {
            if (adding.contains(it.id()) && it.sectionId() != null) {
                needed.add(it.sectionId());
            }
        }
        List<Section> ordered = new ArrayList<>(in.sections());
        if (!in.lossless()) {
            ordered.sort(Comparator.comparing(Section::rank, Comparator.nullsLast(
                    Comparator.<String>naturalOrder())));
        }
        int created = 0;
        for (Section s : ordered) {
            String listId = s.listId() == null ? null : listIds.getOrDefault(s.listId(), s.listId());
            Section mine = byId.get(s.id());
            if (mine == null) {
                mine = byName.get(key(listId, s.name()));
            }
            if (mine != null) {
                sectionIds.put(s.id(), mine.id());
                continue;
            }
            if (deleted.contains(s.id()) && !needed.contains(s.id())) {
                continue;
            }
            String last = lastRank.get(String.valueOf(listId));
            String rank = in.lossless() && Rank.isValid(s.rank()) ? s.rank() : Rank.between(last, null);
            if (last == null || rank.compareTo(last) > 0) {
                lastRank.put(String.valueOf(listId), rank);
            }
            Section saved = rows.save().apply(new Section(s.id(), listId, s.name(), rank, s.collapsed(),
                    s.createdAt() == null ? now : s.createdAt()));
            byId.put(saved.id(), saved);
            sectionIds.put(s.id(), saved.id());
            created++;
        }
        return created;
    }

    /**
     * Places the incoming items whose ids are in {@code adding} (the first of each id), with lists and
     * sections already resolved ({@code listIds}, {@code sectionIds}).
     */
    static ImportStructure place(Rows rows, Incoming in, Set<String> adding, Map<String, String> listIds,
                                 Map<String, String> sectionIds) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Item it : in.items()) {
            if (adding.contains(it.id())) {
                byId.putIfAbsent(it.id(), it);
            }
        }
        Map<String, Item> existing = new HashMap<>();
        Map<String, Boolean> sectionHere = new HashMap<>();
        Map<String, Item> fixed = new LinkedHashMap<>();
        for (Item it : byId.values()) {
            String listId = it.listId() == null ? null : listIds.getOrDefault(it.listId(), it.listId());
            String section = it.sectionId() == null ? null : sectionIds.containsKey(it.sectionId())
                    ? sectionIds.get(it.sectionId())
                    : sectionHere.computeIfAbsent(it.sectionId(), rows.hasSection()::test)
                    ? it.sectionId() : null;
            String parent = it.parentId();
            if (parent != null && !byId.containsKey(parent) && existing(rows, existing, parent) == null) {
                parent = null;
            }
            fixed.put(it.id(), it.withListId(listId).withSectionId(section).withParentId(parent)
                    .withRank(Rank.isValid(it.rank()) ? it.rank() : null));
        }
        breakCycles(fixed);
        flattenDeep(fixed, existing, rows);
        ImportStructure out = new ImportStructure();
        for (Item it : fixed.values()) {
            out.placed.put(it.id(), it.hasParent() ? it.withListId(topList(it, fixed, existing, rows)) : it);
        }
        if (!in.lossless()) {
            out.rankAfterSiblings(rows);
        }
        return out;
    }

    private static Item existing(Rows rows, Map<String, Item> cache, String id) {
        if (!cache.containsKey(id)) {
            cache.put(id, rows.item().apply(id).orElse(null));
        }
        return cache.get(id);
    }

    /** A chain of parents that comes back to itself is cut at its smallest id, which goes to the top level. */
    private static void breakCycles(Map<String, Item> byId) {
        Set<String> done = new HashSet<>();
        for (String start : new ArrayList<>(byId.keySet())) {
            List<String> walk = new ArrayList<>();
            Set<String> onWalk = new HashSet<>();
            String at = start;
            while (at != null && byId.containsKey(at) && !done.contains(at) && onWalk.add(at)) {
                walk.add(at);
                at = byId.get(at).parentId();
            }
            if (at != null && onWalk.contains(at)) {
                String smallest = at;
                for (int k = walk.indexOf(at); k < walk.size(); k++) {
                    smallest = walk.get(k).compareTo(smallest) < 0 ? walk.get(k) : smallest;
                }
                byId.put(smallest, byId.get(smallest).withParentId(null));
            }
            done.addAll(walk);
        }
    }

    /**
     * A todo deeper than {@link Outline#MAX_DEPTH} goes under its ancestor one level above the limit, so it sits
     * at the limit: a file's chain 10,000 deep is written as an edit could write it. Each todo's level is found
     * once, with a stack of its own (no recursion), so it costs the file's size.
     */
    private static void flattenDeep(Map<String, Item> fixed, Map<String, Item> existing, Rows rows) {
        Map<String, Integer> level = new HashMap<>();
        // The todo of the file at MAX_DEPTH - 1 at or above each todo (null: none, or it is in the profile).
        Map<String, String> anchor = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String start : new ArrayList<>(fixed.keySet())) {
            String at = start;
            while (at != null && fixed.containsKey(at) && !level.containsKey(at)) {
                path.push(at);
                at = fixed.get(at).parentId();
            }
            int above = at == null ? -1 : level.containsKey(at) ? level.get(at) : levelHere(rows, existing, at);
            String anc = at == null ? null : anchor.get(at);
            while (!path.isEmpty()) {
                String id = path.pop();
                int d = above + 1;
                if (d > Outline.MAX_DEPTH) {
                    fixed.put(id, fixed.get(id).withParentId(anc));
                    d = anc == null ? 0 : Outline.MAX_DEPTH;
                }
                if (d == Outline.MAX_DEPTH - 1) {
                    anc = id;
                }
                level.put(id, d);
                anchor.put(id, anc);
                above = d;
            }
        }
    }

    /** How many todos lie above {@code id} in the profile, counted up to one past the limit. */
    private static int levelHere(Rows rows, Map<String, Item> existing, String id) {
        Set<String> seen = new HashSet<>();
        Item at = existing(rows, existing, id);
        int n = 0;
        while (at != null && at.hasParent() && n <= Outline.MAX_DEPTH && seen.add(at.id())) {
            at = existing(rows, existing, at.parentId());
            n += at == null ? 0 : 1;
        }
        return n;
    }

    /** The list of the top todo above {@code it}: in the file, or already in the profile. */
    private static String topList(Item it, Map<String, Item> fixed, Map<String, Item> existing, Rows rows) {
        Item at = it;
        Set<String> seen = new HashSet<>();
        while (at.hasParent() && seen.add(at.id())) {
            Item up = fixed.containsKey(at.parentId()) ? fixed.get(at.parentId()) : existing(rows, existing, at.parentId());
            if (up == null) {
                break;
            }
            at = up;
        }
        return at.listId();
    }

    /** Each group of new siblings, in the file's order, after the siblings the profile has there already. */
    private void rankAfterSiblings(Rows rows) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item it : placed.values()) {
            String key = it.hasParent() ? "p\u0000" + it.parentId()
                    : "l\u0000" + it.listId() + "\u0000" + (it.sectionId() == null ? "" : it.sectionId());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(it);
        }
        for (List<Item> group : groups.values()) {
            group.sort(Outline.SIBLINGS);
            Item first = group.get(0);
            String rank = rows.nextRank().of(first.listId(), first.parentId(), first.sectionId());
            for (Item it : group) {
                placed.put(it.id(), it.withRank(rank));
                rank = Rank.between(rank, null);
            }
        }
    }

    private static String key(String listId, String name) {
        return listId + "\u0000" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }
}
