package dev.tandem.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The floor under a returning device's catch-up (docs/PERFORMANCE.md, "A device back from holiday"):
 * the rows the catch-up writes into the device's database, written by SQLite alone, and nothing else.
 *
 * <p>Given the device's database before the catch-up and the same database after it (a copy of the
 * profile after one {@code tandem sync}), each run copies BEFORE to a scratch file, puts what AFTER
 * holds that BEFORE lacks into TEMP tables (untimed), and then times, in one transaction, only the
 * writes that turn BEFORE's tables into AFTER's: the changed columns of the user rows (one UPDATE per
 * column, so the full-text index's triggers run where the sync's do), the winners rows, the new
 * change rows and history rows, and the commit. No JVM start, no listing, no download, no decoding,
 * no fold, no merge, no reads beside: whatever the engine does, it cannot write these rows faster.
 * Each run then times the user rows alone, with their commit, on another copy: what a catch-up
 * writes at least, whatever the changelog's layout.
 *
 * <p>Usage: {@code ReturningFloor BEFORE.db AFTER.db [RUNS] [SCRATCH_DIR]} (a class named alone, as
 * under "Machine and method"); SCRATCH_DIR defaults to BEFORE's folder, so the disk is the profile's.
 */
final class ReturningFloor {
    private ReturningFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReturningFloor BEFORE.db AFTER.db [RUNS] [SCRATCH_DIR]");
            System.exit(2);
        }
        Path before = Path.of(args[0]).toAbsolutePath();
        Path after = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path scratch = (args.length > 3 ? Path.of(args[3]) : before.getParent()).resolve("returning-floor.db");
        System.out.println("## Returning-device floor: " + before + " -> " + after + ", " + runs + " runs, "
                + Machine.describe(scratch.getParent()));
        Map<String, long[]> times = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Long> one = once(before, after, scratch, true);
            Map<String, Long> rowsOnly = once(before, after, scratch, false);
            one.put("the user rows alone, with their commit", rowsOnly.get("total"));
            int r = run;
            one.forEach((step, nanos) -> times.computeIfAbsent(step, k -> new long[runs])[r] = nanos);
            System.out.printf(Locale.ROOT, "run %d: total %s, the user rows alone %s%n", run + 1,
                    Stats.ms(one.get("total")), Stats.ms(rowsOnly.get("total")));
        }
        System.out.println("| step | median | range |");
        System.out.println("| --- | --- | --- |");
        times.forEach((step, nanos) -> {
            Stats st = new Stats(nanos);
            System.out.printf(Locale.ROOT, "| %s | %s | %s–%s |%n", step, Stats.ms(st.median()),
                    Stats.ms(st.percentile(0)), Stats.ms(st.max()));
        });
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(scratch + suffix));
        }
    }

    /**
     * One copy of BEFORE brought to AFTER's rows; per step, nanoseconds. {@code changelog} false:
     * the user rows only, what a catch-up would write at least whatever the changelog's layout.
     */
    private static Map<String, Long> once(Path before, Path after, Path scratch, boolean changelog)
            throws Exception {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(scratch + suffix));
        }
        Files.copy(before, scratch, StandardCopyOption.REPLACE_EXISTING);
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + scratch);
             Statement s = c.createStatement()) {
            // As the engine opens a profile: WAL, a full sync at commit, a page cache that holds the work.
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA cache_size = -65536");
            s.execute("ATTACH DATABASE '" + after.toString().replace("'", "''") + "' AS a");
            prepare(s);
            List<String> columns = changedColumns(s);
            long total = System.nanoTime();
            s.execute("BEGIN IMMEDIATE");
            long t = System.nanoTime();
            for (String col : columns) {
                s.executeUpdate("UPDATE items SET \"" + col + "\" = n.\"" + col + "\" FROM temp.new_items n"
                        + " WHERE n.id = items.id AND items.\"" + col + "\" IS NOT n.\"" + col + "\"");
            }
            t = step(out, "user rows (" + columns.size() + " columns)", t);
            if (!changelog) {
                s.execute("COMMIT");
                out.put("total", System.nanoTime() - total);
                verify(s, columns, false);
                return out;
            }
            s.executeUpdate("UPDATE _tandem_entity SET seq = w.seq, winners = w.winners FROM temp.new_winners w"
                    + " WHERE _tandem_entity.key = '' AND w.tbl = _tandem_entity.tbl AND w.entity = _tandem_entity.entity");
            t = step(out, "winners rows", t);
            s.executeUpdate("INSERT INTO _tandem_change SELECT * FROM temp.new_changes");
            t = step(out, "change rows", t);
            s.executeUpdate("INSERT OR REPLACE INTO _tandem_entity SELECT * FROM temp.new_history");
            t = step(out, "history rows", t);
            s.execute("COMMIT");
            step(out, "commit", t);
            out.put("total", System.nanoTime() - total);
            verify(s, columns, true);
        }
        return out;
    }

    /** What AFTER holds that BEFORE lacks, in TEMP tables, in the key order the engine writes it. */
    private static void prepare(Statement s) throws SQLException {
        s.execute("CREATE TEMP TABLE new_items AS SELECT * FROM a.items");
        s.execute("CREATE UNIQUE INDEX temp.new_items_id ON new_items(id)");
        s.execute("CREATE TEMP TABLE new_winners AS SELECT * FROM a._tandem_entity WHERE key = ''");
        s.execute("CREATE UNIQUE INDEX temp.new_winners_key ON new_winners(tbl, entity)");
        s.execute("CREATE TEMP TABLE new_changes AS SELECT * FROM a._tandem_change"
                + " WHERE seq > (SELECT coalesce(max(seq), 0) FROM main._tandem_change) ORDER BY seq");
        s.execute("CREATE TEMP TABLE new_history AS SELECT * FROM a._tandem_entity h WHERE key >= x''"
                + " AND NOT EXISTS (SELECT 1 FROM main._tandem_entity m"
                + " WHERE m.tbl = h.tbl AND m.entity = h.entity AND m.key = h.key AND m.seq = h.seq AND m.winners IS h.winners)"
                + " ORDER BY tbl, entity, key");
        try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM temp.new_changes),"
                + " (SELECT count(*) FROM temp.new_history), (SELECT count(*) FROM temp.new_winners)")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw new IllegalArgumentException("AFTER holds no change BEFORE lacks: is it BEFORE after a sync?");
            }
            System.out.printf(Locale.ROOT, "to write: %d change rows, %d history rows, %d winners rows%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** The columns of {@code items} in which some row differs between BEFORE and AFTER. */
    private static List<String> changedColumns(Statement s) throws SQLException {
        List<String> all = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('items') WHERE name <> 'id'")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        List<String> changed = new ArrayList<>();
        for (String col : all) {
            try (ResultSet rs = s.executeQuery("SELECT EXISTS(SELECT 1 FROM main.items m JOIN temp.new_items n"
                    + " USING(id) WHERE m.\"" + col + "\" IS NOT n.\"" + col + "\")")) {
                if (rs.next() && rs.getInt(1) == 1) {
                    changed.add(col);
                }
            }
        }
        return changed;
    }

    /** That the scratch database now holds AFTER's rows: else the floor timed less than the catch-up writes. */
    private static void verify(Statement s, List<String> columns, boolean changelog) throws SQLException {
        String differs = "SELECT count(*) FROM main.items m JOIN temp.new_items n USING(id) WHERE "
                + String.join(" OR ", columns.stream().map(c -> "m.\"" + c + "\" IS NOT n.\"" + c + "\"").toList());
        String[][] checks = {
            {"user rows still differing", columns.isEmpty() ? "SELECT 0" : differs},
            {"user rows missing or extra", "SELECT abs((SELECT count(*) FROM main.items) - (SELECT count(*) FROM a.items))"},
            {"changelog rows missing or extra", "SELECT abs((SELECT count(*) FROM main._tandem_change)"
                    + " - (SELECT count(*) FROM a._tandem_change))"},
            {"entity rows missing or extra", "SELECT abs((SELECT count(*) FROM main._tandem_entity)"
                    + " - (SELECT count(*) FROM a._tandem_entity))"},
            {"entity rows differing", "SELECT count(*) FROM a._tandem_entity h WHERE NOT EXISTS (SELECT 1"
                    + " FROM main._tandem_entity m WHERE m.tbl = h.tbl AND m.entity = h.entity AND m.key = h.key"
                    + " AND m.seq = h.seq AND m.winners IS h.winners)"},
            {"change rows differing", "SELECT count(*) FROM a._tandem_change h WHERE NOT EXISTS (SELECT 1"
                    + " FROM main._tandem_change m WHERE m.seq = h.seq AND m.id = h.id AND m.fields = h.fields)"},
        };
        for (String[] check : changelog ? checks : Arrays.copyOf(checks, 2)) {
            try (ResultSet rs = s.executeQuery(check[1])) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException(check[0] + ": " + rs.getLong(1));
                }
            }
        }
    }

    private static long step(Map<String, Long> out, String name, long since) {
        long now = System.nanoTime();
        out.put(name, now - since);
        return now;
    }
}
