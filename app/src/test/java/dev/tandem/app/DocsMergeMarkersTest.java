package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file a person or the app reads holds a merge's conflict markers: a conflict left in Java fails the build, but
 * one left in the docs, the words, the page's scripts or its styles is committed without a sound. Tests run with
 * the module as working directory.
 */
@Tag("unit")
class DocsMergeMarkersTest {
    private static final Path REPO = Path.of("..");
    private static final String OURS = "<".repeat(7) + " ";
    private static final String THEIRS = ">".repeat(7) + " ";
    private static final Set<String> TEXT = Set.of("md", "properties", "css", "js", "html", "json", "txt", "xml",
            "java", "sh", "yml", "toml");
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".test-servers");

    @Test
    void repository_textFiles_holdNoConflictMarkers() {
        List<String> found = new ArrayList<>(markers(REPO.resolve("docs")));
        found.addAll(markers(REPO.resolve("README.md")));
        for (String module : List.of("engine", "app", "ui-resources", "installer")) {
            found.addAll(markers(REPO.resolve(module).resolve("src")));
        }
        assertTrue(found.isEmpty(), "merge conflict markers left in: " + found);
    }

    @Test
    void markers_aConflictLeftInADocAndAPropertiesFile_areEachFound(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("APP.md"), "# App\n" + OURS + "HEAD\nours\n=======\ntheirs\n" + THEIRS + "branch\n");
        Files.createDirectories(tmp.resolve("target"));
        Files.writeString(tmp.resolve("target/copy.md"), OURS + "HEAD\n");
        Files.writeString(tmp.resolve("words.properties"), "a=b\nc=<<<< not a marker\n");
        Files.writeString(tmp.resolve("Setext.md"), "Title\n=======\n");
        assertEquals(List.of("APP.md:2", "APP.md:6"), markers(tmp).stream()
                .map(s -> s.substring(tmp.toString().length() + 1)).toList());
    }

    private static List<String> markers(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> isText(root, f)).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith(OURS) || lines.get(i).startsWith(THEIRS)) {
                        found.add(f.toString() + ":" + (i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A text file by its name, outside build output and installed packages below {@code root}. */
    private static boolean isText(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (SKIPPED.contains(part.toString())) {
                return false;
            }
        }
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && TEXT.contains(name.substring(dot + 1));
    }
}
