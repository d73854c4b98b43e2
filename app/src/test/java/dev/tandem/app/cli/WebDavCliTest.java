package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.sync.SettingsStore;
import dev.tandem.app.sync.SyncSettings;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.testing.WebDavServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user points Tandem at a WebDAV folder through the command line, as with Nextcloud: the
 * address after {@code webdav:}, the log-in in TANDEM_WEBDAV_USER and TANDEM_WEBDAV_PASSWORD;
 * and the app's saved WebDAV settings serve {@code tandem sync} without options.
 */
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
        assertTrue(check.out().contains("✓ Conditional write"), check.out());
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
        assertTrue(r.err().contains("user name or password was refused"), r.err());
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
