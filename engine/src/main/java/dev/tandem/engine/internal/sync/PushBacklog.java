package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.clock.Uuid7;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * How many of a database's own changes one remote does not hold yet: the changes this device
 * authored past the push cursor's last change seq for that remote.
 */
final class PushBacklog {
    // One statement, so the cursor and the count come from the same snapshot even while a sync
    // records a push on the writer. Scans only the changelog past the cursor (seq is the key).
    private static final String COUNT = "SELECT count(*) FROM _tandem_change WHERE author = ?"
            + " AND seq > coalesce((SELECT change_seq FROM _tandem_sync_push WHERE remote = ?), 0)";

    private PushBacklog() {
    }

    static long count(SyncPort db, String remote) {
        byte[] author = Uuid7.toBytes(db.deviceUuid());
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COUNT)) {
                ps.setBytes(1, author);
                ps.setString(2, remote);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
