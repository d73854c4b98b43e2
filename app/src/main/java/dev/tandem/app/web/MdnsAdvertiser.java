package dev.tandem.app.web;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSOutgoing;
import javax.jmdns.impl.DNSQuestion;
import javax.jmdns.impl.constants.DNSConstants;
import javax.jmdns.impl.constants.DNSRecordClass;
import javax.jmdns.impl.constants.DNSRecordType;

/**
 * The web server announced on the local network over mDNS (DNS-SD, "Bonjour"): a service "Tandem on
 * DEVICE" of type {@code _https._tcp} at the server's port, on the host {@code LABEL.local}, which
 * names the LAN address the server is reached at.
 *
 * <p>Design. It only advertises: nothing here browses or resolves others' services, and no answer
 * from the network feeds anything of ours ({@link MdnsResponder} bounds what reading them costs). It
 * never advertises a loopback address: {@link #start} refuses one. {@link #start} returns at once;
 * one daemon thread opens the responder, registers the service and checks that the responder answers
 * for {@code LABEL.local} with the LAN address, and later unregisters (goodbye packets) and closes,
 * in that order, so a close that comes before the open has finished still stops what was opened. A
 * failure is an {@link Outcome} with a warning, never an exception to the server.
 */
public final class MdnsAdvertiser implements AutoCloseable {
    static final String HTTPS = "_https._tcp.local.";
    static final String HTTP = "_http._tcp.local.";
    /** A DNS label, hence a DNS-SD instance name, is at most 63 bytes (RFC 6763, 4.1.1). */
    public static final int MAX_NAME_BYTES = 63;
    /**
     * How long the check that the name answers waits: JmDNS answers once it has probed the name and
     * announced it, about 5 s after it opens (measured).
     */
    static final Duration VERIFY = Duration.ofSeconds(15);
    /** Bounds the wait for JmDNS's close (which sends its goodbyes and waits for its timers). */
    private static final Duration CLOSE = Duration.ofSeconds(10);
    /** JmDNS logs a warning for each malformed packet: anyone on the link could fill the log. Held, or JUL forgets it. */
    private static final Logger JMDNS_LOG = Logger.getLogger("javax.jmdns");

    static {
        JMDNS_LOG.setLevel(Level.SEVERE);
    }

    /**
     * What the advertisement gives: the {@code .local} address of the page, once the responder was
     * heard answering for it; or a warning saying why it is not advertised. Both empty: not asked to.
     */
    public record Outcome(Optional<URI> localUrl, Optional<String> warning) {
        static final Outcome NONE = new Outcome(Optional.empty(), Optional.empty());

        static Outcome warning(String text) {
            return new Outcome(Optional.empty(), Optional.of(text));
        }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-mdns");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    /** Written only on {@link #thread}. */
    private volatile MdnsResponder responder;
    /** Set by {@link #close}: the check that the name answers gives up, so the close behind it runs at once. */
    private volatile boolean closing;

    private MdnsAdvertiser() {
    }

    /** An advertiser that advertises nothing, for a server this machine alone reaches. */
    static MdnsAdvertiser none() {
        MdnsAdvertiser a = new MdnsAdvertiser();
        a.outcome.complete(Outcome.NONE);
        a.thread.shutdown();
        return a;
    }

    /**
     * The advertisement of a server listening on {@code listenHost}, started in the background when
     * {@code wanted} (not with {@code --public-host}: the phone uses that name; not with
     * {@code --no-mdns}) and other devices reach it on a LAN address: none for loopback. For a wildcard
     * listener, the LAN address the page's link names. {@code answer} hears the {@code .local} name
     * before it is offered.
     */
    static MdnsAdvertiser forServer(String listenHost, boolean wanted, String deviceName, int port, boolean https,
                                    Consumer<String> answer) {
        boolean wildcard = listenHost.equals("0.0.0.0") || listenHost.equals("::");
        String lan = wildcard ? WebServerAddresses.lan() : listenHost;
        if (!wanted || lan == null || ServedHosts.isLoopback(lan)) {
            return none();
        }
        try {
            return start(InetAddress.getByName(lan), WebServerAddresses::hostName, service(deviceName, port, https), https,
                    answer);
        } catch (UnknownHostException | IllegalArgumentException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "mDNS: not advertised", e);
            return failed(Messages.text("server.mdns.failed", String.valueOf(e.getMessage())));
        }
    }

    /** An advertiser that could not start, with the warning to show. */
    private static MdnsAdvertiser failed(String warning) {
        MdnsAdvertiser a = new MdnsAdvertiser();
        a.outcome.complete(Outcome.warning(warning));
        a.thread.shutdown();
        return a;
    }

    /**
     * Starts advertising {@code service} on {@code lan} (never loopback) as {@code LABEL.local}, LABEL
     * from {@code hostName} (asked on the advertiser's thread: it may wait for a name lookup).
     * {@code answer} hears {@code LABEL.local} once it answers, before the outcome offers it.
     */
    static MdnsAdvertiser start(InetAddress lan, Supplier<String> hostName, ServiceInfo service, boolean https,
                                Consumer<String> answer) {
        if (lan.isLoopbackAddress() || lan.isAnyLocalAddress() || lan.isMulticastAddress()) {
            throw new IllegalArgumentException(lan.getHostAddress() + " is not an address another device reaches");
        }
        MdnsAdvertiser a = new MdnsAdvertiser();
        a.thread.execute(() -> a.open(lan, hostName, service, https, answer));
        return a;
    }

