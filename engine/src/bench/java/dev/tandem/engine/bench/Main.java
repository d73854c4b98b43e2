package dev.tandem.engine.bench;

import dev.tandem.engine.Synchronous;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the engine and sync benchmarks and prints Markdown tables. Not JMH: P1 needs two systems
 * alternating call by call, P2 needs timestamps taken on two threads, and sync runs take minutes,
 * so one plain harness with explicit warm-up is clearer than JMH modes here.
 *
 * <pre>
 *   mvn -q -o -pl engine -Pbench test-compile exec:exec -Dbench.args="p1"
 *   ... -Dbench.args="p2" | "counts" | "bulk" | "merge" | "backup" | "sync" | "asof" | "all"
 * </pre>
 * Options (as further words in bench.args): --doc=PATH writes each table into that document
 * between its {@code <!-- bench:NAME -->} markers (see {@link DocTables}), --dir=PATH (default target/bench-data),
 * --iterations=N, --warmup=N (P1, P2), --records=N, --rounds=N (bulk, merge, backup), --sizes=1000,10000,
 * --backends=slow,s3, --variants=insert,edit, --baseline-sample=N (sync),
 * --layouts=current,no-history,winners-in-row (merge: floors of leaner changelog layouts beside the engine's).
 * Diagnostics behind P1's figures: "p1split" (work before COMMIT vs COMMIT, --synchronous=FULL|NORMAL|OFF)
 * and "p1size" (commit size vs CPU at FULL, --pad=BYTES, --spin=MICROS).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Main p1|p2|bulk|merge|sync|all [--option=value ...]");
            System.exit(2);
        }
        // HikariCP's pool start/stop lines (SLF4J -> java.util.logging) would bury the tables.
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        String what = args[0];
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("option must look like --name=value: " + a);
            }
            opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        Path dir = Path.of(opt.getOrDefault("dir", "target/bench-data"));
        Files.createDirectories(dir);
        System.out.println("## Tandem benchmark: " + String.join(" ", args));
        System.out.println();
        System.out.println("```");
        System.out.print(Machine.describe(dir));
        System.out.println("```");
        boolean all = what.equals("all");
        // --doc=docs/PERFORMANCE.md (relative to the repository root) writes each table into the doc too.
        Path doc = opt.containsKey("doc") ? Path.of(opt.get("doc")).toAbsolutePath() : null;
        DocTables tables = new DocTables(doc, "-Dbench.args=\"" + String.join(" ", args).replaceAll(" ?--doc=\\S+", "") + "\"");
        if (all || what.equals("p1")) {
            int it = Integer.parseInt(opt.getOrDefault("iterations", "2000"));
            int warm = Integer.parseInt(opt.getOrDefault("warmup", "500"));
            tables.run("p1", () -> {
                SaveLatency p1 = new SaveLatency(dir, warm, it, 1000);
                SaveLatency.print(p1.run(List.of(Synchronous.FULL, Synchronous.NORMAL)), it, warm);
                return null;
            });
        }
        if (what.equals("p1split")) {
            int it = Integer.parseInt(opt.getOrDefault("iterations", "1000"));
            new SaveBreakdown(dir, it).run(Synchronous.valueOf(opt.getOrDefault("synchronous", "FULL")));
        }
        if (what.equals("p1size")) {
            new CommitSize(dir, Integer.parseInt(opt.getOrDefault("iterations", "1500")),
                    Integer.parseInt(opt.getOrDefault("pad", "28000")),
                    Integer.parseInt(opt.getOrDefault("spin", "200"))).run();
        }
        if (all || what.equals("p2")) {
            int it = Integer.parseInt(opt.getOrDefault("iterations", "1000"));
            int warm = Integer.parseInt(opt.getOrDefault("warmup", "200"));
            tables.run("p2", () -> {
                // --modes=FULL runs the goal's mode alone, in half the time, for runs alternated with a baseline;
                // --threads=1 re-runs the subscriptions one by one, the engine's default width beside it.
                new CommitToCallback(dir, warm, it, Arrays.stream(opt.getOrDefault("modes", "FULL,NORMAL").split(","))
                        .map(Synchronous::valueOf).toList(), Integer.parseInt(opt.getOrDefault("threads", "0"))).run();
                return null;
            });
        }
        if (what.equals("counts")) {
            int it = Integer.parseInt(opt.getOrDefault("iterations", "40"));
            int warm = Integer.parseInt(opt.getOrDefault("warmup", "10"));
            tables.run("counts", () -> {
                new CommitToCounts(dir, warm, it).run();
                return null;
            });
        }
        if (all || what.equals("bulk")) {
            int n = Integer.parseInt(opt.getOrDefault("records", "100000"));
            int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
            tables.run("bulk", () -> {
                new BulkInsert(dir, n, rounds).run();
                return null;
            });
        }
        if (all || what.equals("merge")) {
            int n = Integer.parseInt(opt.getOrDefault("records", "20000"));
            int rounds = Integer.parseInt(opt.getOrDefault("rounds", "5"));
            List<MergeFloor.Layout> layouts = new ArrayList<>();
            for (String l : opt.getOrDefault("layouts", "current").split(",")) {
                layouts.add(MergeFloor.Layout.of(l.trim()));
            }
            tables.run(layouts.size() > 1 ? "merge-layouts" : "merge", () -> {
                new MergeBench(dir, n, rounds, layouts).run();
                return null;
            });
        }
        if (all || what.equals("backup")) {
            int n = Integer.parseInt(opt.getOrDefault("records", "100000"));
            int rounds = Integer.parseInt(opt.getOrDefault("rounds", "5"));
            tables.run("backup", () -> {
                new BackupBench(dir, n, rounds).run();
                return null;
            });
        }
        if (all || what.equals("sync")) {
            String name = "sync" + (opt.containsKey("backends") ? "-" + opt.get("backends") : "");
            tables.run(name, () -> {
                new SyncBench(dir, opt).run();
                return null;
            });
        }
        if (what.equals("asof")) {
            int n = Integer.parseInt(opt.getOrDefault("records", "100000"));
            int rounds = Integer.parseInt(opt.getOrDefault("rounds", "11"));
            tables.run("asof", () -> {
                new AsOfBench(dir, n, rounds).run();
                return null;
            });
        }
        if (!List.of("all", "p1", "p1split", "p1size", "p2", "counts", "bulk", "merge", "backup", "sync", "asof").contains(what)) {
            System.err.println("unknown benchmark: " + what);
            System.exit(2);
        }
        System.exit(0);
    }
}
