package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.text.QuickAdd;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.app.text.TodoDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the options add and edit share: --notes, --notes-file, --priority, --tags, --repeat, --remind ("none"
 * clears in edit).
 */
final class DetailOptions {
    private DetailOptions() {
    }

    static boolean isNone(String v) {
        return v.isBlank() || v.strip().equalsIgnoreCase("none");
    }

    static Integer priority(String v) {
        String p = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("p")) {
            p = p.substring(1);
        }
        if (!p.matches("[1-4]")) {
            throw new UsageError("--priority: give 1 (highest) to 4, or none");
        }
        return Integer.parseInt(p);
    }

    /**
     * "home, two words": tags are separated by commas only, and each is stored as quick add's {@code @tag} is
     * ({@link ItemTag#normalize}: lower case, spaces inside as dashes), so "two words" is the one tag "two-words".
     */
    static List<String> tags(String v) {
        return Arrays.stream(v.split(",")).map(ItemTag::normalize).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Read no more than this from a notes file or stdin: far above what notes within the limit take in UTF-8. */
    static final long MAX_NOTES_BYTES = 16L * TextLimits.MAX_NOTES_CHARS;

    /**
     * The notes that {@code --notes TEXT}, {@code --notes -} (standard input) or {@code --notes-file PATH} give
     * (UTF-8), or null when neither option is there. Not checked against {@link TextLimits}: the store does that.
     */
    static String notes(String verb, Map<String, String> o, InputStream stdin) {
        boolean text = o.containsKey("--notes");
        boolean file = o.containsKey("--notes-file");
        if (text && file) {
            throw new UsageError(verb + ": give --notes or --notes-file, not both");
        }
        if (file) {
            String name = o.get("--notes-file");
            Path path;
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                throw new UsageError("--notes-file: cannot read " + name + ": not a valid path");
            }
            if (Files.isDirectory(path)) {
                throw new UsageError("--notes-file: cannot read " + name + ": it is a folder");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return utf8(in, "--notes-file " + name);
            } catch (NoSuchFileException e) {
                throw new UsageError("--notes-file: no such file: " + name);
            } catch (AccessDeniedException e) {
                throw new UsageError("--notes-file: cannot read " + name + ": permission denied");
            } catch (IOException e) {
                throw new UsageError("--notes-file: cannot read " + name + ": " + e.getMessage());
            }
        }
        if (text && o.get("--notes").equals("-")) {
            try {
                return utf8(stdin, "--notes - (standard input)");
            } catch (IOException e) {
                throw new UsageError("--notes -: cannot read standard input: " + e.getMessage());
            }
        }
        return text ? o.get("--notes") : null;
    }

    /** All of {@code in} as strict UTF-8; more than {@link #MAX_NOTES_BYTES} is refused as too long. */
    private static String utf8(InputStream in, String what) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) >= 0; ) {
            bytes.write(buf, 0, n);
            if (bytes.size() > MAX_NOTES_BYTES) {
                throw new IllegalArgumentException(String.format(
                        "The notes from %s are over %,d bytes long; Tandem takes at most %,d characters.", what,
                        MAX_NOTES_BYTES, TextLimits.MAX_NOTES_CHARS));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new UsageError(what + ": not UTF-8 text");
        }
    }

    static Recurrence repeat(String v) {
        String p = v.strip();
        Optional<Recurrence> r = RepeatPhrases.parse(p.toLowerCase(java.util.Locale.ROOT).startsWith("every")
                || !p.contains(" ") && RepeatPhrases.parse(p).isPresent() ? p : "every " + p);
        return r.or(() -> Recurrence.parse(p)).orElseThrow(() -> new UsageError(
                "--repeat: cannot read '" + v + "'; try every day, every weekday, every monday, every 2 weeks,"
                        + " every month on the 1st, every year or an RRULE such as FREQ=WEEKLY;BYDAY=MO"));
    }

    /** "9am", "18:00", "tomorrow 18:00": on the given date (or the phrase's), else the next time it comes. */
    static Long remindAt(String v, LocalDate due, LocalDate today, ZonedDateTime now) {
        TodoDraft d = TodoDraft.parse("x " + v.strip(), today);
        if (d.remindTime() == null || !d.title().equals("x")) {
            throw new UsageError("--remind: cannot read '" + v + "'; try 9am, 18:00 or tomorrow 18:00");
        }
        LocalDate on = d.due() != null ? d.due() : due;
        return new TodoDraft(new QuickAdd("x", on, null), null, List.of(), null, d.remindTime()).remindAt(now);
    }

    /** "note" or "todo" (any case): whether the item is a note. */
    static boolean note(String kind) {
        String k = kind.strip().toLowerCase(java.util.Locale.ROOT);
        if (!k.equals("note") && !k.equals("todo")) {
            throw new UsageError("--kind must be note or todo, not '" + kind + "'");
        }
        return k.equals("note");
    }
}
