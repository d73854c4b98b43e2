package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setting a phone up on the user's own storage as a person does it (docs/WEB.md, "Tandem on your phone without a
 * computer"; docs/PERFORMANCE.md, "Setting up a phone"), per storage: S3Proxy and Debian's Apache with mod_dav_fs,
 * each on 127.0.0.1. A desktop profile with a few todos synced to a fresh bucket or collection, then, timed one by
 * one: {@code tandem page publish}, {@code tandem page add-phone} (the link), the link opened in Debian's Chromium at
 * phone size to the join screen (the browser's data for the origin cleared first, so nothing is cached), and the
 * passphrase and name filled in (not typed: a person's typing is not in the figures) and Join to the first rows.
 * The baseline, in the same rounds: a second desktop profile's first {@code tandem sync} joining the same remote.
 * The command line runs in this JVM (as the other tests), warmed by the setup's own runs. Each figure is the median
 * of ROUNDS; the page's are read by polling every 50 ms. Run with {@code perf OwnDevicePageSetupPerfTest}; it prints
 * with the load average and asserts nothing about time.
 */
@Tag("perf")
class OwnDevicePageSetupPerfTest {
    private static final int ROUNDS = 3;
    private static final int TODOS = 20;
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Duration LONG = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    /** One storage's remote, the environment its command line needs, and the origin its page is opened at. */
    private record Storage(String remote, Map<String, String> env) {
    }

    private static CliRun.Result tandem(Map<String, String> env, Path profile, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TANDEM_PASSPHRASE", PASSPHRASE);
        CliRun.Result r = CliRun.run(all, profile, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static long ms(Runnable step) {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    /** One round on a fresh remote: each phase's milliseconds. */
    private Map<String, Long> round(Storage st, int n) throws Exception {
        Path desk = Files.createDirectories(tmp.resolve("desk-" + n + "-" + st.remote().hashCode()));
        for (int i = 0; i < TODOS; i++) {
            tandem(st.env(), desk, "add", "Todo " + i);
        }
        tandem(st.env(), desk, "sync", "--remote", st.remote());
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("publish", ms(() -> tandem(st.env(), desk, "--lang", "en", "page", "publish", "--remote", st.remote())));
        String[] link = new String[1];
        t.put("add-phone", ms(() -> link[0] = tandem(st.env(), desk, "--lang", "en", "page", "add-phone", "--remote",
                st.remote()).out().lines().filter(l -> l.contains("#join=")).findFirst().orElseThrow().trim()));
        try (Chromium chromium = Chromium.start(Chromium.Size.PHONE)) {
            String origin = link[0].replaceFirst("^(https?://[^/]+).*$", "$1");
            chromium.driver().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            chromium.open("about:blank");
            t.put("open link", ms(() -> {
                chromium.open(link[0]);
                chromium.await("return !document.getElementById('join').hidden"
                        + " && document.activeElement && document.activeElement.id === 'join-passphrase'", LONG);
            }));
            chromium.js("document.getElementById('join-passphrase').value = arguments[0];"
                    + " document.getElementById('join-name').value = arguments[1]", PASSPHRASE, "Anna’s phone");
            t.put("join to first rows", ms(() -> {
                chromium.click("#join-submit");
                chromium.await("return [...document.querySelectorAll('#items .item .item-title')].length >= arguments[0]"
                        + " || document.getElementById('join-error').textContent", LONG, TODOS);
            }));
            assertEquals("", chromium.js("return document.getElementById('join-error').textContent"));
        }
        Path second = Files.createDirectories(tmp.resolve("second-" + n + "-" + st.remote().hashCode()));
        t.put("baseline: a new desktop's first sync", ms(() -> tandem(st.env(), second, "sync", "--remote", st.remote())));
        assertTrue(tandem(st.env(), second, "list", "--json").out().contains("\"Todo " + (TODOS - 1) + "\""));
        return t;
    }

    private void measure(String name, Supplier<Storage> fresh) throws Exception {
        Map<String, List<Long>> all = new LinkedHashMap<>();
        for (int n = 0; n < ROUNDS; n++) {
            for (Map.Entry<String, Long> e : round(fresh.get(), n).entrySet()) {
                all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "setup on %s (load %.2f, %d todos, medians of %d):%n",
                name, load, TODOS, ROUNDS));
        long phone = 0;
        for (Map.Entry<String, List<Long>> e : all.entrySet()) {
            long m = median(e.getValue());
            if (!e.getKey().startsWith("baseline")) {
                phone += m;
            }
            out.append(String.format(Locale.ROOT, "  %-40s %6d ms  %s%n", e.getKey(), m, e.getValue()));
        }
        out.append(String.format(Locale.ROOT, "  %-40s %6d ms%n", "phone, all steps (sum of medians)", phone));
        System.out.print(out);
    }

    @Test
    void setup_s3Proxy_eachPhase() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.builder().anonymous().start()) {
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", s3.endpoint(), "AWS_ACCESS_KEY_ID", s3.identity(),
                    "AWS_SECRET_ACCESS_KEY", s3.credential(), "AWS_REGION", s3.region());
            measure("S3Proxy", () -> new Storage("s3://" + s3.newBucket() + "/tandem", env));
        }
    }

    @Test
    void setup_apacheWebDav_eachPhase() throws Exception {
        WebDavServer dav = WebDavServer.shared(WebDavServer.Kind.APACHE);
        Map<String, String> env = Map.of("TANDEM_WEBDAV_USER", WebDavServer.USER, "TANDEM_WEBDAV_PASSWORD", WebDavServer.PASSWORD);
        measure("Apache WebDAV", () -> new Storage("webdav:" + dav.newCollection(), env));
    }
}
