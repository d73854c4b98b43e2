package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.app.settings.SettingsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSOutgoing;
import javax.jmdns.impl.DNSRecord;
import javax.jmdns.impl.constants.DNSConstants;
import javax.jmdns.impl.constants.DNSRecordClass;
import javax.jmdns.impl.constants.DNSRecordType;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web server's mDNS advertisement: what our code advertises (checked without the network, so it
 * runs everywhere), and on this machine's LAN address the real responder, asked as a phone's resolver
 * asks (unicast questions need no multicast) and, where multicast works, resolved by a second JmDNS. The
 * responders probe, announce and say goodbye at a tenth of JmDNS's intervals ({@link QuickMdnsTimers}).
 * Tier {@code server}: a real responder on the machine's port 5353 and its LAN address, not inside the JVM.
 */
@Tag("server")
class MdnsAdvertiserTest {
    /** Port 5353 is the machine's: no other test announces or asks on it meanwhile. */
    private static MdnsPort port;

    @BeforeAll
    static void holdThePort() {
        port = MdnsPort.hold();
        QuickMdnsTimers.install();
    }

    @AfterAll
    static void letThePortGo() {
        QuickMdnsTimers.uninstall();
        port.close();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void service_device_namesTandemOnTheDeviceAtThePortOverHttps() {
        ServiceInfo s = MdnsAdvertiser.service("Laptop", 8765, true);
        assertEquals("_https._tcp.local.", s.getType());
        assertEquals("Tandem on Laptop", s.getName());
        assertEquals(8765, s.getPort());
        assertEquals("/", s.getPropertyString("path"));
        assertEquals("_http._tcp.local.", MdnsAdvertiser.service("Laptop", 8765, false).getType());
    }

    @Test
    void instanceName_longOrWithControlCharacters_atMost63BytesOfWholeCharacters() {
        String name = MdnsAdvertiser.instanceName("Zoë's\n\u0000laptop " + "é".repeat(40) + "🙂");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= MdnsAdvertiser.MAX_NAME_BYTES, name);
        assertTrue(name.startsWith("Tandem on Zoë'slaptop éé"), name);
        assertFalse(name.chars().anyMatch(Character::isISOControl), name);
        // Cut at a character's end: re-encoding loses nothing.
        assertEquals(name, new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals("Tandem on " + "a".repeat(53), MdnsAdvertiser.instanceName("a".repeat(80)));
    }

    @Test
    void start_loopbackOrWildcardAddress_refusedBeforeAnythingIsSent() throws Exception {
        for (String a : List.of("127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "224.0.0.251")) {
            InetAddress address = InetAddress.getByName(a);
            assertThrows(IllegalArgumentException.class, () -> MdnsAdvertiser.start(address, () -> "laptop",
                    MdnsAdvertiser.service("Laptop", 8765, true), true, n -> { }), a);
        }
    }

    @Test
    void advertised_serverOnLoopback_nothingAdvertisedNoWarning() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            MdnsAdvertiser.Outcome o = web.server.advertised().get(5, TimeUnit.SECONDS);
            assertEquals(MdnsAdvertiser.Outcome.NONE, o);
        }
    }

    /**
     * The whole server on every address: the link names the LAN address (never loopback), the .local
     * name is offered once it answers and the server answers to it, and stopping withdraws it.
     */
    @Test
    void serve_onEveryAddress_linkNamesTheLanAddressAndTheLocalNameIsServedThenWithdrawn() throws Exception {
        InetAddress lan = lan();
        Optional<String> label = WebServerAddresses.hostLabel(WebServerAddresses.hostName());
        assumeTrue(label.isPresent(), "this machine's name is not a DNS label: nothing to name it by over mDNS");
        SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(new SettingsStore(dir), dir, List.of("127.0.0.1"));
        try (WebFixture web = new WebFixture(dir, b -> b.listen("0.0.0.0", 0).tls(tls.path(), tls.password()))) {
            int port = web.server.url().getPort();
            assertEquals(lan.getHostAddress(), web.server.url().getHost());
            assertEquals(lan.getHostAddress(), URI.create(web.server.pair().url()).getHost());
            MdnsAdvertiser.Outcome o = web.server.advertised().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String local = label.get() + ".local";
            assertEquals(Optional.of(URI.create("https://" + local + ":" + port + "/")), o.localUrl(), o.toString());
            assertEquals(200, status(lan, port, local + ":" + port));
            assertEquals(421, status(lan, port, "rebound.example:" + port));
            String instance = "Tandem on Home server._https._tcp.local.";
            assertEquals(port, ((DNSRecord.Service) answer(lan, instance, DNSRecordType.TYPE_SRV)).getPort());

            web.server.close();
            assertTrue(MdnsAdvertiser.ask(lan, instance, DNSRecordType.TYPE_SRV, Duration.ofSeconds(1)).isEmpty(),
                    "still announced after the server stopped");
        }
    }

