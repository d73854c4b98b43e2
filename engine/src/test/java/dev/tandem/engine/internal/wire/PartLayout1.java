package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.wire.Snapshot.Part;

/**
 * Snapshot parts as Tandem wrote them before layout 2 (one change after another, each id and entity
 * whole), so tests can show that remotes written then still read.
 */
public final class PartLayout1 {
    private PartLayout1() {
    }

    public static byte[] encode(Part part) {
        SnapshotCodec.PartNames names = SnapshotCodec.PartNames.of(part.entries());
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_PART, 1, p -> {
            p.packArrayHeader(6);
            names.writeHeader(p, part);
            p.packArrayHeader(part.entries().size());
            for (SnapshotEntry e : part.entries()) {
                ChangeData c = e.change();
                p.packArrayHeader(5);
                BodyWriter.uuid(p, c.id());
                p.packInt(names.authors().get(e.author()));
                p.packInt(names.tables().get(c.table()));
                BodyWriter.entityAndFields(p, c, names.fields(), null);
            }
        });
    }
}
