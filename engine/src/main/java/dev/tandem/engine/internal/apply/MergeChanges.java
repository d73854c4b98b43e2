package dev.tandem.engine.internal.apply;

import dev.tandem.engine.MergeRule;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.LineMerge;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.merge.ValueRule;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The merge changes {@link RemoteApply} writes where two concurrent versions of an attribute settle
 * without a conflict: mergeable text merged by lines ({@link TextMerges}), and values settled by a
 * rule ({@link ValueMerges}).
 *
 * <p>Order, within the merge's transaction: the incoming change is appended and the winners moved
 * by last write wins first, so the merge change's {@code replaces} names the version that won and
 * its id, taken after, is greater than both sides' ({@link HybridClock#nextAfter}); then the merge
 * change is appended as this device's own, so the next push carries it, and made the winner. Every
 * device that settles the same pair writes the same value, so last write wins between those merge
 * changes changes nothing, and convergence rests on last write wins as for every attribute.
 */
final class MergeChanges {
    /**
     * A settled pair of {@code field}: {@code value} replaces {@code winner} and folds in {@code loser};
     * {@code changes} is false when the winner already holds the settled value (nothing to write).
     */
    record Pending(String field, Object value, boolean changes, UUID winner, UUID loser) {
    }

    private MergeChanges() {
    }

    /** The version a change's write of {@code field} folded in, if it is a merge change; else null. */
    static UUID mergedIn(List<FieldData> fields, String field) {
        String hidden = TextMergeField.hiddenFor(field);
        for (FieldData f : fields) {
            if (f.name().equals(hidden)) {
                return ChangelogStore.mergedParent(f);
            }
        }
        return null;
    }

    /** The line merge of incoming {@code f} (change {@code id}) with the current winner {@code cur}; null when none. */
    static Pending lines(TextMerges merges, StatementCache sql, String table, String entity, FieldData f, UUID id,
                         Winner cur, boolean incomingWins, Ancestry ancestry) throws SQLException {
        UUID winner = incomingWins ? id : cur.id();
        UUID loser = incomingWins ? cur.id() : id;
        if (cur.value() instanceof String a && f.value() instanceof String b && LineMerge.sameLines(a, b)) {
            // The same lines arranged differently (merges of the same edits in different pairs):
            // last write wins settles them alike everywhere, with nothing lost to report.
            return new Pending(f.name(), null, false, winner, loser);
        }
        Optional<String> text = merges.merge(sql, table, entity, f.name(), cur.id(), cur.value(), id, f.value(),
                ancestry);
        if (text.isEmpty()) {
            return null;
        }
        Object winning = incomingWins ? f.value() : cur.value();
        boolean same = SqlValues.same(winning, text.get()) || (winning == null && text.get().isEmpty());
        return new Pending(f.name(), text.get(), !same, winner, loser);
    }

    /** Incoming {@code f} (change {@code id}) and the current winner {@code cur}, settled by {@code rule}. */
    static Pending byRule(MergeRule rule, FieldData f, UUID id, Winner cur, boolean incomingWins) {
        Object winning = incomingWins ? f.value() : cur.value();
        Object settled = ValueRule.pick(rule, cur.value(), f.value());
        return new Pending(f.name(), settled, !SqlValues.same(winning, settled), incomingWins ? id : cur.id(),
                incomingWins ? cur.id() : id);
    }

    /**
     * Appends one merge change of this device for {@code merges} (all of entity {@code e}, each one that
     * {@link Pending#changes}) and makes it the winner of their fields, on top of {@code e}'s winners.
     */
    static void write(MergeBatch batch, HybridClock clock, UUID self, MergeBatch.Entity e, List<Pending> merges) {
        UUID floor = null;
        List<FieldData> fields = new ArrayList<>(merges.size() * 2);
        for (Pending m : merges) {
            floor = floor == null || Uuid7.ORDER.compare(m.winner(), floor) > 0 ? m.winner() : floor;
            floor = Uuid7.ORDER.compare(m.loser(), floor) > 0 ? m.loser() : floor;
            fields.add(new FieldData(m.field(), m.value(), m.winner()));
            fields.add(new FieldData(TextMergeField.hiddenFor(m.field()), Uuid7.toBytes(m.loser()), null));
        }
        UUID id = clock.nextAfter(floor);
        if (batch.has(e, id)) {
            throw new IllegalStateException("merge change " + id + " is here already");
        }
        long seq = batch.append(e, id, self, fields);
        WinnerMap next = e.winners().copy();
        for (Pending m : merges) {
            next.put(m.field(), seq, id);
        }
        e.moveTo(next, seq);
    }
}
