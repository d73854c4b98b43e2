package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which batches past a snapshot {@link SnapshotFold} takes into it, and what it makes of them: the
 * snapshot a writer would take after merging them. What the whole catch-up then does on a database
 * (same state as replaying, clashes kept) is in {@code ReturningDeviceTest} and {@code SnapshotTest}.
 */
@Tag("unit")
class SnapshotFoldTest {
    static final long T0 = 1_800_000_000_000L;
    final HybridClock clock = new HybridClock(Clock.fixed(Instant.ofEpochMilli(T0 + 1_000_000), ZoneOffset.UTC));
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    /** The snapshot: todo t1 (title, notes) in one change of a, todo t2's title by b. */
    final UUID t1Made = Uuid7.at(T0);
    final UUID t2Made = Uuid7.at(T0 + 1);
    final List<SnapshotEntry> snapshot = List.of(
            new SnapshotEntry(a, change(t1Made, "t1", field("title", "one", null), field("notes", "n", null))),
            new SnapshotEntry(b, change(t2Made, "t2", field("title", "two", null))));

    static FieldData field(String name, Object value, UUID replaces) {
        return new FieldData(name, value, replaces);
    }

    static ChangeData change(UUID id, String entity, FieldData... fields) {
        return new ChangeData(id, "todo", entity, List.of(fields));
    }

    static FollowingBatch batch(UUID device, long seq, ChangeData... changes) {
        return new FollowingBatch(device, seq, List.of(changes));
    }

    /** Per entity and field, the winning value and the id of the change that set it. */
    static Map<String, String> winners(List<SnapshotEntry> entries) {
        Map<String, String> out = new TreeMap<>();
        for (SnapshotEntry e : entries) {
            for (FieldData f : e.change().fields()) {
                String was = out.put(e.change().entity() + "." + f.name(), f.value() + " by " + e.change().id());
                assertEquals(null, was, "an attribute twice in " + entries);
            }
        }
        return out;
    }

    @Test
    void fold_editsThatFollowTheirWinners_takesThemAndDropsWhatTheyReplaced() {
        UUID rename = Uuid7.at(T0 + 10);
        UUID renameAgain = Uuid7.at(T0 + 20);
        UUID made = Uuid7.at(T0 + 30);
        SnapshotFold.Result r = SnapshotFold.fold(snapshot, List.of(
                batch(b, 4, change(rename, "t1", field("title", "uno", t1Made))),
                batch(c, 7, change(renameAgain, "t1", field("title", "eins", rename)),
                        change(made, "t3", field("title", "three", null)))), clock);

        assertEquals(2, r.batches());
        assertEquals(3, r.changes());
        assertEquals(Map.of("t1.title", "eins by " + renameAgain, "t1.notes", "n by " + t1Made,
                "t2.title", "two by " + t2Made, "t3.title", "three by " + made), winners(r.entries()));
        // The first rename won nothing in the end: a snapshot taken after it would not hold it.
        assertEquals(4, r.entries().size());
    }

    @Test
    void fold_sameAuthorEditWithoutReplacedId_isTaken() {
        UUID edit = Uuid7.at(T0 + 10);
        SnapshotFold.Result r = SnapshotFold.fold(snapshot,
                List.of(batch(a, 3, change(edit, "t1", field("notes", "m", null)))), clock);

        assertEquals(1, r.batches());
        assertEquals("m by " + edit, winners(r.entries()).get("t1.notes"));
    }

    @Test
    void fold_concurrentEdit_stopsAtItsBatchAndKeepsWhatCameBefore() {
        UUID rename = Uuid7.at(T0 + 10);
        UUID clash = Uuid7.at(T0 + 20); // replaced the snapshot's title, not the rename: a clash to record
        UUID after = Uuid7.at(T0 + 30);
        List<FollowingBatch> batches = List.of(
                batch(b, 4, change(rename, "t1", field("title", "uno", t1Made))),
                batch(c, 7, change(Uuid7.at(T0 + 15), "t2", field("title", "zwei", t2Made)),
                        change(clash, "t1", field("title", "eins", t1Made))),
                batch(b, 5, change(after, "t2", field("notes", "x", null))));

        SnapshotFold.Result r = SnapshotFold.fold(snapshot, batches, clock);

        assertEquals(1, r.batches(), "the clash's batch and everything after it are merged normally");
        assertEquals(Map.of("t1.title", "uno by " + rename, "t1.notes", "n by " + t1Made,
                "t2.title", "two by " + t2Made), winners(r.entries()), "nothing of the refused batch stays");
    }

