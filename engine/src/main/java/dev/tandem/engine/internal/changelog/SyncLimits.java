package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.MappingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the sync format can carry, checked on both sides: readers refuse anything beyond it
 * ({@link BatchCodec}), so writers must never produce it. A change a reader refuses would be set
 * aside on every other device, its batch with it; so a save that could not sync fails at once,
 * with a message naming the field, rather than losing data on the other devices later.
 */
public final class SyncLimits {
    /** Bytes of UTF-8 in an entity id. */
    public static final int MAX_ENTITY = 256;
    /** Bytes of one value: a string's UTF-8 or a blob. */
    public static final int MAX_VALUE = 16 << 20;
    /** Bytes of all values of one change; with {@link #BATCH_BYTES} it keeps a batch body under
     * Frame.MAX_INFLATED and, deflated or not, under Frame.MAX_OBJECT. */
    public static final int MAX_CHANGE = 40 << 20;
    /**
     * Change ids dated after 3000-01-01 are refused: no clock is that wrong, and a forged id near
     * the end of UUIDv7's 48-bit time would leave no room for the ids that must outrank it.
     */
    public static final long MAX_ID_MILLIS = 32_503_680_000_000L;
    /** A batch is cut once its changes reach this size; a single larger change travels alone. */
    public static final int BATCH_BYTES = 8 << 20;

    private SyncLimits() {
    }

    /** Whether a remote may name this table: not the engine's, not SQLite's, not starting with '_'. */
    public static boolean tableNameOk(String name) {
        return isName(name) && !name.startsWith("_") && !name.regionMatches(true, 0, "sqlite_", 0, 7);
    }

    /** Whether a remote may name this field; {@code _deleted} is the one reserved field it may set. */
    public static boolean fieldNameOk(String name) {
        return isName(name) && !name.regionMatches(true, 0, "_tandem", 0, 7)
                && !name.regionMatches(true, 0, "sqlite_", 0, 7);
    }

    /**
     * The names a change may carry for tables and fields, {@code [A-Za-z_][A-Za-z0-9_]{0,127}};
     * anything else is refused, never quoted into SQL. A loop, not a regex: every local save
     * checks every field it writes.
     */
    private static boolean isName(String name) {
        int n = name.length();
        if (n == 0 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether an entity id can travel: 1..256 bytes of UTF-8 without control characters. */
    public static boolean entityOk(String entity) {
        if (entity.isEmpty()) {
            return false;
        }
        for (int i = 0; i < entity.length(); i++) {
            if (Character.isISOControl(entity.charAt(i))) {
                return false;
            }
        }
        return utf8Length(entity) <= MAX_ENTITY;
    }

    /**
     * Refuses a local change that no other device could read, before it is written. {@code fields}
     * maps column names to SQLite values.
     */
    public static void checkLocal(String table, String entity, Map<String, Object> fields) {
        if (!tableNameOk(table)) {
            throw new MappingException("Table '" + table + "' cannot sync: a synced table's name is up to 128 ASCII"
                    + " letters, digits and '_', not starting with '_' or 'sqlite_'");
        }
        if (!entityOk(entity)) {
            throw new IllegalArgumentException("id: a synced id is 1 to " + MAX_ENTITY + " bytes of UTF-8 without"
                    + " control characters; " + table + " id of " + utf8Length(entity) + " bytes refused");
        }
        long total = 0;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (!fieldNameOk(f.getKey())) {
                throw new MappingException("Column " + table + "." + f.getKey() + " cannot sync: a synced column's"
                        + " name is up to 128 ASCII letters, digits and '_'");
            }
            long size = valueSize(f.getValue());
            if (size > MAX_VALUE) {
                throw new IllegalArgumentException(table + "." + f.getKey() + ": " + size + " bytes, more than the "
                        + MAX_VALUE + " a synced value may hold");
            }
            total += size;
        }
        if (total > MAX_CHANGE) {
            throw new IllegalArgumentException(table + " '" + entity + "': " + total + " bytes in one save, more than"
                    + " the " + MAX_CHANGE + " one synced change may hold; save the large fields separately");
        }
    }

    static long valueSize(Object v) {
        if (v instanceof String s) {
            return utf8Length(s);
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        return 9;
    }

    private static long utf8Length(String s) {
        // Cheap for the common ASCII case; exact otherwise (a surrogate pair is 4 bytes, 2 chars).
        if (s.length() * 3L <= MAX_ENTITY) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }
}
