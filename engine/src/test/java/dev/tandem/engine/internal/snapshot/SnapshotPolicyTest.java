package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SnapshotPolicyTest {
    final SnapshotPolicy policy = new SnapshotPolicy(200, 5000);

    @Test
    void due_manyBatches_dueWhateverTheVolume() {
        assertTrue(policy.due(200, 3, 100_000));
        assertFalse(policy.due(199, 3, 0));
    }

    @Test
    void due_manyChangesInFewBatches_due() {
        assertTrue(policy.due(2, 5000, 0));
        assertTrue(policy.due(2, 5000, 20_000));
        assertFalse(policy.due(2, 4999, 0));
    }

    @Test
    void due_largeSnapshot_waitsForAQuarterOfIt() {
        assertFalse(policy.due(2, 24_999, 100_000), "a state of 100k changes is rewritten after 25k, not 5k");
        assertTrue(policy.due(2, 25_000, 100_000));
    }

    @Test
    void due_volumeOff_onlyBatchesCount() {
        SnapshotPolicy batches = new SnapshotPolicy(200, 0);
        assertFalse(batches.due(2, 1_000_000, 0));
        assertTrue(batches.due(200, 0, 0));
    }

    @Test
    void due_policyOff_neverDue() {
        SnapshotPolicy off = new SnapshotPolicy(0, 5000);
        assertFalse(off.due(10_000, 1_000_000, 0));
    }

    @Test
    void volumeAfter_newerSnapshotCoversPart_keepsTheShareOfBatchesPastIt() {
        // 10,000 changes over the 40 batches past the old snapshot; the newer one covers 30 of them.
        assertEquals(2500, SnapshotPolicy.volumeAfter(10_000, 140, 100, 130));
        assertEquals(0, SnapshotPolicy.volumeAfter(10_000, 140, 100, 140), "it covers them all");
        assertEquals(0, SnapshotPolicy.volumeAfter(10_000, 140, 100, 150), "it covers more than this device has read");
    }
}
