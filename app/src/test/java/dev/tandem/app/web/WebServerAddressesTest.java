package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The address "Open on phone…" shows: one a phone on the same Wi-Fi can open, or none. */
class WebServerAddressesTest {
    private static InetAddress ip(String a) throws UnknownHostException {
        return InetAddress.getByName(a);
    }

    private static WebServerAddresses.Nic nic(String name, boolean virtual, String... addresses) throws Exception {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String a : addresses) {
            list.add(ip(a));
        }
        return new WebServerAddresses.Nic(name, true, name.equals("lo"), virtual, list);
    }

    @Test
    void choose_dockerBridgeListedBeforeWifi_choosesTheWifiAddress() throws Exception {
        assertEquals(Optional.of("192.168.1.20"), WebServerAddresses.choose(List.of(
                nic("lo", false, "127.0.0.1"), nic("docker0", false, "172.17.0.1"), nic("virbr0", false, "192.168.122.1"),
                nic("wlan0", false, "fe80::1", "192.168.1.20")), "laptop"));
    }

    @Test
    void choose_virtualInterfaceOnly_hasNoPrivateAddressButTheLocalName() throws Exception {
        assertEquals(Optional.of("laptop.local"), WebServerAddresses.choose(List.of(
                nic("lo", false, "127.0.0.1"), nic("vpn0", true, "10.8.0.2"), nic("eth0", false, "192.0.2.2")),
                "Laptop.home.example"));
    }

    @Test
    void choose_loopbackOnly_none() throws Exception {
        assertEquals(Optional.empty(), WebServerAddresses.choose(List.of(nic("lo", false, "127.0.0.1", "::1")), "laptop"));
    }

    @Test
    void choose_onANetworkButNoUsableName_none() throws Exception {
        List<WebServerAddresses.Nic> nics = List.of(nic("lo", false, "127.0.0.1"), nic("eth0", false, "192.0.2.2"));
        assertEquals(Optional.empty(), WebServerAddresses.choose(nics, "localhost"));
        assertEquals(Optional.empty(), WebServerAddresses.choose(nics, null));
        assertEquals(Optional.empty(), WebServerAddresses.choose(nics, "bad_name!"));
    }
}
