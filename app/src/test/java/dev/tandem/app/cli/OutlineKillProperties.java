package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.OutlineChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;

/**
 * Two devices (real {@code tandem} processes on their own profiles, one folder remote) move, nest, reorder and
 * delete todos and their subtrees offline; each now and then syncs, or moves, in a process killed with SIGKILL
 * at a random moment. After every device has synced to the end, the devices converge: same rows, same
 * outlines, no cycle, nothing orphaned, nothing lost ({@link OutlineChecks}).
 */
@Tag("process")
class OutlineKillProperties {
    private static CliRun.Result ok(Path profile, String... args) {
        CliRun.Result r = CliRun.run(profile, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    @Property(tries = 3)
    void movesAndDeletesWithKilledProcesses_afterSync_converge(@ForAll @LongRange(min = 1, max = 1_000_000) long seed)
            throws Exception {
        Path tmp = Files.createTempDirectory("outline-kill");
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        List<Path> profiles = List.of(tmp.resolve("a"), tmp.resolve("b"));
        String r = "folder:" + remote;
        Random random = new Random(seed);
        Set<String> made = new HashSet<>();
        Path a = profiles.get(0);
        for (int n = 0; n < 8; n++) {
            made.add(ok(a, "add", "t" + n, "--list", n % 3 == 0 ? "Work" : "Home").out().strip());
        }
        ok(a, "move", made.iterator().next(), "--section", "Later");
        ok(a, "sync", "--remote", r);
        ok(profiles.get(1), "sync", "--remote", r);
        for (int round = 0; round < 5; round++) {
            Path p = profiles.get(random.nextInt(2));
            List<String> ids = ids(p);
            for (int k = 0; k < 3; k++) {
                String x = ids.get(random.nextInt(ids.size()));
                String y = ids.get(random.nextInt(ids.size()));
                CliRun.Result res = switch (random.nextInt(6)) {
                    case 0 -> CliRun.run(p, "move", x, "--parent", y);
                    case 1 -> CliRun.run(p, "move", x, "--top", "--before", y);
                    case 2 -> CliRun.run(p, "rm", x);
                    case 3 -> CliRun.run(p, "add", "n" + round + k, "--parent", x);
                    case 4 -> CliRun.run(p, "move", x, "--list", random.nextBoolean() ? "Home" : "Work");
                    default -> CliRun.run(p, "done", x, "--with-subtasks");
                };
                if (res.code() == 0 && res.out().strip().length() > 20) {
                    made.add(res.out().strip());
                }
            }
            // A sync or a move in a process of its own, killed at a random moment (or let finish).
            String[] killed = random.nextBoolean() ? new String[] {"sync", "--remote", r}
                    : new String[] {"move", ids.get(random.nextInt(ids.size())), "--parent", ids.get(random.nextInt(ids.size()))};
            List<String> args = new ArrayList<>(List.of("--data-dir", p.toString()));
            args.addAll(List.of(killed));
            Process proc = SharedProfileTest.start(args.toArray(String[]::new));
            Thread.sleep(200 + random.nextInt(1500));
            if (proc.isAlive()) {
                SharedProfileTest.kill9(proc);
            }
            SharedProfileTest.finish(proc);
        }
        for (int k = 0; k < 3; k++) {
            for (Path p : profiles) {
                ok(p, "sync", "--remote", r);
            }
        }
        List<TodoStore> stores = new ArrayList<>();
        try {
            for (Path p : profiles) {
                stores.add(new TodoStore(Schema.database(p.resolve(Device.DB_FILE)).build(), Clock.systemUTC()));
            }
            List<String> lists = stores.get(0).lists().stream().map(TodoList::id).toList();
            OutlineChecks.converged(stores, made, lists);
        } finally {
            stores.forEach(TodoStore::close);
        }
    }

    private static List<String> ids(Path profile) {
        List<String> out = new ArrayList<>();
        for (String line : ok(profile, "list", "--json").out().split("\"id\":\"")) {
            int end = line.indexOf('"');
            if (end == 36) {
                out.add(line.substring(0, end));
            }
        }
        return out.isEmpty() ? List.of("none") : out;
    }
}
