package dev.tandem.app.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.jmdns.impl.DNSCache;
import javax.jmdns.impl.DNSEntry;
import javax.jmdns.impl.JmDNSImpl;

/**
 * JmDNS's responder with bounds on what the network can make it do. JmDNS reads every mDNS packet on
 * the link (anyone's, unasked) on one thread, into a buffer of 8,972 bytes, and keeps every answer it
 * sees in a cache (until its TTL, which the sender chooses) and every service type it hears of (for as
 * long as it runs): left as is, a stranger on the Wi-Fi could grow this process's memory without end.
 * Here:
 * <ul>
 *   <li>between two packets the reading thread pauses {@link #PACKET_PAUSE_MS} ms, so at most 500 a
 *       second are parsed and answered; the kernel drops the rest of a flood;</li>
 *   <li>the cache holds at most {@link #MAX_CACHED} records; past that others' answers are dropped
 *       (we advertise only, so nothing of ours reads the cache);</li>
 *   <li>only our own service types are kept: others' are never remembered;</li>
 *   <li>only packets from the local link are read at all ({@link OnLinkSocket}, RFC 6762 section 11): a query
 *       from off the link that reaches port 5353 gets no answer.</li>
 * </ul>
 * Invariant: the cache and the socket's view are made on first use, not in field initializers, because
 * JmDNS's constructor starts its reading thread, which asks for both before this subclass's initializers would
 * run. JmDNS reads through {@link #getSocket()} alone (its reading thread); it sends through its own field.
 */
final class MdnsResponder extends JmDNSImpl {
    static final long PACKET_PAUSE_MS = 2;
    static final int MAX_CACHED = 256;
    /** The types this responder registers, as JmDNS writes them (lower case, domain ending in a dot). */
    private static final Set<String> OURS = Set.of(MdnsAdvertiser.HTTPS, MdnsAdvertiser.HTTP);

    /** Set on first use, possibly during the super constructor (see the class comment); never reassigned. */
    private volatile CappedCache cache;
    /** The reading view of JmDNS's socket, made on first use for the socket it views; see the class comment. */
    private volatile OnLinkSocket onLink;

    MdnsResponder(InetAddress address, String hostLabel) throws IOException {
        super(address, hostLabel, PACKET_PAUSE_MS);
    }

    @Override
    public DNSCache getCache() {
        CappedCache c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new CappedCache();
                }
                c = cache;
            }
        }
        return c;
    }

    @Override
    public MulticastSocket getSocket() {
        MulticastSocket real = super.getSocket();
        if (real == null) {
            return null;
        }
        synchronized (this) {
            OnLinkSocket v = onLink;
            // JmDNS opens a new socket when it recovers from a network change: view that one then.
            if (v == null || !v.views(real)) {
                if (v != null) {
                    v.close();
                }
                try {
                    NetworkInterface nic = getLocalHost() == null ? null : getLocalHost().getInterface();
                    v = new OnLinkSocket(real, nic != null ? nic : OnLinkSocket.interfaceOf(getLocalHost().getInetAddress()));
                } catch (IOException e) {
                    // No view, no reading: a socket that cannot be made is a closed one to JmDNS's reader.
                    return null;
                }
                onLink = v;
            }
            return v;
        }
    }

    /** Packets dropped so far as from off the local link. */
    long droppedOffLink() {
        OnLinkSocket v = onLink;
        return v == null ? 0 : v.dropped();
    }

    @Override
    public void close() {
        super.close();
        OnLinkSocket v = onLink;
        if (v != null) {
            v.close();
        }
    }

    @Override
    public boolean registerServiceType(String type) {
        // Others' types come from any packet on the link; ours come from registerService.
        return type != null && OURS.contains(type.toLowerCase(Locale.ROOT)) && super.registerServiceType(type);
    }

    /** How many records the cache holds now (for the tests that flood it). */
    int cached() {
        return ((CappedCache) getCache()).records();
    }

    /** A cache that refuses new records once it holds {@link #MAX_CACHED}. */
    private static final class CappedCache extends DNSCache {
        private static final long serialVersionUID = 1L;

        CappedCache() {
            super(MAX_CACHED);
        }

        @Override
        public boolean addDNSEntry(DNSEntry entry) {
            return records() < MAX_CACHED && super.addDNSEntry(entry);
        }

        /** Records held, over every name (a name may hold several). */
        int records() {
            return values().stream().mapToInt(List::size).sum();
        }
    }
}
