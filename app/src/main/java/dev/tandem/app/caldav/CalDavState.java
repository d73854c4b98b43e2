package dev.tandem.app.caldav;

import dev.tandem.app.model.SideDatabase;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this device last agreed with the CalDAV server, in a small SQLite file of its own beside the
 * profile's database ({@code caldav.sqlite}): it is this device's view of one server, never synced
 * to other devices (each device that connects the account keeps its own).
 *
 * <p>Per connected list: the calendar's path and the sync token to ask with next. A list the person
 * disconnected alone is kept too, marked off: its calendar is then neither synced nor taken in again
 * as a new list, and connecting the list again resumes from its token and its tasks' bases, so edits
 * made on either side meanwhile merge field by field instead of the server's older copy winning.
 * Per task: the
 * task id it is known by (a todo's id, or a series' id for a repeating todo), its path and UID on the
 * server, its entity tag, and the object's text as the server last gave it: the base that tells
 * which side changed which field, and the properties Tandem does not know, written back unchanged.
 *
 * <p>The file and the profile's database are not one transaction. After a crash between the two,
 * a task's base is older than the todo; the next sync then compares the values themselves, and
 * equal values settle without a write.
 */
public final class CalDavState implements AutoCloseable {
    /** A connected list; {@code listId} "" is the Inbox. {@code token} is null before the first sync. */
    public record Link(String listId, String href, String name, String token) {
    }

    /** A task known on the server. {@code etag} null: unknown, read it again. */
    public record Task(String taskId, String listId, String href, String uid, String etag, String ics) {
    }

    private final Connection c;

    private CalDavState(Connection c) throws SQLException {
        this.c = c;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT)");
            s.execute("CREATE TABLE IF NOT EXISTS calendars(list_id TEXT PRIMARY KEY, href TEXT NOT NULL UNIQUE,"
                    + " name TEXT, token TEXT)");
            // "off": disconnected on its own; a file from before the column gets it here.
            if (!columns(s, "calendars").contains("off")) {
                s.execute("ALTER TABLE calendars ADD COLUMN off INTEGER NOT NULL DEFAULT 0");
            }
            // Column "key" holds the task id; it keeps its old name so existing state files open unchanged.
            s.execute("CREATE TABLE IF NOT EXISTS tasks(key TEXT PRIMARY KEY, list_id TEXT NOT NULL,"
                    + " href TEXT NOT NULL UNIQUE, uid TEXT NOT NULL, etag TEXT, ics TEXT NOT NULL)");
        }
    }

    private static List<String> columns(Statement s, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    /** The state beside the profile's database {@code dbFile}, or in memory for a database in memory. */
    public static CalDavState open(Optional<Path> dbFile) {
        try {
            Connection c = SideDatabase.open(dbFile, "caldav.sqlite");
            return new CalDavState(c);
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("common.caldav.state.open", String.valueOf(e.getMessage())), e);
        }
    }

    public synchronized Optional<String> setting(String key) {
        return query("SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key).stream().findFirst();
    }

    public synchronized void setting(String key, String value) {
        update(value == null ? "DELETE FROM settings WHERE key = ?1" : "INSERT OR REPLACE INTO settings VALUES(?1, ?2)",
                value == null ? new Object[] {key} : new Object[] {key, value});
    }

    /** The settings whose keys begin with {@code prefix}, by key without it. */
    public synchronized Map<String, String> settings(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] kv : query("SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, prefix)) {
            m.put(kv[0].substring(prefix.length()), kv[1]);
        }
        return m;
    }

    /** The connected lists. */
    public synchronized List<Link> links() {
        return links(false);
    }

    /** The lists disconnected on their own ({@link #turnOff}): not synced, their calendars not taken in again. */
    public synchronized List<Link> offLinks() {
        return links(true);
    }

    private List<Link> links(boolean off) {
        return query("SELECT list_id, href, name, token FROM calendars WHERE off = ? ORDER BY name",
                rs -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), off ? 1 : 0);
    }

    /** Saves a connected list; one that was off is connected again. */
    public synchronized void save(Link link) {
        update("INSERT OR REPLACE INTO calendars(list_id, href, name, token, off) VALUES(?, ?, ?, ?, 0)", link.listId(),
                link.href(), link.name(), link.token());
    }

    /**
     * Disconnects one list and keeps what is known of it (the token, its tasks' bases), so that
     * connecting it again merges instead of starting over; nothing on the server changes.
     */
    public synchronized void turnOff(String listId) {
        update("UPDATE calendars SET off = 1 WHERE list_id = ?", listId);
    }

    /** Forgets a connected list and what was known of its tasks; nothing on the server changes. */
    public synchronized void forget(String listId) {
        update("DELETE FROM tasks WHERE list_id = ?", listId);
        update("DELETE FROM calendars WHERE list_id = ?", listId);
    }

    /** The tasks known in a list, by task id. */
    public synchronized Map<String, Task> tasks(String listId) {
        Map<String, Task> m = new LinkedHashMap<>();
        for (Task t : query("SELECT key, list_id, href, uid, etag, ics FROM tasks WHERE list_id = ?", CalDavState::task,
                listId)) {
            m.put(t.taskId(), t);
        }
        return m;
    }

    public synchronized Optional<Task> task(String taskId) {
        return query("SELECT key, list_id, href, uid, etag, ics FROM tasks WHERE key = ?", CalDavState::task, taskId)
                .stream().findFirst();
    }

    /** The task known by {@code uid} in any connected list; a move between calendars keeps the UID. */
    public synchronized Optional<Task> taskByUid(String uid) {
        return query("SELECT key, list_id, href, uid, etag, ics FROM tasks WHERE uid = ? ORDER BY key", CalDavState::task,
                uid).stream().findFirst();
    }

    public synchronized void save(Task t) {
        update("DELETE FROM tasks WHERE href = ? AND key <> ?", t.href(), t.taskId());
        update("INSERT OR REPLACE INTO tasks VALUES(?, ?, ?, ?, ?, ?)", t.taskId(), t.listId(), t.href(), t.uid(),
                t.etag(), t.ics());
    }

    public synchronized void remove(String taskId) {
        update("DELETE FROM tasks WHERE key = ?", taskId);
    }

    public synchronized int taskCount() {
        return query("SELECT count(*) FROM tasks", rs -> rs.getInt(1)).get(0);
    }

    private static Task task(ResultSet rs) throws SQLException {
        return new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("common.caldav.state.read", String.valueOf(e.getMessage())), e);
        }
    }

    private void update(String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("common.caldav.state.save", String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("common.caldav.state.close", String.valueOf(e.getMessage())), e);
        }
    }
}
