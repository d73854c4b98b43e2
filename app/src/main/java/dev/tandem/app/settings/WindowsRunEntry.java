package dev.tandem.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reminder agent's entry on Windows: a value under the per-user Run key ({@code
 * HKCU\Software\Microsoft\Windows\CurrentVersion\Run}, listed in Settings → Apps → Startup), named by the entry's
 * id, holding the agent's command line. No administrator rights, no COM, no shortcut file.
 *
 * <p>Written by Windows PowerShell running the constant script {@code run-entry.ps1} ({@code -EncodedCommand}),
 * which reads the value's name and command from environment variables. Not {@code reg.exe add /d COMMAND}: the
 * command line holds quotes, and Java builds a Windows child's command line without escaping a quote inside an
 * argument (its default, {@code jdk.lang.Process.allowAmbiguousCommands}), so {@code reg.exe}'s own parser would
 * split it again; an environment variable crosses no parser.
 *
 * <p>The stored command is quoted for {@code CommandLineToArgvW} ({@link #commandLine}), which both the session
 * (CreateProcess) and Tandem's launcher read it with: every argument in double quotes, so a path with spaces,
 * {@code &}, {@code ^} or quotes stays one argument. {@code %} is refused: the session expands {@code %NAME%} in a
 * Run value, and nothing escapes it.
 */
public final class WindowsRunEntry {
    /** Where the value is, as a person finds it in the Registry Editor. */
    public static final String KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    /** The longest command line CreateProcess takes, in UTF-16 units. */
    static final int MAX_COMMAND = 32_767;
    static final Duration LIMIT = Duration.ofSeconds(10);

    private final Path powershell;
    private final Duration limit;

    /** {@code powershell}: the Windows PowerShell to run; {@code limit}: how long it may take before a kill. */
    WindowsRunEntry(Path powershell, Duration limit) {
        this.powershell = powershell;
        this.limit = limit;
    }

    /**
     * The system's Windows PowerShell by its full path under {@code SystemRoot}: a bare {@code powershell.exe}
     * would be looked for in the current folder first.
     */
    static WindowsRunEntry forSystem(Map<String, String> env) {
        return new WindowsRunEntry(powerShell(env), LIMIT);
    }

    /** {@code %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe}, {@code C:\Windows} when unset. */
    public static Path powerShell(Map<String, String> env) {
        String root = env.getOrDefault("SystemRoot", env.getOrDefault("SYSTEMROOT", ""));
        return Path.of(root.isBlank() ? "C:\\Windows" : root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }

    /** Adds the value {@code name} running {@code command}, or replaces it. */
    void write(String name, List<String> command) throws IOException {
        run(Map.of("TANDEM_RUN_OP", "set", "TANDEM_RUN_NAME", name, "TANDEM_RUN_COMMAND", commandLine(command)));
    }

    /** Removes the value {@code name}; nothing when there is none. */
    void remove(String name) throws IOException {
        run(Map.of("TANDEM_RUN_OP", "remove", "TANDEM_RUN_NAME", name, "TANDEM_RUN_COMMAND", ""));
    }

    private void run(Map<String, String> env) throws IOException {
        BoundedCommand.run(List.of(powershell.toString(), "-NoProfile", "-NonInteractive", "-EncodedCommand",
                BoundedCommand.encodedPowerShell(WindowsRunEntry.class, "run-entry.ps1")), env, limit);
    }

    /**
     * {@code command} as one Windows command line that {@code CommandLineToArgvW} splits back into exactly these
     * words. The program in quotes, as is (the first word is read up to the next quote, without escapes; a
     * Windows path holds no quote); every other word in quotes, a quote inside written {@code \"} and the
     * backslashes before it, or before the closing quote, doubled.
     *
     * @throws IllegalArgumentException for a word holding {@code %} (expanded by the session), a control
     *     character, a quote in the program, or a command over {@link #MAX_COMMAND} units
     */
    public static String commandLine(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no program");
        }
        StringBuilder b = new StringBuilder();
        for (String word : command) {
            if (word.chars().anyMatch(c -> c == '%' || c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("not storable in a Run value: " + word);
            }
        }
        String program = command.get(0);
        if (program.indexOf('"') >= 0 || program.isEmpty()) {
            throw new IllegalArgumentException("a program path with a quote: " + program);
        }
        b.append('"').append(program).append('"');
        for (String word : command.subList(1, command.size())) {
            b.append(' ').append(quoted(word));
        }
        if (b.length() > MAX_COMMAND) {
            throw new IllegalArgumentException("command line of " + b.length() + " characters");
        }
        return b.toString();
    }

    /** One word after the program, in quotes, by CommandLineToArgvW's rules (2n backslashes + quote: n, a toggle). */
    static String quoted(String word) {
        StringBuilder b = new StringBuilder("\"");
        int backslashes = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                b.append("\\".repeat(backslashes * 2 + 1));
            } else {
                b.append("\\".repeat(backslashes));
            }
            b.append(c);
            backslashes = 0;
        }
        return b.append("\\".repeat(backslashes * 2)).append('"').toString();
    }
}
