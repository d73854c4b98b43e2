package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Encodes batches and heads as MessagePack inside a {@link Frame}. Decoding treats the bytes as
 * hostile: every length is checked against the bytes that remain before anything is allocated,
 * every name against {@link SyncLimits}, and any surprise becomes a {@link FormatException} naming the
 * object. Layout: docs/SYNC_FORMAT.md.
 */
public final class BatchCodec {
    /** Limits shared with the writer side: {@link SyncLimits}. */
    static final int MAX_ENTITY = SyncLimits.MAX_ENTITY;
    static final int MAX_VALUE = SyncLimits.MAX_VALUE;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(6);
            packUuid(p, batch.device());
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
                packUuid(p, c.id());
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
            return Frame.wrap(Frame.KIND_BATCH, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    public static Batch decode(byte[] object, String key) {
        byte[] body = Frame.unwrap(object, Frame.KIND_BATCH, key);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            Reader r = new Reader(u, body.length, key);
            r.expectArray(6);
            UUID device = r.uuid();
            long seq = r.positiveLong("seq");
            r.u.unpackLong();
            List<String> tables = r.names(false);
            List<String> fieldNames = r.names(true);
            int count = r.arrayHeader();
            List<ChangeData> changes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                r.expectArray(4);
                UUID id = r.uuid();
                if (!Uuid7.isV7(id)) {
                    throw new FormatException("Object " + key + ": change id " + id + " is not a UUIDv7");
                }
                if (Uuid7.millis(id) > SyncLimits.MAX_ID_MILLIS) {
                    throw new FormatException("Object " + key + ": change id " + id + " is dated after the year 3000");
                }
                String table = r.indexed(tables, "table");
                String entity = r.entity();
                int n = r.arrayHeader();
                if (n % 3 != 0) {
                    throw new FormatException("Object " + key + ": field list of length " + n);
                }
                List<FieldData> fields = new ArrayList<>(n / 3);
                java.util.Set<String> named = new java.util.HashSet<>();
                for (int j = 0; j < n; j += 3) {
                    String name = r.indexed(fieldNames, "field");
                    // Column names are case-insensitive: a change naming one twice has two values for it.
                    if (!named.add(name.toLowerCase(java.util.Locale.ROOT))) {
                        throw new FormatException("Object " + key + ": change " + id + " sets field '" + name + "' twice");
                    }
                    Object value = r.value();
                    UUID replaces = r.u.tryUnpackNil() ? null : r.uuid();
                    fields.add(new FieldData(name, value, replaces));
                }
                changes.add(new ChangeData(id, table, entity, fields));
            }
            return new Batch(device, seq, changes);
        } catch (MessagePackException | IOException | IllegalArgumentException | ArithmeticException e) {
            throw new FormatException("Object " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    public static byte[] encodeHead(Head head) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(4);
            packUuid(p, head.device());
            p.packLong(head.seq());
            p.packLong(head.writtenAtMillis());
            p.packMapHeader(head.cursors().size());
            for (Map.Entry<UUID, Long> e : head.cursors().entrySet()) {
                packUuid(p, e.getKey());
                p.packLong(e.getValue());
            }
            return Frame.wrap(Frame.KIND_HEAD, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    public static Head decodeHead(byte[] object, String key) {
        byte[] body = Frame.unwrap(object, Frame.KIND_HEAD, key);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            Reader r = new Reader(u, body.length, key);
            r.expectArray(4);
            UUID device = r.uuid();
            long seq = r.positiveLong("seq");
            long at = u.unpackLong();
            int n = u.unpackMapHeader();
            r.checkCount(n * 2L);
            Map<UUID, Long> cursors = new HashMap<>();
            for (int i = 0; i < n; i++) {
                cursors.put(r.uuid(), r.positiveLong("cursor"));
            }
            return new Head(device, seq, at, cursors);
        } catch (MessagePackException | IOException | IllegalArgumentException e) {
            throw new FormatException("Object " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    static void packUuid(MessageBufferPacker p, UUID id) throws IOException {
        p.packBinaryHeader(16);
        p.writePayload(Uuid7.toBytes(id));
    }

    static void packValue(MessageBufferPacker p, Object v) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof Long) {
            p.packLong((Long) v);
        } else if (v instanceof Double) {
            p.packDouble((Double) v);
        } else if (v instanceof String) {
            p.packString((String) v);
        } else if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            p.packBinaryHeader(b.length);
            p.writePayload(b);
        } else {
            throw new IllegalArgumentException("not a normal-form SQLite value: " + v.getClass());
        }
    }

    /** Bounded reads over one body; shared with {@link SnapshotCodec}. */
    static final class Reader {
        final MessageUnpacker u;
        final long size;
        final String key;

        Reader(MessageUnpacker u, long size, String key) {
            this.u = u;
            this.size = size;
            this.key = key;
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
            if (u.getNextFormat().getValueType() != org.msgpack.value.ValueType.ARRAY) {
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
            if (u.getNextFormat().getValueType() != org.msgpack.value.ValueType.BINARY) {
                throw new FormatException("Object " + key + ": expected a 16-byte id, found " + u.getNextFormat());
            }
            int len = u.unpackBinaryHeader();
            if (len != 16) {
                throw new FormatException("Object " + key + ": id of " + len + " bytes");
            }
            return Uuid7.fromBytes(u.readPayload(16));
        }

        long positiveLong(String what) throws IOException {
            long v = u.unpackLong();
            if (v < 0) {
                throw new FormatException("Object " + key + ": negative " + what);
            }
            return v;
        }

        String string(int max) throws IOException {
            if (u.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
                throw new FormatException("Object " + key + ": expected a string, found " + u.getNextFormat());
            }
            int len = u.unpackRawStringHeader();
            if (len > max || len > remaining()) {
                throw new FormatException("Object " + key + ": string of " + len + " bytes exceeds its limit");
            }
            return new String(u.readPayload(len), java.nio.charset.StandardCharsets.UTF_8);
        }

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

        String indexed(List<String> names, String what) throws IOException {
            long i = u.unpackLong();
            if (i < 0 || i >= names.size()) {
                throw new FormatException("Object " + key + ": " + what + " index " + i + " out of range");
            }
            return names.get((int) i);
        }

        String entity() throws IOException {
            MessageFormat f = u.getNextFormat();
            String entity = f.getValueType() == org.msgpack.value.ValueType.BINARY ? uuid().toString() : string(MAX_ENTITY);
            if (entity.isEmpty() || entity.chars().anyMatch(Character::isISOControl)) {
                throw new FormatException("Object " + key + ": invalid entity id");
            }
            return entity;
        }

        Object value() throws IOException {
            MessageFormat f = u.getNextFormat();
            switch (f.getValueType()) {
                case NIL:
                    u.unpackNil();
                    return null;
                case INTEGER:
                    return u.unpackLong();
                case FLOAT:
                    return u.unpackDouble();
                case STRING:
                    return string(MAX_VALUE);
                case BINARY: {
                    int len = u.unpackBinaryHeader();
                    if (len > MAX_VALUE || len > remaining()) {
                        throw new FormatException("Object " + key + ": blob of " + len + " bytes exceeds its limit");
                    }
                    return u.readPayload(len);
                }
                default:
                    throw new FormatException("Object " + key + ": a value of type " + f.getValueType() + " is not allowed");
            }
        }
    }
}
