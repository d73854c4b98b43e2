package dev.tandem.engine.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.clock.HybridClock;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class VersionWalkTest {
    private final Map<UUID, UUID> replaced = new HashMap<>();
    private final Map<UUID, UUID> merged = new HashMap<>();
    private final Ancestry ancestry = new Ancestry() {
        @Override
        public UUID replaced(UUID change, String field) {
            return VersionWalkTest.this.replaced.get(change);
        }

        @Override
        public UUID merged(UUID change, String field) {
            return VersionWalkTest.this.merged.get(change);
        }
    };
    private final HybridClock clock = new HybridClock(Clock.systemUTC());

    private UUID version(UUID replaces) {
        UUID id = clock.next();
        if (replaces != null) {
            replaced.put(id, replaces);
        }
        return id;
    }

    @Test
    void newestCommonAncestor_twoEditsOfOneVersion_isThatVersion() {
        UUID o = version(null);
        UUID a = version(o);
        UUID b = version(o);
        assertEquals(o, VersionWalk.newestCommonAncestor(a, b, "notes", ancestry, 100));
    }

    @Test
    void newestCommonAncestor_oneSideDescendsFromTheOther_isTheOlder() {
        UUID o = version(null);
        UUID a = version(o);
        UUID b = version(a);
        assertEquals(a, VersionWalk.newestCommonAncestor(a, b, "notes", ancestry, 100));
    }

    @Test
    void newestCommonAncestor_afterAMerge_isTheMergedVersionNotTheOldBase() {
        UUID o = version(null);
        UUID a = version(o);
        UUID b = version(o);
        UUID m = version(b);
        merged.put(m, a);
        UUID c = version(a); // edited A without seeing B or the merge
        assertEquals(a, VersionWalk.newestCommonAncestor(m, c, "notes", ancestry, 100));
    }

    @Test
    void newestCommonAncestor_unknownHistory_isNull() {
        UUID a = version(UUID.randomUUID());
        UUID b = version(null);
        assertNull(VersionWalk.newestCommonAncestor(a, b, "notes", ancestry, 100));
    }

    @Test
    void newestCommonAncestor_beyondTheLimit_isNull() {
        UUID o = version(null);
        UUID a = o;
        for (int i = 0; i < 20; i++) {
            a = version(a);
        }
        UUID b = version(o);
        assertEquals(o, VersionWalk.newestCommonAncestor(a, b, "notes", ancestry, 100));
        assertNull(VersionWalk.newestCommonAncestor(a, b, "notes", ancestry, 10));
    }

    @Test
    void reaches_throughAMergesSecondParent_isTrue() {
        UUID o = version(null);
        UUID a = version(o);
        UUID b = version(o);
        UUID m = version(b);
        merged.put(m, a);
        UUID e = version(m);
        assertTrue(VersionWalk.reaches(new FieldVersion(e, null, m), a, "notes", ancestry, 100));
        assertTrue(VersionWalk.reaches(new FieldVersion(m, null, b, a), a, "notes", ancestry, 100));
        assertFalse(VersionWalk.reaches(new FieldVersion(b, null, o), a, "notes", ancestry, 100));
    }
}
