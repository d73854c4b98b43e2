package dev.tandem.engine.bench;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.sync.SyncStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * The seed's remote layout (DimpleDb's BasicStorageChangelog), rewritten here as the baseline: every
 * change is its own object {@code changes/<device>/<changeId>} holding the MessagePack of the change
 * and all its fields, shaped as the seed's serde structs serialize by default (arrays, ids as text):
 * {@code [[id, author, entity_type, entity_id, merged], [[field, value], ...]]}. Push writes one
 * object per change; pull lists every key under {@code changes/} (pages of 1000) and GETs the ones
 * not seen yet. No batching, no head, no compression, no checksum, and no merge (the baseline only
 * moves and parses the bytes; applying them is not measured).
 */
final class PerChangeBaseline {
    static final int PAGE = 1000;

    private PerChangeBaseline() {
    }

    static String key(UUID author, ChangeData c) {
        return "changes/" + author + "/" + c.id();
    }

    static byte[] encode(UUID author, ChangeData c) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(2);
            p.packArrayHeader(5);
            p.packString(c.id().toString());
            p.packString(author.toString());
            p.packString(c.table());
            p.packString(c.entity());
            p.packBoolean(false);
            p.packArrayHeader(c.fields().size());
            for (FieldData f : c.fields()) {
                p.packArrayHeader(2);
                p.packString(f.name());
                Object v = f.value();
                if (v == null) {
                    p.packNil();
                } else if (v instanceof Long) {
                    p.packLong((Long) v);
                } else if (v instanceof Double) {
                    p.packDouble((Double) v);
                } else if (v instanceof String) {
                    p.packString((String) v);
                } else {
                    byte[] b = (byte[]) v;
                    p.packBinaryHeader(b.length);
                    p.writePayload(b);
                }
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an object back far enough to count its fields (what a reader must do before merging). */
    static int decodeFieldCount(byte[] data) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(data)) {
            Value v = u.unpackValue();
            return v.asArrayValue().get(1).asArrayValue().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void push(SyncStorage storage, UUID author, List<ChangeData> changes) {
        for (ChangeData c : changes) {
            storage.createIfAbsent(key(author, c), encode(author, c));
        }
    }

    static List<String> listAll(SyncStorage storage) {
        List<String> keys = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.list("changes/", after, PAGE);
            keys.addAll(page);
            if (page.size() < PAGE) {
                return keys;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Lists everything and GETs what {@code seen} lacks; returns the number of field changes read. */
    static long pull(SyncStorage storage, Set<String> seen) {
        long fields = 0;
        for (String key : listAll(storage)) {
            if (seen.add(key)) {
                Optional<byte[]> data = storage.get(key);
                if (data.isPresent()) {
                    fields += decodeFieldCount(data.get());
                }
            }
        }
        return fields;
    }
}
