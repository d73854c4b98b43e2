package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class docs/*.md names (a word ending in {@code Test}, starting with a capital) is a file
 * {@code Name.java} under some module's {@code src/test}: a renamed or removed test leaves no claim
 * behind in the docs. Tests run with the module as working directory.
 */
@Tag("unit")
class DocsTestNamesTest {
    private static final Path REPO = Path.of("..");
    private static final Pattern TEST_NAME = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Za-z0-9]*Test(?![A-Za-z0-9_])");
    private static final List<String> MODULES = List.of("engine", "app", "ui-resources", "installer");

    @Test
    void everyTestClassInTheDocs_existsUnderSrcTest() throws IOException {
        Set<String> tests = testClasses();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (String name : names(Files.readString(doc))) {
                    if (!tests.contains(name)) {
                        missing.add(doc.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "test classes named in docs/ but not under any src/test: " + missing);
    }

    @Test
    void names_wordsEndingInTest_areFoundWholeOnly() {
        assertTrue(names("`view.MainWindowUiTest` (ui) and CliTest#add").containsAll(Set.of("MainWindowUiTest", "CliTest")));
        assertFalse(names("a Latest run, TestFX, CliTests").contains("CliTest"));
        assertTrue(names("a Latest run, TestFX, CliTests, the unitTest").isEmpty());
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = TEST_NAME.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> testClasses() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String module : MODULES) {
            Path root = REPO.resolve(module).resolve("src/test");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .forEach(n -> out.add(n.substring(0, n.length() - ".java".length())));
            }
        }
        assertTrue(out.contains("DocsTestNamesTest"), "no test sources under " + REPO.toAbsolutePath() + ": run with the app module as working directory");
        return out;
    }
}
