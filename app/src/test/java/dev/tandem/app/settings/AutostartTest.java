package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class AutostartTest {
    @TempDir
    Path tmp;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** A launcher script that runs the stand-in agent with Tandem's arguments, as app/tandem runs Main. */
    private Launcher standInLauncher(Path dir) throws IOException {
        Path script = dir.resolve("tandem");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + AgentStandIn.class.getName() + " " + Launcher.MAIN_CLASS + " \"$@\"\n");
        script.toFile().setExecutable(true);
        return new Launcher(script, script);
    }

    private Autostart autostart(Path profile, Map<String, String> env, Launcher launcher) {
        return new Autostart(new SettingsStore(profile), "Linux", env, tmp.resolve("home"), tmp.resolve("default"),
                Optional.ofNullable(launcher));
    }

    @Test
    void desktop_pathWithSpacesQuotesPercentDollarBackslash_execEscapedPerSpec() {
        String entry = AutostartEntry.desktop(List.of("/opt/My \"Apps\"/100% $HOME\\tandem", "agent", "--data-dir",
                "/home/sam/it's"));
        String expected = """
                [Desktop Entry]
                Type=Application
                Name=Tandem reminders
                Name[de]=Tandem-Erinnerungen
                Name[fr]=Rappels Tandem
                Comment=Shows Tandem's reminders while its window is closed
                Comment[de]=Zeigt Tandems Erinnerungen, während sein Fenster geschlossen ist
                Comment[fr]=Affiche les rappels de Tandem quand sa fenêtre est fermée
                Exec="/opt/My \\\\"Apps\\\\"/100%% \\\\$HOME\\\\\\\\tandem" agent --data-dir "/home/sam/it's"
                Terminal=false
                NoDisplay=true
                X-GNOME-Autostart-enabled=true
                """;
        assertEquals(expected, entry);
    }

    /** freedesktop's own checker, where installed (Debian: desktop-file-utils). */
    @Test
    void desktop_hostilePath_desktopFileValidateAccepts() throws Exception {
        Path validator = Path.of("/usr/bin/desktop-file-validate");
        Assumptions.assumeTrue(Files.isExecutable(validator), "desktop-file-utils is not installed");
        Path entry = Files.writeString(tmp.resolve("dev.tandem.Tandem-agent.desktop"), AutostartEntry.desktop(
                List.of("/opt/My \"Apps\"/100% $HOME\\tandem", "agent", "--data-dir", "/home/sam/it's\tab")));
        Process p = new ProcessBuilder(validator.toString(), entry.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        assertEquals("", said);
    }

    @Test
    void launchAgent_argumentsWithXmlCharacters_escapedOnePerString() {
        String plist = AutostartEntry.launchAgent(AutostartEntry.ID, List.of("/Applications/A & B <x>.app/Contents/MacOS/Tandem", "agent"));
        assertTrue(plist.contains("<key>Label</key>\n  <string>dev.tandem.Tandem-agent</string>"), plist);
        assertTrue(plist.contains("    <string>/Applications/A &amp; B &lt;x&gt;.app/Contents/MacOS/Tandem</string>\n"
                + "    <string>agent</string>\n  </array>"), plist);
        assertTrue(plist.contains("<key>RunAtLoad</key>\n  <true/>"), plist);
        assertFalse(plist.contains("KeepAlive"), plist);
    }

    @Test
    void agentCommand_windows_runsTheWindowsLauncherWhichOpensNoConsole() {
        Autostart windows = new Autostart(new SettingsStore(tmp.resolve("p")), "Windows 11", Map.of(), tmp.resolve("home"),
                tmp.resolve("default"), Optional.of(new Launcher(Path.of("C:\\Program Files\\Tandem\\Tandem.exe"),
                Path.of("C:\\Program Files\\Tandem\\tandem-cli.exe"))));
        assertEquals("C:\\Program Files\\Tandem\\Tandem.exe", windows.agentCommand().get(0));
        assertEquals("agent", windows.agentCommand().get(1));
    }

    @Test
    void entryFile_macOs_launchAgentsPlist() {
        Autostart mac = new Autostart(new SettingsStore(tmp.resolve("p")), "Mac OS X", Map.of(), tmp.resolve("home"),
                tmp.resolve("default"), Optional.of(new Launcher(Path.of("/Applications/Tandem.app/Contents/MacOS/Tandem"),
                Path.of("/Applications/Tandem.app/Contents/MacOS/Tandem"))));
        assertEquals(tmp.resolve("home/Library/LaunchAgents"), mac.entryFile().getParent());
        assertTrue(mac.entryFile().getFileName().toString().matches("dev\\.tandem\\.Tandem-agent-[0-9a-f]{8}\\.plist"),
                mac.entryFile().toString());
        assertTrue(mac.entry().contains("<string>" + mac.id() + "</string>"), mac.entry());
        assertTrue(mac.entry().contains("<string>--data-dir</string>"), mac.entry());
    }

    @Test
    void entryFile_relativeXdgConfigHome_ignoredForHomeConfig() {
        Autostart a = autostart(tmp.resolve("default"), Map.of("XDG_CONFIG_HOME", "relative/dir"), null);
        assertEquals(tmp.resolve("home/.config/autostart/dev.tandem.Tandem-agent.desktop"), a.entryFile());
    }

    @Test
    void agentCommand_linux_runsTheAppsFullJitLauncherWithNoDataDirForTheDefaultProfile() {
        Launcher l = new Launcher(Path.of("/opt/tandem/bin/Tandem"), Path.of("/opt/tandem/bin/tandem-cli"));
        assertEquals(List.of("/opt/tandem/bin/Tandem", "agent"), autostart(tmp.resolve("default"), Map.of(), l).agentCommand());
        assertEquals(List.of("/opt/tandem/bin/Tandem", "agent", "--data-dir", tmp.resolve("other").toString()),
                autostart(tmp.resolve("other"), Map.of(), l).agentCommand());
    }

    @Test
    void turnOnThenOff_realAgentProcess_entryWrittenAgentStartedThenRemovedAndStopped() throws Exception {
        Path profile = tmp.resolve("profile with space");
        Path config = tmp.resolve("config");
        Launcher launcher = standInLauncher(Files.createDirectories(tmp.resolve("bin")));
        Autostart a = autostart(profile, Map.of("XDG_CONFIG_HOME", config.toString()), launcher);
        // Another profile's agent, which turning this one off must leave running.
        Autostart other = autostart(tmp.resolve("other"), Map.of("XDG_CONFIG_HOME", tmp.resolve("c2").toString()), launcher);
        other.turnOn();
        Await.until("the other profile's agent", Duration.ofSeconds(20), () -> !other.agents().running().isEmpty());
        started.addAll(other.agents().running());

        a.turnOn();
        Path entry = a.entryFile();
        assertTrue(entry.getFileName().toString().matches("dev\\.tandem\\.Tandem-agent-[0-9a-f]{8}\\.desktop"), entry.toString());
        assertEquals(config.resolve("autostart"), entry.getParent());
        assertFalse(entry.getFileName().equals(other.entryFile().getFileName()), "each profile its own entry");
        assertEquals(a.entry(), Files.readString(entry));
        assertTrue(Files.readString(entry).contains("Exec=" + launcher.path() + " agent --data-dir \"" + profile + "\"\n"));
        Await.until("the agent to start", Duration.ofSeconds(20), () -> a.agents().running().size() == 1);
        ProcessHandle agent = a.agents().running().get(0);
        started.add(agent);
        Path log = profile.resolve("logs/agent.log");
        String line = "stand-in agent " + Launcher.MAIN_CLASS + " agent --data-dir " + profile;
        Await.until("the agent's output in its log", Duration.ofSeconds(20), () -> Files.readString(log).contains(line));
        a.turnOn(); // Again: no second agent.
        assertEquals(1, a.agents().running().size());

        a.turnOff();
        assertFalse(Files.exists(entry));
        assertFalse(agent.isAlive());
        assertEquals(1, other.agents().running().size(), "the other profile's agent keeps running");
        assertFalse(autostart(profile, Map.of("XDG_CONFIG_HOME", config.toString()), launcher).enabled());
    }

    @Test
    void firstStart_onceThenNeverAfterOff_entryNotBack() throws Exception {
        Path profile = tmp.resolve("p");
        Path config = tmp.resolve("config");
        Autostart a = autostart(profile, Map.of("XDG_CONFIG_HOME", config.toString()), standInLauncher(
                Files.createDirectories(tmp.resolve("bin"))));
        assertTrue(a.enabled(), "on by default");
        assertTrue(a.firstStart());
        Await.until("the agent", Duration.ofSeconds(20), () -> !a.agents().running().isEmpty());
        started.addAll(a.agents().running());
        assertEquals("on", new SettingsStore(profile).get(Autostart.SETTING, ""));
        assertFalse(a.firstStart(), "once");
        a.turnOff();
        assertFalse(a.firstStart());
        assertFalse(Files.exists(a.entryFile()));
        assertFalse(a.enabled());
    }

    @Test
    void turnOn_xdgConfigHomeIsAFile_errorNamesThePathNothingSaved() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Autostart a = autostart(tmp.resolve("p"), Map.of("XDG_CONFIG_HOME", file.toString()),
                standInLauncher(Files.createDirectories(tmp.resolve("bin"))));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, a::turnOn);
        assertTrue(e.getMessage().startsWith("Could not write " + a.entryFile() + ": "), e.getMessage());
        assertEquals("", new SettingsStore(tmp.resolve("p")).get(Autostart.SETTING, ""));
        assertTrue(a.agents().running().isEmpty(), "no agent started");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void turnOn_autostartDirUnwritable_errorSaysPermission() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Path config = Files.createDirectories(tmp.resolve("config/autostart"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r-x------"));
        Autostart a = autostart(tmp.resolve("p"), Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString()),
                standInLauncher(Files.createDirectories(tmp.resolve("bin"))));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, a::turnOn);
        assertTrue(e.getMessage().contains("no permission"), e.getMessage());
    }

    @Test
    void turnOn_entryIsSymlinkElsewhere_refusedTargetUntouched() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config/autostart"));
        Path target = Files.writeString(tmp.resolve("precious.desktop"), "mine");
        Autostart a = autostart(tmp.resolve("default"), Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString()),
                standInLauncher(Files.createDirectories(tmp.resolve("bin"))));
        Path link = Files.createSymbolicLink(config.resolve("dev.tandem.Tandem-agent.desktop"), target);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, a::turnOn);
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("mine", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
        assertThrows(UncheckedIOException.class, a::turnOff);
        assertEquals("mine", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link), "not removed either");
    }

    @Test
    void unsupported_noLauncher_saysWhyFirstStartDoesNothing() {
        Autostart none = autostart(tmp.resolve("p"), Map.of(), null);
        assertTrue(none.unsupported().isPresent());
        assertFalse(none.firstStart());
        assertEquals("", new SettingsStore(tmp.resolve("p")).get(Autostart.SETTING, ""));
    }

    @Test
    void hint_eachPlatform_saysWhatItUses() {
        Launcher l = new Launcher(Path.of("C:/Tandem/Tandem.exe"), Path.of("C:/Tandem/Tandem.exe"));
        Autostart win = new Autostart(new SettingsStore(tmp.resolve("p")), "Windows 11", Map.of(), tmp, tmp,
                Optional.of(l));
        assertTrue(win.unsupported().isEmpty());
        assertTrue(win.hint().contains("Startup"), win.hint());
        Autostart mac = new Autostart(new SettingsStore(tmp.resolve("p")), "Mac OS X", Map.of(), tmp, tmp, Optional.of(l));
        assertTrue(mac.hint().contains("Notification Center"), mac.hint());
    }

    @Test
    void turnOnThenOff_windows_runValueSetAgentStartedThenRemovedAndStopped() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        Path profile = tmp.resolve("profile x\" & calc & \"");
        Launcher launcher = standInLauncher(Files.createDirectories(tmp.resolve("bin")));
        Autostart a = new Autostart(new SettingsStore(profile), "Windows 11", Map.of(), tmp.resolve("home"),
                tmp.resolve("default"), Optional.of(launcher), new WindowsRunEntry(ps.program(), Duration.ofSeconds(10)));
        a.turnOn();
        Map<String, String> set = ps.env(1);
        assertEquals("set", set.get("TANDEM_RUN_OP"));
        assertEquals(a.id(), set.get("TANDEM_RUN_NAME"));
        assertEquals(a.agentCommand(), WindowsRunEntryTest.commandLineToArgv(set.get("TANDEM_RUN_COMMAND")));
        assertEquals(a.entry(), set.get("TANDEM_RUN_COMMAND"));
        Await.until("the agent to start", Duration.ofSeconds(20), () -> a.agents().running().size() == 1);
        ProcessHandle agent = a.agents().running().get(0);
        started.add(agent);
        assertEquals("on", new SettingsStore(profile).get(Autostart.SETTING, ""));

        a.turnOff();
        Map<String, String> removed = ps.env(2);
        assertEquals("remove", removed.get("TANDEM_RUN_OP"));
        assertEquals(a.id(), removed.get("TANDEM_RUN_NAME"));
        assertFalse(agent.isAlive());
        assertFalse(a.enabled());
    }

    @Test
    void turnOn_windowsPercentInProfile_refusedNothingRunNothingSaved() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        Path profile = tmp.resolve("100%COMSPEC%");
        Autostart a = new Autostart(new SettingsStore(profile), "Windows 11", Map.of(), tmp.resolve("home"),
                tmp.resolve("default"), Optional.of(standInLauncher(Files.createDirectories(tmp.resolve("bin")))),
                new WindowsRunEntry(ps.program(), Duration.ofSeconds(10)));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, a::turnOn);
        assertTrue(e.getMessage().startsWith("Windows cannot start this command at sign-in: "), e.getMessage());
        assertEquals(0, ps.runs(), "PowerShell never ran");
        assertEquals("", new SettingsStore(profile).get(Autostart.SETTING, ""));
        assertTrue(a.agents().running().isEmpty());
    }

    @Test
    void isAgent_commandLines_onlyThisProfilesAgentVerb() {
        AgentProcesses p = new AgentProcesses(List.of(Path.of("/opt/tandem/bin/Tandem")), Path.of("/data/p"),
                Path.of("/home/sam/.local/share/tandem"));
        assertTrue(p.isAgent(List.of("/opt/tandem/bin/Tandem", "agent", "--data-dir", "/data/p")));
        assertTrue(p.isAgent(List.of("/usr/bin/java", "-cp", "x", Launcher.MAIN_CLASS, "--data-dir=/data/p", "agent")));
        assertFalse(p.isAgent(List.of("/opt/tandem/bin/Tandem", "agent")), "the default profile's");
        assertFalse(p.isAgent(List.of("/opt/tandem/bin/Tandem", "add", "agent", "--data-dir", "/data/p")), "a todo named agent");
        assertFalse(p.isAgent(List.of("/usr/bin/vim", "agent", "--data-dir", "/data/p")));
    }
}
