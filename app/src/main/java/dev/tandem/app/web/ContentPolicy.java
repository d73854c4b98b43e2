package dev.tandem.app.web;

import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code Content-Security-Policy} a storage sends with the published page, for {@link PageCheck}:
 * whether it lets the page run its own module scripts, compile WebAssembly (hash-wasm's Argon2, the
 * passphrase's key derivation) and send requests to its own origin. Every policy given must allow each
 * (browsers enforce them all). The header comes from outside: at most {@link #MAX_CHARS} of it is read.
 */
final class ContentPolicy {
    static final int MAX_CHARS = 16_384;

    private ContentPolicy() {
    }

    static void check(List<String> headers, URI page, List<String> ok, List<String> problems) {
        String all = String.join(",", headers);
        if (all.isBlank()) {
            ok.add(Messages.text("cli.page.check.cspNone"));
            return;
        }
        if (all.length() > MAX_CHARS) {
            all = all.substring(0, MAX_CHARS);
        }
        String origin = PageCheck.origin(page);
        String scheme = page.getScheme().toLowerCase(Locale.ROOT) + ":";
        int before = problems.size();
        for (String policy : all.split(",")) {
            Map<String, List<String>> d = directives(policy);
            if (d.containsKey("sandbox")) {
                problems.add(Messages.text("cli.page.check.cspSandbox"));
            }
            List<String> script = d.getOrDefault("script-src", d.get("default-src"));
            if (script != null && !allowsOrigin(script, origin, scheme)) {
                problems.add(Messages.text("cli.page.check.cspScripts", String.join(" ", script)));
            }
            if (script != null && !script.contains("'wasm-unsafe-eval'") && !script.contains("'unsafe-eval'")) {
                problems.add(Messages.text("cli.page.check.cspWasm"));
            }
            List<String> connect = d.getOrDefault("connect-src", d.get("default-src"));
            if (connect != null && !allowsOrigin(connect, origin, scheme)) {
                problems.add(Messages.text("cli.page.check.cspConnect", String.join(" ", connect)));
            }
        }
        if (problems.size() == before) {
            ok.add(Messages.text("cli.page.check.cspAllows"));
        }
    }

    /** Directive name (lower case) → its sources (lower case); the first of a name counts, as in browsers. */
    private static Map<String, List<String>> directives(String policy) {
        Map<String, List<String>> out = new HashMap<>();
        for (String part : policy.split(";")) {
            String[] words = part.strip().toLowerCase(Locale.ROOT).split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || out.containsKey(words[0])) {
                continue;
            }
            List<String> sources = new ArrayList<>();
            for (int i = 1; i < words.length && i <= 64; i++) {
                sources.add(words[i]);
            }
            out.put(words[0], sources);
        }
        return out;
    }

    private static boolean allowsOrigin(List<String> sources, String origin, String scheme) {
        for (String s : sources) {
            String bare = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
            if (s.equals("'self'") || s.equals("*") || s.equals(scheme) || bare.equals(origin)
                    || s.startsWith(origin + "/")) {
                return true;
            }
        }
        return false;
    }
}
