package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The address "Open on phone…" shows: one a phone on the same Wi-Fi can open, or none. */
@Tag("unit")
class WebServerAddressesTest {
    private static InetAddress ip(String a) throws UnknownHostException {
        return InetAddress.getByName(a);
    }

    private static WebServerAddresses.Nic nic(String name, boolean virtual, String... addresses) throws Exception {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(ip(a));
        }
        return new WebServerAddresses.Nic(name, true, name.equals("lo"), virtual, list);
    }

    @Test
    void choose_dockerBridgeListedBeforeWifi_choosesTheWifiAddress() throws Exception {
        assertEquals(Optional.of("192.168.1.20"), WebServerAddresses.choose(List.of(
                nic("lo", false, "127.0.0.1"), nic("docker0", false, "172.17.0.1"), nic("virbr0", false, "192.168.122.1"),
                nic("wlan0", false, "fe80::1", "192.168.1.20"))));
    }

    @Test
    void choose_loopbackListedFirstAndALanAddress_neverNamesLoopback() throws Exception {
        // Loopback listed as a real card would be (some systems list it first, some mark it only by name).
        WebServerAddresses.Nic fakeLo = new WebServerAddresses.Nic("lo0", true, false, false, List.of(ip("127.0.0.1")));
        assertEquals(Optional.of("10.0.0.7"), WebServerAddresses.choose(List.of(fakeLo, nic("lo", false, "127.0.0.1", "::1"),
                nic("eth0", false, "10.0.0.7"))));
    }

    @Test
    void choose_noPrivateAddress_anotherAddressOfARealCardNotTheLocalName() throws Exception {
        assertEquals(Optional.of("192.0.2.2"), WebServerAddresses.choose(List.of(
                nic("lo", false, "127.0.0.1"), nic("vpn0", true, "10.8.0.2"), nic("eth0", false, "169.254.3.4", "192.0.2.2"))));
    }

    @Test
    void choose_loopbackOrLinkLocalOnly_none() throws Exception {
        assertEquals(Optional.empty(), WebServerAddresses.choose(List.of(nic("lo", false, "127.0.0.1", "::1"))));
        assertEquals(Optional.empty(), WebServerAddresses.choose(List.of(nic("lo", false, "127.0.0.1"),
                nic("eth0", false, "169.254.3.4", "fe80::1"))));
    }

    @Test
    void phoneHost_thisMachine_neverLoopback() {
        WebServerAddresses.phoneHost().ifPresent(h -> assertFalse(ServedHosts.isLoopback(h), h));
    }

    @Test
    void hostLabel_validOrNone() {
        assertEquals(Optional.of("laptop"), WebServerAddresses.hostLabel("Laptop.home.example"));
        assertEquals(Optional.empty(), WebServerAddresses.hostLabel("localhost"));
        assertEquals(Optional.empty(), WebServerAddresses.hostLabel(null));
        assertEquals(Optional.empty(), WebServerAddresses.hostLabel("bad_name!"));
    }
}
