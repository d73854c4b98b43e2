package dev.tandem.app.web;

import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a storage allows the published phone page ({@code tandem page check URL}, docs/WEB.md "Tandem on
 * your phone without a computer"), in plain sentences: whether {@code index.html} and one of the page's
 * modules answer, the module with a JavaScript type (browsers run no module script of another type), a
 * {@code Content-Security-Policy} that would block the page's scripts, its WebAssembly (the passphrase's
 * key derivation) or its requests to the storage, and, for a page opened from another origin, the
 * storage's answer to a CORS preflight of the requests the sync core sends.
 *
 * <p>Everything read comes from outside and is bounded before it is looked at ({@link PageFetch}): bytes,
 * time and redirects, each answer on its own.
 */
public final class PageCheck {
    /** The report: usable when no sentence names a problem; each sentence says what was found. */
    public record Report(boolean usable, List<String> sentences) {
        public Report {
            sentences = List.copyOf(sentences);
        }
    }

    /** A module every published page has, at this path beside index.html. */
    static final String MODULE = "assets/app.js";
    /** What the sync core sends to an S3 or WebDAV storage (src/storage/s3.js, sigv4.js, webdav.js). */
    static final List<String> REQUEST_HEADERS = List.of("authorization", "x-amz-date", "x-amz-content-sha256",
            "content-type", "if-match", "if-none-match", "depth", "destination", "overwrite");
    private static final Set<String> S3_ONLY = Set.of("x-amz-date", "x-amz-content-sha256");
    private static final Set<String> DAV_ONLY = Set.of("depth", "destination", "overwrite");
    /** The WHATWG's JavaScript MIME type essences. */
    private static final Set<String> JAVASCRIPT = Set.of("text/javascript", "application/javascript",
            "application/ecmascript", "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
            "text/x-javascript");

    private final PageFetch fetch;

    PageCheck(PageFetch.Limits limits) {
        this.fetch = new PageFetch(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.maxTime()).build(), limits);
    }

    /**
     * Checks the page at {@code page} (its index.html, or the folder holding it); {@code origin}, when the
     * page is opened from another origin than the storage's (null when it is the same), is sent in a
     * preflight to the storage's folder, the one holding {@code page/}.
     */
    public Report check(URI page, String origin) {
        URI index = page.getPath() == null || page.getPath().isEmpty() ? page.resolve("/index.html")
                : page.getPath().endsWith("/") ? page.resolve("index.html") : page;
        List<String> ok = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PageFetch.Answer html = fetch.send(index, "GET", List.of());
        if (!reachable(html, index, problems)) {
            return report(ok, problems);
        }
        ok.add(Messages.text("cli.page.check.reachable", index));
        String type = essence(html.header("Content-Type"));
        if (!type.equals("text/html")) {
            problems.add(Messages.text("cli.page.check.htmlType", index, type.isEmpty() ? "-" : type));
        }
        URI module = index.resolve(MODULE);
        PageFetch.Answer js = fetch.send(module, "GET", List.of());
        if (reachable(js, module, problems)) {
            String jsType = essence(js.header("Content-Type"));
            if (JAVASCRIPT.contains(jsType)) {
                ok.add(Messages.text("cli.page.check.jsType", jsType));
            } else {
                boolean nosniff = "nosniff".equalsIgnoreCase(js.header("X-Content-Type-Options").strip());
                problems.add(Messages.text(nosniff ? "cli.page.check.jsTypeWrongNosniff" : "cli.page.check.jsTypeWrong",
                        module, jsType.isEmpty() ? "-" : jsType));
            }
        }
        ContentPolicy.check(html.response().headers().allValues("Content-Security-Policy"), index, ok, problems);
        URI storage = index.resolve("../");
        if (origin == null) {
            ok.add(Messages.text("cli.page.check.sameOrigin", origin(index)));
        } else {
            preflight(storage, origin, ok, problems);
        }
        return report(ok, problems);
    }

    private void preflight(URI storage, String origin, List<String> ok, List<String> problems) {
        PageFetch.Answer a = fetch.send(storage, "OPTIONS", List.of("Origin", origin,
                "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", String.join(", ", REQUEST_HEADERS)));
        if (a.problem() != null) {
            problems.add(Messages.text("cli.page.check.preflightFailed", storage, a.problem()));
            return;
        }
        String allowOrigin = a.header("Access-Control-Allow-Origin").strip();
        if (a.status() / 100 != 2 || !(allowOrigin.equals("*") || allowOrigin.equals(origin))) {
            problems.add(Messages.text("cli.page.check.corsOrigin", storage, origin, a.status()));
            return;
        }
        List<String> missing = new ArrayList<>();
        Set<String> methods = tokens(a.header("Access-Control-Allow-Methods"));
        if (!methods.contains("PUT") && !methods.contains("*")) {
            missing.add("PUT");
        }
        Set<String> headers = tokens(a.header("Access-Control-Allow-Headers"));
        // A WebDAV server says so in its OPTIONS answer; the page sends it no S3 signature, an S3 store no WebDAV headers.
        boolean dav = !a.header("DAV").isBlank();
        for (String h : REQUEST_HEADERS) {
            if (dav ? S3_ONLY.contains(h) : DAV_ONLY.contains(h)) {
                continue;
            }
            // "*" never stands for Authorization (Fetch standard): it must be named.
            boolean star = headers.contains("*") && !h.equals("authorization");
            if (!star && !headers.contains(h.toUpperCase(Locale.ROOT))) {
                missing.add(h);
            }
        }
        if (missing.isEmpty()) {
            ok.add(Messages.text("cli.page.check.corsOk", origin));
        } else {
            problems.add(Messages.text("cli.page.check.corsMissing", origin, String.join(", ", missing)));
        }
    }

    private static boolean reachable(PageFetch.Answer a, URI at, List<String> problems) {
        if (a.problem() != null) {
            problems.add(Messages.text("cli.page.check.unreachable", at, a.problem()));
            return false;
        }
        if (a.status() != 200) {
            problems.add(Messages.text("cli.page.check.status", at, a.status()));
            return false;
        }
        return true;
    }

    private static Report report(List<String> ok, List<String> problems) {
        List<String> all = new ArrayList<>(ok);
        all.addAll(problems);
        all.add(Messages.text(problems.isEmpty() ? "cli.page.check.usable" : "cli.page.check.notUsable"));
        return new Report(problems.isEmpty(), all);
    }

    /** The type without its parameters, lower case ("text/javascript; charset=utf-8" → "text/javascript"). */
    static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** A comma-separated header's tokens, upper case. */
    private static Set<String> tokens(String header) {
        Set<String> out = new java.util.HashSet<>();
        for (String t : header.split(",")) {
            if (!t.isBlank()) {
                out.add(t.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    static String origin(URI u) {
        int port = u.getPort();
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (port < 0 ? "" : ":" + port);
    }

    /** The client's own limits, for the command's default. */
    public static PageCheck withDefaults() {
        return new PageCheck(PageFetch.Limits.DEFAULT);
    }
}
