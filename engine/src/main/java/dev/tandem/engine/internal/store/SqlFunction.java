package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection that may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlFunction<R> {
    R apply(Connection connection) throws SQLException;
}
