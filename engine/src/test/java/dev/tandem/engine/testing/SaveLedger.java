package dev.tandem.engine.testing;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Every save a test saw acknowledged, as the attribute writes it made, read back from the saving
 * replica's changelog right after the save returned. The ledger is the oracle for "nothing lost":
 * {@link #verify} checks a replica against it.
 *
 * <p>Thread-safe: saves on different replicas may be acknowledged concurrently.
 */
public final class SaveLedger {
    /** One attribute write of one acknowledged change. */
    public record Write(UUID change, UUID author, String table, String entity, String field, Object value,
                        UUID replaces) {
        String attribute() {
            return table + "/" + entity + "/" + field.toLowerCase(Locale.ROOT);
        }
    }

    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final Set<UUID> changes = Collections.synchronizedSet(new HashSet<>());

    /** The local seq of the newest change this replica authored; pass it to {@link #acknowledge}. */
    public static long lastOwnSeq(Db db) {
        SyncPort d = SyncPort.of(db);
        return d.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM _tandem_change WHERE author = ?")) {
                ps.setBytes(1, Uuid7.toBytes(d.deviceUuid()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Records the changes {@code db} authored after {@code ownSeqBefore}. Call it on the thread that
     * saved, after the save returned: other threads only ever merge other devices' changes into it.
     * Returns how many changes it recorded (0 for a save that changed nothing).
     */
    public int acknowledge(Db db, long ownSeqBefore) {
        SyncPort d = SyncPort.of(db);
        List<Write> found = d.read(c -> {
            List<Write> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.tbl, c.entity, c.fields"
                    + " FROM _tandem_change c WHERE c.author = ? AND c.seq > ? ORDER BY c.seq")) {
                ps.setBytes(1, Uuid7.toBytes(d.deviceUuid()));
                ps.setLong(2, ownSeqBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (FieldData f : FieldCodec.decode(rs.getBytes(4))) {
                            out.add(new Write(Uuid7.fromBytes(rs.getBytes(1)), d.deviceUuid(), rs.getString(2),
                                    rs.getString(3), f.name(), f.value(), f.replaces()));
                        }
                    }
                }
            }
            return out;
        });
        Set<UUID> newChanges = new HashSet<>();
        for (Write w : found) {
            if (!changes.contains(w.change())) {
                writes.add(w);
                newChanges.add(w.change());
            }
        }
        changes.addAll(newChanges);
        return newChanges.size();
    }

    public int size() {
        return changes.size();
    }

    public Set<UUID> changes() {
        synchronized (changes) {
            return Set.copyOf(changes);
        }
    }

    /**
     * What is wrong with the replicas, each having merged everything: empty when nothing.
     * <ul>
     *   <li>each changelog holds exactly the acknowledged changes, each once (none lost, none made up);</li>
     *   <li>every attribute's winner is the greatest acknowledged write of it, by id then author;</li>
     *   <li>every acknowledged value survives: it is the winner's value, or some device knowingly
     *       replaced a write of that value (it is what a later write replaced: editing, not loss),
     *       or it lost to a concurrent write and a replica recorded it as a conflict loser.</li>
     * </ul>
     * Conflicts are recorded where a merge sees two concurrent versions meet, which depends on
     * arrival order: the device that lost a write always records it (it held the write when the
     * other arrived), a third device may not (it may get the loser after a later edit by the
     * loser's own author already replaced it). Every replica's changelog still holds the value.
     */
    public List<String> verify(List<Db> dbs) {
        List<String> problems = new ArrayList<>();
        List<Write> all;
        synchronized (writes) {
            all = List.copyOf(writes);
        }
        Map<String, Write> expected = new HashMap<>();
        Map<String, List<Write>> byAttribute = new HashMap<>();
        Set<String> replaced = new HashSet<>();
        for (Write w : all) {
            expected.merge(w.attribute(), w, (a, b) -> later(a, b) ? a : b);
            byAttribute.computeIfAbsent(w.attribute(), k -> new ArrayList<>()).add(w);
            if (w.replaces() != null) {
                replaced.add(w.replaces() + "|" + w.attribute());
            }
        }
        Set<UUID> acknowledged = changes();
        Set<String> lost = new HashSet<>();
        for (int i = 0; i < dbs.size(); i++) {
            Db db = dbs.get(i);
            String name = "replica " + i;
            List<UUID> ids = Canonical.changeIds(db);
            Set<UUID> distinct = new HashSet<>(ids);
            if (distinct.size() != ids.size()) {
                problems.add(name + ": " + (ids.size() - distinct.size()) + " duplicated change ids");
            }
            for (UUID id : acknowledged) {
                if (!distinct.contains(id)) {
                    problems.add(name + ": lost acknowledged change " + id);
                }
            }
            for (UUID id : distinct) {
                if (!acknowledged.contains(id)) {
                    problems.add(name + ": change " + id + " was never acknowledged by any save");
                }
            }
            Map<String, UUID> winners = Canonical.winners(db);
            expected.forEach((attribute, w) -> {
                if (!w.change().equals(winners.get(attribute))) {
                    problems.add(name + ": " + attribute + " won by " + winners.get(attribute) + ", expected " + w.change());
                }
            });
            for (String attribute : winners.keySet()) {
                if (!expected.containsKey(attribute)) {
                    problems.add(name + ": winner for " + attribute + " that no save wrote");
                }
            }
            for (Conflict c : db.conflicts().list()) {
                lost.add(c.lostChange() + "|" + c.table() + "/" + c.entity() + "/" + c.field().toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, List<Write>> e : byAttribute.entrySet()) {
            Write winner = expected.get(e.getKey());
            for (Write w : e.getValue()) {
                boolean survives = e.getValue().stream().filter(x -> same(x.value(), w.value())).anyMatch(x ->
                        x == winner || replaced.contains(x.change() + "|" + x.attribute())
                                || lost.contains(x.change() + "|" + x.attribute()));
                if (!survives) {
                    StringBuilder writesOfIt = new StringBuilder();
                    e.getValue().forEach(x -> writesOfIt.append("\n    ").append(x));
                    problems.add("value " + w.value() + " of " + e.getKey() + " (change " + w.change()
                            + ") is neither the winner, nor a recorded conflict loser, nor knowingly replaced; writes:"
                            + writesOfIt);
                }
            }
        }
        return problems;
    }

    private static boolean later(Write a, Write b) {
        int c = Uuid7.ORDER.compare(a.change(), b.change());
        return c != 0 ? c > 0 : Uuid7.ORDER.compare(a.author(), b.author()) > 0;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }
}
