package dev.tandem.app.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** This machine's addresses: the one a phone on the same network reaches (its first private IPv4 address), and all. */
final class WebServerAddresses {
    private WebServerAddresses() {
    }

    /** The first site-local IPv4 address of an interface that is up; null when there is none. */
    static String lan() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp() && !ni.isLoopback()) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                            return a.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }

    /** Every address of this machine's interfaces that are up (IPv6 without its scope), lower case. */
    static Set<String> all() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp()) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        String h = a.getHostAddress();
                        out.add((h.contains("%") ? h.substring(0, h.indexOf('%')) : h).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SocketException e) {
            // No interface listed: the loopback names and the listening address still answer.
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "cannot list this machine's addresses", e);
        }
        return out;
    }
}
