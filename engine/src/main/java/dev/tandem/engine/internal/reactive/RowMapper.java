package dev.tandem.engine.internal.reactive;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Runs a subscribed query's prepared, bound statement and maps its rows. */
@FunctionalInterface
public interface RowMapper<T> {
    List<T> map(PreparedStatement ps) throws SQLException;
}
