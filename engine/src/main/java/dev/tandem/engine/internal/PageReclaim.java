package dev.tandem.engine.internal;

import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.tx.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the pages that pruning freed back to the file system, so the file shrinks with what it
 * holds instead of keeping its largest size for ever.
 *
 * <p>New databases use SQLite's incremental auto-vacuum ({@code FileConnections} sets it before the
 * first table): freed pages are returned a step at a time, each step a short write transaction, so
 * a save waits at most one step. A database made before that has no page map; once a quarter of its
 * pages (and at least {@link #SWITCH_BYTES}) are free it is switched over with one {@code VACUUM}, a
 * rewrite of the file that holds the write lock for a few seconds per hundred megabytes and needs
 * that much free disk for a while. A database another program has open cannot be rewritten; SQLite
 * then reuses the free pages for new data, and the next run tries again.
 */
final class PageReclaim {
    /** Pages returned per write transaction: 2,048 pages (8 MiB at 4 KiB) take tens of milliseconds. */
    static final int STEP_PAGES = 2048;
    /** A database without a page map is rewritten only when at least this much is free. */
    static final long SWITCH_BYTES = 8L << 20;

    private PageReclaim() {
    }

    /** Returns free pages to the file system; returns the bytes returned. */
    static long run(Connections connections, Writer writer) {
        long[] before = stats(connections, writer);
        long pageSize = before[3];
        if (before[0] == 2) {
            long returned = 0;
            while (true) {
                long freed = writer.write("Returning free space to the file system", s -> {
                    long free = pragma(s.sql().connection(), "freelist_count");
                    // The pragma returns a row per page it frees, and the driver steps a statement
                    // once per execute: so one page per execute, on one prepared statement.
                    try (java.sql.PreparedStatement ps = s.sql().connection().prepareStatement("PRAGMA incremental_vacuum")) {
                        for (int i = 0; i < STEP_PAGES && i < free; i++) {
                            ps.execute();
                        }
                    }
                    return free - pragma(s.sql().connection(), "freelist_count");
                });
                returned += freed;
                if (freed < STEP_PAGES) {
                    return returned * pageSize;
                }
            }
        }
        long free = before[1];
        long pages = before[2];
        if (before[0] != 0 || free * pageSize < SWITCH_BYTES || free * 4 < pages) {
            return 0;
        }
        connections.writeLock().lock();
        try (Statement s = connections.writer().createStatement()) {
            s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            s.execute("VACUUM");
        } catch (SQLException e) {
            throw SqlErrors.wrap("Rewriting the database to return " + (free * pageSize >> 20)
                    + " MB of free space (SQLite reuses it for new data meanwhile)", e);
        } finally {
            connections.writeLock().unlock();
        }
        long[] after = stats(connections, writer);
        return Math.max(0, (pages - after[2]) * pageSize);
    }

    /** auto_vacuum mode, free pages, pages, page size. */
    private static long[] stats(Connections connections, Writer writer) {
        return writer.write("Reading the database's free space", s -> {
            Connection c = s.sql().connection();
            return new long[] {pragma(c, "auto_vacuum"), pragma(c, "freelist_count"), pragma(c, "page_count"),
                pragma(c, "page_size")};
        });
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