    @Test
    void fold_nothingFoldable_returnsTheSnapshotItself() {
        List<FollowingBatch> batches = List.of(batch(b, 4, change(Uuid7.at(T0 - 10), "t1",
                field("title", "older than its winner", t1Made))));

        SnapshotFold.Result r = SnapshotFold.fold(snapshot, batches, clock);

        assertEquals(0, r.batches());
        assertSame(snapshot, r.entries());
    }

    @Test
    void fold_whatTheMergeWouldRecordOrDecide_isRefused() {
        UUID delete = Uuid7.at(T0 + 10);
        List<SnapshotEntry> deleted = new ArrayList<>(snapshot);
        deleted.add(new SnapshotEntry(c, change(delete, "t2", field(Change.DELETED_FIELD, 1L, null))));
        // An edit of a deleted todo that does not restore it: the merge records what it hid.
        assertEquals(0, SnapshotFold.fold(deleted, List.of(batch(b, 4, change(Uuid7.at(T0 + 20), "t2",
                field("title", "edited", t2Made)))), clock).batches());
        // A restore is a clean edit of the tombstone.
        assertEquals(1, SnapshotFold.fold(deleted, List.of(batch(b, 4, change(Uuid7.at(T0 + 20), "t2",
                field(Change.DELETED_FIELD, 0L, delete)))), clock).batches());
        // A delete that a later edit elsewhere did not see.
        List<SnapshotEntry> later = List.of(snapshot.get(0),
                new SnapshotEntry(b, change(Uuid7.at(T0 + 50), "t2", field("title", "two", null))));
        assertEquals(0, SnapshotFold.fold(later, List.of(batch(c, 2, change(Uuid7.at(T0 + 40), "t2",
                field(Change.DELETED_FIELD, 1L, null)))), clock).batches());
        // A merge's hidden attribute.
        assertEquals(0, SnapshotFold.fold(snapshot, List.of(batch(b, 4, change(Uuid7.at(T0 + 20), "t1",
                field("notes", "n\nm", t1Made), field(TextMergeField.hiddenFor("notes"), null, null)))), clock)
                .batches());
        // An id from a clock far ahead: the merge reports its device.
        assertEquals(0, SnapshotFold.fold(snapshot, List.of(batch(b, 4, change(Uuid7.at(T0 + 10_000_000), "t1",
                field("title", "future", t1Made)))), clock).batches());
        // An id the snapshot holds already.
        assertEquals(0, SnapshotFold.fold(snapshot, List.of(batch(b, 4, change(t2Made, "t2",
                field("notes", "again", null)))), clock).batches());
        // The same todo under another table.
        assertEquals(0, SnapshotFold.fold(snapshot, List.of(batch(b, 4, new ChangeData(Uuid7.at(T0 + 20), "tag", "t1",
                List.of(field("label", "x", null))))), clock).batches());
    }

    @Test
    void fold_tableInAnotherCase_isTheSameEntity() {
        UUID rename = Uuid7.at(T0 + 10);
        SnapshotFold.Result r = SnapshotFold.fold(snapshot, List.of(batch(b, 4, new ChangeData(rename, "TODO", "t1",
                List.of(field("TITLE", "uno", t1Made))))), clock);

        assertEquals(0, r.batches(), "a field spelled otherwise than its winner is left to the merge");
        r = SnapshotFold.fold(snapshot, List.of(batch(b, 4, new ChangeData(rename, "TODO", "t1",
                List.of(field("title", "uno", t1Made))))), clock);
        assertEquals(1, r.batches());
        assertEquals("uno by " + rename, winners(r.entries()).get("t1.title"));
    }
}
