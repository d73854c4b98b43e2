package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.ui.WebAssets;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request {@link Door} let in (its name checked, its cost bounded), in order: the page's own
 * files (the only thing served without a session besides its words, /messages.json, and
 * pairing); then, under /api/, a cross-site check (an {@code Origin} or {@code Sec-Fetch-Site} naming another
 * site is refused), skipped only for a personal access token the {@link Door} found and no cookie along (a token is
 * no ambient credential); then the route the table ({@link #table}) has for the method and path (none: 404; the
 * path with another method: 405), and for every route but the words and pairing the session cookie (none:
 * 401) and, on a write, the CSRF header (403), or the token, refused on a browser's own routes and, read-only, on
 * every POST (403), its scope ({@link ApiScope}) set on the exchange, before its handler. A {@link BadRequest} becomes
 * its status and sentence in the request's language ({@link RequestLanguage}); anything else a 500 with a
 * fixed sentence, the failure logged (an answer never carries an exception's text).
 */
final class Router extends Handler.Abstract {
    static final String CSRF_HEADER = "X-Tandem-CSRF";
    /** The most a pairing request's body may hold: a token, a code and a browser's name fit in far less. */
    static final int PAIR_BODY_BYTES = 4 * 1024;
    /** How long a session cookie lives unused; the page's every start renews it. */
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    private static final System.Logger LOG = System.getLogger("tandem");

    private final WebServer server;
    private final Pairings pairings;
    private final Browsers browsers;
    private final LiveEvents live;
    private final List<Route> table;
    private final RequestLanguage languages;

    Router(WebServer server, Pairings pairings, Browsers browsers, LiveEvents live, ApiRoutes api, AttachmentRoutes files,
            RequestLanguage languages) {
        this.server = server;
        this.languages = languages;
        this.pairings = pairings;
        this.browsers = browsers;
        this.live = live;
        this.table = table(this, files, api);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, languages::of);
        try {
            route(x);
        } catch (BadRequest e) {
            x.error(e.status(), e.text(x.language()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web: " + x.method() + " " + x.path() + " failed", e);
            // The log has the cause; the answer never carries an exception's text.
            x.error(500, x.text("server.failed"));
        }
        return true;
    }

    private void route(Exchange x) {
        String method = x.method();
        String path = x.path();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            throw new BadRequest(405, "server.method.only");
        }
        boolean api = path.startsWith("/api/");
        if (!api && table.stream().noneMatch(r -> r.match(path).isPresent())) {
            Optional<WebAssets.Asset> asset = method.equals("POST") ? Optional.empty() : WebAssets.find(path);
            if (asset.isEmpty()) {
                throw new BadRequest(404, "server.path.nothing", path);
            }
            x.bytes(200, asset.get().contentType(), asset.get().bytes(), true);
            return;
        }
        AccessTokens.Token token = Door.token(x.request());
        // A script's token is no ambient credential (a page of another site cannot send it), so the checks that keep
        // other sites from a browser's cookie do not apply to it; with a cookie along, they still do.
        if (api && (token == null || x.header("Cookie") != null)) {
            crossSiteCheck(x);
        }
        String asked = method.equals("HEAD") ? "GET" : method;
        boolean known = false;
        for (Route r : table) {
            Optional<List<String>> params = r.match(path);
            if (params.isEmpty()) {
                continue;
            }
            known = true;
            if (r.method().equals(asked)) {
                Browsers.Browser browser = r.access() == Route.Access.ANYONE ? null
                        : token != null ? byToken(x, token, r) : paired(x);
                // Every word, date and quick-add phrase of the answer in the browser's language, not the server's.
                Messages.in(x.language(), () -> {
                    r.handler().handle(x, browser, params.get());
                    return null;
                });
                return;
            }
        }
        throw known ? new BadRequest(405, "server.route.method", method)
                : new BadRequest(404, "server.route.none");
    }

    List<Route> routes() {
        return table;
    }

    /**
     * The caller a personal access token stands for: refused on a browser's own routes, and on every POST when it
     * may only read (403, before the handler reads anything); its scope is set on the exchange.
     */
    private static Browsers.Browser byToken(Exchange x, AccessTokens.Token token, Route r) {
        if (r.access() == Route.Access.BROWSER) {
            throw new BadRequest(403, "server.token.browserOnly");
        }
        if (token.readOnly() && r.method().equals("POST")) {
            throw new BadRequest(403, "server.token.readOnly");
        }
        x.scope(token.scope());
        return new Browsers.Browser(token.author(), token.name(), token.hash(), "", token.created(),
                token.used(), token.address());
    }

    /** The browser the session cookie names; to write, with the CSRF header its page holds. */
    private Browsers.Browser paired(Exchange x) {
        Browsers.Browser browser = x.cookie(server.cookieName()).flatMap(secret -> browsers.bySecret(secret, x.remoteHost()))
                .orElseThrow(() -> new BadRequest(401, "server.session.none"));
        if (x.method().equals("POST") && !browser.csrf().equals(x.header(CSRF_HEADER))) {
            throw new BadRequest(403, "server.csrf");
        }
        return browser;
    }

    /**
     * Every route of the API, in one table (docs/WEB.md, "The API", is checked against it): pairing, the
     * session's and the browsers' routes here, then the files' ({@link AttachmentRoutes}) and the data's
     * ({@link ApiRoutes}).
     */
    static List<Route> table(Router router, AttachmentRoutes files, ApiRoutes api) {
        List<Route> out = new ArrayList<>(List.of(
                new Route("GET", "/messages.json", Route.Access.ANYONE, (x, b, p) -> router.messages(x)),
                new Route("POST", "/api/pair", Route.Access.ANYONE, (x, b, p) -> router.pair(x)),
                Route.browser("GET", "/api/session", (x, b, p) -> router.session(x, b)),
                Route.browser("POST", "/api/logout", (x, b, p) -> {
                    router.browsers.revoke(b.id());
                    x.addCookie(router.cookie(x, ""));
                    x.empty(204);
                }),
                Route.browser("GET", "/api/browsers", (x, b, p) -> router.browsersOf(x, b)),
                Route.browser("POST", "/api/browsers/{id}/name", (x, b, p) -> {
                    String name = browserName(x.body().get("name")).orElseThrow(() -> new BadRequest("server.browser.badName",
                            String.valueOf(BROWSER_NAME_CHARS)));
                    if (p.get(0).length() > 64 || !router.browsers.rename(p.get(0), name)) {
                        throw new BadRequest(404, "server.browser.unknown");
                    }
                    x.empty(204);
                }),
                Route.browser("POST", "/api/browsers/{id}/revoke", (x, b, p) -> {
                    if (p.get(0).length() > 64 || !router.browsers.revoke(p.get(0))) {
                        throw new BadRequest(404, "server.browser.unknown");
                    }
                    x.empty(204);
                }),
                Route.browser("GET", "/api/events", (x, b, p) -> router.live.open(x, b.id()))));
        out.addAll(files.routes());
        out.addAll(api.routes());
        return List.copyOf(out);
    }

    /**
     * The page's words in the request's language ({@link RequestLanguage}): {@code {lang, dir, messages}}, the
     * patterns of area {@code page}, which i18n.js formats. Public, as the page's files are: the pairing screen
     * needs words. Revalidated like them, and kept apart per {@code Accept-Language} by caches.
     */
    private void messages(Exchange x) {
        byte[] json = PageWords.json(x.language());
        x.header("Vary", "Accept-Language");
        x.bytes(200, "application/json; charset=utf-8", json, true);
    }

    private void session(Exchange x, Browsers.Browser browser) {
        x.cookie(server.cookieName()).ifPresent(secret -> x.addCookie(cookie(x, secret)));
        x.json(200, obj("csrf", browser.csrf(), "device", server.deviceName(), "browser",
                obj("id", browser.id(), "name", browser.name()), "today", LocalDate.now(server.clock()).toString(),
                "attachmentLimit", server.attachmentLimit(), "attachmentLimitLabel",
                AttachmentJson.size(server.attachmentLimit())));
    }

    private void browsersOf(Exchange x, Browsers.Browser browser) {
        List<Object> out = new ArrayList<>();
        for (PairedBrowser b : browsers.all()) {
            out.add(obj("id", b.id(), "name", b.name(), "pairedAt", b.pairedAt().toEpochMilli(),
                    "lastSeen", b.lastSeen().toEpochMilli(), "address", b.address(), "current", b.id().equals(browser.id())));
        }
        x.json(200, obj("browsers", out));
    }

    /**
     * A request another site made the browser send is refused: its {@code Origin} names another
     * origin, or the browser says it is cross-site. A request with neither header (not from a
     * browser's page) still needs the cookie and, to write, the CSRF header.
     */
    private static void crossSiteCheck(Exchange x) {
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new BadRequest(403, "server.crossSite");
        }
        String origin = x.header("Origin");
        if (origin != null) {
            HttpURI uri = x.request().getHttpURI();
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (uri.getScheme().equals("https") && port == 443)
                    || (uri.getScheme().equals("http") && port == 80);
            String own = uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
            if (!origin.equalsIgnoreCase(own)) {
                throw new BadRequest(403, "server.crossSite");
            }
        }
    }

    private void pair(Exchange x) {
        x.capBody(PAIR_BODY_BYTES);
        Object secret = x.body().containsKey("token") ? x.body().get("token") : x.body().get("code");
        if (!(secret instanceof String s) || s.isBlank()) {
            throw new BadRequest("server.pair.noCode");
        }
        Pairings.Outcome outcome = pairings.redeem(s, x.remoteHost());
        if (outcome instanceof Pairings.Outcome.Wait w) {
            x.header("Retry-After", String.valueOf(w.seconds()));
            x.error(429, x.text("server.pair.wait", String.valueOf(w.seconds())));
            return;
        }
        if (outcome instanceof Pairings.Outcome.Refused) {
            throw new BadRequest(401, "server.pair.refused");
        }
        // The name typed on the pairing screen, else one read from the User-Agent ("Chrome on Android").
        String name = browserName(x.body().get("name")).orElseGet(() -> BrowserNames.of(x.header("User-Agent")));
        Browsers.Paired paired = browsers.pair(name, x.remoteHost());
        x.addCookie(cookie(x, paired.secret()));
        x.json(200, obj("csrf", paired.browser().csrf(), "browser",
                obj("id", paired.browser().id(), "name", paired.browser().name())));
    }

    /** The longest name a browser may have, in characters. */
    static final int BROWSER_NAME_CHARS = 60;

    /**
     * {@code asked} as a browser's name: text, stripped, 1 to {@link #BROWSER_NAME_CHARS} characters (code points)
     * without control characters (a name is shown in terminals and lists: no line breaks or escapes); empty otherwise.
     */
    static Optional<String> browserName(Object asked) {
        if (!(asked instanceof String s)) {
            return Optional.empty();
        }
        String n = s.strip();
        long chars = n.codePoints().count();
        return chars < 1 || chars > BROWSER_NAME_CHARS || n.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) ? Optional.empty() : Optional.of(n);
    }

    private HttpCookie cookie(Exchange x, String value) {
        HttpCookie.Builder b = HttpCookie.build(server.cookieName(), value).path("/").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(x.secure());
        // Renewed at each start of the page, so only a browser unused for the lifetime pairs again.
        return b.maxAge(value.isEmpty() ? 0 : SESSION_LIFETIME.toSeconds()).build();
    }
}