    /** The status of GET / over TLS to {@code lan} with this {@code Host}, as a browser that followed the name would send. */
    private static int status(InetAddress lan, int port, String host) throws Exception {
        try (SSLSocket socket = (SSLSocket) WebHardeningTest.trustAll().getSocketFactory().createSocket(lan, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(line.split(" ")[1]);
        }
    }

    @Test
    void advertise_onTheLanAddress_aResolverGetsTheNamePortAndLanAddressNeverLoopback() throws Exception {
        InetAddress lan = lan();
        String label = label();
        List<String> answered = new ArrayList<>();
        MdnsAdvertiser a = advertise(lan, label, answered);
        MdnsAdvertiser.Outcome o = a.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Optional.of(URI.create("https://" + label + ".local:8765/")), o.localUrl(), o.toString());
        assertEquals(List.of(label + ".local"), answered);

        String instance = "Tandem on Laptop._https._tcp.local.";
        DNSRecord.Service srv = (DNSRecord.Service) answer(lan, instance, DNSRecordType.TYPE_SRV);
        assertEquals(8765, srv.getPort());
        assertEquals(label + ".local.", srv.getServiceInfo().getServer());
        assertEquals("/", answer(lan, instance, DNSRecordType.TYPE_TXT).getServiceInfo().getPropertyString("path"));
        assertEquals(instance, answer(lan, "_https._tcp.local.", DNSRecordType.TYPE_PTR).getServiceInfo().getQualifiedName());
        for (DNSRecord r : MdnsAdvertiser.ask(lan, label + ".local.", DNSRecordType.TYPE_ANY, Duration.ofSeconds(2))
                .orElseThrow().getAllAnswers()) {
            for (InetAddress addr : r.getServiceInfo().getInetAddresses()) {
                assertFalse(addr.isLoopbackAddress(), r.toString());
            }
        }
        assertEquals(List.of(lan), Arrays.asList(answer(lan, label + ".local.", DNSRecordType.TYPE_A).getServiceInfo()
                .getInet4Addresses()));

        a.close();
        assertTrue(MdnsAdvertiser.ask(lan, instance, DNSRecordType.TYPE_SRV, Duration.ofSeconds(1)).isEmpty(),
                "still answers after close");
    }

    @Test
    void advertise_whereMulticastWorks_aSecondJmdnsResolvesTheService() throws Exception {
        InetAddress lan = lan();
        assumeTrue(multicastLoopsBack(lan), "multicast sent on " + lan.getHostAddress() + " does not come back to this"
                + " machine (no multicast route): the unicast test above asks the responder instead");
        String label = label();
        MdnsAdvertiser a = advertise(lan, label, new ArrayList<>());
        a.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JmDNS phone = JmDNS.create(lan, "phone-" + label);
        open.add(phone);
        ServiceInfo got = phone.getServiceInfo("_https._tcp.local.", "Tandem on Laptop", WAIT.toMillis());
        assertTrue(got != null, "not resolved");
        assertEquals(8765, got.getPort());
        assertEquals(List.of(lan), Arrays.asList(got.getInet4Addresses()));
    }

