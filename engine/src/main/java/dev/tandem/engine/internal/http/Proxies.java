package dev.tandem.engine.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which HTTP proxy, if any, an HTTP remote (S3 or WebDAV) is reached through. One rule for every
 * remote, in this order:
 * <ol>
 * <li>an explicit setting wins: {@code none} (or {@code direct}) for no proxy, else
 * {@code http://[user:password@]host:port};</li>
 * <li>else the environment, as curl and Go read it: {@code HTTPS_PROXY} then {@code https_proxy}
 * for https targets, {@code HTTP_PROXY} then {@code http_proxy} for http ones, unless
 * {@code NO_PROXY} / {@code no_proxy} names the host;</li>
 * <li>else the JVM's {@link ProxySelector} ({@code -Dhttps.proxyHost}, or the OS settings with
 * {@code -Djava.net.useSystemProxies=true}).</li>
 * </ol>
 * Why a rule of our own: the AWS SDK has its own environment and system-property lookups (with
 * other precedence and NO_PROXY rules) and Apache HttpClient, under WebDAV, has none unless told.
 * Deciding here, once, and handing both clients an explicit proxy (or none) makes S3 and WebDAV
 * behave alike and the rule documentable (docs/REMOTES.md). It is a pure function of its inputs:
 * the real environment is read only where storage is made from the public settings, so tests pass
 * their own map and never depend on the machine's variables.
 */
public final class Proxies {
    private Proxies() {
    }

    /**
     * A proxy, or {@link #DIRECT}; {@code source} says where it came from ("HTTPS_PROXY",
     * "proxy setting", "Java system proxy"), for messages. {@link #toString()} hides the password.
     */
    public record Choice(String host, int port, String user, String password, String source) {
        public static final Choice DIRECT = new Choice(null, -1, null, null, "direct");

        public boolean direct() {
            return host == null;
        }

        public boolean hasCredentials() {
            return user != null && !user.isEmpty();
        }

        /** {@code host:port}, IPv6 in brackets: how messages name the proxy. */
        public String address() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        /** "the proxy host:port (from HTTPS_PROXY)": the words messages use. */
        public String describe() {
            return "the proxy " + address() + " (from " + source + ")";
        }

        @Override
        public String toString() {
            return direct() ? "DIRECT" : "Proxy[" + (hasCredentials() ? user + ":***@" : "") + address() + " from " + source + "]";
        }
    }

    /** Where {@code target} (an http or https URL) should be reached through; see the class comment. */
    public static Choice choose(URI target, String explicitSetting, Map<String, String> env, ProxySelector system) {
        String scheme = target.getScheme() == null ? "http" : target.getScheme().toLowerCase(Locale.ROOT);
        String setting = explicitSetting == null ? "" : explicitSetting.strip();
        if (!setting.isEmpty()) {
            return isNone(setting) ? Choice.DIRECT : parse(setting, "proxy setting");
        }
        String[] names = scheme.equals("https") ? new String[] {"HTTPS_PROXY", "https_proxy"}
                : new String[] {"HTTP_PROXY", "http_proxy"};
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return bypassed(target, first(env, "NO_PROXY", "no_proxy")) ? Choice.DIRECT : parse(value.strip(), name);
            }
        }
        return system(target, system);
    }

    /** Whether {@code noProxy} (comma-separated {@code *}, hosts, {@code .domain}s, each with an optional {@code :port}) names the target. */
    static boolean bypassed(URI target, String noProxy) {
        if (noProxy == null || noProxy.isBlank()) {
            return false;
        }
        String host = unbracket(target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT));
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.equals("*")) {
                return true;
            }
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            // "host:port" or "[v6]:port"; a bare IPv6 address has several colons and no port.
            if (colon > 0 && entry.indexOf(':') == colon || entry.startsWith("[") && colon > entry.indexOf(']')) {
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                entry = entry.substring(0, colon);
            }
            entry = unbracket(entry);
            if (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (entry.isEmpty() || entryPort != -1 && entryPort != port) {
                continue;
            }
            if (host.equals(entry) || host.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code [http://][user[:password]@]host[:port][/]}, user and password percent-decoded. Parsed
     * by hand, not with {@link URI}, so a password with a raw '@' or '#' still works.
     */
    static Choice parse(String url, String source) {
        String rest = url;
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            String scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http")) {
                throw new IllegalArgumentException(source + ": only http:// proxies are supported, was " + scheme + "://");
            }
            rest = rest.substring(sep + 3);
        }
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String hostPort = at < 0 ? rest : rest.substring(at + 1);
        int slash = hostPort.indexOf('/');
        hostPort = slash < 0 ? hostPort : hostPort.substring(0, slash);
        String host = hostPort;
        int port = 80;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostPort.lastIndexOf(']') && (hostPort.startsWith("[") || hostPort.indexOf(':') == colon)) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": not a port in " + hostPort, e);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(source + ": port out of range in " + hostPort);
            }
        }
        host = unbracket(host);
        if (host.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected http://[user:password@]host:port, with no host in it");
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int c = userInfo.indexOf(':');
            user = percentDecode(c < 0 ? userInfo : userInfo.substring(0, c), source);
            password = c < 0 ? "" : percentDecode(userInfo.substring(c + 1), source);
        }
        return new Choice(host, port, user, password, source);
    }

    private static Choice system(URI target, ProxySelector system) {
        if (system == null) {
            return Choice.DIRECT;
        }
        List<Proxy> proxies;
        try {
            proxies = system.select(target);
        } catch (RuntimeException e) {
            return Choice.DIRECT;
        }
        for (Proxy p : proxies == null ? List.<Proxy>of() : proxies) {
            if (p.type() == Proxy.Type.DIRECT) {
                return Choice.DIRECT;
            }
            // SOCKS proxies are not supported by the HTTP clients as set up here: look for the next.
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
                return new Choice(a.getHostString(), a.getPort(), null, null, "Java system proxy");
            }
        }
        return Choice.DIRECT;
    }

    private static boolean isNone(String setting) {
        return setting.equalsIgnoreCase("none") || setting.equalsIgnoreCase("direct");
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        return v != null && !v.isBlank() ? v : env.get(b);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** %XX escapes as UTF-8 bytes; '+' stays '+' (this is a URL's user info, not a form). */
    private static String percentDecode(String s, String source) {
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(bytes.toString(StandardCharsets.UTF_8)).append(c);
                bytes.reset();
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException(source + ": a '%' in the proxy's user name or password must start %XX");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }
}
