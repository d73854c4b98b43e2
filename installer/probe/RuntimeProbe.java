import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.Charset;
import java.security.KeyPairGenerator;
import java.sql.*;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.*;
import java.util.*;
import javax.crypto.KeyAgreement;
import javax.net.ssl.*;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Exercises, inside the packaged runtime, what jdeps cannot see: the EC crypto provider TLS needs, locale data,
 * extra charsets, sqlite-jdbc's native library and FTS5, HikariCP, msgpack, and the AWS SDK's S3 client with the
 * apache5 HTTP client (up to a refused connection). Run by installer/probe/run.sh; prints PROBE OK at the end.
 * It checks installer.jdkModules in installer/pom.xml; keep it to libraries the app really uses.
 */
public class RuntimeProbe {
    public static void main(String[] args) throws Exception {
        System.out.println("java.home " + System.getProperty("java.home") + " file.encoding " + System.getProperty("file.encoding"));
        System.out.println("modules " + ModuleLayer.boot().modules().size());
        KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyAgreement.getInstance("ECDH");
        SSLEngine e = SSLContext.getDefault().createSSLEngine();
        long ecdhe = Arrays.stream(e.getEnabledCipherSuites()).filter(s -> s.contains("ECDHE")).count();
        System.out.println("EC ok, ECDHE suites enabled: " + ecdhe);
        System.out.println("de date: " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.GERMAN).format(LocalDate.of(2026, 11, 22)));
        System.out.println("ja date: " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.JAPANESE).format(LocalDate.of(2026, 11, 22)));
        System.out.println("Shift_JIS: " + Charset.isSupported("Shift_JIS"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select sqlite_version()"); rs.next();
            String v = rs.getString(1);
            s.execute("create virtual table t using fts5(x)");
            System.out.println("sqlite " + v + " + fts5 ok");
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:sqlite::memory:");
        try (HikariDataSource ds = new HikariDataSource(hc); Connection c = ds.getConnection()) {
            System.out.println("hikari ok " + c.isValid(1));
        }
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packString("hi"); p.close();
        System.out.println("msgpack " + MessagePack.newDefaultUnpacker(p.toByteArray()).unpackString());
        try (var s3 = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .endpointOverride(URI.create("https://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(10)))
                .build()) {
            s3.listBuckets();
        } catch (SdkClientException ex) {
            System.out.println("s3 client built, call failed as expected: " + ex.getMessage().lines().findFirst().orElse(""));
        }
        // A TLS handshake would need a server; creating a socket still loads the whole TLS stack.
        HttpsURLConnection.getDefaultSSLSocketFactory().createSocket();
        System.out.println("PROBE OK");
    }
}
