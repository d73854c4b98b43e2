package dev.tandem.engine.internal.store;

import java.util.Locale;

/**
 * SQLite's column affinity, derived from a declared type by the rules of section 3.1 of
 * https://www.sqlite.org/datatype3.html. Change capture applies it to new values before comparing
 * them with stored ones, so that a value SQLite would store differently (5 into a TEXT column
 * becomes '5') does not look like a change on every save.
 */
public enum Affinity {
    INTEGER, TEXT, BLOB, REAL, NUMERIC;

    public static Affinity of(String declaredType) {
        String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.isEmpty() || t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** The value as SQLite would store it in a column of this affinity. */
    public Object apply(Object value) {
        if (value == null || value instanceof byte[]) {
            return value;
        }
        switch (this) {
            case TEXT:
                return value instanceof String ? value : SqlValues.sqliteText(value);
            case REAL:
                if (value instanceof Long) {
                    return ((Long) value).doubleValue();
                }
                return value instanceof String ? numeric((String) value, true) : value;
            case INTEGER:
            case NUMERIC:
                if (value instanceof Double) {
                    double d = (Double) value;
                    if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                        return (long) d;
                    }
                    return value;
                }
                return value instanceof String ? numeric((String) value, false) : value;
            default:
                return value;
        }
    }

    private static Object numeric(String s, boolean real) {
        String t = s.strip();
        if (t.isEmpty() || !t.equals(s)) {
            return s;
        }
        try {
            long l = Long.parseLong(t);
            return real ? (Object) (double) l : (Object) l;
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d) && t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    return !real && d == Math.rint(d) && Math.abs(d) < 9.2e18 ? (Object) (long) d : (Object) d;
                }
            } catch (NumberFormatException notDouble) {
                return s;
            }
            return s;
        }
    }
}
