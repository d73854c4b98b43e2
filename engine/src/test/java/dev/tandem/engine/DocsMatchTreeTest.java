package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * docs/ARCHITECTURE.md's package list ("Packages and layers") names every package of the engine's
 * main code, and nothing else. Tests run with the module as working directory.
 *
 * <p>The list is the first code block of that section. A line names packages in its first column:
 * full names ({@code dev.tandem.engine.sync}), or names starting with a dot, which are packages under
 * {@code dev.tandem.engine.internal} ({@code .sync}, {@code .clock, .merge}). Indented continuation
 * lines name none.
 */
@Tag("unit")
class DocsMatchTreeTest {
    private static final Path DOC = Path.of("../docs/ARCHITECTURE.md");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ENGINE = "dev.tandem.engine";
    private static final String INTERNAL = ENGINE + ".internal";
    /** The first column of a list line: up to the run of spaces before its description. */
    private static final Pattern NAMES = Pattern.compile("^ {0,4}([.\\w][\\w., ]*?)(?: {2,}|$)");

    @Test
    void everyMainPackage_isInTheDocsPackageList() throws IOException {
        Set<String> missing = new TreeSet<>(mainPackages());
        missing.removeAll(documentedPackages());
        assertTrue(missing.isEmpty(), "packages missing from docs/ARCHITECTURE.md, \"Packages and layers\": " + missing);
    }

    @Test
    void theDocsPackageList_namesOnlyPackagesThatExist() throws IOException {
        Set<String> unknown = new TreeSet<>(documentedPackages());
        unknown.removeAll(mainPackages());
        assertEquals(Set.of(), unknown, "docs/ARCHITECTURE.md names packages the engine does not have");
    }

    /** Every package under dev.tandem.engine with a Java file, package-info.java aside. */
    private static Set<String> mainPackages() throws IOException {
        Path root = SOURCES.resolve(ENGINE.replace('.', '/'));
        assertTrue(Files.isDirectory(root), "no " + root.toAbsolutePath() + ": run with the engine module as working directory");
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                    .forEach(f -> packages.add(SOURCES.relativize(f.getParent()).toString().replace('/', '.')
                            .replace('\\', '.')));
        }
        return packages;
    }

    private static Set<String> documentedPackages() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int section = lines.indexOf("## Packages and layers");
        assertTrue(section >= 0, "docs/ARCHITECTURE.md has no section \"Packages and layers\"");
        int open = section + 1;
        while (open < lines.size() && !lines.get(open).startsWith("```")) {
            open++;
        }
        Set<String> packages = new TreeSet<>();
        for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            Matcher m = NAMES.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            for (String name : m.group(1).split(",")) {
                String n = name.strip();
                packages.add(n.startsWith(".") ? INTERNAL + n : n);
            }
        }
        assertFalse(packages.isEmpty(), "no package list found under \"Packages and layers\"");
        return packages;
    }
}
