package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a record from a row read out of a file, by component name, the way the engine maps rows:
 * a component added to {@code Item} later is filled from a backup that has that column, with no
 * change here. Values must have the component's type (text for String, an integer for Long); a
 * missing one is null. Columns without a component are reported, not guessed at.
 */
final class RecordMaps {
    private RecordMaps() {
    }

    /** {@code unknown} receives the row's keys that name no component. */
    static <T extends Record> T fromMap(Class<T> type, Map<String, Object> row, String file, String where,
                                        Set<String> unknown) {
        RecordComponent[] comps = type.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            names.add(comps[i].getName());
            args[i] = convert(comps[i], valueOf(row, comps[i].getName()), file, where);
        }
        for (String key : row.keySet()) {
            if (!names.contains(key)) {
                unknown.add(key);
            }
        }
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new ImportException(file, where, String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
    }

    private static Object valueOf(Map<String, Object> row, String name) {
        if (row.containsKey(name)) {
            return row.get(name);
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Object convert(RecordComponent c, Object v, String file, String where) {
        if (v == null) {
            return null;
        }
        Class<?> t = c.getType();
        if (t == String.class && v instanceof String) {
            return v;
        }
        if ((t == Long.class || t == long.class) && v instanceof Long) {
            return v;
        }
        if ((t == Long.class || t == long.class) && v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if ((t == Integer.class || t == int.class) && v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if ((t == Double.class || t == double.class) && v instanceof Number n) {
            return n.doubleValue();
        }
        if ((t == Boolean.class || t == boolean.class) && v instanceof Boolean) {
            return v;
        }
        throw new ImportException(file, where, Messages.text("transfer.json.wrongType", c.getName(), kind(t),
                v instanceof String ? "text" : "value", v instanceof String s ? Limits.shorten(s) : v.toString()));
    }

    /** The kind of value a field takes, as {@code transfer.json.wrongType} selects on it. */
    private static String kind(Class<?> t) {
        if (t == String.class) {
            return "text";
        }
        if (t == Long.class || t == Integer.class || t == long.class || t == int.class) {
            return "whole";
        }
        return t == Boolean.class || t == boolean.class ? "boolean" : "number";
    }
}
