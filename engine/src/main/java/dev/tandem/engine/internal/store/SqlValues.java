package dev.tandem.engine.internal.store;

import dev.tandem.engine.MappingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Converts between Java values and the five SQLite storage classes, which the engine normalizes
 * to null, Long, Double, String and byte[]. Changelog values are always in this normal form.
 */
public final class SqlValues {
    private SqlValues() {
    }

    /** A Java value in normal form; {@code where} names the field for the error message. */
    public static Object toSql(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1L : 0L;
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof Character || value instanceof UUID || value instanceof LocalDate
                || value instanceof LocalDateTime || value instanceof LocalTime || value instanceof Instant
                || value instanceof OffsetDateTime || value instanceof BigDecimal) {
            return value.toString();
        }
        throw new MappingException(where + ": cannot store a value of type " + value.getClass().getName());
    }

    /** A value read through JDBC in normal form. */
    public static Object normalize(Object jdbcValue) {
        if (jdbcValue instanceof Integer || jdbcValue instanceof Short || jdbcValue instanceof Byte) {
            return ((Number) jdbcValue).longValue();
        }
        if (jdbcValue instanceof Float) {
            return ((Float) jdbcValue).doubleValue();
        }
        return jdbcValue;
    }

    /** Converts a normal-form value to a record component type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object fromSql(Object v, Class<?> type, String where) {
        if (v == null) {
            if (!type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return '\0';
            }
            return fromSql(0L, type, where);
        }
        try {
            if (type == String.class) {
                return v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : sqliteText(v);
            }
            if (type == long.class || type == Long.class) {
                return asNumber(v).longValue();
            }
            if (type == int.class || type == Integer.class) {
                return Math.toIntExact(asNumber(v).longValue());
            }
            if (type == short.class || type == Short.class) {
                return (short) asNumber(v).longValue();
            }
            if (type == byte.class || type == Byte.class) {
                return (byte) asNumber(v).longValue();
            }
            if (type == double.class || type == Double.class) {
                return asNumber(v).doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return asNumber(v).floatValue();
            }
            if (type == boolean.class || type == Boolean.class) {
                return asNumber(v).longValue() != 0;
            }
            if (type == byte[].class) {
                return v instanceof byte[] ? ((byte[]) v).clone() : sqliteText(v).getBytes(StandardCharsets.UTF_8);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class) type, sqliteText(v));
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(sqliteText(v));
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(sqliteText(v).replace(' ', 'T'));
            }
            if (type == LocalTime.class) {
                return LocalTime.parse(sqliteText(v));
            }
            if (type == Instant.class) {
                return v instanceof Long ? Instant.ofEpochMilli((Long) v) : Instant.parse(sqliteText(v));
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(sqliteText(v));
            }
            if (type == UUID.class) {
                return UUID.fromString(sqliteText(v));
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(sqliteText(v));
            }
            if (type == Character.class || type == char.class) {
                String s = sqliteText(v);
                return s.isEmpty() ? null : s.charAt(0);
            }
            if (type == Object.class) {
                return v;
            }
        } catch (RuntimeException e) {
            throw new MappingException(where + ": cannot read " + describe(v) + " as " + type.getSimpleName(), e);
        }
        throw new MappingException(where + ": unsupported component type " + type.getName());
    }

    private static Number asNumber(Object v) {
        if (v instanceof Number) {
            return (Number) v;
        }
        String s = sqliteText(v).strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Double.parseDouble(s);
        }
    }

    /** The text SQLite makes of a value, e.g. when storing it in a TEXT column. */
    static String sqliteText(Object v) {
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        return String.valueOf(v);
    }

    public static boolean same(Object a, Object b) {
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return Objects.equals(a, b);
    }

    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            return "blob of " + ((byte[]) v).length + " bytes";
        }
        String s = String.valueOf(v);
        return (s.length() > 40 ? s.substring(0, 40) + "…" : s) + " (" + v.getClass().getSimpleName() + ")";
    }
}
