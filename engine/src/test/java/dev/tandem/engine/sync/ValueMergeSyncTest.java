package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.syncEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.MergeRule;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A row both devices make by construction (its id derived from a name) settles its rule attributes
 * without a conflict, on every device, a later one too; attributes without a rule still conflict.
 */
@Tag("unit")
class ValueMergeSyncTest {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE place(id TEXT PRIMARY KEY, name TEXT, position INTEGER, createdAt INTEGER)");
    private static final String ID = "errands";

    @Table("place")
    record Place(String id, String name, Long position, Long createdAt) {
    }

    @RegisterExtension
    final SyncFixture sync = new SyncFixture();

    private Db device() {
        Db db = sync.closeAfter(Db.builder().memory().mergeBy("place", "createdAt", MergeRule.LEAST)
                .mergeBy("PLACE", "Position", MergeRule.GREATEST).build());
        db.migrate(SCHEMA);
        return db;
    }

    private static Place place(Db db) {
        return db.get(Place.class, ID).orElseThrow();
    }

    @Test
    void sync_sameRowMadeOnTwoDevices_settlesByTheRulesWithoutAConflict() {
        Db a = device();
        Db b = device();
        a.save(new Place(ID, "Errands", 4L, 2_000L));
        b.save(new Place(ID, "Errands", 1L, 1_000L));

        syncEach(sync.engine(), a, b, a);

        for (Db db : List.of(a, b)) {
            assertEquals(new Place(ID, "Errands", 4L, 1_000L), place(db));
            assertEquals(List.of(), db.conflicts().list());
        }
        Db later = device();
        syncEach(sync.engine(), later);
        assertEquals(new Place(ID, "Errands", 4L, 1_000L), place(later));
        assertEquals(List.of(), later.conflicts().list());
        syncEach(sync.engine(), b, a, later);
        for (Db db : List.of(a, b, later)) {
            assertEquals(new Place(ID, "Errands", 4L, 1_000L), place(db));
            assertEquals(List.of(), db.conflicts().list());
        }
    }

    @Test
    void sync_theOtherDeviceFirst_settlesOnTheSameValues() {
        Db a = device();
        Db b = device();
        b.save(new Place(ID, "Errands", 1L, 1_000L));
        a.save(new Place(ID, "Errands", 4L, 2_000L));

        syncEach(sync.engine(), b, a, b);

        assertEquals(place(a), place(b));
        assertEquals(new Place(ID, "Errands", 4L, 1_000L), place(b));
        assertEquals(List.of(), a.conflicts().list());
        assertEquals(List.of(), b.conflicts().list());
    }

    @Test
    void sync_threeDevicesMakeTheRow_allSettleOnTheLeastAndGreatestOfAll() {
        Db a = device();
        Db b = device();
        Db c = device();
        a.save(new Place(ID, "Errands", 2L, 3_000L));
        b.save(new Place(ID, "Errands", 7L, 2_000L));
        c.save(new Place(ID, "Errands", 5L, 1_000L));

        syncEach(sync.engine(), a, b, c, a, b, c);

        for (Db db : List.of(a, b, c)) {
            assertEquals(new Place(ID, "Errands", 7L, 1_000L), place(db));
            assertEquals(List.of(), db.conflicts().list());
        }
    }

    @Test
    void sync_editAfterSeeingBoth_winsOverTheRule() {
        Db a = device();
        Db b = device();
        a.save(new Place(ID, "Errands", 4L, 2_000L));
        b.save(new Place(ID, "Errands", 1L, 1_000L));
        syncEach(sync.engine(), a, b, a);
        a.save(new Place(ID, "Errands", 0L, 5_000L));

        syncEach(sync.engine(), a, b);

        assertEquals(new Place(ID, "Errands", 0L, 5_000L), place(b));
        assertEquals(List.of(), b.conflicts().list());
    }

    @Test
    void sync_aColumnWithoutARule_stillKeepsAConflict() {
        Db a = device();
        Db b = device();
        a.save(new Place(ID, "Errands", 4L, 2_000L));
        b.save(new Place(ID, "errands", 1L, 1_000L));

        syncEach(sync.engine(), a, b, a);

        List<Conflict> conflicts = a.conflicts().list();
        assertEquals(List.of("name"), conflicts.stream().map(Conflict::field).toList());
        assertEquals(place(a).name(), place(b).name());
    }

    @Test
    void sync_aValueAndNone_theValueStays() {
        Db a = device();
        Db b = device();
        a.save(new Place(ID, "Errands", null, 2_000L));
        b.save(new Place(ID, "Errands", 3L, null));

        syncEach(sync.engine(), a, b, a);

        assertEquals(new Place(ID, "Errands", 3L, 2_000L), place(a));
        assertEquals(place(a), place(b));
        assertEquals(List.of(), a.conflicts().list());
    }

    @Test
    void build_aColumnBothMergeableTextAndByRule_isRefused() {
        Db.Builder both = Db.builder().memory().mergeText("place", "name").mergeBy("Place", "NAME", MergeRule.LEAST);
        assertThrows(IllegalArgumentException.class, both::build);
        Db.Builder badName = Db.builder().memory().mergeBy("place", "_x; DROP", MergeRule.LEAST);
        assertThrows(IllegalArgumentException.class, badName::build);
    }
}
