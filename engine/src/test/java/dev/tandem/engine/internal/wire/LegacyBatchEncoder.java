package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.PackedValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The batch encoder of layout 1 (every id whole, frame version 1), as Tandem wrote batches before
 * layout 2. Kept in test code, on its own and not through today's writer, so tests can prove that
 * such batches, which remotes keep until cleanup, stay readable; {@code batch-v1.bin} beside the
 * tests is one it wrote.
 */
final class LegacyBatchEncoder {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private LegacyBatchEncoder() {
    }

    static byte[] encode(Batch batch, long createdAtMillis) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (ChangeData c : batch.changes()) {
            tables.putIfAbsent(c.table(), tables.size());
            for (FieldData f : c.fields()) {
                fields.putIfAbsent(f.name(), fields.size());
            }
        }
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(6);
            uuid(p, batch.device());
            p.packLong(batch.seq());
            p.packLong(createdAtMillis);
            p.packArrayHeader(tables.size());
            for (String t : tables.keySet()) {
                p.packString(t);
            }
            p.packArrayHeader(fields.size());
            for (String f : fields.keySet()) {
                p.packString(f);
            }
            p.packArrayHeader(batch.changes().size());
            for (ChangeData c : batch.changes()) {
                p.packArrayHeader(4);
                uuid(p, c.id());
                p.packInt(tables.get(c.table()));
                if (UUID_TEXT.matcher(c.entity()).matches()) {
                    uuid(p, UUID.fromString(c.entity()));
                } else {
                    p.packString(c.entity());
                }
                p.packArrayHeader(c.fields().size() * 3);
                for (FieldData f : c.fields()) {
                    p.packInt(fields.get(f.name()));
                    PackedValues.pack(p, f.value());
                    if (f.replaces() == null) {
                        p.packNil();
                    } else {
                        uuid(p, f.replaces());
                    }
                }
            }
            return Frame.wrap(Frame.KIND_BATCH, 1, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void uuid(MessageBufferPacker p, UUID id) throws IOException {
        p.packBinaryHeader(16);
        p.writePayload(Uuid7.toBytes(id));
    }
}
