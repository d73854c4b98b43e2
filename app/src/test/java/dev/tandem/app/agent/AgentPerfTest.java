package dev.tandem.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Main;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tandem agent} costs, as a real process with the installed launcher's JVM options, on a
 * profile of {@value #TODOS} todos and {@value #REMINDERS} pending reminders: ring latency (a reminder's
 * time to the Notify call the stand-in server receives) for {@value #RINGING} reminders due a second
 * apart, then RSS and CPU over an idle window ({@code -Dtandem.agent.idleSeconds}, 120 by default) with
 * nothing due. {@code mvn -q -pl ui-resources,app -am test -Pperf -Dtest=AgentPerfTest}; results in
 * {@code app/target/perf-agent.txt}. Linux only (/proc).
 */
@Tag("perf")
class AgentPerfTest {
    private static final int TODOS = 10_000;
    private static final int REMINDERS = 500;
    /** As many as ring one by one in a minute ({@link ReminderAgent#PER_MINUTE}); more would be summed up. */
    private static final int RINGING = ReminderAgent.PER_MINUTE;
    private static final int IDLE_SECONDS = Integer.getInteger("tandem.agent.idleSeconds", 120);
    /** The installed agent's JVM options (installer/pom.xml, installer.javaOptions). */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:G1PeriodicGCInterval=15000";
    /** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    @TempDir
    Path dir;

    @Test
    void agent_tenThousandTodos_latencyRssAndIdleCpu() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("p"));
        long start = System.currentTimeMillis();
        List<Long> ringAt = new ArrayList<>();
        try (TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).build(),
                Clock.systemDefaultZone(), Clock.systemDefaultZone().getZone())) {
            Item template = store.add("Todo 0", null, null, null, new TodoDetails(null, List.of(), null, null)).item();
            long first = start + 20_000;
            store.writeAll(tx -> {
                for (int i = 1; i < TODOS; i++) {
                    Item it = template.withId(UUID.randomUUID().toString()).withTitle("Todo " + i);
                    if (i <= RINGING) {
                        long at = first + (i - 1) * 1_000L;
                        ringAt.add(at);
                        it = it.withRemindAt(at);
                    } else if (i <= REMINDERS) {
                        // The rest spread over the next 30 days: pending, none due in the idle window.
                        it = it.withRemindAt(start + Duration.ofDays(1).toMillis() + i * 5_000_000L);
                    }
                    tx.save(it);
                }
                return null;
            });
        }
        try (SessionBus bus = SessionBus.start(); FakeNotificationServer server = FakeNotificationServer.on(bus)) {
            // The baseline, run beside it: an agent on a profile of one todo and no reminder.
            Path empty = Files.createDirectories(dir.resolve("empty"));
            try (TodoStore store = new TodoStore(Schema.database(empty.resolve("tandem.db")).build(),
                    Clock.systemDefaultZone(), Clock.systemDefaultZone().getZone())) {
                store.add("Only one", null, null, null, new TodoDetails(null, List.of(), null, null));
            }
            Process base = agent(bus, empty);
            Process p = agent(bus, profile);
            try {
                Await.until("every ringing reminder shown", Duration.ofMinutes(3), () -> server.shown.size(),
                        n -> n >= RINGING);
                List<Long> latencies = new ArrayList<>();
                for (FakeNotificationServer.Shown s : server.reminders()) {
                    int i = Integer.parseInt(s.summary().substring("Todo ".length()));
                    latencies.add(s.receivedAt() - ringAt.get(i - 1));
                }
                latencies.sort(null);
                assertEquals(RINGING, latencies.size());
                long rss0 = rssKb(p.pid());
                long cpu0 = cpuTicks(p.pid());
                long baseRss0 = rssKb(base.pid());
                long baseCpu0 = cpuTicks(base.pid());
                long t0 = System.nanoTime();
                // A measurement window, not a wait for something to happen: the agent is meant to do nothing in it.
                Thread.sleep(IDLE_SECONDS * 1000L);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long cpu1 = cpuTicks(p.pid());
                long rss1 = rssKb(p.pid());
                double cpuSeconds = (cpu1 - cpu0) / TICKS;
                double baseCpu = (cpuTicks(base.pid()) - baseCpu0) / TICKS;
                long baseRss1 = rssKb(base.pid());
                String report = String.format(Locale.ROOT,
                        "agent, %d todos, %d reminders%n"
                                + "ring latency (reminder time -> Notify received), n=%d: p50 %d ms, p95 %d ms, max %d ms%n"
                                + "RSS after ringing %.1f MB, after %d s idle %.1f MB%n"
                                + "idle CPU over %.0f s: %.2f s (%.3f %% of one core; %.1f s an hour extrapolated)%n"
                                + "notifications during the idle window: %d%n"
                                + "baseline (one todo, no reminder): RSS %.1f MB, after the idle window %.1f MB; idle CPU %.2f s (%.3f %%)%n",
                        TODOS, REMINDERS, latencies.size(), latencies.get(latencies.size() / 2),
                        latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1), latencies.get(latencies.size() - 1),
                        rss0 / 1024.0, IDLE_SECONDS, rss1 / 1024.0, seconds, cpuSeconds, 100 * cpuSeconds / seconds,
                        cpuSeconds * 3600 / seconds, server.shown.size() - RINGING,
                        baseRss0 / 1024.0, baseRss1 / 1024.0, baseCpu, 100 * baseCpu / seconds);
                System.out.print(report);
                Files.writeString(Path.of("target", "perf-agent.txt"), report, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } finally {
                for (Process q : List.of(p, base)) {
                    q.destroy();
                    q.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Process agent(SessionBus bus, Path profile) throws Exception {
        // The installed launcher's options, or others to compare (-Dtandem.agent.jvmOptions="-XX:… -XX:…").
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(System.getProperty("tandem.agent.jvmOptions", JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir",
                profile.toString(), "agent"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
        return pb.start();
    }

    private static long rssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime); after the ")" the list starts at field 3.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
