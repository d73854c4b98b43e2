package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Recurring todos. Completing an occurrence of a series creates the next one, whose id is derived from
 * the series and the next due date ({@link DerivedIds#occurrence}) and whose due date depends only on
 * the rule and this occurrence's due date ({@link Recurrence#next}). So two devices that complete the
 * same occurrence offline both write the same next row, and sync merges them into one: exactly one next
 * occurrence. If the next row exists already (completed elsewhere, synced), it is left as it is.
 *
 * <p>Ordering inside the one transaction: read the occurrence, mark it done, then create the next one
 * (with the occurrence's tags), so nothing sees a done occurrence without its successor.
 */
public final class SeriesStore {
    /** The most fresh subtasks one completion makes (the page's {@code series.js} MAX_COPIES). */
    static final int MAX_COPIES = 5000;

    private final TodoStore store;

    public SeriesStore(TodoStore store) {
        this.store = store;
    }

    /**
     * What completing or skipping did: the occurrence as it was before, and the next occurrence if this
     * call created it (null when the todo does not repeat or the next one existed already).
     */
    public record Step(Item before, Item created, List<String> removed) {
        public Step(Item before, Item created) {
            this(before, created, List.of());
        }

        public Step {
            removed = removed == null ? List.of() : List.copyOf(removed);
        }

        public Optional<Item> next() {
            return Optional.ofNullable(created);
        }
    }

    /** Sets or clears (null) the repeat rule; a todo that starts repeating without a due date gets its first date. */
    public Optional<Item> setRepeat(String id, Recurrence rule) {
        LocalDate today = store.today();
        return store.update(id, it -> withRule(it, rule, today));
    }

    /** The item with {@code rule} (null: no repeat); its series is its own id if it has none yet. */
    public static Item withRule(Item it, Recurrence rule, LocalDate today) {
        if (rule == null) {
            return it.withRepeat(null, it.seriesId());
        }
        Item r = it.withRepeat(rule.toRule(), it.seriesId() != null ? it.seriesId() : it.id());
        return r.dueDate() == null ? r.withDue(rule.first(today)) : r;
    }

    /**
     * Completes the todo alone ({@link TodoVerbs#complete}): if it repeats, the next occurrence comes in the same
     * transaction. A note is never completed: nothing changes.
     */
    public Optional<Step> complete(String id) {
        return store.verbs().complete(id, false).map(Completed::step);
    }

    /** Moves on to the next occurrence without completing this one: the next is created, this one is deleted. */
    public Optional<Step> skip(String id) {
        long now = store.clock().millis();
        return write(id, (tx, it) -> {
            if (it.recurrence() == null || it.isNote()) {
                return null;
            }
            Item next = createNext(tx, it, now);
            tx.delete(Item.class, it.id());
            // Its subtasks go with it: the next occurrence has fresh ones.
            List<String> removed = new ArrayList<>();
            for (Item d : ItemTree.descendants(tx, it.id())) {
                if (tx.delete(Item.class, d.id())) {
                    removed.add(d.id());
                }
            }
            return new Step(it, next, removed);
        });
    }

    /**
     * Moves this occurrence alone: the series goes on from its next date (a new row, as completing this one
     * would make it) and this one, {@code placed} where it goes, stops repeating (it keeps its series id).
     */
    public Optional<Step> detach(String id, UnaryOperator<Item> placed) {
        long now = store.clock().millis();
        return write(id, (tx, it) -> {
            if (it.recurrence() == null || it.isNote()) {
                return null;
            }
            Item next = createNext(tx, it, now);
            tx.save(placed.apply(it.withRepeat(null, it.seriesId() != null ? it.seriesId() : it.id())));
            return new Step(it, next);
        });
    }

    /** Undoes {@link #detach}: the occurrence is back as it was (date, time, rule), the next one goes if detach made it. */
    public void undetach(Step step) {
        Item b = step.before();
        store.writeAll(tx -> {
            tx.get(Item.class, b.id()).ifPresent(cur -> tx.save(cur.withDue(b.dueDate()).withDueTimeText(b.dueTime())
                    .withRepeat(b.repeat(), b.seriesId())));
            deleteCreated(tx, step);
            return null;
        });
    }

    /** Undoes {@link #skip}: the skipped occurrence comes back with its subtasks, the next one goes if skip created it. */
    public void unskip(Step step) {
        store.writeAll(tx -> {
            tx.restore(Item.class, step.before().id());
            step.removed().forEach(id -> tx.restore(Item.class, id));
            deleteCreated(tx, step);
            return null;
        });
    }

    /** Deletes the next occurrence a step created, with the fresh subtasks made under it. */
    private static void deleteCreated(Tx tx, Step step) {
        if (step.created() != null) {
            for (Item d : ItemTree.descendants(tx, step.created().id())) {
                tx.delete(Item.class, d.id());
            }
            tx.delete(Item.class, step.created().id());
        }
    }

    /** Undoes {@link #complete}: reopens the occurrence, and deletes the next one if complete created it. */
    public void uncomplete(Step step) {
        Item b = step.before();
        store.writeAll(tx -> {
            tx.get(Item.class, b.id()).ifPresent(cur -> tx.save(cur.withDoneFields(b.done(), b.doneAt())));
            deleteCreated(tx, step);
            return null;
        });
    }

    /** If the todo is done and repeats, creates its next occurrence unless it exists; returns what it created. */
    public Item ensureNext(String id) {
        long now = store.clock().millis();
        return store.writeAll(tx -> tx.get(Item.class, id).filter(Item::isDone).map(it -> createNext(tx, it, now))
                .orElse(null));
    }

    /** Ends the series at this occurrence: it stops repeating; returns it as it was. */
    public Optional<Item> endSeries(String id) {
        return store.update(id, it -> it.withRepeat(null, it.seriesId()));
    }

    private interface Work {
        /** The step done, or null for none (the step then records no next occurrence). */
        Step run(Tx tx, Item current);
    }

    private Optional<Step> write(String id, Work work) {
        Optional<Item> cur = store.get(id);
        if (cur.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.writeAll(tx -> {
            Item it = tx.get(Item.class, id).orElse(cur.get());
            Step step = work.run(tx, it);
            return step != null ? step : new Step(it, null);
        }));
    }

    /**
     * Creates the occurrence after {@code it} inside {@code tx}; null when it does not repeat or the
     * next row exists already, and for a note (a note keeps a rule it had as a todo, but never repeats).
     * Usable by bulk actions in their own transaction.
     */
    public static Item createNext(Tx tx, Item it, long now) {
        return createNext(tx, it, now, MAX_COPIES);
    }

    /** As above, making at most {@code maxCopies} fresh subtasks: for a test of the bound that need not write 5,000. */
    static Item createNext(Tx tx, Item it, long now, int maxCopies) {
        Recurrence rule = it.recurrence();
        if (rule == null || it.isNote()) {
            return null;
        }
        if (it.dueDate() == null && it.due() != null && !it.due().isBlank()) {
            // A due date that is no date here (outside DateRange, or damaged: a synced row may hold one): the
            // series cannot go on from it. This one completes; the next is not guessed.
            return null;
        }
        LocalDate due = it.dueDate() != null ? it.dueDate()
                : LocalDate.ofEpochDay(Math.floorDiv(it.createdAt() == null ? now : it.createdAt(), 86_400_000L));
        // Pinned to this occurrence's day where the plain rule would drift (Jan 31 -> Feb 28 -> Mar 31);
        // the next occurrence carries the pinned rule, so the day holds for the rest of the series.
        Recurrence anchored = rule.anchoredAt(due);
        LocalDate nextDue = next(anchored, due);
        if (nextDue == null) {
            // Past the last date Tandem keeps: the series ends here rather than step out of the calendar.
            return null;
        }
        String series = it.seriesId() != null ? it.seriesId() : it.id();
        String nextId = DerivedIds.occurrence(series, nextDue.toString());
        if (tx.get(Item.class, nextId).isPresent()) {
            return null;
        }
        // The reminder keeps its distance to the due date; computed in UTC days so every device agrees.
        Long remind = it.remindAt() == null ? null
                : it.remindAt() + Duration.ofDays(nextDue.toEpochDay() - due.toEpochDay()).toMillis();
        long shift = nextDue.toEpochDay() - due.toEpochDay();
        // In the same place (parent, section, rank), starting as long before its deadline as this one did.
        Item next = new Item(nextId, it.listId(), it.title(), it.notes(), nextDue.toString(), 0L, null, null, now,
                it.priority(), anchored == rule ? it.repeat() : anchored.toRule(), series, remind, null, null,
                it.dueTime(), it.durationMinutes(), null).withParentId(it.parentId()).withSectionId(it.sectionId())
                .withRank(it.rank()).withStart(shifted(it.startDate(), shift));
        Item saved = tx.save(next);
        for (String tag : TagStore.of(tx, it.id())) {
            TagStore.add(tx, nextId, tag);
        }
        // The next occurrence sits where this one sat, so a loop through this todo's parent leads to it: it and
        // the copies are rows this completion wrote, never copied themselves (the page plans from the rows before).
        Set<String> seen = new HashSet<>(Set.of(it.id(), nextId));
        freshChildren(tx, it.id(), nextId, it.listId(), shift, now, 1, seen, new int[] {maxCopies});
        return saved;
    }

    /** The date after {@code due} that {@code rule} gives, or null when it is past {@link DateRange}. */
    static LocalDate next(Recurrence rule, LocalDate due) {
        try {
            LocalDate d = rule.next(due);
            return DateRange.contains(d) ? d : null;
        } catch (DateTimeException past) {
            return null;
        }
    }

    /**
     * Under the next occurrence, a fresh open copy of each subtask of this one (at any depth, done or not, not
     * the deleted ones), its dates moved on as far as the parent's; ids derived from the next occurrence and
     * the subtask, so two devices completing the same occurrence make the same rows. A repeating subtask's copy
     * repeats as a series of its own.
     *
     * <p>Bounds: the rows come from other devices, and the tree's repair runs after a sync's commit, on a thread
     * of its own, never shortens a chain and leaves a loop through another list alone; so the copy bounds itself,
     * as the page's {@code series.js} does, with the same rules so both write the same rows: levels {@code depth}
     * 1 (the completed todo's subtasks) to {@link TreeDepth#MAX_DEPTH}, each todo met once ({@code seen}, which
     * holds the completed todo, its next occurrence and the copies made: a loop of parents ends there), marked
     * seen before its copy is looked for, and at most {@code left[0]} copies made (a copy there already costs
     * nothing and is not gone under).
     */
    private static void freshChildren(Tx tx, String fromId, String toId, String listId, long shift, long now,
            int depth, Set<String> seen, int[] left) {
        if (depth > TreeDepth.MAX_DEPTH) {
            return;
        }
        for (Item c : tx.query(Item.class, "SELECT * FROM items WHERE parentId = ? AND trashedAt IS NULL", fromId)) {
            if (left[0] <= 0 || !seen.add(c.id())) {
                continue;
            }
            String id = DerivedIds.freshChild(toId, c.id());
            if (tx.get(Item.class, id).isPresent()) {
                continue;
            }
            left[0]--;
            seen.add(id);
            Long remind = c.remindAt() == null ? null : c.remindAt() + Duration.ofDays(shift).toMillis();
            Item copy = new Item(id, listId, c.title(), c.notes(), null, 0L, null, null, now, c.priority(),
                    c.repeat(), c.repeat() == null ? null : id, remind, null, c.kind(), c.dueTime(), c.durationMinutes(), null)
                    .withDue(shifted(c.dueDate(), shift)).withStart(shifted(c.startDate(), shift)).withParentId(toId)
                    .withRank(c.rank()).withCollapsed(c.isCollapsed());
            tx.save(copy);
            for (String tag : TagStore.of(tx, c.id())) {
                TagStore.add(tx, id, tag);
            }
            freshChildren(tx, c.id(), id, listId, shift, now, depth + 1, seen, left);
        }
    }

    /** {@code d} moved on by {@code days}; none when that is past {@link DateRange}. */
    private static LocalDate shifted(LocalDate d, long days) {
        if (d == null) {
            return null;
        }
        LocalDate moved = d.plusDays(days);
        return DateRange.contains(moved) ? moved : null;
    }

    /** The todo {@code key} and every occurrence of the series it started, in the Trash too. */
    public List<Item> rows(String key) {
        return store.db().query(Item.class, "SELECT * FROM items WHERE id = ?1 OR seriesId = ?1", key);
    }

    /** The done occurrences of series in list {@code listId} ("": the Inbox) due {@code due}, titled {@code title}. */
    public List<Item> doneOccurrences(String listId, LocalDate due, String title) {
        return store.db().query(Item.class, "SELECT * FROM items WHERE coalesce(listId, '') = ?1"
                + " AND seriesId IS NOT NULL AND due = ?2 AND title = ?3 AND coalesce(done, 0) <> 0"
                + " AND trashedAt IS NULL",
                listId, due.toString(), title);
    }

    /** The open occurrences of a series, oldest due first. */
    public List<Item> openOccurrences(String seriesId) {
        return store.db().query(Item.class, "SELECT * FROM items WHERE seriesId = ? AND trashedAt IS NULL"
                + " AND coalesce(done, 0) = 0 ORDER BY due, id", seriesId);
    }
}
