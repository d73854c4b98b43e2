package dev.tandem.app.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * This machine's address as a phone on the same network reaches it. A phone on the Wi-Fi reaches a
 * private (site-local) IPv4 address of a real network card; the loopback address, a container's or
 * a virtual machine's bridge (docker0, virbr0, vmnet…) and a VPN tunnel are unreachable or lead
 * elsewhere. Without a private address, another IPv4 address of a real network card (a network that
 * hands out public addresses). Without either, there is none: the caller says so rather than show an
 * address the phone cannot open. The machine's {@code .local} name is never chosen here: a phone
 * resolves it only if it speaks mDNS (Android's browsers often do not) and only once something
 * advertises it; {@link MdnsAdvertiser} does, and offers it beside this address once its answer is verified.
 */
public final class WebServerAddresses {
    /** Interfaces that are not a network a phone is on: bridges to containers and VMs, tunnels. */
    private static final Pattern VIRTUAL = Pattern.compile(
            "(docker|br-|veth|virbr|vmnet|vboxnet|vnet|tun|tap|utun|wg|zt|tailscale|lxc|lxd|cni|flannel|podman|awdl|llw)"
                    + ".*");

    /** One network interface as the choice sees it. */
    record Nic(String name, boolean up, boolean loopback, boolean virtual, List<InetAddress> addresses) {
    }

    private WebServerAddresses() {
    }

    /** The IPv4 address a phone on this network can open; empty when there is none. */
    public static Optional<String> phoneHost() {
        List<Nic> nics = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                nics.add(new Nic(ni.getName(), ni.isUp(), ni.isLoopback(), ni.isVirtual() || ni.isPointToPoint(),
                        Collections.list(ni.getInetAddresses())));
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return choose(nics);
    }

    /** The machine's first LAN address for the page's address; null when a phone could reach none. */
    static String lan() {
        return phoneHost().orElse(null);
    }

    /**
     * A site-local IPv4 address of an interface that is up, not loopback and not virtual; else another
     * IPv4 address of such an interface that is neither loopback, link-local (169.254.x, which a phone
     * reaches only when nothing hands out addresses) nor multicast.
     */
    static Optional<String> choose(List<Nic> nics) {
        List<InetAddress> real = nics.stream().filter(n -> n.up() && !n.loopback() && !n.virtual()
                        && !VIRTUAL.matcher(n.name().toLowerCase(Locale.ROOT)).matches())
                .flatMap(n -> n.addresses().stream()).filter(a -> a instanceof Inet4Address).toList();
        return real.stream().filter(InetAddress::isSiteLocalAddress).findFirst()
                .or(() -> real.stream().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()
                        && !a.isMulticastAddress() && !a.isAnyLocalAddress()).findFirst())
                .map(InetAddress::getHostAddress);
    }

    /**
     * The label mDNS can name this machine by: the first label of its host name ("laptop" of
     * "laptop.home.example"), lower case; empty when it is not a valid DNS label or is "localhost".
     */
    static Optional<String> hostLabel(String hostName) {
        String name = hostName == null ? "" : hostName.strip().toLowerCase(Locale.ROOT).split("\\.", -1)[0];
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?") || name.equals("localhost")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Whether {@code host} (a URI's host) names loopback, read from the text, never looked up (the UI thread calls it). */
    public static boolean isLoopbackText(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
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
