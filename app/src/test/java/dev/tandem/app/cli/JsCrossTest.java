package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's command line and the JavaScript core's ({@code tandem-js}, in
 * ui-resources/src/main/js/tandem-sync) through one encrypted folder remote.
 *
 * <p>Snapshots: a snapshot {@code tandem-js compact} writes (its batches cleaned up, so only the
 * snapshot holds them) builds a new desktop profile with every item; one {@code tandem compact}
 * writes builds a new tandem-js device the same way.
 *
 * <p>Attachments: a file attached by
 * tandem-js reaches {@code tandem sync --attachments} with the same bytes, and a file attached by
 * {@code tandem attach} reaches {@code tandem-js sync --attachments} with the same bytes; each side's
 * rows list the other's attachment with its name, type and size. tandem-js runs as Node child
 * processes; without node or the core's packages (npm ci) the test skips saying so, and fails under CI=true.
 */
@Tag("process")
class JsCrossTest {
    private static final Path CORE = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync").toAbsolutePath()
            .normalize();
    private static final String PASSPHRASE = "cross attachments passphrase";

    @TempDir
    Path tmp;

    @Test
    void attach_eachSide_otherSideDownloadsTheSameBytes() throws Exception {
        requireNode();
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path js = tmp.resolve("js");
        Path desktop = tmp.resolve("desktop");
        byte[] fromJs = bytes(150_000, 1);
        Path jsFile = Files.write(tmp.resolve("lease.pdf"), fromJs);
        byte[] fromJava = bytes(70_001, 2);
        Path javaFile = Files.write(tmp.resolve("scan.png"), fromJava);

        String item = node(js, "add", "Lease").strip();
        String attachment = node(js, "attach", item, jsFile.toString()).strip();
        node(js, "sync", "--remote", "folder:" + remote);
        tandem(desktop, "sync", "--remote", "folder:" + remote, "--attachments");

        String json = tandem(desktop, "attachments", item, "--json").out();
        assertTrue(json.contains("\"id\":\"" + attachment + "\"") && json.contains("\"name\":\"lease.pdf\"")
                && json.contains("\"type\":\"application/pdf\"") && json.contains("\"size\":150000")
                && json.contains("\"here\":true"), json);
        tandem(desktop, "attachments", item, "--save", tmp.resolve("desktop-out").toString());
        assertArrayEquals(fromJs, Files.readAllBytes(tmp.resolve("desktop-out/lease.pdf")));
        assertEquals(attachment, tandem(desktop, "attach", item, jsFile.toString()).out().strip(),
                "the same file on the same item is the row tandem-js made: the id is derived alike");

        String javaAttachment = tandem(desktop, "attach", item, javaFile.toString()).out().strip();
        tandem(desktop, "sync", "--remote", "folder:" + remote);
        String fetched = nodeResult(js, "sync", "--remote", "folder:" + remote, "--attachments").err;
        assertTrue(fetched.contains("Downloaded 1 of 1 attached files not here yet."), fetched);

        String jsJson = node(js, "attachments", item, "--json");
        assertTrue(jsJson.contains("\"id\":\"" + javaAttachment + "\"") && jsJson.contains("\"name\":\"scan.png\"")
                && jsJson.contains("\"type\":\"image/png\"") && jsJson.contains("\"size\":70001"), jsJson);
        node(js, "attachments", item, "--save", tmp.resolve("js-out").toString());
        assertArrayEquals(fromJava, Files.readAllBytes(tmp.resolve("js-out/scan.png")));
        assertArrayEquals(fromJs, Files.readAllBytes(tmp.resolve("js-out/lease.pdf")));
        // The desktop's own layout: the copy tandem-js downloaded lies where the engine keeps one.
        String blob = sha256(fromJava);
        assertArrayEquals(fromJava, Files.readAllBytes(js.resolve("attachments").resolve(blob.substring(0, 2)).resolve(blob)));
    }

