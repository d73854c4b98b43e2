package dev.tandem.app.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names a {@link WebServer} goes by: the host its page's address shows, that address, and the
 * {@code Host} values it answers ({@link Door} refuses any other, against DNS rebinding). Apart from the
 * server because each is a decision about names, made once at start, that the server only hands on.
 */
final class ServedHosts {
    private ServedHosts() {
    }

    /**
     * The host the page's address shows for a server listening on {@code host}: that host, or for a
     * wildcard address this machine's first LAN address.
     */
    static String shown(String host) {
        if (!wildcard(host)) {
            return host;
        }
        String lan = WebServerAddresses.lan();
        // Without a LAN address, the loopback address at least works on this machine.
        return lan != null ? lan : "127.0.0.1";
    }

    /**
     * The {@code Host} values served (any other name is an attacker's): loopback's names, the listening
     * address, the address the page shows, and for a wildcard listener every address of this machine.
     */
    static Set<String> answered(String listening, String shown) {
        Set<String> hosts = new HashSet<>(List.of("localhost", "127.0.0.1", "::1", listening, shown));
        if (wildcard(listening)) {
            hosts.addAll(WebServerAddresses.all());
        }
        return hosts.stream().map(Door::normal).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The page's address: {@code shown} on the port listened on; behind a proxy with a public host, the
     * proxy's {@code https://NAME/} (its default port), never the loopback listener.
     */
    static URI url(String shown, int port, boolean tls, boolean proxied) {
        String named = shown.contains(":") ? "[" + shown + "]" : shown;
        return proxied ? URI.create("https://" + named + "/")
                : URI.create((tls ? "https" : "http") + "://" + named + ":" + port + "/");
    }

    /** Whether {@code host} names this machine's loopback (a name is looked up). */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean wildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::");
    }
}