    /**
     * The attacker on the Wi-Fi: thousands of answers nobody asked for, each of a new name and a new
     * service type with the longest TTL. The responder keeps at most MAX_CACHED of them and none of
     * the types, and still answers the honest question.
     */
    @Test
    void responder_floodOfStrangersAnswers_keepsAtMostTheCapAndStillAnswers() throws Exception {
        InetAddress lan = lan();
        String label = label();
        MdnsAdvertiser a = advertise(lan, label, new ArrayList<>());
        a.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        MdnsResponder responder = a.responder().orElseThrow();
        String instance = "Tandem on Laptop._https._tcp.local.";
        try (DatagramSocket attacker = new DatagramSocket(0, lan)) {
            for (int burst = 0; burst < 40; burst++) {
                for (int p = 0; p < 10; p++) {
                    byte[] data = flood(burst * 10 + p);
                    attacker.send(new DatagramPacket(data, data.length, lan, DNSConstants.MDNS_PORT));
                }
                // The honest question, after the burst: one thread reads in order, so its answer means
                // the burst was read (or dropped by the kernel), and the owner is still answered.
                assertEquals(8765, ((DNSRecord.Service) answer(lan, instance, DNSRecordType.TYPE_SRV)).getPort());
            }
        }
        // 8,000 records sent, 20 to a packet.
        assertTrue(responder.cached() <= MdnsResponder.MAX_CACHED, "cached " + responder.cached());
        assertTrue(responder.cached() >= MdnsResponder.MAX_CACHED / 2, "the flood never reached the responder: "
                + responder.cached());
        assertEquals(Set.of("_https._tcp.local."), responder.getServiceTypes().keySet());
    }

    /** One response of 20 records, each a PTR of a new service type to a new instance, TTL 4,500 s. */
    private static byte[] flood(int packet) throws IOException {
        DNSOutgoing out = new DNSOutgoing(DNSConstants.FLAGS_QR_RESPONSE | DNSConstants.FLAGS_AA, false);
        for (int i = 0; i < 20; i++) {
            String type = "_e" + packet + "x" + i + "._tcp.local.";
            out.addAnswer(new DNSRecord.Pointer(type, DNSRecordClass.CLASS_IN, false, 4500, "x." + type), 0);
        }
        return out.data();
    }

    private MdnsAdvertiser advertise(InetAddress lan, String label, List<String> answered) {
        MdnsAdvertiser a = MdnsAdvertiser.start(lan, () -> label, MdnsAdvertiser.service("Laptop", 8765, true), true,
                answered::add);
        open.add(a);
        return a;
    }

    private static DNSRecord answer(InetAddress lan, String name, DNSRecordType type) throws IOException {
        DNSIncoming in = MdnsAdvertiser.ask(lan, name, type, Duration.ofSeconds(2)).orElseThrow(
                () -> new AssertionError("no answer for " + name + " " + type));
        return in.getAllAnswers().stream().filter(r -> r.getRecordType() == type && r.getName().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + type + " not in " + in.getAllAnswers()));
    }

    /** A label no other test run or device uses. */
    private static String label() {
        return "tandem-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * This machine's LAN address. Under CI the machine has one (its network card), so the responder
     * is always tested there; elsewhere a machine with loopback only skips, saying why.
     */
    private static InetAddress lan() throws IOException {
        Optional<String> host = WebServerAddresses.phoneHost();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(host.isPresent(), "this machine has no IPv4 address on a network card: nothing to advertise on");
        }
        InetAddress lan = InetAddress.getByName(host.orElseThrow(() -> new AssertionError("CI has no LAN address")));
        assertTrue(lan instanceof Inet4Address && !lan.isLoopbackAddress(), lan.toString());
        return lan;
    }

    /** Whether a datagram sent to a multicast group on {@code lan}'s card comes back to a member on this machine. */
    private static boolean multicastLoopsBack(InetAddress lan) throws IOException {
        NetworkInterface nic = NetworkInterface.getByInetAddress(lan);
        InetAddress group = InetAddress.getByName("239.255.42.99");
        try (MulticastSocket member = new MulticastSocket(0)) {
            member.joinGroup(new InetSocketAddress(group, 0), nic);
            member.setSoTimeout(1000);
            try (MulticastSocket sender = new MulticastSocket(0)) {
                sender.setNetworkInterface(nic);
                byte[] hello = "tandem".getBytes(StandardCharsets.UTF_8);
                sender.send(new DatagramPacket(hello, hello.length, group, member.getLocalPort()));
            }
            member.receive(new DatagramPacket(new byte[16], 16));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // No route for multicast on this card: the kernel refuses the send or the join.
            return false;
        }
    }
}
