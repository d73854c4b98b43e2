package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/WEB.md's API table is the router's table, row for row: method, path and who may take it (anyone, a browser or a token: paired, a paired browser alone: browser). */
@Tag("unit")
class WebRoutesDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST) \\| `([^`]+)` \\| (anyone|paired|browser) \\|");

    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void apiTable_inWebMd_isTheRoutersTableRowForRow() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "WEB.md"));
        String api = doc.substring(doc.indexOf("## The API"), doc.indexOf("## Libraries"));
        List<String> documented = api.lines().map(ROW::matcher).filter(Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)).toList();
        List<String> routed = web.server.routes().stream().map(r -> r.method() + " " + r.template() + " "
                + r.access().name().toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(routed, documented);
    }
}
