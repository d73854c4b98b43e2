package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.PackedValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads the MessagePack body of one remote object as hostile input, for every decoder of the sync
 * format (batches, heads, snapshot parts and manifests). Each count and length is checked against
 * the bytes that remain before anything is allocated, each name against {@link SyncLimits}, and any
 * surprise is a {@link FormatException} naming the object.
 */
final class BoundedReader {
    /** A decoder's work on the body; may throw whatever the unpacker throws. */
    interface Body<T> {
        T read(BoundedReader r) throws IOException;
    }

    final MessageUnpacker u;
    final long size;
    final String key;
    /** The object's format version ({@link Frame}), for decoders that read more than one layout. */
    final int version;

    private BoundedReader(MessageUnpacker u, long size, String key, int version) {
        this.u = u;
        this.size = size;
        this.key = key;
        this.version = version;
    }

    /**
     * Checks the frame, then runs {@code body} over its content. What the unpacker throws on damage
     * (premature end, overflow, wrong type) becomes a {@link FormatException} too.
     */
    static <T> T decode(byte[] object, byte kind, String key, Body<T> body) {
        byte[] content = Frame.unwrap(object, kind, key);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(content)) {
            return body.read(new BoundedReader(u, content.length, key, Frame.version(object)));
        } catch (MessagePackException | IOException | IllegalArgumentException | ArithmeticException e) {
            throw new FormatException("Object " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    long remaining() {
        return size - u.getTotalReadBytes();
    }

    void checkCount(long n) {
        if (n < 0 || n > remaining()) {
            throw new FormatException("Object " + key + " claims " + n + " elements but has " + remaining() + " bytes left");
        }
    }

    int arrayHeader() throws IOException {
        if (u.getNextFormat().getValueType() != ValueType.ARRAY) {
            throw new FormatException("Object " + key + ": expected an array, found " + u.getNextFormat());
        }
        int n = u.unpackArrayHeader();
        checkCount(n);
        return n;
    }

    void expectArray(int n) throws IOException {
        int actual = arrayHeader();
        if (actual != n) {
            throw new FormatException("Object " + key + ": expected " + n + " elements, found " + actual);
        }
    }

    UUID uuid() throws IOException {
        if (u.getNextFormat().getValueType() != ValueType.BINARY) {
            throw new FormatException("Object " + key + ": expected a 16-byte id, found " + u.getNextFormat());
        }
        int len = u.unpackBinaryHeader();
        if (len != 16) {
            throw new FormatException("Object " + key + ": id of " + len + " bytes");
        }
        return Uuid7.fromBytes(u.readPayload(16));
    }

    /**
     * An id written whole, or as {@code [hi, lo]} against {@code previous} ({@link IdChain}); null
     * {@code previous} means there is nothing to write against (the first id of its slot, or a
     * layout without relative ids), and then only a whole id is valid.
     */
    UUID id(UUID previous, String what) throws IOException {
        if (u.getNextFormat().getValueType() != ValueType.ARRAY) {
            return uuid();
        }
        if (previous == null) {
            throw new FormatException("Object " + key + ": " + what + " written against no earlier id");
        }
        expectArray(2);
        long hi = u.unpackLong();
        long lo = u.unpackLong();
        return IdChain.resolve(previous, hi, lo);
    }

    /** A change id: only UUIDv7 carries the time the merge orders by. */
    UUID changeId() throws IOException {
        return changeId(null);
    }

    /** A change id, which may be written against the previous one in {@code chain} (null: whole only). */
    UUID changeId(IdChain chain) throws IOException {
        UUID id = chain == null ? uuid() : id(chain.change, "change id");
        if (chain != null) {
            chain.change = id;
        }
        if (!Uuid7.isV7(id)) {
            throw new FormatException("Object " + key + ": change id " + id + " is not a UUIDv7");
        }
        return id;
    }

    long positiveLong(String what) throws IOException {
        long v = u.unpackLong();
        if (v < 0) {
            throw new FormatException("Object " + key + ": negative " + what);
        }
        return v;
    }

    String string(int max) throws IOException {
        if (u.getNextFormat().getValueType() != ValueType.STRING) {
            throw new FormatException("Object " + key + ": expected a string, found " + u.getNextFormat());
        }
        int len = u.unpackRawStringHeader();
        if (len > max || len > remaining()) {
            throw new FormatException("Object " + key + ": string of " + len + " bytes exceeds its limit");
        }
        return new String(u.readPayload(len), StandardCharsets.UTF_8);
    }

    /** A name table (tables or fields) that later entries refer to by index. */
    List<String> names(boolean fields) throws IOException {
        int n = arrayHeader();
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = string(128);
            if (!(fields ? SyncLimits.fieldNameOk(name) : SyncLimits.tableNameOk(name))) {
                throw new FormatException("Object " + key + " names a " + (fields ? "field" : "table") + " '"
                        + name.replaceAll("\\p{Cntrl}", "?") + "' that Tandem does not accept");
            }
            names.add(name);
        }
        return names;
    }

    <T> T indexed(List<T> items, String what) throws IOException {
        return items.get(index(items.size(), what));
    }

    /** An index into a table of {@code size} entries. */
    int index(int size, String what) throws IOException {
        long i = u.unpackLong();
        if (i < 0 || i >= size) {
            throw new FormatException("Object " + key + ": " + what + " index " + i + " out of range");
        }
        return (int) i;
    }

    /** An entity id: text, or a UUID (with a {@code chain}, maybe against the previous UUID entity). */
    String entity(IdChain chain) throws IOException {
        ValueType type = u.getNextFormat().getValueType();
        String entity;
        if (type == ValueType.BINARY || (chain != null && type == ValueType.ARRAY)) {
            UUID id = chain == null ? uuid() : id(chain.entity, "entity id");
            if (chain != null) {
                chain.entity = id;
            }
            entity = id.toString();
        } else {
            entity = string(SyncLimits.MAX_ENTITY);
        }
        if (entity.isEmpty() || entity.chars().anyMatch(Character::isISOControl)) {
            throw new FormatException("Object " + key + ": invalid entity id");
        }
        return entity;
    }

    /**
     * A change's fields: (name index, value, replaced change id or nil) triples. No change may set a
     * field twice (column names are case-insensitive, so a change naming one twice has two values
     * for it); a batch change may set none, a snapshot entry holds at least one winner. With a
     * {@code chain}, a replaced id may be written against the previous one.
     */
    List<FieldData> fields(List<String> fieldNames, UUID change, boolean snapshot, IdChain chain) throws IOException {
        int n = arrayHeader();
        if (n % 3 != 0 || (snapshot && n == 0)) {
            throw new FormatException("Object " + key + ": field list of length " + n);
        }
        List<FieldData> fields = new ArrayList<>(n / 3);
        // Names are ASCII (SyncLimits), so equalsIgnoreCase is the case-insensitive match; a
        // pairwise check beats a set for the few fields a change has.
        Set<String> named = n > 3 * 8 ? new HashSet<>() : null;
        for (int j = 0; j < n; j += 3) {
            String name = indexed(fieldNames, "field");
            notTwice(fields, named, name, change);
            Object value = value();
            UUID replaces = null;
            if (!u.tryUnpackNil()) {
                replaces = chain == null ? uuid() : id(chain.replaces, "replaced id");
                if (chain != null) {
                    chain.replaces = replaces;
                }
            }
            fields.add(new FieldData(name, value, replaces));
        }
        return fields;
    }

    /**
     * Refuses {@code name} if {@code change} (null: a part's field shape) already set it ({@code fields}
     * so far; {@code named}, the lower-case names so far, for changes of more than 8 fields, else null).
     */
    void notTwice(List<FieldData> fields, Set<String> named, String name, UUID change) {
        boolean twice = false;
        if (named != null) {
            twice = !named.add(name.toLowerCase(Locale.ROOT));
        } else {
            for (FieldData f : fields) {
                twice |= f.name().equalsIgnoreCase(name);
            }
        }
        if (twice) {
            throw new FormatException("Object " + key + ": " + (change == null ? "a shape" : "change " + change)
                    + " sets field '" + name + "' twice");
        }
    }

    /** How far a device reads each other device: a map of device id to batch number. */
    Map<UUID, Long> cursors() throws IOException {
        int n = u.unpackMapHeader();
        checkCount(n * 2L);
        Map<UUID, Long> cursors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cursors.put(uuid(), positiveLong("cursor"));
        }
        return cursors;
    }

    Object value() throws IOException {
        MessageFormat f = u.getNextFormat();
        switch (f.getValueType()) {
            case NIL:
            case INTEGER:
            case FLOAT:
                return PackedValues.unpack(u); // fixed size: nothing to bound
            case STRING:
                return string(SyncLimits.MAX_VALUE);
            case BINARY: {
                int len = u.unpackBinaryHeader();
                if (len > SyncLimits.MAX_VALUE || len > remaining()) {
                    throw new FormatException("Object " + key + ": blob of " + len + " bytes exceeds its limit");
                }
                return u.readPayload(len);
            }
            default:
                throw new FormatException("Object " + key + ": a value of type " + f.getValueType() + " is not allowed");
        }
    }
}
