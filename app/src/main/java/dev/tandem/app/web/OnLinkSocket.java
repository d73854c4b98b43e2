package dev.tandem.app.web;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mDNS responder reads from its socket: only packets from the local link, as RFC 6762 (section 11) asks of
 * a responder. The responder listens on {@code *:5353}, so a unicast query from anywhere that reaches the port
 * would otherwise be answered, to its sender, with the device's name, host name, address and port (about four
 * times the bytes asked with: an amplifier, and a map of the network for a stranger).
 *
 * <p>A packet is from the link when its source is an address of the receiving interface's subnets (the prefix
 * of each of its addresses), a link-local address ({@code 169.254/16}, {@code fe80::/10}), or this host (loopback).
 * The other test the RFC allows, an IP TTL of 255, cannot be read from Java's sockets; a sender on the link has an
 * address of the link's subnet in practice, so nothing the link needs is lost. Everything else is dropped before
 * JmDNS parses it. The interface's addresses are read again every {@value #REFRESH_MS} ms (Wi-Fi may change them).
 *
 * <p>This is a view over the responder's real socket for receiving only ({@link #receive}); JmDNS sends through
 * the real socket itself. Closing the view closes only what the view itself opened.
 */
final class OnLinkSocket extends MulticastSocket {
    static final long REFRESH_MS = 10_000;

    private final MulticastSocket real;
    private final NetworkInterface nic;
    private volatile List<InterfaceAddress> subnets = List.of();
    private volatile long readAt;
    /** Packets dropped as from off the link (for the tests). */
    private volatile long dropped;

    OnLinkSocket(MulticastSocket real, NetworkInterface nic) throws IOException {
        super((SocketAddress) null);
        this.real = real;
        this.nic = nic;
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        int room = p.getLength();
        while (true) {
            real.receive(p);
            if (onLink(p.getAddress())) {
                return;
            }
            dropped++;
            p.setLength(room);
        }
    }

    /** Whether this is the view of {@code socket}. */
    boolean views(MulticastSocket socket) {
        return real == socket;
    }

    /** How many packets were dropped as from off the link. */
    long dropped() {
        return dropped;
    }

    /** Whether {@code source} is on the receiving interface's link, or this host. */
    boolean onLink(InetAddress source) {
        if (source == null) {
            return false;
        }
        if (source.isLinkLocalAddress() || source.isLoopbackAddress()) {
            return true;
        }
        for (InterfaceAddress a : subnets()) {
            if (samePrefix(source, a.getAddress(), a.getNetworkPrefixLength())) {
                return true;
            }
        }
        return false;
    }

    private List<InterfaceAddress> subnets() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REFRESH_MS * 1_000_000) {
            List<InterfaceAddress> read = new ArrayList<>();
            if (nic != null) {
                read.addAll(nic.getInterfaceAddresses());
            }
            subnets = List.copyOf(read);
            readAt = now;
        }
        return subnets;
    }

    /** Whether {@code a} and {@code b} (one family) agree in their first {@code bits} bits. */
    static boolean samePrefix(InetAddress a, InetAddress b, int bits) {
        if (b == null || (a instanceof Inet4Address) != (b instanceof Inet4Address)) {
            return false;
        }
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        int n = Math.max(0, Math.min(bits, x.length * 8));
        for (int i = 0; i < n; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The interface holding {@code address}, or null when none does. */
    static NetworkInterface interfaceOf(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address);
        } catch (SocketException e) {
            return null;
        }
    }
}
