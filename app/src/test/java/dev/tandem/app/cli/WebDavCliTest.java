package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.WebDavServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user points Tandem at a WebDAV folder through the command line, as with Nextcloud: the
 * address after {@code webdav:}, the log-in in TANDEM_WEBDAV_USER and TANDEM_WEBDAV_PASSWORD;
 * and the app's saved WebDAV settings serve {@code tandem sync} without options.
 */
@Tag("server")
class WebDavCliTest {
    @TempDir
    Path tmp;

    private static Result tandem(Map<String, String> env, Path profile, String... args) {
        return CliRun.run(env, profile, args);
    }

    private static Map<String, String> login(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("TANDEM_WEBDAV_USER", WebDavServer.USER);
        env.put("TANDEM_WEBDAV_PASSWORD", password);
        return env;
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_webDavRemote_twoDevicesConverge(WebDavServer.Kind kind) {
        String remote = "webdav:" + WebDavServer.shared(kind).newCollection();
        Map<String, String> env = login(WebDavServer.PASSWORD);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(env, a, "add", "From A").code());
        assertEquals(0, tandem(env, b, "add", "From B").code());
        Result check = tandem(env, a, "check", "--remote", remote);
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("✓ Refuse an overwrite"), check.out());
        for (Path p : List.of(a, b, a)) {
            Result r = tandem(env, p, "sync", "--remote", remote);
            assertEquals(0, r.code(), r.err());
        }
        String listA = tandem(env, a, "list", "--json").out();
        assertTrue(listA.contains("From A") && listA.contains("From B"), listA);
        assertEquals(listA, tandem(env, b, "list", "--json").out());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_wrongPassword_saysSoAndKeepsTheTodo(WebDavServer.Kind kind) {
        String remote = "webdav:" + WebDavServer.shared(kind).newCollection();
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(Map.of(), a, "add", "Kept").code());
        Result r = tandem(login("wrong"), a, "sync", "--remote", remote);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("The remote refused the sign-in details."), r.err());
        assertTrue(r.err().contains("Running it again will not help until this is fixed."), r.err());
        assertTrue(tandem(Map.of(), a, "list", "--json").out().contains("Kept"));
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_savedWebDavSettings_usedWithoutOptions(WebDavServer.Kind kind) {
        String url = WebDavServer.shared(kind).newCollection();
        Path a = tmp.resolve("a");
        new SettingsStore(a).saveSync(SyncSettings.webDav(
                new SyncSettings.Dav(url, WebDavServer.USER, WebDavServer.PASSWORD, ""), "", 60));
        assertEquals(0, tandem(Map.of(), a, "add", "Saved remote").code());
        Result r = tandem(Map.of(), a, "sync");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(url.substring(0, url.length() - 1)), r.out());
        assertFalse(r.out().contains(WebDavServer.PASSWORD), "no secret on screen: " + r.out());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void sync_remoteFolderTypedWithSpacesAndAccents_twoProfilesConverge(WebDavServer.Kind kind) {
        WebDavServer server = WebDavServer.shared(kind);
        String parent = server.newCollection();
        server.newFolder(parent, "Données partagées ✓");
        String remote = "webdav:" + parent + "Données partagées ✓";
        Map<String, String> env = login(WebDavServer.PASSWORD);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, tandem(env, a, "add", "From A").code());
        assertEquals(0, tandem(env, b, "add", "From B").code());
        for (Path p : List.of(a, b, a)) {
            Result r = tandem(env, p, "sync", "--remote", remote);
            assertEquals(0, r.code(), r.err());
        }
        String listA = tandem(env, a, "list", "--json").out();
        assertTrue(listA.contains("From A") && listA.contains("From B"), listA);
    }

    /**
     * Files of the user's in the remote folder, such as the ones a file manager leaves in every folder
     * it shows, are not Tandem's and are left alone; saying so must not print a raw log line (with its
     * time stamp and class name) between the command's messages. Run as a process of its own, since
     * log lines go to the process's standard error, not to the one a test passes in.
     */
    @ParameterizedTest
    @EnumSource(value = WebDavServer.Kind.class, names = "APACHE")
    void sync_userFilesInTheRemoteFolder_noRawLogLineOnStderr(WebDavServer.Kind kind) throws Exception {
        WebDavServer server = WebDavServer.shared(kind);
        String url = server.newCollection();
        server.newFolder(url, "heads");
        Path folder = server.dataDir().resolve(URI.create(url).getPath().replace("/", ""));
        Files.writeString(folder.resolve("Shopping.txt"), "milk");
        Files.writeString(folder.resolve("heads").resolve("desktop.ini"), "[.ShellClassInfo]");
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(Map.of(), a, "add", "Kept").code());

        for (int i = 0; i < 2; i++) {
            String[] run = ownProcess(login(WebDavServer.PASSWORD), "--data-dir", a.toString(), "sync", "--remote",
                    "webdav:" + url);
            assertEquals("0", run[0], run[2]);
            assertFalse(run[2].contains("WARNING") || run[2].contains("dev.tandem.engine"), run[2]);
            assertFalse(run[2].contains("desktop.ini"), "not Tandem's, and nothing to do about it: " + run[2]);
        }
    }

    /** {@code tandem ARGS} as a process of its own: its exit code, stdout and stderr. */
    private static String[] ownProcess(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        // Both are small: read them before waiting, so a full pipe never blocks the child.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tandem did not finish: " + err);
        }
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    @ParameterizedTest
    @EnumSource(value = WebDavServer.Kind.class, names = "APACHE")
    void sync_badWebDavRemote_usageErrors(WebDavServer.Kind kind) {
        Path a = tmp.resolve("a");
        assertEquals(2, tandem(Map.of(), a, "sync", "--remote", "webdav:").code());
        assertEquals(2, tandem(Map.of(), a, "sync", "--remote", "webdav:ftp://host/x").code());
        Map<String, String> userOnly = Map.of("TANDEM_WEBDAV_USER", "sam");
        Result r = tandem(userOnly, a, "sync", "--remote", "webdav:" + WebDavServer.shared(kind).url());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TANDEM_WEBDAV_PASSWORD"), r.err());
    }
}
