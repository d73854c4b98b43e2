package dev.tandem.engine.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.http.Proxies.Choice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The proxy rule, with the environment and the JVM's selector passed in: never the process's own. */
@Tag("unit")
class ProxiesTest {
    private static final URI HTTPS = URI.create("https://cloud.example.com/remote.php/dav/files/sam/Tandem");
    private static final URI HTTP = URI.create("http://nas.lan:8080/dav");

    @Test
    void choose_httpsTargetWithHttpsProxy_usesIt() {
        Choice c = Proxies.choose(HTTPS, "", Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), null);
        assertEquals(new Choice("proxy.corp", 3128, null, null, "HTTPS_PROXY"), c);
        assertEquals("the proxy proxy.corp:3128 (from HTTPS_PROXY)", c.describe());
    }

    @Test
    void choose_httpsTargetWithOnlyHttpProxy_isDirect() {
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null, Map.of("HTTP_PROXY", "http://proxy.corp:3128"), null));
    }

    @Test
    void choose_httpTargetWithOnlyHttpsProxy_isDirect() {
        assertSame(Choice.DIRECT, Proxies.choose(HTTP, null, Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), null));
    }

    @Test
    void choose_lowercaseVariables_areUsed() {
        assertEquals("https_proxy", Proxies.choose(HTTPS, null, Map.of("https_proxy", "http://p:1"), null).source());
        assertEquals("http_proxy", Proxies.choose(HTTP, null, Map.of("http_proxy", "http://p:1"), null).source());
    }

    @Test
    void choose_upperAndLowercaseBoth_uppercaseWins() {
        Choice c = Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"), null);
        assertEquals("upper", c.host());
    }

    @Test
    void choose_emptyUppercaseVariable_fallsBackToLowercase() {
        Choice c = Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "", "https_proxy", "http://lower:2"), null);
        assertEquals("lower", c.host());
    }

    @Test
    void choose_noSchemeNoPort_isHttpOnPort80() {
        Choice c = Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "proxy.corp"), null);
        assertEquals("proxy.corp", c.host());
        assertEquals(80, c.port());
    }

    @Test
    void choose_credentialsInUrl_arePercentDecoded() {
        Choice c = Proxies.choose(HTTPS, null,
                Map.of("HTTPS_PROXY", "http://DOMAIN%5Csam:p%40ss%3Aw%C3%B6rd+1@proxy.corp:3128/"), null);
        assertEquals("DOMAIN\\sam", c.user());
        assertEquals("p@ss:wörd+1", c.password());
        assertEquals("proxy.corp", c.host());
        assertEquals(3128, c.port());
        assertFalse(c.toString().contains("p@ss"), c.toString());
    }

    @Test
    void choose_rawAtSignInPassword_splitsAtTheLastOne() {
        Choice c = Proxies.choose(HTTPS, "http://sam:p@ss@proxy.corp:3128", Map.of(), null);
        assertEquals("sam", c.user());
        assertEquals("p@ss", c.password());
        assertEquals("proxy.corp", c.host());
    }

    @Test
    void choose_ipv6Proxy_isUnbracketedAndNamedWithBrackets() {
        Choice c = Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "http://[fd00::1]:3128"), null);
        assertEquals("fd00::1", c.host());
        assertEquals("[fd00::1]:3128", c.address());
    }

    @Test
    void choose_unsupportedOrBadProxy_throwsNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "socks5://p:1080"), null));
        assertTrue(e.getMessage().startsWith("HTTPS_PROXY"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Proxies.choose(HTTPS, "http://p:99999", Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> Proxies.choose(HTTPS, "http://u:%zz@p:1", Map.of(), null));
    }

    @Test
    void choose_noProxyNamesTheHost_isDirect() {
        for (String noProxy : List.of("cloud.example.com", "example.com", ".example.com", "other.org, example.com",
                "*", "cloud.example.com:443", "CLOUD.Example.COM")) {
            assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null,
                    Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", noProxy), null), noProxy);
        }
    }

    @Test
    void choose_noProxyNamesAnotherHostOrPort_usesTheProxy() {
        for (String noProxy : List.of("other.org", "ample.com", "cloud.example.com:8443", "www.cloud.example.com",
                "localhost,127.0.0.1", "")) {
            assertEquals("p", Proxies.choose(HTTPS, null,
                    Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", noProxy), null).host(), noProxy);
        }
    }

    @Test
    void choose_localhostNotListed_isNotBypassed() {
        URI local = URI.create("http://127.0.0.1:9000/bucket");
        assertEquals("p", Proxies.choose(local, null, Map.of("HTTP_PROXY", "http://p:1"), null).host());
        assertSame(Choice.DIRECT, Proxies.choose(local, null,
                Map.of("HTTP_PROXY", "http://p:1", "NO_PROXY", "localhost,127.0.0.1"), null));
        assertSame(Choice.DIRECT, Proxies.choose(local, null,
                Map.of("HTTP_PROXY", "http://p:1", "no_proxy", "127.0.0.1:9000"), null));
    }

    @Test
    void choose_noProxyIpv6Entry_matchesBracketedTarget() {
        URI v6 = URI.create("http://[::1]:8080/dav");
        assertSame(Choice.DIRECT, Proxies.choose(v6, null, Map.of("HTTP_PROXY", "http://p:1", "NO_PROXY", "::1"), null));
        assertSame(Choice.DIRECT, Proxies.choose(v6, null, Map.of("HTTP_PROXY", "http://p:1", "NO_PROXY", "[::1]:8080"), null));
    }

    @Test
    void choose_explicitSetting_winsOverEnvironmentAndNoProxy() {
        Choice c = Proxies.choose(HTTPS, "http://explicit:8080",
                Map.of("HTTPS_PROXY", "http://env:1", "NO_PROXY", "*"), selector("system", 2));
        assertEquals(new Choice("explicit", 8080, null, null, "proxy setting"), c);
    }

    @Test
    void choose_explicitNone_isDirectDespiteEnvironmentAndSystem() {
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, "none", Map.of("HTTPS_PROXY", "http://env:1"), selector("s", 2)));
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, " NONE ", Map.of(), selector("s", 2)));
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, "direct", Map.of(), selector("s", 2)));
    }

    @Test
    void choose_noVariable_usesTheSystemSelector() {
        Choice c = Proxies.choose(HTTPS, "", Map.of("HTTP_PROXY", "http://only-for-http:1"), selector("system", 3128));
        assertEquals(new Choice("system", 3128, null, null, "Java system proxy"), c);
    }

    @Test
    void choose_variableSet_ignoresTheSystemSelector() {
        assertEquals("env", Proxies.choose(HTTPS, null, Map.of("HTTPS_PROXY", "http://env:1"), selector("s", 2)).host());
    }

    @Test
    void choose_noProxyBypassesVariable_doesNotFallBackToTheSystemSelector() {
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null,
                Map.of("HTTPS_PROXY", "http://env:1", "NO_PROXY", "example.com"), selector("s", 2)));
    }

    @Test
    void choose_systemSelectorDirectSocksOrNull_isDirect() {
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null, Map.of(), null));
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null, Map.of(), selectorOf(List.of(Proxy.NO_PROXY))));
        assertSame(Choice.DIRECT, Proxies.choose(HTTPS, null, Map.of(), selectorOf(List.of(
                new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks", 1080))))));
    }

    @Test
    void choose_defaultSelectorWithoutProperties_isDirectForLoopback() {
        // The JDK's selector skips localhost and 127.* unless http.nonProxyHosts says otherwise.
        assertSame(Choice.DIRECT, Proxies.choose(URI.create("http://127.0.0.1:9000"), null, Map.of(),
                ProxySelector.getDefault()));
    }

    private static ProxySelector selector(String host, int port) {
        return selectorOf(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port))));
    }

    private static ProxySelector selectorOf(List<Proxy> answer) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return answer;
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }
}