    /** The service record our code advertises: made without the network, so it can be checked anywhere. */
    static ServiceInfo service(String deviceName, int port, boolean https) {
        return ServiceInfo.create(https ? HTTPS : HTTP, instanceName(deviceName), port, 0, 0, Map.of("path", "/"));
    }

    /** "Tandem on DEVICE", control characters dropped and cut to 63 UTF-8 bytes at a character's end. */
    static String instanceName(String deviceName) {
        String full = ("Tandem on " + deviceName).replaceAll("\\p{Cntrl}", "").strip();
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < full.length(); ) {
            int cp = full.codePointAt(i);
            String c = new String(Character.toChars(cp));
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                break;
            }
            out.append(c);
            i += Character.charCount(cp);
        }
        return out.toString().strip();
    }

    /** How the advertisement went; completes once, on the advertiser's thread. */
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void open(InetAddress lan, Supplier<String> hostName, ServiceInfo service, boolean https,
                      Consumer<String> answer) {
        try {
            Optional<String> label = WebServerAddresses.hostLabel(hostName.get());
            if (label.isEmpty()) {
                complete(Outcome.warning(Messages.text("server.mdns.badName")));
                return;
            }
            String hostLabel = label.get();
            responder = new MdnsResponder(lan, hostLabel);
            responder.registerService(service);
            String host = hostLabel + ".local";
            boolean answered = answers(lan, host, VERIFY);
            if (closing) {
                complete(Outcome.NONE);
                return;
            }
            // JmDNS renames itself while probing when another device holds the name.
            if (renamed(host)) {
                complete(Outcome.warning(Messages.text("server.mdns.nameTaken", host)));
                return;
            }
            if (!answered) {
                complete(Outcome.warning(Messages.text("server.mdns.noAnswer", host, VERIFY.toSeconds())));
                return;
            }
            answer.accept(host);
            complete(new Outcome(Optional.of(URI.create((https ? "https" : "http") + "://" + host + ":" + service.getPort()
                    + "/")), Optional.empty()));
        } catch (IOException | RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "mDNS: cannot advertise the web page", e);
            complete(Outcome.warning(Messages.text("server.mdns.failed", String.valueOf(e.getMessage()))));
        }
    }

    private void complete(Outcome o) {
        if (o.warning().isPresent()) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "mDNS: " + o.warning().get());
        }
        outcome.complete(o);
    }

    /** Whether the responder on {@code lan} answers {@code host}'s address with {@code lan}, asked until {@code within}. */
    private boolean answers(InetAddress lan, String host, Duration within) throws IOException {
        long end = System.nanoTime() + within.toNanos();
        while (!closing && !renamed(host) && System.nanoTime() < end) {
            Optional<DNSIncoming> reply = ask(lan, host + ".", DNSRecordType.TYPE_A, Duration.ofMillis(500));
            if (reply.isPresent() && reply.get().getAllAnswers().stream().anyMatch(r -> r.getRecordType() == DNSRecordType.TYPE_A
                    && r.getName().equalsIgnoreCase(host + ".")
                    && Arrays.asList(r.getServiceInfo().getInet4Addresses()).contains(lan))) {
                return true;
            }
        }
        return false;
    }

    private boolean renamed(String host) {
        return !responder.getHostName().equalsIgnoreCase(host + ".");
    }

    /**
     * One DNS question sent by unicast from a port of its own to the responder on {@code to} (RFC 6762,
     * 6.7: it answers to the asking port), and its answer: at most one datagram of 9,000 bytes, from
     * {@code to} only, within {@code timeout}. Empty when nothing came.
     */
    static Optional<DNSIncoming> ask(InetAddress to, String name, DNSRecordType type, Duration timeout) throws IOException {
        DNSOutgoing q = new DNSOutgoing(DNSConstants.FLAGS_QR_QUERY, false);
        q.addQuestion(DNSQuestion.newQuestion(name, type, DNSRecordClass.CLASS_IN, false));
        byte[] data = q.data();
        try (DatagramSocket socket = new DatagramSocket(0, to)) {
            socket.send(new DatagramPacket(data, data.length, to, DNSConstants.MDNS_PORT));
            long end = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[9000];
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                if (to.equals(p.getAddress())) {
                    DNSIncoming in = new DNSIncoming(p);
                    if (in.isResponse()) {
                        return Optional.of(in);
                    }
                }
            }
        }
    }

    /** Stops advertising: goodbye packets, then the responder closes. Waits for it at most 10 s; once. */
    @Override
    public synchronized void close() {
        if (thread.isShutdown()) {
            return;
        }
        closing = true;
        Future<?> shut = thread.submit(() -> {
            if (responder != null) {
                responder.unregisterAllServices();
                responder.close();
                responder = null;
            }
            outcome.complete(Outcome.NONE);
        });
        thread.shutdown();
        try {
            shut.get(CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "mDNS: stopping the advertisement", e);
        }
    }

    /** The responder, once open (for the tests that flood it); only to be read after {@link #outcome()} completed. */
    Optional<MdnsResponder> responder() {
        return Optional.ofNullable(thread.isShutdown() ? null : responder);
    }
}
