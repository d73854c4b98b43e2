package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SettingsStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/**
 * The page over {@code --tls-self-signed} in headless Chromium, as docs/WEB.md says it is: a browser that does not
 * trust the certificate and was taken past its warning (as a person taps "Proceed") works while the page is open, but
 * refuses its service worker, so it does not open offline (nor, in a browser with its security indicator, install:
 * Chrome counts such a page as not from a secure origin); This browser says so and what to do. A browser that trusts
 * the certificate (its key pinned, as a phone that trusts it) runs the worker and finds the page installable, and is
 * told nothing.
 */
@Tag("browser")
class WebTlsPageTest {
    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;
    String spki;

    @BeforeEach
    void start() throws Exception {
        SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(new SettingsStore(dir), dir, List.of("127.0.0.1"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.path())) {
            ks.load(in, tls.password().toCharArray());
        }
        byte[] key = ks.getCertificate(ks.aliases().nextElement()).getPublicKey().getEncoded();
        spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        web = new WebFixture(dir, b -> b.tls(tls.path(), tls.password()));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void certificateNotTrusted_pastTheWarning_worksWithoutItsServiceWorker_andThisBrowserSaysWhy() {
        chromium = Chromium.start(Chromium.Size.PHONE, dir.resolve("profile"), "en");
        chromium.open(web.server.pair().url());
        assertEquals("Privacy error", chromium.driver().getTitle());
        // Chromium's own way past its warning, as a person taps "Proceed".
        new Actions(chromium.driver()).sendKeys("thisisunsafe").perform();
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        chromium.js("location.hash = '#v=settings'");
        String said = (String) chromium.await("const c = document.getElementById('untrusted'); return c && c.textContent");
        assertTrue(said.contains("does not trust the certificate") && said.contains("Tailscale"), said);
        assertEquals(null, chromium.js("return navigator.serviceWorker.controller"), "no service worker runs");
    }

    @Test
    void certificateTrusted_installableAndOpensOffline_thisBrowserSaysNothingOfIt() {
        chromium = Chromium.start(Chromium.Size.DESKTOP, dir.resolve("profile"), "en",
                List.of("--ignore-certificate-errors-spki-list=" + spki));
        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        chromium.await("return navigator.serviceWorker.controller !== null");
        Map<String, Object> verdict = chromium.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
        assertEquals(List.of(), verdict.get("installabilityErrors"));
        chromium.js("location.hash = '#v=settings'");
        chromium.await("return document.querySelectorAll('.browsers li').length === 1");
        assertEquals(null, chromium.js("return document.getElementById('untrusted')"));
    }
}
