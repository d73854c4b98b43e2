package dev.tandem.engine.internal.mapping;

import dev.tandem.engine.MappingException;
import dev.tandem.engine.Table;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SqlValues;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How one record class maps to rows: its table name, its components by lower-case name, its
 * canonical constructor. Built once per class and cached.
 */
public final class RecordType<T extends Record> {
    private static final ClassValue<RecordType<?>> CACHE = new ClassValue<>() {
        @Override
        protected RecordType<?> computeValue(Class<?> type) {
            return build(type);
        }
    };

    private final Class<T> type;
    private final String table;
    private final RecordComponent[] components;
    private final Method[] accessors;
    private final Constructor<T> constructor;
    private final Map<String, Integer> byName;
    private final int idIndex;
    /** "table.component" per component, for conversion errors; built once, not per value read. */
    private final String[] where;

    private RecordType(Class<T> type, String table, RecordComponent[] components, Method[] accessors,
                       Constructor<T> constructor, Map<String, Integer> byName, int idIndex) {
        this.type = type;
        this.table = table;
        this.components = components;
        this.accessors = accessors;
        this.constructor = constructor;
        this.byName = byName;
        this.idIndex = idIndex;
        this.where = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            where[i] = table + "." + components[i].getName();
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends Record> RecordType<T> of(Class<T> type) {
        if (type == null || !type.isRecord()) {
            throw new MappingException("Not a record type: " + (type == null ? "null" : type.getName()));
        }
        return (RecordType<T>) CACHE.get(type);
    }

    private static RecordType<?> build(Class<?> type) {
        return buildTyped(type.asSubclass(Record.class));
    }

    private static <T extends Record> RecordType<T> buildTyped(Class<T> type) {
        RecordComponent[] comps = type.getRecordComponents();
        Method[] accessors = new Method[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        Map<String, Integer> byName = new HashMap<>();
        int idIndex = -1;
        for (int i = 0; i < comps.length; i++) {
            accessors[i] = comps[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = comps[i].getType();
            byName.put(comps[i].getName().toLowerCase(Locale.ROOT), i);
            byName.putIfAbsent(SchemaSnapshot.loose(comps[i].getName()), i);
            if (comps[i].getName().equals("id")) {
                idIndex = i;
            }
        }
        if (idIndex < 0 || types[idIndex] != String.class) {
            throw new MappingException("Record " + type.getSimpleName() + " needs a 'String id' component");
        }
        Table annotation = type.getAnnotation(Table.class);
        String table = annotation != null ? annotation.value() : type.getSimpleName();
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return new RecordType<>(type, table, comps, accessors, ctor, Map.copyOf(byName), idIndex);
        } catch (NoSuchMethodException e) {
            throw new MappingException("Record " + type.getSimpleName() + " has no canonical constructor", e);
        }
    }

    public Class<T> type() {
        return type;
    }

    public String table() {
        return table;
    }

    public int size() {
        return components.length;
    }

    public String name(int i) {
        return components[i].getName();
    }

    public Integer indexOf(String lowerName) {
        return byName.get(lowerName);
    }

    public String id(T record) {
        return (String) value(record, idIndex);
    }

    public Object value(T record, int i) {
        try {
            return accessors[i].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new MappingException(type.getSimpleName() + "." + name(i) + ": cannot read component", e);
        }
    }

    /** Maps the current row; columns without a component are ignored, missing components read null. */
    public T read(ResultSet rs, int[] columnToComponent) throws SQLException {
        Object[] args = new Object[components.length];
        for (int col = 0; col < columnToComponent.length; col++) {
            int i = columnToComponent[col];
            if (i >= 0) {
                args[i] = SqlValues.fromSql(SqlValues.normalize(rs.getObject(col + 1)), components[i].getType(), where[i]);
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && components[i].getType().isPrimitive()) {
                args[i] = SqlValues.fromSql(null, components[i].getType(), where[i]);
            }
        }
        return construct(args);
    }

    /** {@link #read}, from a row already read into normal-form values, one per result column. */
    public T fromRow(Object[] row, int[] columnToComponent) {
        Object[] args = new Object[components.length];
        for (int col = 0; col < columnToComponent.length; col++) {
            int i = columnToComponent[col];
            if (i >= 0) {
                args[i] = SqlValues.fromSql(row[col], components[i].getType(), where[i]);
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && components[i].getType().isPrimitive()) {
                args[i] = SqlValues.fromSql(null, components[i].getType(), where[i]);
            }
        }
        return construct(args);
    }

    /** For each result column, the component it fills, or -1. */
    public int[] columnMapping(ResultSetMetaData md) throws SQLException {
        int[] map = new int[md.getColumnCount()];
        for (int col = 0; col < map.length; col++) {
            String label = md.getColumnLabel(col + 1);
            Integer i = byName.get(label.toLowerCase(Locale.ROOT));
            if (i == null) {
                i = byName.get(SchemaSnapshot.loose(label));
            }
            map[col] = i == null ? -1 : i;
        }
        return map;
    }

    private T construct(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new MappingException(type.getSimpleName() + ": constructor rejected the row: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new MappingException(type.getSimpleName() + ": cannot construct", e);
        }
    }
}
