package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * How many own changes this database pushed to a remote since the push it last confirmed there,
 * and a digest of their ids (the exclusive or of every id, so the order and the batches they went
 * in do not matter). Recorded with each push, in its transaction, so the own-batch check
 * ({@code OwnBatchCheck}) compares the remote's slots with what really went into them. Working it
 * out again from the changelog at check time is not the same: a scoped remote takes an entity by
 * its winning values, which a share, a move or a merged change may have changed since the push.
 */
public record PushTally(long count, long high, long low) {
    /** Nothing pushed since the confirmed push. */
    public static final PushTally NONE = new PushTally(0, 0, 0);

    /** {@code _tandem_meta} key prefix per remote: "device count high low". */
    private static final String KEY = "unconfirmed_push ";

    /** The tally of {@code ids}, each counted once. */
    public static PushTally of(Collection<UUID> ids) {
        return NONE.plus(ids);
    }

    /** This tally with {@code ids} pushed too. */
    public PushTally plus(Collection<UUID> ids) {
        long h = high;
        long l = low;
        for (UUID id : ids) {
            h ^= id.getMostSignificantBits();
            l ^= id.getLeastSignificantBits();
        }
        return new PushTally(count + ids.size(), h, l);
    }

    /** This tally without the changes of {@code part}, which it includes (a confirmed share of it). */
    public PushTally minus(PushTally part) {
        return new PushTally(count - part.count, high ^ part.high, low ^ part.low);
    }

    /**
     * The tally {@code device} keeps for {@code remote}; null when none is kept for that id (a
     * database from before tallies, or an id taken since), so the pushes since the confirmed one
     * are unknown.
     */
    public static PushTally read(Connection c, String remote, UUID device) throws SQLException {
        String value = MetaTable.text(c, KEY + remote);
        if (value == null) {
            return null;
        }
        String[] v = value.split(" ");
        return v.length == 4 && v[0].equals(device.toString())
                ? new PushTally(Long.parseLong(v[1]), Long.parseLong(v[2]), Long.parseLong(v[3])) : null;
    }

    public static void write(StatementCache sql, String remote, UUID device, PushTally tally) throws SQLException {
        MetaTable.put(sql, KEY + remote, device + " " + tally.count + " " + tally.high + " " + tally.low);
    }
}
