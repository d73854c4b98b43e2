package dev.tandem.app.web;

import java.io.IOException;
import java.net.InetAddress;
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
 *   <li>only our own service types are kept: others' are never remembered.</li>
 * </ul>
 * Invariant: the cache is made on first use, not in a field initializer, because JmDNS's constructor
 * starts its reading thread, which asks for the cache before this subclass's initializers would run.
 */
final class MdnsResponder extends JmDNSImpl {
    static final long PACKET_PAUSE_MS = 2;
    static final int MAX_CACHED = 256;
    /** The types this responder registers, as JmDNS writes them (lower case, domain ending in a dot). */
    private static final Set<String> OURS = Set.of(MdnsAdvertiser.HTTPS, MdnsAdvertiser.HTTP);

    /** Set on first use, possibly during the super constructor (see the class comment); never reassigned. */
    private volatile CappedCache cache;

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
