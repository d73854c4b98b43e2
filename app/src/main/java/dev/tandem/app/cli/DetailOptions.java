package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.QuickAdd;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.ui.messages.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The detail options add and edit share (the table under DETAILS in {@code tandem help}): each is read here
 * once, by {@link #read}, for both commands. In edit, "none" (or an empty value) clears a field; add refuses it.
 */
final class DetailOptions {
    /** The options add and edit share, in the order help's table lists them. */
    static final List<String> NAMES = List.of("--list", "--due", "--at", "--for", "--priority", "--tags", "--repeat", "--remind",
            "--notes", "--notes-file", "--kind");

    /** The options whose "none" clears the field (in edit). */
    static final List<String> CLEARABLE = List.of("--due", "--at", "--for", "--priority", "--tags", "--repeat", "--remind");

    /** The options a note cannot have. */
    static final List<String> TODO_ONLY = List.of("--due", "--at", "--for", "--priority", "--repeat", "--remind");

    private DetailOptions() {
    }

    /** A given option's value; null when it was "none" or empty, which clears the field (edit only). */
    record Given<T>(T value) {
        boolean clears() {
            return value == null;
        }
    }

    /**
     * A reminder as read: its time and, when the phrase names one ("tomorrow 18:00"), its day; else it falls
     * on the due date, or without one on the next time that clock time comes.
     */
    record Remind(LocalDate day, LocalTime time) {
        Long at(LocalDate due, ZonedDateTime now) {
            return new TodoDraft(new QuickAdd("x", day != null ? day : due, null), null, List.of(), null, time)
                    .remindAt(now);
        }
    }

    /**
     * What the shared options say. A field is null when its option is absent; {@code list} is the name as
     * given ({@link #listId} reads it), {@code notes} the text ("" in edit clears), {@code note} the --kind.
     */
    record Details(String list, Given<LocalDate> due, Given<Integer> priority, Given<List<String>> tags,
                   Given<Recurrence> repeat, Given<Remind> remind, String notes, Boolean note, Given<LocalTime> at,
                   Given<Integer> length) {
    }

    /** For add: "none" (or an empty value) clears a field only in edit. */
    static void refuseNone(String verb, Map<String, String> o) {
        for (String name : CLEARABLE) {
            if (o.containsKey(name) && isNone(o.get(name))) {
                throw new UsageError(Messages.text("cli.details.noneInAdd", verb, name));
            }
        }
    }

    /** A note has no due date, time, priority, repeat or reminder: "note: TITLE" and --kind note say so alike. */
    static void refuseTodoOnly(String verb, Map<String, String> o) {
        for (String name : TODO_ONLY) {
            if (o.containsKey(name)) {
                throw new UsageError(Messages.text("cli.details.noteHasNo", verb, name));
            }
        }
    }

    /** Reads every shared option in {@code o}; a usage error for a value it cannot read. */
    static Details read(String verb, Map<String, String> o, InputStream stdin, LocalDate today) {
        return new Details(o.get("--list"), given(o, "--due", v -> due(v, today)),
                given(o, "--priority", DetailOptions::priority), given(o, "--tags", DetailOptions::tags),
                given(o, "--repeat", DetailOptions::repeat), given(o, "--remind", v -> remind(v, today)),
                notes(verb, o, stdin), o.containsKey("--kind") ? note(o.get("--kind")) : null,
                given(o, "--at", DetailOptions::at), given(o, "--for", DetailOptions::length));
    }

    /** "14:00", "2pm", "noon", or the language's own as quick add reads them ("14 Uhr", "14h30"): the time on the due date. */
    static LocalTime at(String v) {
        return TodoDraft.timeOfDay(v).orElseThrow(() -> new UsageError(Messages.text("cli.details.badTime", v.strip())));
    }

    /** "30m", "30 min", "1h", "1h30", "90": how long the todo takes. */
    static Integer length(String v) {
        return Durations.parse(v).orElseThrow(() -> new UsageError(Messages.text("cli.details.badLength", v.strip())));
    }

    private static <T> Given<T> given(Map<String, String> o, String name, Function<String, T> parse) {
        if (!o.containsKey(name)) {
            return null;
        }
        String v = o.get(name);
        return new Given<>(isNone(v) ? null : parse.apply(v));
    }

    /**
     * The id of the list {@code --list NAME} names, created (and said on {@code err}) when there is none;
     * null for the inbox ("inbox" or empty).
     */
    static String listId(TodoStore store, String name, PrintStream err) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("inbox")) {
            return null;
        }
        return store.findList(name).map(TodoList::id).orElseGet(() -> {
            TodoList l = store.createList(name);
            err.println(Messages.text("cli.details.listCreated", l.name()));
            return l.id();
        });
    }

    static LocalDate due(String v, LocalDate today) {
        return DatePhrases.parse(v.strip(), today).orElseThrow(() -> new UsageError(
                Messages.text("cli.details.badDate", v.strip())));
    }

    static boolean isNone(String v) {
        return v.isBlank() || v.strip().equalsIgnoreCase("none");
    }

    static Integer priority(String v) {
        String p = v.strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("p")) {
            p = p.substring(1);
        }
        if (!p.matches("[1-4]")) {
            throw new UsageError(Messages.text("cli.details.badPriority"));
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
            throw new UsageError(Messages.text("cli.details.notesTwice", verb));
        }
        if (file) {
            String name = o.get("--notes-file");
            Path path;
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                throw new UsageError(Messages.text("cli.details.notesFileBadPath", name));
            }
            if (Files.isDirectory(path)) {
                throw new UsageError(Messages.text("cli.details.notesFileFolder", name));
            }
            try (InputStream in = Files.newInputStream(path)) {
                return utf8(in, "--notes-file " + name);
            } catch (NoSuchFileException e) {
                throw new UsageError(Messages.text("cli.details.notesFileMissing", name));
            } catch (AccessDeniedException e) {
                throw new UsageError(Messages.text("cli.details.notesFileDenied", name));
            } catch (IOException e) {
                throw new UsageError(Messages.text("cli.details.notesFileError", name, e.getMessage()));
            }
        }
        if (text && o.get("--notes").equals("-")) {
            try {
                return utf8(stdin, Messages.text("cli.details.stdinName"));
            } catch (IOException e) {
                throw new UsageError(Messages.text("cli.details.stdinError", e.getMessage()));
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
                throw new IllegalArgumentException(Messages.text("cli.details.notesTooLong", what,
                        (long) MAX_NOTES_BYTES, (long) TextLimits.MAX_NOTES_CHARS));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new UsageError(Messages.text("cli.details.notUtf8", what));
        }
    }

    /** A repeat as quick add reads it in the command line's language or English ("jeden 2. Tag", "every 2 days"), or an RRULE. */
    static Recurrence repeat(String v) {
        String p = v.strip();
        return RepeatPhrases.field(p).or(() -> Recurrence.parse(p)).orElseThrow(() -> new UsageError(
                Messages.text("cli.details.badRepeat", p)));
    }

    /** "9am", "18:00", "tomorrow 18:00": on the phrase's day, else the due date, else the next time it comes. */
    static Remind remind(String v, LocalDate today) {
        TodoDraft d = TodoDraft.parse("x " + v.strip(), today);
        if (d.anyTime() == null || !d.title().equals("x")) {
            throw new UsageError(Messages.text("cli.details.badRemind", v));
        }
        return new Remind(d.due(), d.anyTime());
    }

    /** "note" or "todo" (any case): whether the item is a note. */
    static boolean note(String kind) {
        String k = kind.strip().toLowerCase(Locale.ROOT);
        if (!k.equals("note") && !k.equals("todo")) {
            throw new UsageError(Messages.text("cli.details.badKind", kind));
        }
        return k.equals("note");
    }
}
