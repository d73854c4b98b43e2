package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.agent.FakeNotificationServer;
import dev.tandem.app.agent.SessionBus;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tandem started as a module, as the README's {@code mvn -pl app javafx:run} starts it: the module
 * graph then holds only what the modules declare, and the HTTP clients of WebDAV and S3 (Apache
 * HttpClient 5) load {@code jdk.net}. The tests run on the class path, where everything resolves,
 * so this one starts a process of its own on the module path and syncs with both kinds of server.
 */
@Tag("server")
class ModuleLaunchTest {
    @TempDir
    Path tmp;

    /** The app's classes and its runtime dependencies (written by the build), as a module path. */
    private static String modulePath() throws IOException {
        String cp = Files.readString(Path.of(System.getProperty("tandem.runtime.classpath"))).trim();
        List<String> entries = new ArrayList<>(List.of(System.getProperty("tandem.app.classes")));
        // The engine's test jar is a test dependency that the class path file lists too; it is no module.
        Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !e.endsWith("-tests.jar") && !e.endsWith("test-classes"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private record Run(int code, String out, String err) {
    }

    private Run tandem(Map<String, String> env, Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "--module-path", modulePath(), "-m", "dev.tandem.app/" + Main.class.getName(),
                "--data-dir", profile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tandem " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private void syncsBothWays(Map<String, String> env, String remote) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(env, a, "add", "From A").code());
        for (Path p : List.of(a, b)) {
            Run r = tandem(env, p, "sync", "--remote", remote);
            assertEquals(0, r.code(), r.out() + r.err());
            assertFalse(r.err().contains("jdk/net") || r.err().contains("NoClassDefFoundError"), r.err());
        }
        Run list = tandem(env, b, "list", "--json");
        assertTrue(list.out().contains("From A"), list.out() + list.err());
    }

    @Test
    void sync_asAModuleWithWebDav_convergesWithoutMissingModules() throws Exception {
        WebDavServer server = WebDavServer.shared(WebDavServer.Kind.APACHE);
        syncsBothWays(Map.of("TANDEM_WEBDAV_USER", WebDavServer.USER, "TANDEM_WEBDAV_PASSWORD", WebDavServer.PASSWORD),
                "webdav:" + server.newCollection());
    }

    @Test
    void sync_asAModuleWithS3_convergesWithoutMissingModules() throws Exception {
        S3ProxyServer server = S3ProxyServer.shared();
        syncsBothWays(Map.of("AWS_ENDPOINT_URL", server.endpoint(), "AWS_ACCESS_KEY_ID", server.identity(),
                "AWS_SECRET_ACCESS_KEY", server.credential(), "AWS_REGION", server.region()),
                "s3://" + server.newBucket() + "/tandem");
    }

    @Test
    void agent_asAModule_ringsOnTheSessionBus() throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("agent"));
        try (SessionBus bus = SessionBus.start(); FakeNotificationServer server = FakeNotificationServer.on(bus)) {
            try (TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).build(),
                    Clock.systemDefaultZone(), Clock.systemDefaultZone().getZone())) {
                store.add("Water the plants", null, null, null,
                        new TodoDetails(null, List.of(), null, System.currentTimeMillis() + 500));
            }
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:TieredStopAtLevel=1", "--module-path", modulePath(), "-m", "dev.tandem.app/" + Main.class.getName(),
                    "--data-dir", profile.toString(), "agent", "--stdin");
            pb.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
            Path err = Files.createTempFile(tmp, "err", ".txt");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            Process p = pb.start();
            try {
                // The notification's summary, or the agent's error output once it exits without one.
                String shown = Await.until("a notification, or the agent's exit", Duration.ofSeconds(60),
                        () -> !server.shown.isEmpty() ? server.shown.get(0).summary()
                                : p.isAlive() ? null : Files.readString(err), s -> s != null);
                assertEquals("Water the plants", shown);
                // Its standard input closing stops it, as its parent going away would.
                p.getOutputStream().close();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), Files.readString(err));
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