    @Test
    void compact_eachSide_newDeviceOfTheOtherStartsFromItsSnapshot() throws Exception {
        requireNode();
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path js = tmp.resolve("js");
        for (int i = 0; i < 3; i++) {
            node(js, "add", "From JavaScript " + i);
        }
        node(js, "sync", "--remote", "folder:" + remote);
        String compacted = nodeResult(js, "compact", "--remote", "folder:" + remote).err;
        assertTrue(compacted.contains("Wrote snapshot ") && compacted.contains("cleaned up 1 batches"), compacted);
        assertEquals(List.of(), batches(remote), "only the snapshot holds tandem-js's items now");

        Path desktop = tmp.resolve("desktop");
        tandem(desktop, "sync", "--remote", "folder:" + remote);
        String listed = tandem(desktop, "list").out();
        for (int i = 0; i < 3; i++) {
            assertTrue(listed.contains("From JavaScript " + i), listed);
        }
        tandem(desktop, "add", "From the desktop");
        tandem(desktop, "sync", "--remote", "folder:" + remote);
        node(js, "sync", "--remote", "folder:" + remote);
        tandem(desktop, "compact", "--remote", "folder:" + remote);
        assertEquals(List.of(), batches(remote), "tandem-js acked the desktop's batch: the desktop's snapshot holds all");

        Path fresh = tmp.resolve("js-fresh");
        node(fresh, "sync", "--remote", "folder:" + remote);
        String freshList = node(fresh, "list");
        for (String title : List.of("From JavaScript 0", "From JavaScript 2", "From the desktop")) {
            assertTrue(freshList.contains(title), freshList);
        }
    }

    @Test
    void sweep_desktopRemovesAnOrphanOnlyOnceTandemJsAnswered() throws Exception {
        requireNode();
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path desktop = tmp.resolve("desktop");
        Path js = tmp.resolve("js");
        tandem(desktop, "add", "Something to sync");
        tandem(desktop, "sync", "--remote", "folder:" + remote);
        node(js, "sync", "--remote", "folder:" + remote);
        Path orphan = Files.write(Files.createDirectories(remote.resolve("blobs/data")).resolve("ab".repeat(32)),
                bytes(1000, 3));
        tandem(desktop, "compact", "--remote", "folder:" + remote);
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(31));
        tandemAt(later, desktop, "compact", "--remote", "folder:" + remote);
        assertTrue(Files.exists(orphan), "31 days unnamed, but tandem-js has not answered the desktop's list");

        String answered = nodeResult(js, "compact", "--remote", "folder:" + remote).err;
        assertTrue(answered.contains("Told 1 other devices' attachment cleanup"), answered);
        tandemAt(later, desktop, "compact", "--remote", "folder:" + remote);
        assertTrue(!Files.exists(orphan), "every device answered without naming it: removed");
    }

    /** The batch objects left in a folder remote. */
    private static List<String> batches(Path remote) throws Exception {
        if (!Files.isDirectory(remote.resolve("batches"))) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> all = Files.walk(remote.resolve("batches"))) {
            return all.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private static void requireNode() {
        boolean ready = Files.isDirectory(CORE.resolve("node_modules/pako"))
                && Files.isDirectory(CORE.resolve("node_modules/hash-wasm"));
        String why = "tandem-js needs node and the core's packages (npm ci in " + CORE + ")";
        if (!ready) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
    }

    private Result tandem(Path profile, String... args) {
        return tandemAt(java.time.Clock.systemUTC(), profile, args);
    }

    private Result tandemAt(java.time.Clock clock, Path profile, String... args) {
        Result r = CliRun.run(Map.of("TANDEM_PASSPHRASE", PASSPHRASE), clock, profile, args);
        assertEquals(0, r.code(), () -> "tandem " + String.join(" ", args) + " failed: " + r.err());
        return r;
    }

    private record NodeResult(int code, String out, String err) {
    }

    private String node(Path dataDir, String... args) throws Exception {
        NodeResult r = nodeResult(dataDir, args);
        return r.out;
    }

    private NodeResult nodeResult(Path dataDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", CORE.resolve("bin/tandem-js.js").toString(), "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("node.out").toFile())
                .redirectError(tmp.resolve("node.err").toFile());
        pb.environment().put("TANDEM_PASSPHRASE", PASSPHRASE);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("tandem-js " + String.join(" ", args) + " did not finish");
        }
        NodeResult r = new NodeResult(p.exitValue(), Files.readString(tmp.resolve("node.out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("node.err"), StandardCharsets.UTF_8));
        assertEquals(0, r.code, () -> "tandem-js " + String.join(" ", args) + " failed: " + r.err);
        return r;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
