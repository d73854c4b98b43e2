package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the batches written after a snapshot into it before the bulk load, so that a device far
 * behind writes each row once instead of loading the snapshot and then merging tens of thousands
 * of edits into the rows it just wrote (docs/PERFORMANCE.md, "A device back from holiday").
 *
 * <p><b>What may be folded.</b> Only a change the normal merge would take without deciding
 * anything: for each attribute it sets, it wins (its id is above the current winner's) and has
 * seen the current winner (it names it as replaced, or has the same author), or nobody set the
 * attribute yet. Such a change records no conflict, merges no text, and the snapshot a writer took
 * after merging it would hold exactly what folding gives: the change as the attribute's winner, and
 * the version it replaced only where it still wins another attribute. Also refused, as the merge
 * would record a clash for them: an edit of a deleted entity that does not restore it, a delete
 * that another device's later edit did not see, a merge's hidden attribute, an id the snapshot
 * holds already, and an id from a clock running far ahead (which the merge reports).
 *
 * <p><b>Order.</b> Batches go in the order given, which is the pull's causal order, each whole or
 * not at all: the first batch holding a change that may not be folded ends the fold, and it and
 * every batch after it are merged normally after the snapshot. So what is folded is a prefix of
 * what the pull would merge, and each device's folded batches run on from its snapshot cursor.
 */
final class SnapshotFold {
    /** The snapshot with the folded batches in, how many of the batches were folded, and their changes. */
    record Result(List<SnapshotEntry> entries, int batches, int changes) {
        /** The snapshot as it is, nothing folded. */
        static Result none(List<SnapshotEntry> snapshot) {
            return new Result(snapshot, 0, 0);
        }
    }

    /**
     * The winners of one entity the batches touch, and its table: per lower-case field name, the
     * entry that wins it and where in that entry's fields. An entity has a handful of fields, so a
     * few arrays searched in turn; a catch-up makes tens of thousands of these in a cold JVM.
     */
    private static final class Touched {
        final String table;
        String[] names = new String[4];
        int[] entries = new int[4];
        int[] fields = new int[4];
        int size;

        Touched(String table) {
            this.table = table;
        }

        int find(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Sets the winner of {@code name}; returns its slot, below the size before the call when it had one. */
        int put(String name, int entry, int field) {
            int i = find(name);
            if (i < 0) {
                if (size == names.length) {
                    names = Arrays.copyOf(names, size * 2);
                    entries = Arrays.copyOf(entries, size * 2);
                    fields = Arrays.copyOf(fields, size * 2);
                }
                i = size++;
                names[i] = name;
            }
            entries[i] = entry;
            fields[i] = field;
            return i;
        }

        boolean wins(String name, int entry, int field) {
            int i = find(name);
            return i >= 0 && entries[i] == entry && fields[i] == field;
        }
    }

    /**
     * A slot as it was before a change of the batch being folded set it, put back if the batch is
     * refused: {@code entry} -1 for a slot the batch added.
     */
    private record Undo(Touched entity, int slot, int entry, int field) {
    }

    private final List<SnapshotEntry> entries;
    private Map<String, Touched> touched = Map.of();
    private final long latestMillis;

    private SnapshotFold(List<SnapshotEntry> snapshot, HybridClock clock) {
        this.entries = new ArrayList<>(snapshot);
        this.latestMillis = clock.wallMillis() + clock.maxDriftMillis();
    }

    /** {@code snapshot} with the leading {@code batches} folded in that may be (see above). */
    static Result fold(List<SnapshotEntry> snapshot, List<FollowingBatch> batches, HybridClock clock) {
        if (batches.isEmpty()) {
            return Result.none(snapshot);
        }
        SnapshotFold fold = new SnapshotFold(snapshot, clock);
        int offered = 0;
        for (FollowingBatch b : batches) {
            offered += b.changes().size();
        }
        fold.touched = new HashMap<>(offered * 2);
        for (FollowingBatch b : batches) {
            for (ChangeData c : b.changes()) {
                if (!fold.touched.computeIfAbsent(c.entity(), k -> new Touched(c.table())).table
                        .equalsIgnoreCase(c.table())) {
                    return Result.none(snapshot); // one id in two tables: merged normally
                }
            }
        }
        if (!fold.index(snapshot)) {
            // An attribute twice, or one id in two tables: not as a writer makes it, merged normally.
            return Result.none(snapshot);
        }
        int folded = 0;
        int changes = 0;
        for (FollowingBatch b : batches) {
            if (!fold.take(b)) {
                break;
            }
            folded++;
            changes += b.changes().size();
        }
        return folded == 0 ? Result.none(snapshot) : new Result(fold.result(snapshot.size()), folded, changes);
    }

    /**
     * The entity {@code c} touches, when the batches do; keyed by id alone, as ids are unique
     * (a table spelled in another case is the same table, as everywhere in the merge).
     */
    private Touched touched(ChangeData c) {
        return touched.get(c.entity());
    }

    /** Indexes the winners of the entities the batches touch; false when one attribute has two. */
    private boolean index(List<SnapshotEntry> snapshot) {
        for (int i = 0; i < snapshot.size(); i++) {
            ChangeData c = snapshot.get(i).change();
            Touched t = touched(c);
            if (t == null) {
                continue;
            }
            if (!t.table.equalsIgnoreCase(c.table())) {
                return false;
            }
            List<FieldData> fields = c.fields();
            for (int j = 0; j < fields.size(); j++) {
                FieldData f = fields.get(j);
                if (!SnapshotLocal.skippedInSnapshot(f)) {
                    int before = t.size;
                    if (t.put(f.name().toLowerCase(Locale.ROOT), i, j) < before) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Folds the whole batch in, or, when one of its changes may not be, nothing of it. */
    private boolean take(FollowingBatch b) {
        List<ChangeData> changes = new ArrayList<>(b.changes());
        changes.sort((x, y) -> Uuid7.ORDER.compare(x.id(), y.id()));
        int size = entries.size();
        List<Undo> undo = new ArrayList<>();
        for (ChangeData c : changes) {
            if (!clean(b.device(), c)) {
                for (int i = undo.size() - 1; i >= 0; i--) {
                    Undo u = undo.get(i);
                    if (u.entry < 0) {
                        u.entity.size--; // added by this batch, and last of the slots: undone in reverse
                    } else {
                        u.entity.entries[u.slot] = u.entry;
                        u.entity.fields[u.slot] = u.field;
                    }
                }
                entries.subList(size, entries.size()).clear();
                return false;
            }
            Touched t = touched(c);
            int entry = entries.size();
            entries.add(new SnapshotEntry(b.device(), c));
            for (int j = 0; j < c.fields().size(); j++) {
                FieldData f = c.fields().get(j);
                if (!RemoteApply.skipped(f)) {
                    String name = f.name().toLowerCase(Locale.ROOT);
                    int slot = t.find(name);
                    undo.add(slot < 0 ? new Undo(t, t.size, -1, -1) : new Undo(t, slot, t.entries[slot], t.fields[slot]));
                    t.put(name, entry, j);
                }
            }
        }
        return true;
    }

    /** Whether the merge would take {@code c} by {@code author} without deciding anything (see above). */
    private boolean clean(UUID author, ChangeData c) {
        if (Uuid7.millis(c.id()) > latestMillis) {
            return false;
        }
        Touched t = touched(c);
        boolean deletes = false;
        boolean restores = false;
        for (FieldData f : c.fields()) {
            if (RemoteApply.skipped(f)) {
                continue;
            }
            if (TextMergeField.isHidden(f.name())) {
                return false;
            }
            if (f.name().equals(Change.DELETED_FIELD)) {
                deletes = Long.valueOf(1L).equals(f.value());
                restores = !deletes;
            }
            int w = t.find(f.name().toLowerCase(Locale.ROOT));
            if (w < 0) {
                continue; // nobody set it yet: the change wins it, as the merge decides
            }
            ChangeData winner = entries.get(t.entries[w]).change();
            UUID winnerAuthor = entries.get(t.entries[w]).author();
            if (!winner.fields().get(t.fields[w]).name().equals(f.name()) || Uuid7.ORDER.compare(c.id(), winner.id()) <= 0
                    || !(author.equals(winnerAuthor) || winner.id().equals(f.replaces()))) {
                return false;
            }
        }
        for (int w = 0; w < t.size; w++) {
            ChangeData winner = entries.get(t.entries[w]).change();
            if (winner.id().equals(c.id())) {
                return false; // held already: the merge would skip it, and two rows would share an id
            }
            FieldData f = winner.fields().get(t.fields[w]);
            if (f.name().equals(Change.DELETED_FIELD) && Long.valueOf(1L).equals(f.value()) && !deletes && !restores) {
                return false; // an edit of a deleted entity: the merge records what it hid
            }
            if (deletes && !entries.get(t.entries[w]).author().equals(author)
                    && Uuid7.ORDER.compare(winner.id(), c.id()) > 0) {
                return false; // a delete that did not see a later edit elsewhere: the merge records it
            }
        }
        return true;
    }

    /** The snapshot's entries and the folded changes, each with only the attributes it still wins. */
    private List<SnapshotEntry> result(int snapshotSize) {
        List<SnapshotEntry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SnapshotEntry e = entries.get(i);
            Touched t = touched(e.change());
            if (t == null) {
                out.add(e);
                continue;
            }
            List<FieldData> fields = e.change().fields();
            List<FieldData> kept = new ArrayList<>(fields.size());
            for (int j = 0; j < fields.size(); j++) {
                FieldData f = fields.get(j);
                if (!SnapshotLocal.skippedInSnapshot(f) && t.wins(f.name().toLowerCase(Locale.ROOT), i, j)) {
                    kept.add(f);
                }
            }
            if (i < snapshotSize && kept.size() == fields.size()) {
                out.add(e);
            } else if (!kept.isEmpty()) {
                ChangeData c = e.change();
                out.add(new SnapshotEntry(e.author(), new ChangeData(c.id(), c.table(), c.entity(), kept)));
            }
        }
        return out;
    }
}
