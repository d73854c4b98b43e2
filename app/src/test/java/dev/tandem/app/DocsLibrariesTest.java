package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/ARCHITECTURE.md's table "Libraries, and why" names every library the app and the engine
 * compile or run with: each direct dependency of app/pom.xml and engine/pom.xml whose scope is not
 * {@code test}, other than the project's own modules, appears in the table as {@code groupId:artifactId}
 * or as its artifactId on its own (case aside, not inside a longer name). A short artifactId
 * ({@code core}, {@code s3}, {@code mcp}: under five characters) is a common word, so only
 * {@code groupId:artifactId} names it. Tests run with the module as working directory.
 */
@Tag("unit")
class DocsLibrariesTest {
    private static final Path DOC = Path.of("../docs/ARCHITECTURE.md");
    private static final int SHORT = 5;
    private static final List<Path> POMS = List.of(Path.of("pom.xml"), Path.of("../engine/pom.xml"));

    @Test
    void everyCompileOrRuntimeDependency_isInTheLibrariesTable() throws Exception {
        String table = table().toLowerCase(Locale.ROOT);
        Set<String> missing = new TreeSet<>();
        for (Path pom : POMS) {
            for (String[] d : dependencies(pom)) {
                if (!named(table, d[0] + ":" + d[1]) && (d[1].length() < SHORT || !named(table, d[1]))) {
                    missing.add(d[0] + ":" + d[1]);
                }
            }
        }
        assertTrue(missing.isEmpty(), "dependencies missing from docs/ARCHITECTURE.md, \"Libraries, and why\": " + missing);
    }

    @Test
    void named_artifactInsideALongerName_isNotCounted() {
        assertTrue(named("| x | `slf4j-jdk14` |", "slf4j-jdk14"));
        assertFalse(named("| x | `slf4j-jdk14` |", "jdk14"));
        assertFalse(named("| x | commons-csv-extra |", "commons-csv"));
    }

    private static boolean named(String table, String name) {
        String edge = "[A-Za-z0-9_.:-]";
        return Pattern.compile("(?<!" + edge + ")" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?!" + edge + ")")
                .matcher(table.toLowerCase(Locale.ROOT)).find();
    }

    /** {groupId, artifactId} of each direct dependency of the project, not test-scoped, not dev.tandem's. */
    private static List<String[]> dependencies(Path pom) throws Exception {
        assertTrue(Files.isRegularFile(pom), "no " + pom.toAbsolutePath() + ": run with the app module as working directory");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(pom.toFile());
        List<String[]> out = new ArrayList<>();
        for (Element deps : children(doc.getDocumentElement(), "dependencies")) {
            for (Element d : children(deps, "dependency")) {
                String group = text(d, "groupId");
                String scope = text(d, "scope");
                if (!"test".equals(scope) && !"dev.tandem".equals(group)) {
                    out.add(new String[] {group, text(d, "artifactId")});
                }
            }
        }
        assertFalse(out.isEmpty(), pom + " lists no dependencies: the test reads the wrong file");
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static String table() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int section = lines.indexOf("## Libraries, and why");
        assertTrue(section >= 0, "docs/ARCHITECTURE.md has no section \"Libraries, and why\"");
        StringBuilder b = new StringBuilder();
        for (int i = section + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).startsWith("|")) {
                b.append(lines.get(i)).append('\n');
            }
        }
        return b.toString();
    }
}
