package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No words for people in the app's code: every literal that reads as words ("Sync now", "Could not
 * save: ") must come from the catalogue (dev.tandem.ui.messages). What reads as words but is no
 * text for a person (a developer's log line, a bug's exception, SQL, a file format's fixed words) is
 * listed in {@code words-in-code.txt} with the file it stands in, so each exception is a decision.
 */
@Tag("unit")
class WordsInCodeTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/tandem/app");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][a-z']+[,:;]? +[A-Za-z(][a-z]");
    private static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z]{2,}[.!?:…]?");
    private static final Pattern SQL = Pattern.compile(
            "\\b(SELECT|INSERT|UPDATE|DELETE|CREATE|FROM|WHERE|PRAGMA|VALUES|JOIN|ORDER BY|GROUP BY|LIMIT|COLLATE|IS NULL)\\b|coalesce\\(");
    /** A developer's log line, or the exception of a bug: words no person using the app is meant to read. */
    private static final Pattern LOG = Pattern.compile("(LOG\\.|log\\.|Logger|logger\\.|\\.log\\(|new IllegalStateException\\("
            + "|new AssertionError\\(|new UnsupportedOperationException\\(|new NullPointerException\\(|requireNonNull\\()");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void appSources_wordsForPeople_comeFromTheCatalogue() throws IOException {
        Set<String> allowed = allowed();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = SOURCES.relativize(f).toString().replace('\\', '/');
                for (String literal : wordyLiterals(Files.readString(f))) {
                    if (!allowed.contains(rel + "\t" + literal)) {
                        found.add(rel + "\t" + literal);
                    }
                }
            }
        }
        assertEquals("", String.join("\n", found), found.size()
                + " literals read as words for people: move them to the catalogue, or list them in words-in-code.txt"
                + " if no person ever reads them");
    }

    /** The literals of a source file that read as words, outside comments, log lines and SQL. */
    static List<String> wordyLiterals(String source) {
        Matcher bc = BLOCK_COMMENT.matcher(source);
        StringBuilder noComments = new StringBuilder();
        while (bc.find()) {
            bc.appendReplacement(noComments, Matcher.quoteReplacement("\n".repeat((int) bc.group().chars().filter(c -> c == '\n').count())));
        }
        bc.appendTail(noComments);
        List<String> out = new ArrayList<>();
        for (String line : noComments.toString().split("\n")) {
            String code = line.strip().startsWith("//") ? "" : line;
            if (LOG.matcher(code).find()) {
                continue;
            }
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                String s = m.group(1);
                if (SQL.matcher(s).find() || s.contains("-fx-") || s.contains("\\\\") || s.contains("(?")) {
                    continue;
                }
                if (WORDS.matcher(s).find() || CAPITALISED.matcher(s).matches()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Set<String> allowed() throws IOException {
        Set<String> out = new HashSet<>();
        try (InputStream in = WordsInCodeTest.class.getResourceAsStream("words-in-code.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}
