package dev.tandem.engine.internal.sync;

import static dev.tandem.engine.internal.sync.PullTest.A;
import static dev.tandem.engine.internal.sync.PullTest.B;
import static dev.tandem.engine.internal.sync.PullTest.SELF;
import static dev.tandem.engine.internal.sync.PullTest.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.FormatException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which batches past a snapshot are offered to its bulk load, in which order, and which are left
 * for the pull: always a prefix of the pull's causal order, on changelogs held in memory.
 */
@Tag("unit")
class FollowingBatchesTest {
    /** Names batches as {@code a1}, {@code b2}. */
    static List<String> names(List<Batch> batches) {
        return batches.stream().map(b -> PullTest.name(b.device()) + b.seq()).toList();
    }

    /** a1..a3 and b1..b3 alternating in time, a's first; own batches, which are never read. */
    static PullTest.Remote remote() {
        PullTest.Remote remote = new PullTest.Remote();
        for (int seq = 1; seq <= 3; seq++) {
            remote.add(batch(A, seq, seq * 2_000L, 2));
            remote.add(batch(B, seq, seq * 2_000L + 1_000, 2));
            remote.add(batch(SELF, seq, seq * 2_000L + 500, 1));
        }
        return remote;
    }

    @Test
    void read_everyBatchThere_allInCausalOrderFromTheCursors() {
        PullTest.Remote remote = remote();

        FollowingBatches.Read read = FollowingBatches.read(remote, SELF, remote.heads(), Map.of(A, 1L));

        assertEquals(List.of("b1", "a2", "b2", "a3", "b3"), names(read.ordered()));
        assertEquals(List.of(), read.rest());
    }

    @Test
    void read_aBatchMissing_orderEndsWhereItWouldHaveComeAndTheRestIsLeftForThePull() {
        PullTest.Remote remote = remote();
        remote.batches.get(A).remove(2L);

        FollowingBatches.Read read = FollowingBatches.read(remote, SELF, remote.heads(), Map.of());

        // What a2 holds is unknown, so it might have come before b1: nothing past a1 is offered, and
        // b's batches, read already, wait for the pull (which meets the gap and handles it).
        assertEquals(List.of("a1"), names(read.ordered()));
        assertEquals(List.of("b1", "b2", "b3"), names(read.rest()));
    }

    @Test
    void read_aBatchUnreadable_readingOfItsDeviceStopsThere() {
        PullTest.Remote remote = new PullTest.Remote() {
            @Override
            public Optional<Batch> batch(UUID device, long seq) {
                if (device.equals(B) && seq == 1) {
                    throw new FormatException("batches/b/1 is not a batch");
                }
                return super.batch(device, seq);
            }
        };
        remote().batches.forEach((d, m) -> m.values().forEach(remote::add));

        FollowingBatches.Read read = FollowingBatches.read(remote, SELF, remote.heads(), Map.of());

        assertEquals(List.of(), names(read.ordered()), "b1 might have come before a1");
        assertEquals(List.of("a1", "a2", "a3"), names(read.rest()));
    }
}
