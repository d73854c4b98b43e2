package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SnapshotEntry;
import dev.tandem.engine.internal.sync.Snapshot.Part;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Snapshot parts as Tandem wrote them before layout 2 (one change after another, each id and entity
 * whole), so tests can show that remotes written then still read.
 */
public final class PartLayout1 {
    private PartLayout1() {
    }

    public static byte[] encode(Part part) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<UUID, Integer> authors = new LinkedHashMap<>();
        for (SnapshotEntry e : part.entries()) {
            authors.putIfAbsent(e.author(), authors.size());
            tables.putIfAbsent(e.change().table(), tables.size());
            for (FieldData f : e.change().fields()) {
                fields.putIfAbsent(f.name(), fields.size());
            }
        }
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_PART, 1, p -> {
            p.packArrayHeader(6);
            p.packString(part.id());
            p.packInt(part.index());
            BodyWriter.names(p, tables.keySet());
            BodyWriter.names(p, fields.keySet());
            p.packArrayHeader(authors.size());
            for (UUID a : authors.keySet()) {
                BodyWriter.uuid(p, a);
            }
            p.packArrayHeader(part.entries().size());
            for (SnapshotEntry e : part.entries()) {
                ChangeData c = e.change();
                p.packArrayHeader(5);
                BodyWriter.uuid(p, c.id());
                p.packInt(authors.get(e.author()));
                p.packInt(tables.get(c.table()));
                BodyWriter.entityAndFields(p, c, fields, null);
            }
        });
    }
}
