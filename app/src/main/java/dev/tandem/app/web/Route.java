package dev.tandem.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the API: its method, its path as a template ({@code /api/items/{id}/done}: each {@code {name}}
 * one path segment), who may take it, and what answers it. The routes are one table ({@link Router#table}),
 * which docs/WEB.md's API table is checked against.
 */
final class Route {
    /**
     * Who may take a route: anyone the door let in (pairing), a paired browser (its cookie) or a script with a
     * personal access token (PAIRED), or only a paired browser (BROWSER: its session, its events, the browsers).
     */
    enum Access { ANYONE, PAIRED, BROWSER }

    /**
     * Answers a request; {@code params} are the template's segments in order, {@code browser} null for ANYONE (for a
     * token, one standing for it: its id the token's ({@code AccessTokens.Token#author}), its writes' claims and authorship; what it may see is
     * {@link Exchange#scope()}).
     */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange x, Browsers.Browser browser, List<String> params);
    }

    private static final Pattern PARAM = Pattern.compile("\\{[a-z]+}");

    private final String method;
    private final String template;
    private final Access access;
    private final Handler handler;
    private final Pattern pattern;

    Route(String method, String template, Access access, Handler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template: must start with /, was " + template);
        }
        this.method = method;
        this.template = template;
        this.access = access;
        this.handler = handler;
        this.pattern = compile(template);
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    Access access() {
        return access;
    }

    Handler handler() {
        return handler;
    }

    static Route get(String template, Handler handler) {
        return new Route("GET", template, Access.PAIRED, handler);
    }

    static Route post(String template, Handler handler) {
        return new Route("POST", template, Access.PAIRED, handler);
    }

    /** A route for paired browsers alone: a token is refused (403). */
    static Route browser(String method, String template, Handler handler) {
        return new Route(method, template, Access.BROWSER, handler);
    }

    /** The path as a regular expression: literal text quoted, each parameter one segment of 1 to 200 characters. */
    private static Pattern compile(String template) {
        StringBuilder re = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(at, m.start()))).append("([^/]{1,200})");
            at = m.end();
        }
        return Pattern.compile(re.append(Pattern.quote(template.substring(at))).toString());
    }

    /** The parameters of {@code path} if it is this route's, whatever the method. */
    Optional<List<String>> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(m.group(i));
        }
        return Optional.of(params);
    }
}
