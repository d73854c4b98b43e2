package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.internal.store.SqlValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * The attributes of one change as they sit in {@code _tandem_change.fields}: a MessagePack array of
 * {@code [name, value, replaced id]} triples, sorted by name. Values are the five SQLite storage
 * classes in normal form (nil, integer, float, string, binary), so a value reads back with the type
 * it was written with; the replaced id is a 16-byte binary or nil.
 *
 * <p>Why one blob per change and not a row per attribute: a save writes fewer B-trees, and each
 * B-tree a commit touches is one more page to write and sync (docs/ARCHITECTURE.md, "The
 * changelog on disk"). Nothing queries an attribute's value in SQL; readers decode the blob.
 *
 * <p>The blob is written only by this database (a remote change is re-encoded here after its
 * checks), so a blob that does not decode means a damaged file and is reported as such.
 */
public final class FieldCodec {
    private static final Comparator<FieldData> BY_NAME = Comparator.comparing(FieldData::name);
    private FieldCodec() {
    }

    /**
     * Packs all of a field but its name: its value in normal form, then the id it replaces (nil
     * when none). Public for the bulk load, which packs the names itself.
     */
    public static void packValue(MessagePacker p, FieldData f) throws IOException {
        PackedValues.pack(p, SqlValues.normalize(f.value()));
        if (f.replaces() == null) {
            p.packNil();
        } else {
            p.packBinaryHeader(16);
            p.writePayload(Uuid7.toBytes(f.replaces()));
        }
    }

    /** Encodes {@code fields} (any order). Public for the merge benchmark's floor, which writes the same rows. */
    public static byte[] encode(List<FieldData> fields) {
        FieldData[] sorted = fields.toArray(new FieldData[0]);
        Arrays.sort(sorted, BY_NAME);
        return PackedValues.encode(p -> {
            p.packArrayHeader(sorted.length);
            for (FieldData f : sorted) {
                p.packString(f.name());
                packValue(p, f);
            }
        });
    }

    /** Encodes parallel arrays of names, values and replaced ids. */
    static byte[] encode(String[] names, Object[] values, UUID[] replaces) {
        List<FieldData> fields = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            fields.add(new FieldData(names[i], values[i], replaces[i]));
        }
        return encode(fields);
    }

    /** All attributes, by name. */
    public static List<FieldData> decode(byte[] blob) {
        List<FieldData> fields = new ArrayList<>();
        read(blob, null, fields);
        return fields;
    }

    /** The attribute called exactly {@code name}, or null when the change did not set it. */
    public static FieldData find(byte[] blob, String name) {
        List<FieldData> found = new ArrayList<>(1);
        read(blob, name, found);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void read(byte[] blob, String only, List<FieldData> out) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(blob)) {
            int n = u.unpackArrayHeader();
            for (int i = 0; i < n; i++) {
                String name = PackedValues.unpackString(u);
                if (only != null && !only.equals(name)) {
                    u.skipValue(2);
                    continue;
                }
                Object value = PackedValues.unpack(u);
                UUID replaces = null;
                if (!u.tryUnpackNil()) {
                    if (u.unpackBinaryHeader() != 16) {
                        throw new IOException("a replaced id is not 16 bytes");
                    }
                    replaces = Uuid7.fromBytes(u.readPayload(16));
                }
                out.add(new FieldData(name, value, replaces));
                if (only != null) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new StorageException("A change's attributes in _tandem_change are damaged and cannot be read ("
                    + e.getMessage() + "); restore the database from a backup or sync it again from the remote", e);
        }
    }
}
