package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.tools.SeedData;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem mcp --write} as a process over a profile of 100,000 todos (SeedData: most in the Inbox, a tenth in
 * three lists, every seventh with notes and a due date), beside the same process over an empty profile, alternated
 * round by round: the time from starting the process to the answer of its first call (initialize, the initialized
 * notification and a {@code find_todos} written at once, as a client that does not wait), then 100 calls, round
 * trip each, in turn {@code find_todos} (words, a list, a smart-list query), {@code add_todo} and
 * {@code complete} of the todo just added. The JVM as {@code app/tandem} starts a command (C1), from the build's
 * classes. {@code mvn -q -pl ui-resources,engine,app -am test -Pperf -Dtest=McpPerfTest}; results in
 * {@code app/target/perf-mcp.txt}.
 */
@Tag("perf")
class McpPerfTest {
    private static final int TODOS = Integer.getInteger("tandem.mcp.todos", 100_000);
    private static final int CALLS = 100;
    private static final int ROUNDS = 3;
    private static final String[] QUERIES = {"taxes", "#Work", "#Home & due before: +7d", "garden", "overdue"};

    @TempDir
    Path dir;

    @Test
    void mcp_at100kTodos_startToFirstAnswerAndToolCallLatency() throws Exception {
        String loadBefore = load();
        Path big = dir.resolve("big");
        long seedStart = System.nanoTime();
        SeedData.main(new String[] {big.toString(), Integer.toString(TODOS)});
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Map<String, List<Long>> start = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> calls = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Path profile : List.of(empty, big)) {
                String name = profile == big ? "100k" : "empty";
                Round r = round(profile, round);
                start.computeIfAbsent(name, k -> new ArrayList<>()).add(r.startMs);
                r.calls.forEach((tool, ms) -> calls.computeIfAbsent(name, k -> new TreeMap<>())
                        .computeIfAbsent(tool, k -> new ArrayList<>()).addAll(ms));
            }
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "tandem mcp --write: %,d todos seeded in %d ms; %d rounds alternated, %d calls each; load average %s,"
                        + " after %s%n", TODOS, seedMs, ROUNDS, CALLS, loadBefore, load()));
        for (String name : start.keySet()) {
            report.append(String.format(Locale.ROOT, "  %-6s start to first answer: median %d ms %s%n", name,
                    median(start.get(name)), start.get(name)));
            List<Double> all = new ArrayList<>();
            calls.get(name).values().forEach(all::addAll);
            report.append(line(name + " all", all));
            calls.get(name).forEach((tool, ms) -> report.append(line(name + " " + tool, ms)));
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "perf-mcp.txt"), report);
        assertEquals(ROUNDS * CALLS, calls.get("100k").values().stream().mapToInt(List::size).sum());
    }

    private record Round(long startMs, Map<String, List<Double>> calls) {
    }

    /** One process: its start to the first answer, then {@link #CALLS} calls timed one by one. */
    private static Round round(Path profile, int round) throws Exception {
        String cp = System.getProperty("tandem.app.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("tandem.runtime.classpath"))).trim();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-cp", cp, Main.class.getName(), "--data-dir", profile.toString(), "mcp", "--write");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Client c = new Client(p);
        try {
            c.send("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                    "clientInfo", Map.of("name", "Perf", "version", "1")));
            c.notifyInitialized();
            c.send("tools/call", Map.of("name", "find_todos", "arguments", Map.of("query", "taxes")));
            assertNotNull(c.answer().get("result"));
            Map<String, Object> first = c.answer();
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(Boolean.TRUE.equals(result(first).get("isError")), first.toString());

            Map<String, List<Double>> times = new TreeMap<>();
            String added = null;
            for (int i = 0; i < CALLS; i++) {
                String tool;
                Map<String, Object> args;
                if (i % 3 == 0 || added == null && i % 3 == 2) {
                    tool = "find_todos";
                    args = Map.of("query", QUERIES[(i / 3 + round) % QUERIES.length]);
                } else if (i % 3 == 1) {
                    tool = "add_todo";
                    args = Map.of("text", "Perf todo " + round + "-" + i + " tomorrow #Work p2");
                } else {
                    tool = "complete";
                    args = Map.of("id", added);
                }
                long s = System.nanoTime();
                c.send("tools/call", Map.of("name", tool, "arguments", args));
                Map<String, Object> r = result(c.answer());
                times.computeIfAbsent(tool, k -> new ArrayList<>()).add((System.nanoTime() - s) / 1e6);
                assertFalse(Boolean.TRUE.equals(r.get("isError")), tool + ": " + r);
                if (tool.equals("add_todo")) {
                    added = itemId(r);
                } else if (tool.equals("complete")) {
                    assertEquals(added, itemId(r));
                    added = null;
                }
            }
            return new Round(startMs, times);
        } finally {
            c.close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> answer) {
        Map<String, Object> r = (Map<String, Object>) answer.get("result");
        assertNotNull(r, "no result: " + answer);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static String itemId(Map<String, Object> result) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) result.get("structuredContent")).get("item")).get("id");
    }

    /** JSON-RPC lines to and from the process. */
    private static final class Client {
        private final OutputStream in;
        private final BufferedReader out;
        private int nextId = 1;

        Client(Process p) {
            this.in = p.getOutputStream();
            this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        void send(String method, Map<String, Object> params) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jsonrpc", "2.0");
            m.put("id", nextId++);
            m.put("method", method);
            m.put("params", params);
            line(m);
        }

        void notifyInitialized() throws IOException {
            line(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        }

        private void line(Map<String, Object> m) throws IOException {
            in.write((McpPipe.JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> answer() throws IOException {
            String line = out.readLine();
            assertNotNull(line, "the server closed its output");
            return McpPipe.JSON.readValue(line, Map.class);
        }

        void close() throws IOException {
            in.close();
        }
    }

    private static String line(String name, List<Double> ms) {
        List<Double> s = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "  %-18s n=%3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", name, s.size(),
                s.get(s.size() / 2), s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)), s.get(s.size() - 1));
    }

    /** The one-minute load average, where the system says it. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
