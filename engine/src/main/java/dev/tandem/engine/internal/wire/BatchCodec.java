package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.clock.Uuid7;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes batches and heads as MessagePack inside a {@link Frame}. Decoding treats the bytes as
 * hostile ({@link BoundedReader}): every length is checked against the bytes that remain before
 * anything is allocated, every name against {@link SyncLimits}, and any surprise becomes a
 * {@link FormatException} naming the object. Layout: docs/SYNC_FORMAT.md.
 *
 * <p>Batches are written in layout 2, where ids may travel as differences from the previous id of
 * their kind ({@link IdChain}); layout 1, the same shape with every id whole, is still read, so
 * batches written by older versions stay readable for as long as the remote keeps them.
 */
public final class BatchCodec {
    private BatchCodec() {
    }

    public static byte[] encode(Batch batch, long createdAtMillis) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (ChangeData c : batch.changes()) {
            tables.putIfAbsent(c.table(), tables.size());
            for (FieldData f : c.fields()) {
                fields.putIfAbsent(f.name(), fields.size());
            }
        }
        IdChain chain = new IdChain();
        return BodyWriter.encode(Frame.KIND_BATCH, Frame.BATCH_VERSION, p -> {
            p.packArrayHeader(6);
            BodyWriter.uuid(p, batch.device());
            p.packLong(batch.seq());
            p.packLong(createdAtMillis);
            BodyWriter.names(p, tables.keySet());
            BodyWriter.names(p, fields.keySet());
            p.packArrayHeader(batch.changes().size());
            for (ChangeData c : batch.changes()) {
                p.packArrayHeader(4);
                BodyWriter.id(p, c.id(), chain.change);
                chain.change = c.id();
                p.packInt(tables.get(c.table()));
                BodyWriter.entityAndFields(p, c, fields, chain);
            }
        });
    }

    public static Batch decode(byte[] object, String key) {
        return BoundedReader.decode(object, Frame.KIND_BATCH, key, r -> {
            r.expectArray(6);
            UUID device = r.uuid();
            long seq = r.positiveLong("seq");
            r.u.unpackLong();
            List<String> tables = r.names(false);
            List<String> fieldNames = r.names(true);
            int count = r.arrayHeader();
            List<ChangeData> changes = new ArrayList<>(count);
            // Layout 1 has whole ids only: no chain, so a relative id there is malformed.
            IdChain chain = r.version >= 2 ? new IdChain() : null;
            for (int i = 0; i < count; i++) {
                r.expectArray(4);
                UUID id = r.changeId(chain);
                if (Uuid7.millis(id) > SyncLimits.MAX_ID_MILLIS) {
                    throw new FormatException("Object " + key + ": change id " + id + " is dated after the year 3000");
                }
                String table = r.indexed(tables, "table");
                String entity = r.entity(chain);
                changes.add(new ChangeData(id, table, entity, r.fields(fieldNames, id, false, chain)));
            }
            return new Batch(device, seq, changes);
        });
    }

    public static byte[] encodeHead(Head head) {
        return BodyWriter.encode(Frame.KIND_HEAD, p -> {
            p.packArrayHeader(4);
            BodyWriter.uuid(p, head.device());
            p.packLong(head.seq());
            p.packLong(head.writtenAtMillis());
            BodyWriter.cursors(p, head.cursors());
        });
    }

    public static Head decodeHead(byte[] object, String key) {
        return BoundedReader.decode(object, Frame.KIND_HEAD, key, r -> {
            r.expectArray(4);
            UUID device = r.uuid();
            long seq = r.positiveLong("seq");
            long at = r.u.unpackLong();
            return new Head(device, seq, at, r.cursors());
        });
    }
}
