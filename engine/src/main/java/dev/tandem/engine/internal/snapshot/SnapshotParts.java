package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a snapshot's entries into encoded parts: by entity, each entity's changes in one part (its id
 * is then written once, {@code PartColumns}), a part ending after about {@link #PART_CHANGES}
 * changes or {@link #PART_BYTES} of body, so no part nears {@link dev.tandem.engine.internal.wire.Frame#MAX_INFLATED} and parts
 * can be fetched and decoded side by side.
 */
public final class SnapshotParts {
    static final int PART_CHANGES = 60_000;
    static final int PART_BYTES = 4 << 20;
    /** Table, entity, then change id: sorted ids of rows made together share their time prefix. */
    private static final Comparator<SnapshotEntry> BY_ENTITY = Comparator
            .comparing((SnapshotEntry e) -> e.change().table())
            .thenComparing(e -> e.change().entity())
            .thenComparing(e -> e.change().id(), Uuid7.ORDER);

    private SnapshotParts() {
    }

    public static List<byte[]> encode(String id, List<SnapshotEntry> entries) {
        List<SnapshotEntry> sorted = new ArrayList<>(entries);
        sorted.sort(BY_ENTITY);
        List<byte[]> parts = new ArrayList<>();
        List<SnapshotEntry> part = new ArrayList<>();
        long bytes = 0;
        SnapshotEntry last = null;
        for (SnapshotEntry e : sorted) {
            if ((part.size() >= PART_CHANGES || bytes >= PART_BYTES) && !sameEntity(last, e)) {
                parts.add(SnapshotCodec.encodePart(new Part(id, parts.size() + 1, part)));
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(e);
            last = e;
            // at most about what the part's body holds (MessagePack, before compression), counted as
            // layout 1 writes it (ids of 17 bytes, names as small indexes); the columns take less
            bytes += 24 + utf8(e.change().entity());
            for (FieldData f : e.change().fields()) {
                bytes += 2 + size(f.value()) + (f.replaces() == null ? 1 : 17);
            }
        }
        if (!part.isEmpty()) {
            parts.add(SnapshotCodec.encodePart(new Part(id, parts.size() + 1, part)));
        }
        return parts;
    }

    private static boolean sameEntity(SnapshotEntry a, SnapshotEntry b) {
        return a != null && a.change().table().equals(b.change().table()) && a.change().entity().equals(b.change().entity());
    }

    private static long size(Object v) {
        if (v instanceof String) {
            return 5 + utf8((String) v);
        }
        return v instanceof byte[] ? 5 + ((byte[]) v).length : 9;
    }

    /** The length of {@code s} in UTF-8. */
    static long utf8(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                n += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return n;
    }
}
