package dev.tandem.engine.internal.wire;

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

    /** Packs a body and wraps it in a {@link Frame} of {@code kind} at version {@link Frame#VERSION}. */
    static byte[] encode(byte kind, Body body) {
        return encode(kind, Frame.VERSION, body);
    }

    static byte[] encode(byte kind, int version, Body body) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            body.write(p);
            return Frame.wrap(kind, version, p.toByteArray());
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

    /**
     * {@code id} whole, or as {@code [hi, lo]} against {@code previous} when that is shorter
     * ({@link IdChain}); {@code previous} is null where only whole ids may be written.
     */
    static void id(MessageBufferPacker p, UUID id, UUID previous) throws IOException {
        if (previous != null && IdChain.relativeSize(id, previous) < IdChain.WHOLE) {
            p.packArrayHeader(2);
            p.packLong(IdChain.hi(id, previous));
            p.packLong(IdChain.lo(id, previous));
        } else {
            uuid(p, id);
        }
    }

    /**
     * A change's entity, then its fields as (name index, value, replaced change id or nil) triples.
     * With a {@code chain} (batch layout 2) ids may be written against the previous ones.
     */
    static void entityAndFields(MessageBufferPacker p, ChangeData c, Map<String, Integer> fieldIndex, IdChain chain)
            throws IOException {
        entity(p, c.entity(), chain);
        p.packArrayHeader(c.fields().size() * 3);
        for (FieldData f : c.fields()) {
            p.packInt(fieldIndex.get(f.name()));
            value(p, f.value());
            if (f.replaces() == null) {
                p.packNil();
            } else {
                id(p, f.replaces(), chain == null ? null : chain.replaces);
                if (chain != null) {
                    chain.replaces = f.replaces();
                }
            }
        }
    }

    /** An entity id: 16 bytes if it is a UUID in canonical text (with a {@code chain}, maybe against the previous one), else its text. */
    static void entity(MessageBufferPacker p, String entity, IdChain chain) throws IOException {
        if (UUID_TEXT.matcher(entity).matches()) {
            UUID id = UUID.fromString(entity);
            id(p, id, chain == null ? null : chain.entity);
            if (chain != null) {
                chain.entity = id;
            }
        } else {
            p.packString(entity);
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
