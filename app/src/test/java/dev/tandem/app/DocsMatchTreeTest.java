package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/APP.md's architecture drawing (the first code block under "## Architecture") names every
 * package of the app's main code: a top-level package as {@code name/} ({@code view/}), a nested one
 * by its dotted name ({@code text.diff}), the root package as {@code app/}. Tests run with the module
 * as working directory.
 */
@Tag("unit")
class DocsMatchTreeTest {
    private static final Path DOC = Path.of("../docs/APP.md");
    private static final Path ROOT = Path.of("src/main/java/dev/tandem/app");

    @Test
    void everyMainPackage_isInTheArchitectureDrawing() throws IOException {
        String drawing = drawing();
        Set<String> missing = new TreeSet<>();
        for (String p : packages()) {
            String name = p.isEmpty() ? "app/" : p.contains(".") ? p : p + "/";
            if (!drawing.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "packages missing from docs/APP.md, \"Architecture\": " + missing);
    }

    /** Every package with a Java file besides package-info.java, relative to dev.tandem.app ("" for it). */
    private static Set<String> packages() throws IOException {
        assertTrue(Files.isDirectory(ROOT), "no " + ROOT.toAbsolutePath() + ": run with the app module as working directory");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                    .forEach(f -> out.add(ROOT.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.')));
        }
        return out;
    }

    private static String drawing() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int section = lines.indexOf("## Architecture");
        assertTrue(section >= 0, "docs/APP.md has no section \"Architecture\"");
        int open = section + 1;
        while (open < lines.size() && !lines.get(open).startsWith("```")) {
            open++;
        }
        StringBuilder b = new StringBuilder();
        for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            b.append(lines.get(i)).append('\n');
        }
        return b.toString();
    }
}
