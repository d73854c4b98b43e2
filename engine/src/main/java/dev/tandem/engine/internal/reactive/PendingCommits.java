package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.tx.Commit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What commits have happened since the {@link Dispatcher} last drained: the tables written, each
 * commit's events with the listeners registered when it committed, the changed row ids (to re-run
 * the queries that showed them first), and per table the rows known exactly (for row scoping).
 * Folding many commits into one drain is how bursts coalesce. Not thread-safe: the dispatcher
 * calls it under its lock.
 *
 * @param <L> the dispatcher's listener type
 */
final class PendingCommits<L> {
    /** Beyond this many changed rows in one drain (a bulk import), re-runs keep subscription order. */
    static final int MAX_PRIORITY_IDS = 1024;

    /**
     * A commit's events and origin, and the listeners registered when it committed, who alone hear of it; or,
     * when {@code unknown}, a re-run of everything (a migration, another program's commit) in its place among
     * the commits, heard as unknown changes by every listener registered when it was asked for.
     */
    record Committed<L>(List<ChangeEvent> events, ChangeEvent.Origin origin, List<L> audience, boolean unknown,
                        Set<String> unnamed) {
    }

    /**
     * Everything drained at once, {@code events} in commit order with each re-run of everything in its
     * place. {@code changedIds} is null when there were too many to rank by; {@code all} asks for every
     * query to re-run (a migration, or another program's commit).
     */
    record Drained<L>(Set<String> tables, List<Committed<L>> events, Set<String> changedIds,
                      Map<String, Set<String>> exactRows, boolean all) {
    }

    private Set<String> tables = new HashSet<>();
    private List<Committed<L>> events = new ArrayList<>();
    /** Null once too many to prioritize by. */
    private Set<String> ids = new HashSet<>();
    /** Per lower-case table, the rows known exactly; a table in {@link #inexact} has none. */
    private Map<String, Set<String>> rows = new HashMap<>();
    private Set<String> inexact = new HashSet<>();
    private boolean all;

    /** Folds in one commit; {@code audience} are the listeners registered now. */
    void add(Commit commit, List<L> audience) {
        tables.addAll(commit.tables());
        foldRows(commit);
        if (ids != null) {
            for (ChangeEvent e : commit.events()) {
                ids.add(e.id());
            }
            if (ids.size() > MAX_PRIORITY_IDS) {
                ids = null;
            }
        }
        // A local commit without row events still has changes to push, which listeners for local commits hear of.
        // Tables written beyond what the events name (a trigger's, a cascade's, bulk work's rows), for the listeners
        // that keep state per row of them.
        Set<String> unnamed = new HashSet<>(commit.tables());
        unnamed.removeAll(commit.exactTables());
        boolean heard = !commit.events().isEmpty() || commit.origin() == ChangeEvent.Origin.LOCAL || !unnamed.isEmpty();
        if (heard && !audience.isEmpty()) {
            events.add(new Committed<>(List.copyOf(commit.events()), commit.origin(), audience, false,
                    Set.copyOf(unnamed)));
        }
    }

    /**
     * Asks for every query to re-run; {@code audience} are the listeners registered now, who alone hear of
     * it as unknown changes: a listener that subscribes later, before the drain, came after the change.
     */
    void rerunAll(List<L> audience) {
        all = true;
        if (audience.isEmpty()) {
            return;
        }
        // Two re-runs with no commit between them are one notice, heard once by everyone at either.
        int last = events.size() - 1;
        if (last >= 0 && events.get(last).unknown()) {
            Set<L> both = new LinkedHashSet<>(events.get(last).audience());
            both.addAll(audience);
            events.set(last, new Committed<>(List.of(), null, List.copyOf(both), true, Set.of()));
        } else {
            events.add(new Committed<>(List.of(), null, List.copyOf(audience), true, Set.of()));
        }
    }

    /** Hands over everything pending and starts afresh. */
    Drained<L> drain() {
        Drained<L> d = new Drained<>(tables, events, ids, rows, all);
        tables = new HashSet<>();
        events = new ArrayList<>();
        ids = new HashSet<>();
        rows = new HashMap<>();
        inexact = new HashSet<>();
        all = false;
        return d;
    }

    /** Folds a commit's exactly known changed rows into the pending ones. */
    private void foldRows(Commit commit) {
        Map<String, Set<String>> byTable = new HashMap<>();
        for (ChangeEvent e : commit.events()) {
            byTable.computeIfAbsent(e.table().toLowerCase(Locale.ROOT), t -> new HashSet<>()).add(e.id());
        }
        for (String table : commit.tables()) {
            if (inexact.contains(table)) {
                continue;
            }
            Set<String> written = byTable.get(table);
            if (!commit.exactTables().contains(table)) {
                inexact.add(table);
                rows.remove(table);
            } else {
                Set<String> known = rows.computeIfAbsent(table, t -> new HashSet<>());
                if (written != null) {
                    known.addAll(written);
                }
                if (known.size() > LiveQuery.MAX_PROBE_IDS) {
                    inexact.add(table);
                    rows.remove(table);
                }
            }
        }
    }
}
