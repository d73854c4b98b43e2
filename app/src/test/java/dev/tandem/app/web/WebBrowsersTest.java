package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paired browsers told apart over real HTTP: a name given as it pairs or later, the address each was last seen
 * from, both in the page's list and in {@code tandem serve --browsers}; and the attacker's names (too long, line
 * breaks and terminal escapes, not text), refused before anything is written.
 */
@Tag("unit")
class WebBrowsersTest {
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

    private WebFixture.Session pair(String body) throws Exception {
        HttpResponse<String> r = web.post("/api/pair", body, null);
        assertEquals(200, r.statusCode(), r.body());
        return new WebFixture.Session(r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                r.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void pair_withAName_keepsItAndTheAddress_renamedLater_listedBothWays() throws Exception {
        WebFixture.Session s = pair("{\"code\":\"" + web.server.pair().code() + "\",\"name\":\"  Anna’s phone \"}");
        PairedBrowser b = web.server.browsers().get(0);
        assertEquals("Anna’s phone", b.name());
        assertEquals("127.0.0.1", b.address());

        assertEquals(204, web.post("/api/browsers/" + b.id() + "/name", "{\"name\":\"Kitchen tablet\"}", s).statusCode());
        assertEquals("Kitchen tablet", web.server.browsers().get(0).name());
        String listed = web.get("/api/browsers", s).body();
        assertTrue(listed.contains("\"name\":\"Kitchen tablet\"") && listed.contains("\"address\":\"127.0.0.1\""), listed);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", dir.toString(), "serve", "--browsers"));
        assertEquals(0, new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Map.of()).run(argv));
        String cli = out.toString(StandardCharsets.UTF_8);
        assertTrue(cli.contains(b.id() + "  Kitchen tablet  last seen") && cli.contains(" from 127.0.0.1"), cli);
    }

    @Test
    void rename_attackersNames_refusedAndTheNameKept() throws Exception {
        WebFixture.Session s = pair("{\"token\":\"" + web.server.pair().token() + "\"}");
        PairedBrowser b = web.server.browsers().get(0);
        String before = b.name();
        for (String body : List.of("{\"name\":\"" + "x".repeat(61) + "\"}", "{\"name\":\"two\\nlines\"}",
                "{\"name\":\"\\u001b[2Jcleared\"}", "{\"name\":\"   \"}", "{\"name\":42}", "{}",
                "{\"name\":\"bidi\\u202eeman\"}")) {
            HttpResponse<String> r = web.post("/api/browsers/" + b.id() + "/name", body, s);
            assertEquals(400, r.statusCode(), body + ": " + r.body());
            assertTrue(r.body().contains("1 to 60 characters"), r.body());
        }
        assertEquals(before, web.server.browsers().get(0).name());
        assertEquals(404, web.post("/api/browsers/no-such-browser/name", "{\"name\":\"Mine\"}", s).statusCode());
        assertEquals(401, web.post("/api/browsers/" + b.id() + "/name", "{\"name\":\"Mine\"}", null).statusCode());
        // A name no one may have is not taken at pairing either: the User-Agent's is.
        pair("{\"token\":\"" + web.server.pair().token() + "\",\"name\":\"a\\u0007b\"}");
        assertTrue(web.server.browsers().stream().noneMatch(p -> p.name().contains("\u0007")));
    }
}
