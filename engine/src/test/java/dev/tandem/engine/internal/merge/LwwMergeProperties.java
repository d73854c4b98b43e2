package dev.tandem.engine.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

@Tag("property")
class LwwMergeProperties {
    static UUID v7(long millis, long random) {
        return new UUID((millis << 16) | 0x7000L, 0x8000_0000_0000_0000L | (random & 0x3FFF_FFFF_FFFF_FFFFL));
    }

    /** Folds versions into a winner the way merge does, one at a time. */
    static FieldVersion fold(List<FieldVersion> arrivals) {
        FieldVersion winner = null;
        for (FieldVersion v : arrivals) {
            if (LwwMerge.decide(winner, v, "f", (c, f) -> null).incomingWins()) {
                winner = v;
            }
        }
        return winner;
    }

    @Property(tries = 500)
    void decide_anyArrivalOrderWithRepeats_sameWinner(@ForAll @IntRange(min = 1, max = 12) int n,
                                                       @ForAll long seed) {
        Random r = new Random(seed);
        List<FieldVersion> versions = new ArrayList<>();
        UUID[] authors = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < n; i++) {
            versions.add(new FieldVersion(v7(1000 + r.nextInt(5), r.nextInt(3)), authors[r.nextInt(3)], null));
        }
        FieldVersion expected = fold(versions);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<FieldVersion> arrivals = new ArrayList<>(versions);
            arrivals.addAll(versions.subList(0, r.nextInt(versions.size() + 1)));
            Collections.shuffle(arrivals, r);
            assertEquals(expected, fold(arrivals));
        }
        for (FieldVersion v : versions) {
            assertTrue(LwwMerge.compare(expected, v) >= 0, "the winner is the maximum");
        }
    }

    @Example
    void decide_incomingReplacedCurrent_sequentialNotConcurrent() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        FieldVersion first = new FieldVersion(v7(1, 1), a, null);
        FieldVersion second = new FieldVersion(v7(2, 1), b, first.id());
        Decision d = LwwMerge.decide(first, second, "title", (c, f) -> null);
        assertTrue(d.incomingWins());
        assertFalse(d.concurrent());
        Decision late = LwwMerge.decide(second, first, "title", (c, f) -> null);
        assertFalse(late.incomingWins());
        assertFalse(late.concurrent(), "an old version the winner replaced is not a conflict");
    }

    @Example
    void decide_sameParentDifferentAuthors_concurrent() {
        FieldVersion base = new FieldVersion(v7(1, 1), UUID.randomUUID(), null);
        FieldVersion left = new FieldVersion(v7(2, 1), UUID.randomUUID(), base.id());
        FieldVersion right = new FieldVersion(v7(3, 1), UUID.randomUUID(), base.id());
        Decision d = LwwMerge.decide(left, right, "title", (c, f) -> null);
        assertTrue(d.incomingWins());
        assertTrue(d.concurrent());
    }

    @Example
    void decide_ancestorDeepInChain_notConcurrent() {
        UUID author = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Map<UUID, UUID> replaced = new HashMap<>();
        FieldVersion base = new FieldVersion(v7(1, 1), other, null);
        UUID prev = base.id();
        for (int i = 2; i < 10; i++) {
            UUID id = v7(i, 1);
            replaced.put(id, prev);
            prev = id;
        }
        FieldVersion tip = new FieldVersion(v7(10, 1), author, prev);
        Decision d = LwwMerge.decide(base, tip, "title", (c, f) -> replaced.get(c));
        assertTrue(d.incomingWins());
        assertFalse(d.concurrent());
    }
}
