package dev.tandem.app.web;

import java.net.InetAddress;
import java.util.TimerTask;
import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSTaskStarter;
import javax.jmdns.impl.JmDNSImpl;
import javax.jmdns.impl.ServiceInfoImpl;
import javax.jmdns.impl.tasks.state.Announcer;
import javax.jmdns.impl.tasks.state.Canceler;
import javax.jmdns.impl.tasks.state.Prober;

/**
 * JmDNS's probing, announcing and goodbyes at a tenth of their intervals, for the responders a test class opens
 * while {@link #install()} is in force. JmDNS spaces them by fixed constants (three probes and two announcements a
 * second apart before a name answers, about 5 s; goodbyes a second apart, about 4 s to close); a test that opens a
 * responder per method would spend most of its time waiting for those timers. The packets, their order and every
 * answer stay JmDNS's own; only the waits between them shrink. It goes through JmDNS's own extension point for its
 * task timing ({@link DNSTaskStarter.Factory#setClassDelegate}), which is global: install it for a class and remove it
 * after (a fork runs one class at a time).
 */
final class QuickMdnsTimers implements DNSTaskStarter {
    /** How much shorter the state tasks' delays and periods are. */
    static final int SPEED_UP = 10;

    private final JmDNSImpl dns;
    /** JmDNS's own starter: the resolvers, responder and reaper keep their timing. */
    private final DNSTaskStarterImpl normal;
    private final DNSTaskStarterImpl.StarterTimer state;

    private QuickMdnsTimers(JmDNSImpl dns) {
        this.dns = dns;
        this.normal = new DNSTaskStarterImpl(dns);
        this.state = new DNSTaskStarterImpl.StarterTimer("JmDNS(" + dns.getName() + ").QuickState.Timer", true) {
            @Override
            public synchronized void schedule(TimerTask task, long delay) {
                super.schedule(task, delay / SPEED_UP);
            }

            @Override
            public synchronized void schedule(TimerTask task, long delay, long period) {
                super.schedule(task, delay / SPEED_UP, Math.max(1, period / SPEED_UP));
            }
        };
    }

    /** Every JmDNS opened from now on in this JVM probes, announces and says goodbye at a tenth of the intervals. */
    static void install() {
        DNSTaskStarter.Factory.setClassDelegate(QuickMdnsTimers::new);
    }

    /** JmDNS's own timing again for responders opened from now on. */
    static void uninstall() {
        DNSTaskStarter.Factory.setClassDelegate(null);
    }

    @Override
    public void purgeTimer() {
        normal.purgeTimer();
    }

    @Override
    public void purgeStateTimer() {
        normal.purgeStateTimer();
        state.purge();
    }

    @Override
    public void cancelTimer() {
        normal.cancelTimer();
    }

    @Override
    public void cancelStateTimer() {
        normal.cancelStateTimer();
        state.cancel();
    }

    @Override
    public void startProber() {
        new Prober(dns).start(state);
    }

    @Override
    public void startAnnouncer() {
        new Announcer(dns).start(state);
    }

    @Override
    public void startRenewer() {
        normal.startRenewer();
    }

    @Override
    public void startCanceler() {
        new Canceler(dns).start(state);
    }

    @Override
    public void startReaper() {
        normal.startReaper();
    }

    @Override
    public void startServiceInfoResolver(ServiceInfoImpl info) {
        normal.startServiceInfoResolver(info);
    }

    @Override
    public void startTypeResolver() {
        normal.startTypeResolver();
    }

    @Override
    public void startServiceResolver(String type) {
        normal.startServiceResolver(type);
    }

    @Override
    public void startResponder(DNSIncoming in, InetAddress addr, int port) {
        normal.startResponder(in, addr, port);
    }
}
