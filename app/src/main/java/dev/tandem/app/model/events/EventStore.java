package dev.tandem.app.model.events;

import dev.tandem.app.model.SideDatabase;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendars this device subscribed to and the last copy of their events, in a SQLite file of
 * its own beside the profile's database ({@code calendars.sqlite}). It is a device's cache, never
 * synced: nothing here enters the profile's database or its changelog, so another device neither
 * sees the subscriptions nor the events (each device subscribes on its own).
 *
 * <p>Invariants: a calendar's events are replaced whole in one transaction ({@link #replace}), so a
 * reader sees the last copy or the new one, never half of each; a failed read ({@link #failed})
 * keeps the last copy and only records why. Every value from a feed is a bound parameter, never
 * SQL text. Occurrences are stored expanded (the feed's rules already applied within the window
 * the refresh asked for), indexed by start, and none is longer than {@link #MAX_SPAN}, so "events
 * between A and B" is one range on the index: starts in (A − MAX_SPAN, B).
 */
public final class EventStore implements AutoCloseable {
    /** The longest an occurrence is kept; longer ones are cut at the refresh. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** The most occurrences one {@link #between} answer holds. */
    public static final int MAX_ANSWER = 5_000;

    private static final String SUB_COLUMNS = "name, source, colour, enabled, me, validator, refreshed, tried, problem";
    private final Connection c;

    private EventStore(Connection c) throws SQLException {
        this.c = c;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS subscriptions(name TEXT PRIMARY KEY, source TEXT NOT NULL,"
                    + " colour TEXT NOT NULL, enabled INTEGER NOT NULL, me TEXT NOT NULL, validator TEXT NOT NULL,"
                    + " refreshed INTEGER NOT NULL, tried INTEGER NOT NULL, problem TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS events(calendar TEXT NOT NULL, uid TEXT NOT NULL,"
                    + " start INTEGER NOT NULL, end INTEGER NOT NULL, floating INTEGER NOT NULL,"
                    + " all_day INTEGER NOT NULL, title TEXT NOT NULL, location TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS events_by_start ON events(floating, start)");
            s.execute("CREATE INDEX IF NOT EXISTS events_by_calendar ON events(calendar)");
            // A CalDAV calendar's objects as last read, so a refresh reads again only those whose tag changed.
            s.execute("CREATE TABLE IF NOT EXISTS objects(calendar TEXT NOT NULL, href TEXT NOT NULL,"
                    + " etag TEXT NOT NULL, ics TEXT NOT NULL, PRIMARY KEY(calendar, href))");
        }
    }

    /** The store beside the profile's database {@code dbFile}, or in memory for a database in memory. */
    public static EventStore open(Optional<Path> dbFile) {
        try {
            Connection c = SideDatabase.open(dbFile, "calendars.sqlite");
            return new EventStore(c);
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("common.calendars.open", String.valueOf(e.getMessage())), e);
        }
    }

    public synchronized List<CalendarSubscription> subscriptions() {
        return query("SELECT " + SUB_COLUMNS + " FROM subscriptions ORDER BY name", EventStore::subscription);
    }

    public synchronized Optional<CalendarSubscription> subscription(String name) {
        return query("SELECT " + SUB_COLUMNS + " FROM subscriptions WHERE name = ?", EventStore::subscription, name)
                .stream().findFirst();
    }

    /** Adds {@code s}; false when a calendar of that name is there already. */
    public synchronized boolean add(CalendarSubscription s) {
        return update("INSERT OR IGNORE INTO subscriptions(" + SUB_COLUMNS + ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.name(), s.source(), s.colour(), s.enabled() ? 1 : 0, s.me(), s.validator(), s.refreshed(), s.tried(),
                s.problem()) == 1;
    }

    /** Removes the calendar and its events; false when there was none of that name. */
    public synchronized boolean remove(String name) {
        return inTransaction(() -> {
            update("DELETE FROM events WHERE calendar = ?", name);
            update("DELETE FROM objects WHERE calendar = ?", name);
            return update("DELETE FROM subscriptions WHERE name = ?", name) == 1;
        });
    }

    public synchronized void enable(String name, boolean enabled) {
        update("UPDATE subscriptions SET enabled = ? WHERE name = ?", enabled ? 1 : 0, name);
    }

    /**
     * Makes {@code me} ("" for none) the address whose declined invitations every calendar leaves out, and forgets
     * what each calendar whose address changed said last (its validator), so that the next refresh reads it whole
     * and filters it again, though the feed has not changed. One statement: a calendar added meanwhile is either
     * changed or not, never half.
     */
    public synchronized void me(String me) {
        String m = me == null ? "" : me;
        update("UPDATE subscriptions SET me = ?, validator = '' WHERE me <> ?", m, m);
    }

    /** The address every calendar shares for its declined invitations, or "" when none or they differ. */
    public synchronized String me() {
        List<String> r = query("SELECT DISTINCT me FROM subscriptions LIMIT 2", rs -> rs.getString(1));
        return r.size() == 1 ? r.get(0) : "";
    }

    /** The colour the calendar shows in: {@code #rrggbb}, or "" for the theme's. */
    public synchronized void colour(String name, String colour) {
        update("UPDATE subscriptions SET colour = ? WHERE name = ?", colour == null ? "" : colour, name);
    }

    /**
     * Names the calendar {@code to}, its events and objects with it, in one transaction; false when there is no
     * calendar {@code from} or one named {@code to} already.
     */
    public synchronized boolean rename(String from, String to) {
        return inTransaction(() -> {
            if (from.equals(to) || update("UPDATE OR IGNORE subscriptions SET name = ? WHERE name = ?", to, from) != 1) {
                return false;
            }
            update("UPDATE events SET calendar = ? WHERE calendar = ?", to, from);
            update("UPDATE objects SET calendar = ? WHERE calendar = ?", to, from);
            return true;
        });
    }

    /** The calendar's events are now {@code events}, read at {@code at} with {@code validator}: one transaction. */
    public synchronized void replace(String name, List<CalendarEvent> events, String validator, Instant at) {
        replace(name, events, validator, at, null);
    }

    /**
     * {@link #replace(String, List, String, Instant)} for events filtered for the address {@code meUsed}: when the
     * calendar's address has changed since ({@link #me(String)} while it was read), its validator is not kept, so
     * the next refresh reads and filters it again for the new one.
     */
    public synchronized void replace(String name, List<CalendarEvent> events, String validator, Instant at,
            String meUsed) {
        inTransaction(() -> {
            update("DELETE FROM events WHERE calendar = ?", name);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO events(calendar, uid, start, end, floating,"
                    + " all_day, title, location) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CalendarEvent e : events) {
                    p.setString(1, name);
                    p.setString(2, e.uid());
                    p.setLong(3, e.start());
                    p.setLong(4, Math.min(e.end(), e.start() + MAX_SPAN.toMillis()));
                    p.setInt(5, e.floating() ? 1 : 0);
                    p.setInt(6, e.allDay() ? 1 : 0);
                    p.setString(7, e.title());
                    p.setString(8, e.location());
                    p.addBatch();
                }
                p.executeBatch();
            }
            update("UPDATE subscriptions SET validator = CASE WHEN ? IS NULL OR me = ? THEN ? ELSE '' END,"
                    + " refreshed = ?, tried = ?, problem = '' WHERE name = ?", meUsed, meUsed,
                    validator == null ? "" : validator, at.toEpochMilli(), at.toEpochMilli(), name);
            return null;
        });
    }

    /** The source said nothing changed since {@code validator}: the copy stands, as read now. */
    public synchronized void unchanged(String name, Instant at) {
        update("UPDATE subscriptions SET refreshed = ?, tried = ?, problem = '' WHERE name = ?", at.toEpochMilli(),
                at.toEpochMilli(), name);
    }

    /** The calendar could not be read: why is kept, and so is its last copy. */
    public synchronized void failed(String name, String problem, Instant at) {
        update("UPDATE subscriptions SET tried = ?, problem = ? WHERE name = ?", at.toEpochMilli(), problem, name);
    }

    /**
     * The enabled calendars' occurrences that overlap [{@code from}, {@code to}), by start, at most
     * {@value #MAX_ANSWER}; floating ones placed in {@code zone}.
     */
    public synchronized List<CalendarEvent> between(Instant from, Instant to, ZoneId zone) {
        long span = MAX_SPAN.toMillis();
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        long la = from.atZone(zone).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        long lb = to.atZone(zone).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        String sql = "SELECT e.calendar, uid, start, end, floating, all_day, title, location FROM events e"
                + " JOIN subscriptions s ON s.name = e.calendar WHERE s.enabled = 1 AND ("
                + "(floating = 0 AND start > ?1 AND start < ?2 AND end > ?3)"
                + " OR (floating = 1 AND start > ?4 AND start < ?5 AND end > ?6))";
        // By start in SQL, so a window holding more than the answer keeps its earliest; a floating start is
        // off by at most a day from where the zone puts it, which the wider read and the sort below settle.
        List<CalendarEvent> all = query(sql + " ORDER BY start LIMIT " + MAX_ANSWER * 2, rs -> new CalendarEvent(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getString(7),
                rs.getString(8)), a - span, b, a, la - span, lb, la);
        // Each start placed in the zone once, not in every comparison (a week of 1,000 events sorted in 30 ms).
        List<Map.Entry<LocalDateTime, CalendarEvent>> sorted = new ArrayList<>(all.size());
        for (CalendarEvent e : all) {
            sorted.add(Map.entry(e.startIn(zone), e));
        }
        sorted.sort(Map.Entry.<LocalDateTime, CalendarEvent>comparingByKey()
                .thenComparing(x -> x.getValue().calendar()).thenComparing(x -> x.getValue().title()));
        List<CalendarEvent> out = new ArrayList<>(Math.min(MAX_ANSWER, sorted.size()));
        for (Map.Entry<LocalDateTime, CalendarEvent> x : sorted.subList(0, Math.min(MAX_ANSWER, sorted.size()))) {
            out.add(x.getValue());
        }
        return List.copyOf(out);
    }

    /** How many occurrences of {@code name} are kept. */
    public synchronized int count(String name) {
        return query("SELECT count(*) FROM events WHERE calendar = ?", rs -> rs.getInt(1), name).get(0);
    }

    /** A CalDAV calendar's objects as last read: path to {etag, text}. */
    public synchronized Map<String, String[]> objects(String name) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String[] r : query("SELECT href, etag, ics FROM objects WHERE calendar = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, name)) {
            m.put(r[0], new String[] {r[1], r[2]});
        }
        return m;
    }

    /** Replaces a CalDAV calendar's objects (path to {etag, text}). */
    public synchronized void objects(String name, Map<String, String[]> objects) {
        inTransaction(() -> {
            update("DELETE FROM objects WHERE calendar = ?", name);
            for (Map.Entry<String, String[]> e : objects.entrySet()) {
                update("INSERT INTO objects(calendar, href, etag, ics) VALUES(?, ?, ?, ?)", name, e.getKey(),
                        e.getValue()[0], e.getValue()[1]);
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing a file that is read only by this device: nothing left to save.
        }
    }

    private static CalendarSubscription subscription(ResultSet rs) throws SQLException {
        return new CalendarSubscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface Body<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Body<T> body) {
        try {
            c.setAutoCommit(false);
            try {
                T t = body.run();
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException(Messages.text("common.calendars.store", String.valueOf(e.getMessage())), e);
    }
}
