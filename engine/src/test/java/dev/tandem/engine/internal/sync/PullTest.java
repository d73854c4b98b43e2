package dev.tandem.engine.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pull's order across devices, its groups, and what comes between them; on changelogs held in memory. */
@Tag("unit")
class PullTest {
    static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    static final UUID SELF = UUID.fromString("00000000-0000-7000-8000-0000000000ff");

    /** A remote of batches by device and seq. */
    static class Remote implements Changelog {
        final Map<UUID, Map<Long, Batch>> batches = new TreeMap<>();

        void add(Batch b) {
            batches.computeIfAbsent(b.device(), d -> new TreeMap<>()).put(b.seq(), b);
        }

        @Override
        public Map<UUID, Long> heads() {
            Map<UUID, Long> heads = new TreeMap<>();
            batches.forEach((d, m) -> heads.put(d, ((TreeMap<Long, Batch>) m).lastKey()));
            return heads;
        }

        @Override
        public Optional<Batch> batch(UUID device, long seq) {
            return Optional.ofNullable(batches.getOrDefault(device, Map.of()).get(seq));
        }

        @Override
        public Batch append(Batch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void publishHead(UUID device, long seq, Map<UUID, Long> cursors) {
        }
    }

    /** A local changelog that records what it is given, in which calls. */
    static final class Local implements Changelog {
        final Map<UUID, Long> cursors = new HashMap<>();
        final List<List<Batch>> calls = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public Map<UUID, Long> heads() {
            return new HashMap<>(cursors);
        }

        @Override
        public Optional<Batch> batch(UUID device, long seq) {
            return Optional.empty();
        }

        @Override
        public Batch append(Batch batch) {
            appendAll(List.of(batch));
            return batch;
        }

        @Override
        public void appendAll(List<Batch> batches) {
            calls.add(batches);
            for (Batch b : batches) {
                assertEquals(cursors.getOrDefault(b.device(), 0L) + 1, b.seq(), "each device's batches in order");
                cursors.put(b.device(), b.seq());
                events.add("merge " + name(b.device()) + b.seq());
            }
        }

        @Override
        public void publishHead(UUID device, long seq, Map<UUID, Long> cursors) {
        }

        @Override
        public boolean missingTooLong(UUID device, long seq) {
            return false;
        }
    }

    static String name(UUID device) {
        return device.equals(A) ? "a" : "b";
    }

    /** A batch of {@code n} one-field changes with ids at {@code millis}, {@code millis + 1}, …. */
    static Batch batch(UUID device, long seq, long millis, int n) {
        List<ChangeData> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            changes.add(new ChangeData(Uuid7.at(millis + i), "item", "e" + i, List.of(new FieldData("title", "t", null))));
        }
        return new Batch(device, seq, changes);
    }

    static List<String> pull(Local local, Remote remote, SyncHooks hooks) {
        List<String> problems = new ArrayList<>();
        Pull.run(local, remote, SELF, remote.heads(), hooks, problems, SyncProgress.NONE, 0);
        return problems;
    }

    @Test
    void run_batchesOfTwoDevices_mergedInCausalOrder() {
        Remote remote = new Remote();
        // a's batch 1 holds an edit made before a read b's batch 1 and one made after: it reaches
        // past b1, so b1 goes first although a1 starts earlier.
        remote.add(new Batch(A, 1, List.of(batch(A, 1, 1_000, 1).changes().get(0), batch(A, 1, 3_000, 1).changes().get(0))));
        remote.add(batch(B, 1, 2_000, 1));
        remote.add(batch(A, 2, 5_000, 1));
        remote.add(batch(B, 2, 4_000, 1));
        Local local = new Local();

        pull(local, remote, SyncHooks.NONE);

        assertEquals(List.of("merge b1", "merge a1", "merge b2", "merge a2"), local.events);
        assertEquals(1, local.calls.size(), "four small batches, one group");
    }

    @Test
    void run_moreChangesThanAGroup_mergesInGroupsEndingAtTheBatchThatReachesIt() {
        Remote remote = new Remote();
        int per = Pull.GROUP_CHANGES / 2;
        for (int seq = 1; seq <= 5; seq++) {
            remote.add(batch(A, seq, seq * 100_000L, per));
        }
        Local local = new Local();

        pull(local, remote, SyncHooks.NONE);

        assertEquals(List.of(2, 2, 1), local.calls.stream().map(List::size).toList());
        assertEquals(5L, local.cursors.get(A));
    }

    @Test
    void run_missingBatch_mergesWhatWasReadBeforeAskingForARebuild() {
        Remote remote = new Remote();
        remote.add(batch(A, 1, 1_000, 1));
        remote.add(batch(B, 1, 2_000, 1));
        remote.add(batch(B, 3, 6_000, 1)); // b2 is gone: cleanup deleted it
        remote.add(batch(A, 2, 3_000, 1));
        remote.add(batch(A, 3, 4_000, 1));
        Local local = new Local();
        SyncHooks rebuild = new SyncHooks() {
            @Override
            public long missing(UUID device, long seq, SyncProgress progress) {
                local.events.add("rebuild " + name(device) + seq);
                // A snapshot covering b2 and a's batches up to 2.
                local.cursors.put(B, 2L);
                local.cursors.merge(A, 2L, Math::max);
                return 2;
            }
        };

        pull(local, remote, rebuild);

        assertTrue(local.events.indexOf("rebuild b2") > local.events.indexOf("merge b1"), local.events.toString());
        assertEquals(List.of("merge a1", "merge b1", "rebuild b2", "merge a3", "merge b3"), local.events);
    }
}
