package dev.tandem.engine.internal.sync.space;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.internal.space.LogMemory;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.sync.SyncException;
import java.sql.ResultSet;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What this database remembers of one shared space, in {@code _tandem_meta}, under the space's
 * owner key (one per space, so a space moved to another remote is still the same space): the
 * membership log entries it accepted and the log's junk ({@link LogMemory}), and the newest re-key
 * epoch it took a passphrase from. Every write is its own small transaction, made before the sync
 * goes on, so what the device accepted is on disk before anything it accepted is acted on.
 */
public record SpaceMemory(SyncPort db, String space) implements LogMemory {
    private static final String ENTRY = " entry ";
    private static final String JUNK = " junk ";

    /** The memory of the space whose owner's public key is {@code ownerPublicKey}. */
    public static SpaceMemory of(SyncPort db, byte[] ownerPublicKey) {
        return new SpaceMemory(db, "space " + SpaceCrypto.fingerprint(ownerPublicKey).replace(" ", ""));
    }

    @Override
    public SortedMap<Long, byte[]> entries() {
        SortedMap<Long, byte[]> out = new TreeMap<>();
        db.read(c -> MetaTable.startingWith(c, space + ENTRY, ResultSet::getBytes))
                .forEach((seq, object) -> out.put(Long.parseLong(seq), object));
        return out;
    }

    @Override
    public void accept(long seq, byte[] object) {
        put(space + ENTRY + String.format("%012d", seq), object);
    }

    @Override
    public Map<Long, String> junk() {
        Map<Long, String> out = new TreeMap<>();
        db.read(c -> MetaTable.startingWith(c, space + JUNK, ResultSet::getString))
                .forEach((seq, problem) -> out.put(Long.parseLong(seq), problem));
        return out;
    }

    @Override
    public void junk(long seq, String problem) {
        put(space + JUNK + String.format("%012d", seq), problem);
    }

    @Override
    public void junkGone(long seq) {
        db.write("Forgetting junk of a shared space's log", s -> {
            MetaTable.delete(s.sql(), space + JUNK + String.format("%012d", seq));
            return null;
        });
    }

    /** The newest re-key epoch this device took a passphrase from (or wrote, on the owner's), 0 if none. */
    public long epoch() {
        return db.read(c -> MetaTable.number(c, space + " epoch"));
    }

    /** Remembers {@code epoch} unless a newer one is remembered already. */
    public void epoch(long epoch) {
        db.write("Remembering a shared space's key epoch", s -> {
            MetaTable.raise(s.sql(), space + " epoch", epoch);
            return null;
        });
    }

    /** The newest keyring generation this device opened the space with, 0 if none. */
    public long generation() {
        return db.read(c -> MetaTable.number(c, space + " keyring"));
    }

    /**
     * Remembers that this device opened the space's keyring at {@code generation}; a CORRUPT
     * {@link dev.tandem.engine.sync.SyncException} when it opened a newer one before, as the storage
     * was then put back to an older copy, whose key someone removed since may hold.
     */
    public void generation(long generation, String where) {
        long known = generation();
        if (generation < known) {
            throw new SyncException(SyncException.Reason.CORRUPT,
                    "The keys of " + where + " are older (generation " + generation + ") than those this device"
                    + " already used (generation " + known + "): the storage was put back to an older copy, perhaps"
                    + " by someone who was removed and holds the older key. Nothing more is written under it; the"
                    + " list's owner can change the key again to mend it");
        }
        if (generation > known) {
            db.write("Remembering a shared space's keyring", s -> {
                MetaTable.raise(s.sql(), space + " keyring", generation);
                return null;
            });
        }
    }

    private void put(String key, Object value) {
        db.write("Remembering a shared space's membership", s -> {
            MetaTable.put(s.sql(), key, value);
            return null;
        });
    }
}
