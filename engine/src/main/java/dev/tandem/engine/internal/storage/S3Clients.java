package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.http.LazyTls;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.S3Settings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How {@link S3Storage}'s SDK client is built and how long its calls may take: timeouts, retries, the proxy and
 * the settings a third-party S3 server needs. Apart from the storage because this is the SDK's configuration,
 * decided once per bucket, while the storage is the protocol spoken through it.
 */
final class S3Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** Covers the retries too, so a sync waiting on a dead remote gives up within a minute. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** One try plus two retries: sync itself retries later, so the SDK need not try hard. */
    private static final int MAX_ATTEMPTS = 3;
    /**
     * A large body's attempt may take this long per byte on top of {@link #ATTEMPT_TIMEOUT} (64 KiB/s,
     * a poor mobile uplink); a stalled connection still fails within the socket timeout.
     */
    private static final long SLOWEST_BYTES_PER_SECOND = 64 << 10;

    private S3Clients() {
    }

    /** The client for {@code settings}' bucket: at {@code endpoint} (null: AWS itself), through {@code proxy}. */
    static S3Client build(S3Settings settings, URI endpoint, Proxies.Choice proxy) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .proxyConfiguration(proxyConfiguration(proxy));
        if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
            http.tlsSocketStrategy(new LazyTls());
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(http)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(true)
                .overrideConfiguration(c -> c
                        .addExecutionInterceptor(new WebPageGuard())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
        if (endpoint != null) {
            // A third-party server. Since SDK 2.30 the defaults add a CRC trailer to every PutObject,
            // sent as an aws-chunked body, and over http the body is signed chunk by chunk as well.
            // Ceph RGW, Alibaba OSS, Tencent COS, Huawei OBS and older MinIO reject or mishandle
            // aws-chunked bodies, and s3rver stores them with their framing (every object corrupt).
            // So for these: checksums only where the API requires them, and one plain, fully signed
            // body. Every object is still checked end to end: batches carry their own CRC32C, and
            // sync reads its first write back (docs/S3_PROVIDERS.md).
            builder.endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        // AWS itself keeps the SDK's stronger defaults: a CRC32 on every upload and download.
        return builder.build();
    }

    /**
     * The SDK's own environment and system-property lookups are off, so {@link Proxies} is the one
     * rule; the client reaches one host, so no non-proxy hosts are needed either.
     */
    private static ProxyConfiguration proxyConfiguration(Proxies.Choice proxy) {
        ProxyConfiguration.Builder b = ProxyConfiguration.builder()
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        if (!proxy.direct()) {
            b.endpoint(URI.create("http://" + proxy.address()));
            if (proxy.hasCredentials()) {
                b.username(proxy.user()).password(proxy.password()).preemptiveBasicAuthenticationEnabled(true);
            }
        }
        return b.build();
    }

    /** Longer for a larger body, at the slowest upload still worth waiting for. */
    static Duration attemptTimeout(long length) {
        return ATTEMPT_TIMEOUT.plusSeconds(length / SLOWEST_BYTES_PER_SECOND);
    }

    /** The whole call's limit for a body of {@code length} bytes, its retries included. */
    static Duration callTimeout(long length) {
        return CALL_TIMEOUT.plusSeconds(MAX_ATTEMPTS * (length / SLOWEST_BYTES_PER_SECOND));
    }
}
