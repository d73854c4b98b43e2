package dev.tandem.app.agent;

import dev.tandem.app.settings.BoundedCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications on macOS, in Notification Center: {@code /usr/bin/osascript} runs the constant AppleScript {@code
 * notify.applescript} ({@code display notification}), which takes the title and the text from {@code on run argv}.
 * They travel as words of osascript's argument list, never in the script's text, after a first constant word
 * ({@link #FIRST}): osascript stops reading options at it, so a title that starts with {@code -e} is a title, not
 * one more line of script.
 *
 * <p>A notification from osascript has no buttons, and osascript cannot take one down: Done and Snooze are not
 * offered, {@link #withdraw} does nothing. The reminder shows; the window's list or the command line completes it.
 * osascript is killed after {@link #LIMIT}; a failure is an exception the agent logs.
 */
public final class MacNotifier implements Notifier {
    public static final Path OSASCRIPT = Path.of("/usr/bin/osascript");
    static final Duration LIMIT = Duration.ofSeconds(5);
    /** Characters of the text line: the date and time, or the count of more reminders. */
    static final int MAX_BODY = 400;
    /** osascript's first argument: a word that is no option, so option parsing ends before the title. */
    static final String FIRST = "tandem";

    private final Duration limit;
    private final List<String> script;
    private final AtomicLong ids = new AtomicLong();

    MacNotifier(Path osascript, Duration limit) {
        this.limit = limit;
        List<String> words = new ArrayList<>();
        words.add(osascript.toString());
        for (String line : BoundedCommand.script(MacNotifier.class, "notify.applescript").split("\n")) {
            words.add("-e");
            words.add(line);
        }
        this.script = List.copyOf(words);
    }

    /** The system's osascript, where there is one. */
    public static Optional<Notifier> forSystem() {
        return Files.isExecutable(OSASCRIPT) ? Optional.of(new MacNotifier(OSASCRIPT, LIMIT)) : Optional.empty();
    }

    @Override
    public long show(Notice n, long replaces) {
        List<String> command = new ArrayList<>(script);
        command.add(FIRST);
        command.add(NoticeText.line(n.summary(), NoticeText.MAX_SUMMARY));
        command.add(NoticeText.line(n.body(), MAX_BODY));
        try {
            BoundedCommand.run(command, Map.of(), limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Notification Center replaces nothing in place: the summary's count shows anew, under the same id.
        return replaces != 0 ? replaces : ids.incrementAndGet();
    }

    @Override
    public void withdraw(long id) {
        // osascript cannot take a notification down; it stays until the user dismisses it.
    }

    @Override
    public void listen(Listener l) {
        // No buttons, no closing signal.
    }

    @Override
    public void close() {
        // Nothing held between notifications.
    }
}
