package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;

/**
 * Encodes snapshot parts (kind 3) and manifests (kind 4) in the same {@link Frame} envelope as
 * batches. Decoding is as distrustful as {@link BatchCodec}'s: the same {@link BoundedReader}, the
 * same name rules, UUIDv7 change ids, and the part must name the snapshot and index its key says.
 * Parts are written in layout 2, columns ({@link PartColumns}); layout 1, each change whole, is still
 * read.
 */
public final class SnapshotCodec {
    /** Snapshot ids: 13-digit writer millis, '-', the writer's device id; sortable by time. */
    public static final Pattern ID = Pattern.compile("[0-9]{13}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final int MAX_PARTS = 10_000;

    private SnapshotCodec() {
    }

    public static byte[] encodePart(Part part) {
        PartNames names = PartNames.of(part.entries());
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_PART, Frame.PART_VERSION, p -> {
            p.packArrayHeader(13);
            names.writeHeader(p, part);
            PartColumns.write(p, part.entries(), names.tables(), names.fields(), names.authors());
        });
    }

    /** A part's name tables, each name indexed by its first use. */
    record PartNames(Map<String, Integer> tables, Map<String, Integer> fields, Map<UUID, Integer> authors) {
        static PartNames of(List<SnapshotEntry> entries) {
            PartNames n = new PartNames(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
            for (SnapshotEntry e : entries) {
                n.authors.putIfAbsent(e.author(), n.authors.size());
                n.tables.putIfAbsent(e.change().table(), n.tables.size());
                for (FieldData f : e.change().fields()) {
                    n.fields.putIfAbsent(f.name(), n.fields.size());
                }
            }
            return n;
        }

        /** The elements every layout starts with: the part's snapshot id and index, then the tables. */
        void writeHeader(MessageBufferPacker p, Part part) throws IOException {
            p.packString(part.id());
            p.packInt(part.index());
            BodyWriter.names(p, tables.keySet());
            BodyWriter.names(p, fields.keySet());
            p.packArrayHeader(authors.size());
            for (UUID a : authors.keySet()) {
                BodyWriter.uuid(p, a);
            }
        }
    }

    public static Part decodePart(byte[] object, String key, String id, int index) {
        return BoundedReader.decode(object, Frame.KIND_SNAPSHOT_PART, key, r -> {
            r.expectArray(r.version >= 2 ? 13 : 6);
            String actualId = r.string(64);
            long actualIndex = r.positiveLong("part index");
            if (!actualId.equals(id) || actualIndex != index) {
                throw new FormatException("Object " + key + " holds part " + actualIndex + " of snapshot "
                        + actualId.replaceAll("\\p{Cntrl}", "?") + ", not what its key says");
            }
            List<String> tables = r.names(false);
            List<String> fieldNames = r.names(true);
            int authorCount = r.arrayHeader();
            List<UUID> authors = new ArrayList<>(authorCount);
            for (int i = 0; i < authorCount; i++) {
                authors.add(r.uuid());
            }
            if (r.version >= 2) {
                return new Part(id, index, PartColumns.read(r, tables, fieldNames, authors));
            }
            int count = r.arrayHeader();
            List<SnapshotEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                r.expectArray(5);
                UUID changeId = r.changeId();
                UUID author = r.indexed(authors, "author");
                String table = r.indexed(tables, "table");
                String entity = r.entity(null);
                entries.add(new SnapshotEntry(author, new ChangeData(changeId, table, entity, r.fields(fieldNames, changeId, true, null))));
            }
            return new Part(id, index, entries);
        });
    }

    public static byte[] encodeManifest(Manifest m) {
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_MANIFEST, p -> {
            p.packArrayHeader(6);
            p.packString(m.id());
            BodyWriter.uuid(p, m.writer());
            p.packLong(m.createdAtMillis());
            BodyWriter.cursors(p, m.cursors());
            p.packInt(m.parts());
            p.packLong(m.changes());
        });
    }

    public static Manifest decodeManifest(byte[] object, String key, String id) {
        return BoundedReader.decode(object, Frame.KIND_SNAPSHOT_MANIFEST, key, r -> {
            r.expectArray(6);
            String actualId = r.string(64);
            if (!actualId.equals(id)) {
                throw new FormatException("Object " + key + " is the manifest of another snapshot");
            }
            UUID writer = r.uuid();
            long at = r.u.unpackLong();
            Map<UUID, Long> cursors = r.cursors();
            long parts = r.positiveLong("part count");
            if (parts > MAX_PARTS) {
                throw new FormatException("Object " + key + " claims " + parts + " parts");
            }
            long changes = r.positiveLong("change count");
            return new Manifest(id, writer, at, cursors, (int) parts, changes);
        });
    }
}
