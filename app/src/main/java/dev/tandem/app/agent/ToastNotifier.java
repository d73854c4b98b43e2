package dev.tandem.app.agent;

import dev.tandem.app.settings.BoundedCommand;
import dev.tandem.app.settings.WindowsRunEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications on Windows, as toasts: Windows PowerShell ({@code -NoProfile -NonInteractive -EncodedCommand})
 * runs the constant script {@code toast.ps1}, which reads the title and the text from environment variables and
 * puts them in the toast's XML as text nodes (never as markup). Nothing a todo holds is in a command line or in
 * the script's text. PowerShell by its full path under {@code SystemRoot}, never looked for in the current folder.
 *
 * <p>Each toast has a tag (its id): the summary of more reminders replaces its own toast in place, and {@link
 * #withdraw} takes a toast down by its tag. No buttons: a toast's buttons reach a program only through an
 * application id registered with Windows (a Start-menu shortcut with that id, or a package), which Tandem's
 * installer does not make; the toast is shown under Windows PowerShell's id. Done and Snooze are not offered;
 * the window's list or the command line completes the todo. PowerShell is killed after {@link #LIMIT} (its cold
 * start takes a second or two); a failure is an exception the agent logs.
 */
public final class ToastNotifier implements Notifier {
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** Characters of the text line: the date and time, or the count of more reminders. */
    static final int MAX_BODY = 400;

    private final Path powershell;
    private final Duration limit;
    private final String encoded = BoundedCommand.encodedPowerShell(ToastNotifier.class, "toast.ps1");
    private final AtomicLong ids = new AtomicLong();

    ToastNotifier(Path powershell, Duration limit) {
        this.powershell = powershell;
        this.limit = limit;
    }

    /** The system's Windows PowerShell, where it is. */
    public static Optional<Notifier> forSystem(Map<String, String> env) {
        Path ps = WindowsRunEntry.powerShell(env);
        return Files.isRegularFile(ps) ? Optional.of(new ToastNotifier(ps, LIMIT)) : Optional.empty();
    }

    @Override
    public long show(Notice n, long replaces) {
        long id = replaces != 0 ? replaces : ids.incrementAndGet();
        run(Map.of("TANDEM_TOAST_OP", "show", "TANDEM_TOAST_TAG", Long.toString(id),
                "TANDEM_TOAST_TITLE", NoticeText.line(n.summary(), NoticeText.MAX_SUMMARY),
                "TANDEM_TOAST_BODY", NoticeText.line(n.body(), MAX_BODY)));
        return id;
    }

    @Override
    public void withdraw(long id) {
        run(Map.of("TANDEM_TOAST_OP", "remove", "TANDEM_TOAST_TAG", Long.toString(id),
                "TANDEM_TOAST_TITLE", "", "TANDEM_TOAST_BODY", ""));
    }

    private void run(Map<String, String> env) {
        try {
            BoundedCommand.run(List.of(powershell.toString(), "-NoProfile", "-NonInteractive", "-EncodedCommand",
                    encoded), env, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void listen(Listener l) {
        // No buttons; Windows tells a program of a toast's closing only through a registered application id.
    }

    @Override
    public void close() {
        // Nothing held between toasts.
    }
}
