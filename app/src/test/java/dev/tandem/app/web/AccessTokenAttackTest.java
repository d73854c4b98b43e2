package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Whoever reaches the port plays against the token door (docs/API.md, "Threat model"): oversized and garbage
 * {@code Authorization} headers, a flood from one token, token-shaped strings where a browser's cookie goes, and a
 * browser's session offered as a token. Real HTTP against a running server; the rates are the test's, slow to
 * refill, so what is counted does not depend on how fast the machine is.
 */
@Tag("unit")
class AccessTokenAttackTest {
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

    private String add(String name) {
        CliRun.Result r = CliRun.run(dir, "tokens", "add", name);
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri(path)).GET();
        headers.forEach(b::header);
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String token) throws Exception {
        return get("/api/sidebar", Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void authorization_pastTheCap_refusedUnreadAndPastJettysBlock431() throws Exception {
        String token = add("ci");

        HttpResponse<String> capped = bearer("tdm_" + "A".repeat(AccessTokens.MAX_HEADER_CHARS));
        HttpResponse<String> huge = bearer("tdm_" + "A".repeat(64 * 1024));

        assertEquals(401, capped.statusCode(), capped.body());
        assertEquals(431, huge.statusCode(), huge.body());
        assertEquals(200, bearer(token).statusCode(), "the server goes on serving");
    }

    @Test
    void garbage_everyShape_401AlikeThen429ForThatAddressWhileARealTokenIsStillServed() throws Exception {
        String token = add("ci");
        web.serveWith(b -> b.tokenRates(new Bearer.Rates(60, 10, 5, 0.001)));
        List<String> garbage = List.of("", "tdm_", "tdm_" + "x".repeat(43), token.substring(0, token.length() - 1) + "!",
                "ci", "\u00e9\u00e9\u00e9");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String g : garbage) {
            answers.add(bearer(g));
        }

        for (int i = 0; i < 5; i++) {
            assertEquals(401, answers.get(i).statusCode(), garbage.get(i) + ": " + answers.get(i).body());
            // The same words whatever was wrong: nothing says whether a name or a prefix exists.
            assertEquals(answers.get(0).body(), answers.get(i).body());
        }
        HttpResponse<String> limited = answers.get(5);
        assertEquals(429, limited.statusCode(), limited.body());
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        // Matched before any limit: the address's failures keep no real token out.
        assertEquals(200, bearer(token).statusCode());
    }

    @Test
    void flood_fromOneToken_429WhileASecondTokenAndABrowserAreServed() throws Exception {
        String flooding = add("flood");
        String other = add("other");
        WebFixture.Session browser = web.pair();
        web.serveWith(b -> b.tokenRates(new Bearer.Rates(5, 0.001, 10, 1)));

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = bearer(flooding);
            statuses.add(last.statusCode());
        }

        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429, 429), statuses);
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals(200, bearer(other).statusCode());
        assertEquals(200, web.get("/api/sidebar", browser).statusCode());
    }

    @Test
    void cookie_holdingATokenShapedString_notASession() throws Exception {
        String token = add("ci");

        HttpResponse<String> named = get("/api/sidebar", Map.of("Cookie", web.server.cookieName() + "=" + token));
        HttpResponse<String> other = get("/api/sidebar", Map.of("Cookie", "tandem_token=" + token));

        assertEquals(401, named.statusCode(), named.body());
        assertEquals(401, other.statusCode(), other.body());
    }

    @Test
    void bearer_holdingABrowsersSession_notAToken() throws Exception {
        WebFixture.Session browser = web.pair();
        String secret = browser.cookie().substring(browser.cookie().indexOf('=') + 1);

        HttpResponse<String> r = bearer(secret);

        assertEquals(401, r.statusCode(), r.body());
        assertEquals(200, web.get("/api/sidebar", browser).statusCode());
    }

    @Test
    void browser_writeWithABearerHeaderAlongside_stillNeedsNoLessThanACsrfHeaderFromAnotherSite() throws Exception {
        String token = add("ci");
        WebFixture.Session browser = web.pair();

        // A cookie along: the cross-site check applies, token or not.
        HttpResponse<String> crossSite = web.post("/api/outbox", "{\"entries\":[]}", browser,
                Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example"));
        // A browser's own write without its CSRF header stays refused.
        HttpResponse<String> noCsrf = web.http.send(HttpRequest.newBuilder(web.uri("/api/outbox"))
                .header("Cookie", browser.cookie()).POST(HttpRequest.BodyPublishers.ofString("{\"entries\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertEquals(403, noCsrf.statusCode(), noCsrf.body());
    }

    @Test
    void basicAuthorization_ofAProxy_ignoredLikeNoHeader() throws Exception {
        WebFixture.Session browser = web.pair();

        HttpResponse<String> r = get("/api/sidebar", Map.of("Cookie", browser.cookie(), "Authorization", "Basic dXNlcjpwYXNz"));

        assertEquals(200, r.statusCode(), r.body());
    }
}
