package dev.tandem.app.web;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The web server's TLS certificate: its fingerprint for the pairing screen (a person compares it with
 * what the phone's browser shows for a self-signed certificate), and a self-signed one kept in the data
 * dir, built with Bouncy Castle's PKIX library: Java has no public API to sign a certificate, the
 * packaged runtime has no {@code keytool}, and a hand-written X.509 encoder is not worth its risk.
 */
public final class Certificates {
    /** Apple refuses a TLS certificate valid longer than this. */
    static final int VALID_DAYS = 825;

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
            throw new IllegalArgumentException(Messages.text("server.tls.noCertificate", keyStore.toString()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(Messages.text("server.tls.cannotRead", keyStore.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Makes a self-signed certificate (EC P-256, valid 825 days from not-before to not-after, the most
     * Apple's browsers accept), its file owner-only, for
     * {@code hosts} (names and addresses) in {@code keyStore}, unless one is there already.
     */
    public static void selfSigned(Path keyStore, String password, List<String> hosts) {
        if (Files.isRegularFile(keyStore)) {
            return;
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            // From a day ago (a phone whose clock is behind), for 825 days in all.
            Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
            X500Name name = new X500Name("CN=Tandem");
            List<GeneralName> names = new ArrayList<>();
            for (String h : new LinkedHashSet<>(hosts)) {
                if (h != null && !h.isBlank()) {
                    boolean address = h.matches("[0-9.]+") || h.contains(":");
                    names.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, h));
                }
            }
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                    Date.from(from), Date.from(from.plus(VALID_DAYS, ChronoUnit.DAYS)), name, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("tandem", pair.getPrivate(), password.toCharArray(), new Certificate[] {cert});
            Path tmp = keyStore.resolveSibling(keyStore.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password.toCharArray());
            }
            Files.move(tmp, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make a certificate in " + keyStore + ": " + e.getMessage(), e);
        }
    }
}
