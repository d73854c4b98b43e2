package dev.tandem.engine.internal.sync.scope;

import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.sync.SyncScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an entity belongs to a remote's {@link SyncScope}, from its winning values in the
 * changelog (so a deleted entity still knows where it belonged). One instance per cut or check:
 * answers are cached for its lifetime, which is as long as a transaction's view of the winners.
 */
public final class ScopeCheck {
    private final SyncScope scope;
    private final Map<String, Boolean> inTree = new HashMap<>();

    public ScopeCheck(SyncScope scope) {
        this.scope = scope;
    }

    /** Whether the scope takes every change (no check needed). */
    public static boolean all(SyncScope scope) {
        return scope instanceof SyncScope.Everything;
    }

    public boolean includes(Connection c, String table, String entity) throws SQLException {
        if (scope instanceof SyncScope.Tree tree) {
            return inTree(c, 0, tree, table, entity);
        }
        if (scope instanceof SyncScope.Except except) {
            List<SyncScope.Tree> trees = except.trees();
            for (int i = 0; i < trees.size(); i++) {
                if (inTree(c, i, trees.get(i), table, entity)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean inTree(Connection c, int index, SyncScope.Tree tree, String table, String entity)
            throws SQLException {
        if (table.equalsIgnoreCase(tree.rootTable())) {
            return tree.rootIds().contains(entity);
        }
        String key = index + "\u0000" + table.toLowerCase(Locale.ROOT) + "\u0000" + entity;
        Boolean known = inTree.get(key);
        if (known != null) {
            return known;
        }
        boolean in = false;
        for (SyncScope.Link link : tree.links()) {
            if (!in && link.table().equalsIgnoreCase(table)) {
                Object parent = winningValue(c, table, entity, link.field());
                in = parent instanceof String p && inTree(c, index, tree, link.parent(), p);
            }
        }
        inTree.put(key, in);
        return in;
    }

    /** Whether this database holds {@code entity} of {@code table} at all (deleted ones included). */
    static boolean known(Connection c, String table, String entity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ''")) {
            ps.setString(1, table);
            ps.setString(2, entity);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The value of {@code field} the entity shows (or showed, if deleted); null if never set. */
    static Object winningValue(Connection c, String table, String entity, String field) throws SQLException {
        byte[] winners;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT winners FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ''")) {
            ps.setString(1, table);
            ps.setString(2, entity);
            try (ResultSet rs = ps.executeQuery()) {
                winners = rs.next() ? rs.getBytes(1) : null;
            }
        }
        WinnerMap.Entry winner = winners == null ? null : WinnerMap.decode(winners).get(field);
        if (winner == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT fields FROM _tandem_change WHERE seq = ?")) {
            ps.setLong(1, winner.seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                for (FieldData f : FieldCodec.decode(rs.getBytes(1))) {
                    if (f.name().equalsIgnoreCase(field)) {
                        return f.value();
                    }
                }
                return null;
            }
        }
    }
}
