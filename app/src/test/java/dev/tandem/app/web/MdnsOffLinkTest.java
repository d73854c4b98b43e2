package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAN announcement as a stranger off the link would use it: a real network namespace joined to this one by a
 * veth pair, the responder on this side's address ({@code 10.A.B.1/24}), and unicast DNS questions sent from the
 * other side by a separate program (Python) from three source addresses: one of the link's subnet ({@code .2}),
 * one link-local ({@code 169.254.B.2}), and one of another network routed through the link ({@code 198.18.B.2}),
 * as a query from elsewhere arrives. RFC 6762 section 11: only the first two are answered.
 *
 * <p>Needs root and {@code ip netns} (as on this project's machines); skipped, saying so, without them.
 */
@Tag("process")
class MdnsOffLinkTest {
    /** Port 5353 is the machine's: no other test announces or asks on it meanwhile. */
    private static MdnsPort port;

    @BeforeAll
    static void holdThePort() {
        port = MdnsPort.hold();
        // Probing, announcing and goodbyes at a tenth of JmDNS's intervals: the port is held that much less.
        QuickMdnsTimers.install();
    }

    @AfterAll
    static void letThePortGo() {
        QuickMdnsTimers.uninstall();
        port.close();
    }

    private static final String ASK = """
            import socket, struct, sys
            src, dst, name, wait = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((src, 0))
            s.settimeout(wait)
            q = struct.pack('>HHHHHH', 0x1234, 0, 1, 0, 0, 0)
            q += b''.join(bytes([len(l.encode())]) + l.encode() for l in name.rstrip('.').split('.')) + b'\\0'
            q += struct.pack('>HH', 33, 1)
            s.sendto(q, (dst, 5353))
            try:
                d, a = s.recvfrom(9000)
                print('ANSWER', len(q), len(d), a[0])
            except socket.timeout:
                print('NONE', len(q))
            """;

    @TempDir
    Path dir;
    private final String tag = Integer.toString(new Random().nextInt(46_000) + 10_000, 36);
    private final int b = new Random().nextInt(200) + 20;
    private final String ns = "tq" + tag;
    private final String here = "tqa" + tag;
    private final String there = "tqb" + tag;
    private final String a = "10." + (200 + new Random().nextInt(50)) + "." + b;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path script;

    @BeforeEach
    void link() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for ip netns");
        assumeTrue(run("ip", "netns", "list") == 0, "needs ip netns");
        sh("ip", "netns", "add", ns);
        sh("ip", "link", "add", here, "type", "veth", "peer", "name", there);
        sh("ip", "link", "set", there, "netns", ns);
        sh("ip", "addr", "add", a + ".1/24", "dev", here);
        sh("ip", "link", "set", here, "up");
        sh("ip", "route", "add", "198.18." + b + ".0/24", "via", a + ".2", "dev", here);
        sh("ip", "route", "add", "169.254." + b + ".0/24", "dev", here);
        sh("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        sh("ip", "netns", "exec", ns, "ip", "addr", "add", a + ".2/24", "dev", there);
        sh("ip", "netns", "exec", ns, "ip", "addr", "add", "198.18." + b + ".2/24", "dev", there);
        sh("ip", "netns", "exec", ns, "ip", "addr", "add", "169.254." + b + ".2/16", "dev", there);
        sh("ip", "netns", "exec", ns, "ip", "link", "set", there, "up");
        // A source address of another network, as a routed query has, is not dropped on its way in.
        run("sysctl", "-w", "net.ipv4.conf." + here + ".rp_filter=0");
        script = Files.writeString(dir.resolve("ask.py"), ASK);
    }

    @AfterEach
    void unlink() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        run("ip", "netns", "del", ns);
        run("ip", "link", "del", here);
    }

    @Test
    void unicastQuery_fromOffTheLink_unansweredAndFromTheLinkOrLinkLocal_answered() throws Exception {
        InetAddress lan = InetAddress.getByName(a + ".1");
        MdnsAdvertiser adv = MdnsAdvertiser.start(lan, () -> "tandem-test-" + tag, MdnsAdvertiser.service("Laptop", 8765, true),
                true, n -> { });
        open.add(adv);
        MdnsAdvertiser.Outcome o = adv.outcome().get(30, TimeUnit.SECONDS);
        assertTrue(o.localUrl().isPresent(), "the responder answers on the link: " + o);
        String instance = "Tandem on Laptop._https._tcp.local";

        String onLink = ask(a + ".2", instance, 3);
        assertTrue(onLink.startsWith("ANSWER"), "a query from the link's subnet is answered: " + onLink);
        String linkLocal = ask("169.254." + b + ".2", instance, 3);
        assertTrue(linkLocal.startsWith("ANSWER"), "a query from a link-local address is answered: " + linkLocal);
        // The answer on the link is the baseline: what the same question from elsewhere would have been worth.
        String[] asked = onLink.split(" ");
        double amplification = Double.parseDouble(asked[2]) / Double.parseDouble(asked[1]);

        String offLink = ask("198.18." + b + ".2", instance, 2);
        assertEquals("NONE", offLink.split(" ")[0], "a query from off the link gets nothing (it would have got "
                + String.format("%.1f", amplification) + "x its size): " + offLink);
        assertTrue(adv.responder().orElseThrow().droppedOffLink() >= 1, "dropped before JmDNS parsed it");
        assertTrue(ask(a + ".2", instance, 3).startsWith("ANSWER"), "and the link is still answered after it");
    }

    private String ask(String from, String name, int waitSeconds) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "python3", script.toString(), from, a + ".1", name,
                String.valueOf(waitSeconds)).redirectErrorStream(true).start();
        assertTrue(p.waitFor(waitSeconds + 10L, TimeUnit.SECONDS), "the asking program ends");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static void sh(String... cmd) throws IOException, InterruptedException {
        int rc = run(cmd);
        if (rc != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + rc);
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
