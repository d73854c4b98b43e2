package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a client sends to whatever route, with a session or without: arbitrary bytes and arbitrary
 * JSON (the API's own field names with values of any type and depth) to every JSON route, arbitrary
 * ids and query values to the rest. The server never answers 500 and never puts an exception's text
 * in its answer; it answers 4xx and goes on serving.
 */
@Tag("property")
class WebApiProperties {
    private static final List<String> POSTS = List.of("/api/pair", "/api/parse", "/api/conflicts/ID/use-lost", "/api/conflicts/ID/dismiss", "/api/browsers/ID/revoke",
            "/api/items/ITEM/attachments?name=ID", "/api/outbox");
    private static final List<String> GETS = List.of("/api/session", "/api/sidebar", "/api/items?view=ID&q=ID&limit=ID",
            "/api/items/ID", "/api/items/ITEM", "/api/conflicts", "/api/browsers", "/api/attachments/ID",
            "/api/attachments/ID?download=ID", "/ID", "/assets/ID");
    private static final List<String> FIELDS = List.of("token", "code", "name", "text", "view", "set", "base", "done",
            "line", "checked", "title", "due", "priority", "list", "tags", "notes", "reminder", "repeat", "entries", "key", "op",
            "id", "parentId", "at", "trashed", "occurrence");
    /** What an exception's text looks like in an answer (the JDK's, Jetty's, Jackson's). */
    private static final Pattern LEAK = Pattern.compile("Exception|java\\.|at dev\\.|For input string|Cannot invoke|"
            + "Index \\d+ out of bounds|class [a-z]+\\.|because \"|Unexpected|Unrecognized|Illegal|end-of-input|"
            + "code \\d+\\)|line: \\d+|Source:");

    private static Path dir;
    private static WebFixture web;
    private static WebFixture.Session session;
    private static String item;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("tandem-web-properties");
        web = new WebFixture(dir);
        session = web.pair();
        item = web.store.add("Milk", null, null).id();
    }

    @AfterContainer
    static void stop() throws Exception {
        web.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 400)
    void post_arbitraryBytes_neither500NorExceptionText(@ForAll("posts") String route, @ForAll("ids") String id,
            @ForAll("bytes") byte[] body, @ForAll boolean withSession) throws Exception {
        check(post(path(route, id), body, withSession));
    }

    @Property(tries = 400)
    void post_arbitraryJson_neither500NorExceptionText(@ForAll("posts") String route, @ForAll("ids") String id,
            @ForAll("json") String body, @ForAll boolean withSession) throws Exception {
        check(post(path(route, id), body.getBytes(StandardCharsets.UTF_8), withSession));
    }

    @Property(tries = 300)
    void get_arbitraryIdsAndQueries_neither500NorExceptionText(@ForAll("gets") String route, @ForAll("ids") String id,
            @ForAll boolean withSession) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.uri("/") + path(route, id).substring(1))).GET();
        if (withSession) {
            b.header("Cookie", session.cookie());
        }
        check(web.http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String path(String route, String id) {
        return route.replace("ITEM", item).replace("ID", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static HttpResponse<String> post(String path, byte[] body, boolean withSession) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.uri("/") + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (withSession) {
            b.header("Cookie", session.cookie()).header(Router.CSRF_HEADER, session.csrf());
        }
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        if (r.statusCode() >= 400) {
            assertFalse(LEAK.matcher(r.body()).find(), r.request().uri() + " answered " + r.body());
        }
        // The outbox answers per entry: none of them refused for a reason nobody foresaw (an exception the model
        // threw), none with an exception's text.
        if (r.request().uri().getPath().equals("/api/outbox") && r.statusCode() == 200) {
            assertFalse(r.body().contains(FAILED), r.request().uri() + " answered " + r.body());
            assertFalse(LEAK.matcher(r.body()).find(), r.request().uri() + " answered " + r.body());
        }
    }

    /** The outbox's sentence for an entry the model could not apply for an unforeseen reason. */
    private static final String FAILED = Messages.text("server.outbox.failed");

    @Provide
    Arbitrary<String> posts() {
        return Arbitraries.of(POSTS);
    }

    @Provide
    Arbitrary<String> gets() {
        return Arbitraries.of(GETS);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().numeric().ofMaxLength(30),
                Arbitraries.of("-1", "0", "99999999999999999999999", "..", "%00", "inbox", "list:", "tag:", "search"));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> json() {
        return object(3).map(WebApiProperties::write);
    }

    private static Arbitrary<Map<String, Object>> object(int depth) {
        return Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8)), value(depth))
                .ofMaxSize(6).map(m -> new LinkedHashMap<>(m));
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null),
                Arbitraries.of("2026-11-25", "today", "tomorrow 9am", "every day", "- [ ] a", "#tag @list !1")
                        .map(s -> (Object) s));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, leaf),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1)).map(m -> (Object) m)),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(l -> (Object) l)));
    }

    private static String write(Object v) {
        return JsonText.write(v);
    }

}
