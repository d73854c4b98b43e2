package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem serve --install-service}: a systemd user unit whose ExecStart runs this program's launcher on
 * this profile (its absolute data dir) with serve's own options, written where systemd looks
 * ({@code $XDG_CONFIG_HOME/systemd/user}) or where told, never over an existing file and never enabled.
 */
@Tag("unit")
class ServiceUnitTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run tandem(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String execStart(String unit) {
        return unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
    }

    @Test
    void installService_defaultPlace_writesTheUnitWithTheLauncherAndDataDir() throws Exception {
        Path launcher = Launcher.current().orElseThrow(() -> new AssertionError("no launcher from the test classes"))
                .path();
        Path config = tmp.resolve("config");
        Path profile = tmp.resolve("nas profile");
        Run r = tandem(Map.of("XDG_CONFIG_HOME", config.toString()), "--data-dir", profile.toString(), "serve",
                "--install-service", "--listen", "0.0.0.0:8765", "--tls-self-signed");
        assertEquals(0, r.code(), r.err());
        Path unit = config.resolve("systemd/user/tandem-serve.service");
        String text = Files.readString(unit);
        assertEquals("ExecStart=" + launcher + " --data-dir \"" + profile.toAbsolutePath() + "\" serve"
                + " --listen 0.0.0.0:8765 --tls-self-signed", execStart(text));
        assertTrue(text.contains("[Install]\nWantedBy=default.target\n"), text);
        assertTrue(text.contains("Restart=on-failure"), text);
        // Never enabled by itself: the line that does it is printed.
        assertTrue(r.out().contains("systemctl --user enable --now tandem-serve.service"), r.out());
        assertFalse(Files.exists(config.resolve("systemd/user/default.target.wants")), "nothing enabled");
    }

    @Test
    void installService_unitThereAlready_leavesItAndFails() throws Exception {
        Path unit = tmp.resolve("units/tandem-serve.service");
        Files.createDirectories(unit.getParent());
        Files.writeString(unit, "[Service]\nExecStart=/usr/bin/mine\n");
        Run r = tandem(Map.of(), "--data-dir", tmp.resolve("p").toString(), "serve", "--install-service",
                "--unit-file", unit.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(unit + " exists already"), r.err());
        assertEquals("[Service]\nExecStart=/usr/bin/mine\n", Files.readString(unit));
    }

    @Test
    void installService_givenPath_writesThereAndNamesItInTheEnableLine() throws Exception {
        Path unit = tmp.resolve("elsewhere/tandem-serve.service");
        Run r = tandem(Map.of(), "--data-dir", tmp.resolve("p").toString(), "serve", "--install-service",
                "--unit-file", unit.toString(), "--interval", "120", "--passphrase-file", "secret.txt");
        assertEquals(0, r.code(), r.err());
        // A service starts elsewhere: the passphrase file is named in full.
        assertTrue(execStart(Files.readString(unit)).endsWith(" serve --interval 120 --passphrase-file "
                + Path.of("secret.txt").toAbsolutePath()), Files.readString(unit));
        assertTrue(r.out().contains("systemctl --user enable --now " + unit.toAbsolutePath()), r.out());
    }

    @Test
    void unit_argumentsWithSpacesQuotesAndPercent_areQuotedAsSystemdReadsThem() {
        Args a = Args.parse("serve", List.of("--public-host", "100%\"x\"", "--install-service"));
        String exec = execStart(ServiceUnit.unit(Path.of("/opt/tandem/bin/tandem-cli"), Path.of("/srv/my data"), a));
        assertEquals("ExecStart=/opt/tandem/bin/tandem-cli --data-dir \"/srv/my data\" serve --public-host"
                + " \"100%%\\\"x\\\"\"", exec);
    }

    @Test
    void installService_noLauncher_saysSoAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path config = tmp.resolve("config");
        Cli.Failure f = org.junit.jupiter.api.Assertions.assertThrows(Cli.Failure.class, () -> new ServiceUnit(
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("XDG_CONFIG_HOME", config.toString()),
                Optional.empty()).install(tmp.resolve("p"), Args.parse("serve", List.of("--install-service"))));
        assertTrue(f.getMessage().contains("cannot tell which program runs Tandem"), f.getMessage());
        assertFalse(Files.exists(config), "nothing written");
    }
}
