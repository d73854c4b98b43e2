package dev.tandem.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The web server's TLS certificate: its fingerprint for the pairing screen (a person compares it with
 * what the phone's browser shows for a self-signed certificate), and a self-signed one made with the
 * JDK's own {@code keytool} (part of every Java runtime, the app's too), kept in the data dir. Java
 * has no public API to sign a certificate, and a hand-written X.509 encoder is not worth its risk.
 */
public final class Certificates {
    private Certificates() {
    }

    public static String fingerprint(Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                Certificate c = ks.getCertificate(aliases.nextElement());
                if (c != null) {
                    byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
                    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
                }
            }
            throw new IllegalArgumentException("tls: " + keyStore + " holds no certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot read " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a self-signed certificate (EC P-256, valid 825 days, the most a browser accepts) for
     * {@code hosts} (names and addresses) in {@code keyStore}, unless one is there already.
     */
    public static void selfSigned(Path keyStore, String password, List<String> hosts) {
        if (Files.isRegularFile(keyStore)) {
            return;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> san = new ArrayList<>();
        for (String h : hosts) {
            san.add((h.matches("[0-9.]+") || h.contains(":") ? "ip:" : "dns:") + h);
        }
        List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-alias", "tandem", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "825", "-dname", "CN=Tandem", "-ext", "SAN=" + String.join(",", san),
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a certificate: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
    }
}
