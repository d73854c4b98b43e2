package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class WindowsRunEntryTest {
    @TempDir
    Path tmp;

    /**
     * Windows' own splitting of a command line (CommandLineToArgvW): the program up to the closing quote without
     * escapes, then words split at spaces and tabs outside quotes; 2n backslashes before a quote give n and toggle
     * the quotes, 2n+1 give n and a quote; other backslashes are as written.
     */
    static List<String> commandLineToArgv(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        StringBuilder w = new StringBuilder();
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            words.add(line.substring(1, end < 0 ? line.length() : end));
            i = end < 0 ? line.length() : end + 1;
        } else {
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                w.append(line.charAt(i++));
            }
            words.add(w.toString());
            w.setLength(0);
        }
        boolean quoted = false;
        boolean inWord = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (!quoted && (c == ' ' || c == '\t')) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\\') {
                int n = 0;
                while (i < line.length() && line.charAt(i) == '\\') {
                    n++;
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    w.append("\\".repeat(n / 2));
                    if (n % 2 == 1) {
                        w.append('"');
                        i++;
                    }
                } else {
                    w.append("\\".repeat(n));
                }
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else {
                w.append(c);
            }
            i++;
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void commandLine_programFilesAndProfileWithSpace_exactQuoting() {
        assertEquals("\"C:\\Program Files\\Tandem\\Tandem.exe\" \"agent\" \"--data-dir\" \"C:\\Users\\Sam Lee\\p\"",
                WindowsRunEntry.commandLine(List.of("C:\\Program Files\\Tandem\\Tandem.exe", "agent", "--data-dir",
                        "C:\\Users\\Sam Lee\\p")));
    }

    @Test
    void commandLine_attackerProfileNames_eachStaysOneArgument() {
        List<String> hostile = List.of("x\" & calc & \"", "a\\\" & calc.exe & \\\"", "C:\\p\\", "C:\\p\\\\", "\\\\\"",
                "^& calc ^& ", "a | b > c < d", "\"", "", " ", "x\" \"--data-dir\" \"C:\\elsewhere",
                "ünïcødé ☃ 🦊");
        for (String dir : hostile) {
            List<String> command = List.of("C:\\Program Files\\Tandem\\Tandem.exe", "agent", "--data-dir", dir);
            String line = WindowsRunEntry.commandLine(command);
            assertEquals(command, commandLineToArgv(line), line);
        }
    }

    @Test
    void commandLine_trailingBackslashes_doubledBeforeTheClosingQuote() {
        assertEquals("\"C:\\t.exe\" \"C:\\p\\\\\"", WindowsRunEntry.commandLine(List.of("C:\\t.exe", "C:\\p\\")));
        assertEquals("\"C:\\t.exe\" \"a\\\\\\\"b\"", WindowsRunEntry.commandLine(List.of("C:\\t.exe", "a\\\"b")));
    }

    @Test
    void commandLine_percentControlOrQuoteInProgram_refused() {
        // The session expands %NAME% in a Run value: %USERPROFILE% would become another folder, nothing escapes it.
        assertThrows(IllegalArgumentException.class, () -> WindowsRunEntry.commandLine(
                List.of("C:\\t.exe", "agent", "--data-dir", "C:\\100%COMSPEC% & calc")));
        assertThrows(IllegalArgumentException.class, () -> WindowsRunEntry.commandLine(
                List.of("C:\\t.exe", "agent", "--data-dir", "C:\\a\r\nb")));
        assertThrows(IllegalArgumentException.class, () -> WindowsRunEntry.commandLine(
                List.of("C:\\x\" & calc & \".exe", "agent")));
        assertThrows(IllegalArgumentException.class, () -> WindowsRunEntry.commandLine(
                List.of("C:\\t.exe", "agent", "--data-dir", "p".repeat(WindowsRunEntry.MAX_COMMAND))));
    }

    @Test
    void write_hostileProfile_constantScriptAndCommandOnlyInTheEnvironment() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        WindowsRunEntry entry = new WindowsRunEntry(ps.program(), Duration.ofSeconds(10));
        String dir = "C:\\Users\\x\" & calc & \"\\'; Remove-Item -Recurse ~; '$(calc)";
        List<String> command = List.of("C:\\Program Files\\Tandem\\Tandem.exe", "agent", "--data-dir", dir);
        entry.write("dev.tandem.Tandem-agent-1a2b3c4d", command);

        List<String> argv = ps.argv(1);
        assertEquals(List.of("-NoProfile", "-NonInteractive", "-EncodedCommand"), argv.subList(0, 3));
        assertEquals(4, argv.size(), argv.toString());
        String script = new String(Base64.getDecoder().decode(argv.get(3)), StandardCharsets.UTF_16LE);
        assertEquals(BoundedCommand.script(WindowsRunEntry.class, "run-entry.ps1"), script);
        assertFalse(script.contains("calc") || script.contains("Remove-Item -Recurse") || script.contains("Tandem.exe"), script);
        Map<String, String> env = ps.env(1);
        assertEquals("set", env.get("TANDEM_RUN_OP"));
        assertEquals("dev.tandem.Tandem-agent-1a2b3c4d", env.get("TANDEM_RUN_NAME"));
        assertEquals(command, commandLineToArgv(env.get("TANDEM_RUN_COMMAND")));

        entry.remove("dev.tandem.Tandem-agent-1a2b3c4d");
        assertEquals("remove", ps.env(2).get("TANDEM_RUN_OP"));
        assertEquals("dev.tandem.Tandem-agent-1a2b3c4d", ps.env(2).get("TANDEM_RUN_NAME"));
    }

    @Test
    void write_powerShellFails_ioExceptionWithItsExitCode() throws Exception {
        WindowsRunEntry entry = new WindowsRunEntry(StandInTool.create(tmp, "powershell.exe", "exit 3").program(),
                Duration.ofSeconds(10));
        IOException e = assertThrows(IOException.class, () -> entry.write("n", List.of("C:\\t.exe", "agent")));
        assertTrue(e.getMessage().endsWith("exited with 3"), e.getMessage());
    }

    @Test
    void write_powerShellHangs_killedAtTheLimit() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exec sleep 60");
        WindowsRunEntry entry = new WindowsRunEntry(ps.program(), Duration.ofMillis(1500));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> entry.write("n", List.of("C:\\t.exe", "agent")));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("killed"), e.getMessage());
        assertTrue(took < 10_000, took + " ms");
        long pid = ps.pid(1);
        long end = System.currentTimeMillis() + 10_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.currentTimeMillis() < end, "the stand-in still runs");
            Thread.sleep(20);
        }
    }

    @Test
    void powerShell_systemRoot_fullPathNeverTheCurrentFolder() {
        assertEquals(Path.of("D:\\Win", "System32", "WindowsPowerShell", "v1.0", "powershell.exe"),
                WindowsRunEntry.powerShell(Map.of("SystemRoot", "D:\\Win")));
        assertEquals(Path.of("C:\\Windows", "System32", "WindowsPowerShell", "v1.0", "powershell.exe"),
                WindowsRunEntry.powerShell(Map.of()));
    }
}
