package dev.tandem.engine.internal.sync;

import static dev.tandem.engine.internal.sync.BatchCodec.packUuid;
import static dev.tandem.engine.internal.sync.BatchCodec.packValue;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import dev.tandem.engine.internal.sync.Snapshot.Entry;
import dev.tandem.engine.internal.sync.Snapshot.Manifest;
import dev.tandem.engine.internal.sync.Snapshot.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Encodes snapshot parts (kind 3) and manifests (kind 4) in the same {@link Frame} envelope as
 * batches. Decoding is as distrustful as {@link BatchCodec}'s: the same bounded reader, the same
 * name rules, UUIDv7 change ids, and the part must name the snapshot and index its key says.
 */
public final class SnapshotCodec {
    /** Snapshot ids: 13-digit writer millis, '-', the writer's device id; sortable by time. */
    static final Pattern ID = Pattern.compile("[0-9]{13}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final int MAX_PARTS = 10_000;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SnapshotCodec() {
    }

    public static byte[] encodePart(Part part) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<UUID, Integer> authors = new LinkedHashMap<>();
        for (Entry e : part.entries()) {
            authors.putIfAbsent(e.author(), authors.size());
            tables.putIfAbsent(e.change().table(), tables.size());
            for (FieldData f : e.change().fields()) {
                fields.putIfAbsent(f.name(), fields.size());
            }
        }
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(6);
            p.packString(part.id());
            p.packInt(part.index());
            p.packArrayHeader(tables.size());
            for (String t : tables.keySet()) {
                p.packString(t);
            }
            p.packArrayHeader(fields.size());
            for (String f : fields.keySet()) {
                p.packString(f);
            }
            p.packArrayHeader(authors.size());
            for (UUID a : authors.keySet()) {
                packUuid(p, a);
            }
            p.packArrayHeader(part.entries().size());
            for (Entry e : part.entries()) {
                ChangeData c = e.change();
                p.packArrayHeader(5);
                packUuid(p, c.id());
                p.packInt(authors.get(e.author()));
                p.packInt(tables.get(c.table()));
                if (UUID_TEXT.matcher(c.entity()).matches()) {
                    packUuid(p, UUID.fromString(c.entity()));
                } else {
                    p.packString(c.entity());
                }
                p.packArrayHeader(c.fields().size() * 3);
                for (FieldData f : c.fields()) {
                    p.packInt(fields.get(f.name()));
                    packValue(p, f.value());
                    if (f.replaces() == null) {
                        p.packNil();
                    } else {
                        packUuid(p, f.replaces());
                    }
                }
            }
            return Frame.wrap(Frame.KIND_SNAPSHOT_PART, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    public static Part decodePart(byte[] object, String key, String id, int index) {
        byte[] body = Frame.unwrap(object, Frame.KIND_SNAPSHOT_PART, key);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            BatchCodec.Reader r = new BatchCodec.Reader(u, body.length, key);
            r.expectArray(6);
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
            int count = r.arrayHeader();
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                r.expectArray(5);
                UUID changeId = r.uuid();
                if (!Uuid7.isV7(changeId)) {
                    throw new FormatException("Object " + key + ": change id " + changeId + " is not a UUIDv7");
                }
                long a = u.unpackLong();
                if (a < 0 || a >= authors.size()) {
                    throw new FormatException("Object " + key + ": author index " + a + " out of range");
                }
                String table = r.indexed(tables, "table");
                String entity = r.entity();
                int n = r.arrayHeader();
                if (n % 3 != 0 || n == 0) {
                    throw new FormatException("Object " + key + ": field list of length " + n);
                }
                List<FieldData> fields = new ArrayList<>(n / 3);
                for (int j = 0; j < n; j += 3) {
                    String name = r.indexed(fieldNames, "field");
                    Object value = r.value();
                    UUID replaces = u.tryUnpackNil() ? null : r.uuid();
                    fields.add(new FieldData(name, value, replaces));
                }
                entries.add(new Entry(authors.get((int) a), new ChangeData(changeId, table, entity, fields)));
            }
            return new Part(id, index, entries);
        } catch (MessagePackException | IOException | IllegalArgumentException | ArithmeticException e) {
            throw new FormatException("Object " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    public static byte[] encodeManifest(Manifest m) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(6);
            p.packString(m.id());
            packUuid(p, m.writer());
            p.packLong(m.createdAtMillis());
            p.packMapHeader(m.cursors().size());
            for (Map.Entry<UUID, Long> e : m.cursors().entrySet()) {
                packUuid(p, e.getKey());
                p.packLong(e.getValue());
            }
            p.packInt(m.parts());
            p.packLong(m.changes());
            return Frame.wrap(Frame.KIND_SNAPSHOT_MANIFEST, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    public static Manifest decodeManifest(byte[] object, String key, String id) {
        byte[] body = Frame.unwrap(object, Frame.KIND_SNAPSHOT_MANIFEST, key);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            BatchCodec.Reader r = new BatchCodec.Reader(u, body.length, key);
            r.expectArray(6);
            String actualId = r.string(64);
            if (!actualId.equals(id)) {
                throw new FormatException("Object " + key + " is the manifest of another snapshot");
            }
            UUID writer = r.uuid();
            long at = u.unpackLong();
            int n = u.unpackMapHeader();
            r.checkCount(n * 2L);
            Map<UUID, Long> cursors = new HashMap<>();
            for (int i = 0; i < n; i++) {
                cursors.put(r.uuid(), r.positiveLong("cursor"));
            }
            long parts = r.positiveLong("part count");
            if (parts > MAX_PARTS) {
                throw new FormatException("Object " + key + " claims " + parts + " parts");
            }
            long changes = r.positiveLong("change count");
            return new Manifest(id, writer, at, cursors, (int) parts, changes);
        } catch (MessagePackException | IOException | IllegalArgumentException e) {
            throw new FormatException("Object " + key + " is malformed: " + e.getMessage(), e);
        }
    }
}
