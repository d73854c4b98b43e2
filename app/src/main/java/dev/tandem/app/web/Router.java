package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.ui.WebAssets;
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
 * files (the only thing served without a session besides
 * pairing); then a cross-site check (an {@code Origin} or {@code Sec-Fetch-Site} naming another site
 * is refused); pairing; the session cookie (no session: 401 for every other route); the CSRF header
 * on every write; then the session's, the browsers' and the data routes. A {@link BadRequest} becomes
 * its status and sentence; anything else a 500 with a fixed sentence, the failure logged (an answer
 * never carries an exception's text).
 */
final class Router extends Handler.Abstract {
    static final String CSRF_HEADER = "X-Tandem-CSRF";
    /** The most a pairing request's body may hold: a token, a code and a browser's name fit in far less. */
    static final int PAIR_BODY_BYTES = 4 * 1024;
    /** How long a session cookie lives unused; the page's every start renews it. */
    static final java.time.Duration SESSION_LIFETIME = java.time.Duration.ofDays(30);
    private static final System.Logger LOG = System.getLogger("tandem");

    private final WebServer server;
    private final Pairings pairings;
    private final Browsers browsers;
    private final LiveEvents live;
    private final ApiRoutes api;
    private final AttachmentRoutes files;

    Router(WebServer server, Pairings pairings, Browsers browsers, LiveEvents live, ApiRoutes api, AttachmentRoutes files) {
        this.files = files;
        this.server = server;
        this.pairings = pairings;
        this.browsers = browsers;
        this.live = live;
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback);
        try {
            route(x);
        } catch (BadRequest e) {
            x.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web: " + x.method() + " " + x.path() + " failed", e);
            // The log has the cause; the answer never carries an exception's text.
            x.error(500, "The server could not do this.");
        }
        return true;
    }

    private void route(Exchange x) {
        String method = x.method();
        String path = x.path();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            throw new BadRequest(405, "Only GET and POST are used here.");
        }
        if (!path.startsWith("/api/")) {
            Optional<WebAssets.Asset> asset = method.equals("POST") ? Optional.empty() : WebAssets.find(path);
            if (asset.isEmpty()) {
                throw new BadRequest(404, "There is nothing at " + path + ".");
            }
            x.bytes(200, asset.get().contentType(), asset.get().bytes(), true);
            return;
        }
        crossSiteCheck(x);
        if (method.equals("POST") && path.equals("/api/pair")) {
            pair(x);
            return;
        }
        Browsers.Browser browser = x.cookie(server.cookieName()).flatMap(browsers::bySecret)
                .orElseThrow(() -> new BadRequest(401, "This browser is not paired, or was revoked. Pair it again."));
        if (method.equals("POST") && !browser.csrf().equals(x.header(CSRF_HEADER))) {
            throw new BadRequest(403, "This request did not come from Tandem's page.");
        }
        if (method.equals("GET") && path.equals("/api/session")) {
            x.cookie(server.cookieName()).ifPresent(secret -> x.addCookie(cookie(x, secret)));
            x.json(200, obj("csrf", browser.csrf(), "device", server.deviceName(), "browser",
                    obj("id", browser.id(), "name", browser.name()), "today", LocalDate.now(server.clock()).toString(),
                    "attachmentLimit", server.attachmentLimit(), "attachmentLimitLabel",
                    AttachmentJson.size(server.attachmentLimit())));
        } else if (method.equals("POST") && path.equals("/api/logout")) {
            browsers.revoke(browser.id());
            x.addCookie(cookie(x, ""));
            x.empty(204);
        } else if (method.equals("GET") && path.equals("/api/browsers")) {
            List<Object> out = new ArrayList<>();
            for (PairedBrowser b : browsers.all()) {
                out.add(obj("id", b.id(), "name", b.name(), "pairedAt", b.pairedAt().toEpochMilli(),
                        "lastSeen", b.lastSeen().toEpochMilli(), "current", b.id().equals(browser.id())));
            }
            x.json(200, obj("browsers", out));
        } else if (method.equals("POST") && path.matches("/api/browsers/[^/]{1,64}/revoke")) {
            if (!browsers.revoke(path.split("/")[3])) {
                throw new BadRequest(404, "That browser is not paired.");
            }
            x.empty(204);
        } else if (method.equals("GET") && path.equals("/api/events")) {
            live.open(x, browser.id());
        } else if (!files.handle(x) && !api.handle(x, browser)) {
            throw new BadRequest(404, "There is no such route.");
        }
    }

    /**
     * A request another site made the browser send is refused: its {@code Origin} names another
     * origin, or the browser says it is cross-site. A request with neither header (not from a
     * browser's page) still needs the cookie and, to write, the CSRF header.
     */
    private static void crossSiteCheck(Exchange x) {
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new BadRequest(403, "Requests from other sites are refused.");
        }
        String origin = x.header("Origin");
        if (origin != null) {
            HttpURI uri = x.request().getHttpURI();
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (uri.getScheme().equals("https") && port == 443)
                    || (uri.getScheme().equals("http") && port == 80);
            String own = uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
            if (!origin.equalsIgnoreCase(own)) {
                throw new BadRequest(403, "Requests from other sites are refused.");
            }
        }
    }

    private void pair(Exchange x) {
        x.capBody(PAIR_BODY_BYTES);
        Object secret = x.body().containsKey("token") ? x.body().get("token") : x.body().get("code");
        if (!(secret instanceof String s) || s.isBlank()) {
            throw new BadRequest("Type the code the desktop shows.");
        }
        Pairings.Outcome outcome = pairings.redeem(s, x.remoteHost());
        if (outcome instanceof Pairings.Outcome.Wait w) {
            x.header("Retry-After", String.valueOf(w.seconds()));
            x.error(429, "Too many wrong codes. Wait " + w.seconds() + " seconds, then try again.");
            return;
        }
        if (outcome instanceof Pairings.Outcome.Refused) {
            throw new BadRequest(401, "This code is wrong, was used already, has expired or was tried too often."
                    + " Make a new one on the desktop (⋮ → Open on phone…) or with tandem serve --pair.");
        }
        Object asked = x.body().get("name");
        String name = asked instanceof String n && !n.isBlank() ? n.strip() : BrowserNames.of(x.header("User-Agent"));
        Browsers.Paired paired = browsers.pair(name.length() > 60 ? name.substring(0, 60) : name);
        x.addCookie(cookie(x, paired.secret()));
        x.json(200, obj("csrf", paired.browser().csrf(), "browser",
                obj("id", paired.browser().id(), "name", paired.browser().name())));
    }

    private HttpCookie cookie(Exchange x, String value) {
        HttpCookie.Builder b = HttpCookie.build(server.cookieName(), value).path("/").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(x.secure());
        // Renewed at each start of the page, so only a browser unused for the lifetime pairs again.
        return b.maxAge(value.isEmpty() ? 0 : SESSION_LIFETIME.toSeconds()).build();
    }
}
