package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.PackedValues;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes the MessagePack bodies of the sync format's objects, the counterpart of {@link
 * BoundedReader}: the pieces batches and snapshot parts share (ids, values, name tables, a change's
 * entity and fields, cursors) and the framing of a finished body.
 */
final class BodyWriter {
    /** Entity ids that are UUIDs in canonical text travel as 16 bytes and come back as that text. */
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** An encoder's work on the body. */
    interface Body {
        void write(MessageBufferPacker p) throws IOException;
    }

    private BodyWriter() {
    }

    /** Packs a body and wraps it in a {@link Frame} of {@code kind}. */
    static byte[] encode(byte kind, Body body) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            body.write(p);
            return Frame.wrap(kind, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    static void uuid(MessageBufferPacker p, UUID id) throws IOException {
        p.packBinaryHeader(16);
        p.writePayload(Uuid7.toBytes(id));
    }

    static void value(MessageBufferPacker p, Object v) throws IOException {
        PackedValues.pack(p, v);
    }

    static void names(MessageBufferPacker p, Collection<String> names) throws IOException {
        p.packArrayHeader(names.size());
        for (String n : names) {
            p.packString(n);
        }
    }

    /** A change's entity, then its fields as (name index, value, replaced change id or nil) triples. */
    static void entityAndFields(MessageBufferPacker p, ChangeData c, Map<String, Integer> fieldIndex) throws IOException {
        if (UUID_TEXT.matcher(c.entity()).matches()) {
            uuid(p, UUID.fromString(c.entity()));
        } else {
            p.packString(c.entity());
        }
        p.packArrayHeader(c.fields().size() * 3);
        for (FieldData f : c.fields()) {
            p.packInt(fieldIndex.get(f.name()));
            value(p, f.value());
            if (f.replaces() == null) {
                p.packNil();
            } else {
                uuid(p, f.replaces());
            }
        }
    }

    static void cursors(MessageBufferPacker p, Map<UUID, Long> cursors) throws IOException {
        p.packMapHeader(cursors.size());
        for (Map.Entry<UUID, Long> e : cursors.entrySet()) {
            uuid(p, e.getKey());
            p.packLong(e.getValue());
        }
    }
}
