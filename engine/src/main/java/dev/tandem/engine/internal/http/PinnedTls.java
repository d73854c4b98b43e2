package dev.tandem.engine.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * TLS for a WebDAV server: what the JDK trusts, plus at most one certificate the user chose to
 * trust on purpose by its SHA-256 fingerprint (a NAS's self-signed one, whose name rarely matches
 * the address either). A certificate that is not trusted is remembered, so the error can show its
 * fingerprint and the user can compare it with what the server shows before trusting it.
 *
 * <p>Set up on the first connection that asks for TLS: reading the JDK's trust store costs a cold
 * command 0.1 to 0.25 s that a plain-http LAN server never needs.
 */
public final class PinnedTls implements TlsSocketStrategy {
    private final String pinned;
    private final LazyTls tls = new LazyTls(this::create);
    private volatile String refused;

    /** {@code pinned}: a normalized SHA-256 fingerprint, or empty. */
    public PinnedTls(String pinned) {
        this.pinned = pinned;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls.upgrade(socket, target, port, attachment, context);
    }

    /** The certificate last refused, as "subject, SHA-256 fingerprint", or null. */
    public String refusedCertificate() {
        return refused;
    }

    static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint a certificate", e);
        }
    }

    private boolean isPinned(X509Certificate leaf) {
        return !pinned.isEmpty() && fingerprint(leaf).replace(":", "").toLowerCase(java.util.Locale.ROOT).equals(pinned);
    }

    private TlsSocketStrategy create() throws IOException {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            X509TrustManager system = null;
            for (TrustManager m : f.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    system = x;
                }
            }
            if (system == null) {
                throw new IOException("The JDK offers no X.509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Trust(system)}, null);
            HostnameVerifier names = new Names(new DefaultHostnameVerifier());
            return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.CLIENT, names);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The JDK's trust, or the pinned certificate; remembers what it refused. */
    private final class Trust implements X509TrustManager {
        private final X509TrustManager system;

        Trust(X509TrustManager system) {
            this.system = system;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain != null && chain.length > 0 && isPinned(chain[0])) {
                return;
            }
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                if (chain != null && chain.length > 0) {
                    refused = chain[0].getSubjectX500Principal().getName() + ", SHA-256 " + fingerprint(chain[0]);
                }
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Tandem does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return system.getAcceptedIssuers();
        }
    }

    /** Host names are checked as usual, except for the one certificate trusted on purpose. */
    private final class Names implements HostnameVerifier {
        private final HostnameVerifier standard;

        Names(HostnameVerifier standard) {
            this.standard = standard;
        }

        @Override
        public boolean verify(String host, SSLSession session) {
            try {
                if (session.getPeerCertificates().length > 0
                        && session.getPeerCertificates()[0] instanceof X509Certificate leaf && isPinned(leaf)) {
                    return true;
                }
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
            return standard.verify(host, session);
        }
    }
}
