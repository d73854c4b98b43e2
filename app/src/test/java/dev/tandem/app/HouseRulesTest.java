package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's Checkstyle rules (.ci/checkstyle.xml, run in every module's verify) catch what they
 * are there for: files planted here break one rule each, and the rules' findings are read from Checkstyle's own
 * API, with the project's config file as the build reads it. That the tree itself passes is the build's check.
 */
@Tag("unit")
class HouseRulesTest {
    private static final Path CONFIG = Path.of("../.ci/checkstyle.xml");

    @TempDir
    Path dir;

    @Test
    void check_importOnlyAJavadocLinkUses_isUnused() throws Exception {
        List<String> found = check("Planted.java", """
                package TANDEM.app.planted;

                import TANDEM.app.model.Item;

                /** Works on an {@link Item}. */
                final class Planted {
                }
                """);
        assertEquals(List.of("3 UnusedImports"), found);
    }

    @Test
    void check_projectTypeNamedInFullInCode_isFound() throws Exception {
        List<String> found = check("Planted.java", """
                package TANDEM.app.planted;

                final class Planted {
                    Object item = TANDEM.app.model.Item.class;
                }
                """);
        assertEquals(List.of("4 inlineProjectTypeName"), found);
    }

    @Test
    void check_starAndRedundantImports_areFound() throws Exception {
        List<String> found = check("Planted.java", """
                package TANDEM.app.planted;

                import java.util.*;
                import java.lang.String;

                final class Planted {
                    List<String> names = new ArrayList<>();
                }
                """);
        assertEquals(List.of("3 AvoidStarImport", "4 RedundantImport", "4 UnusedImports"), found);
    }

    @Test
    void check_fileOverTheLimit_isFound() throws Exception {
        List<String> found = check("Planted.java", fileOfLines(401));
        assertEquals(List.of("1 FileLength"), found);
    }

    @Test
    void check_fileAtTheLimit_passes() throws Exception {
        List<String> found = check("Planted.java", fileOfLines(400));
        assertEquals(List.of(), found);
    }

    @Test
    void check_namesInCommentsStringsAndImports_pass() throws Exception {
        List<String> found = check("Planted.java", """
                package TANDEM.app.planted;

                import TANDEM.app.model.Item;

                /** Reads a {@link TANDEM.app.model.Listing} and a {@link Item}. */
                final class Planted {
                    // The class the launcher starts: TANDEM.app.Main.
                    static final String MAIN = "TANDEM.app.Main";
                    static final String QUOTED = "a \\"TANDEM.app.Main\\" quoted";
                    Item item;
                }
                """);
        assertEquals(List.of(), found);
    }

    @Test
    void check_sameSimpleNameSaidOnTheLine_passes() throws Exception {
        List<String> found = check("Storage.java", """
                package TANDEM.app.planted;

                class Storage extends TANDEM.app.model.Storage { // named in full: same simple name
                }
                """);
        assertEquals(List.of(), found);
    }

    /** A planted class of exactly {@code lines} lines: package, blank line, opening, fields, closing brace. */
    private static String fileOfLines(int lines) {
        String body = "    int x;\n".repeat(lines - 4);
        return "package TANDEM.app.planted;\n\nfinal class Planted {\n" + body + "}\n";
    }

    /** The findings of the project's rules on one planted file: each as its line and the rule's id or name. */
    private List<String> check(String name, String source) throws IOException, CheckstyleException {
        Path file = dir.resolve(name);
        // Written as TANDEM.…, so that this file names no project type in full where the rules would see it.
        Files.writeString(file, source.replace("TANDEM.", "dev" + ".tandem."));
        Checker checker = new Checker();
        List<String> found = new ArrayList<>();
        try {
            checker.setModuleClassLoader(Checker.class.getClassLoader());
            checker.configure(ConfigurationLoader.loadConfiguration(CONFIG.toString(),
                    new PropertiesExpander(new Properties()), ConfigurationLoader.IgnoredModulesOptions.OMIT));
            checker.addListener(new Findings(found));
            checker.process(List.of(file.toFile()));
        } finally {
            checker.destroy();
        }
        return found;
    }

    private record Findings(List<String> found) implements AuditListener {
        @Override
        public void addError(AuditEvent e) {
            String source = e.getSourceName();
            String rule = e.getModuleId() != null ? e.getModuleId()
                    : source.substring(source.lastIndexOf('.') + 1).replaceFirst("Check$", "");
            found.add(e.getLine() + " " + rule);
        }

        @Override
        public void addException(AuditEvent e, Throwable t) {
            throw new AssertionError("Checkstyle failed on " + e.getFileName(), t);
        }

        @Override
        public void auditStarted(AuditEvent e) {
        }

        @Override
        public void auditFinished(AuditEvent e) {
        }

        @Override
        public void fileStarted(AuditEvent e) {
        }

        @Override
        public void fileFinished(AuditEvent e) {
        }
    }
}
