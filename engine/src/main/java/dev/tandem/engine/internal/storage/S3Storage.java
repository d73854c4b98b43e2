package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.http.LazyTls;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket on AWS or any S3-compatible service, through the AWS SDK v2 with the Apache 5 HTTP
 * client. Create-if-absent is a PutObject with {@code If-None-Match: *}, which the service answers
 * with 412 when the name is taken; whether a provider really honours it is for
 * {@link StorageProbe} to find out.
 */
public final class S3Storage implements SyncStorage {
    /** S3 never returns more per ListObjectsV2 call. */
    private static final int MAX_PAGE = 1000;
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
    private static final String OCTET = "application/octet-stream";

    private final S3Client client;
    private final String bucket;
    private final String where;
    private final S3Errors errors;

    /** Through the proxy the settings or the JVM's proxy selector name; the environment is not read. */
    public S3Storage(S3Settings settings) {
        this(settings, Map.of(), ProxySelector.getDefault());
    }

    /** Through the proxy {@link Proxies#choose} picks from the settings, {@code env} and {@code system}. */
    public S3Storage(S3Settings settings, Map<String, String> env, ProxySelector system) {
        Objects.requireNonNull(settings, "settings");
        this.bucket = settings.bucket();
        URI endpoint = settings.endpoint() == null || settings.endpoint().isBlank() ? null
                : URI.create(settings.endpoint().strip());
        String host = endpoint == null ? "s3." + settings.region() + ".amazonaws.com" : endpoint.getAuthority();
        this.where = "s3://" + host + "/" + bucket;
        URI target = endpoint != null ? endpoint : URI.create("https://" + host);
        Proxies.Choice proxy = Proxies.choose(target, settings.proxy(), env, system);
        this.errors = new S3Errors(where, bucket, proxy);
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
        this.client = builder.build();
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        String after = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        while (true) {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .maxKeys(Math.min(maxNames, MAX_PAGE));
            if (!p.isEmpty()) {
                request.prefix(p);
            }
            if (after != null) {
                request.startAfter(after);
            }
            ListObjectsV2Response response;
            try {
                response = client.listObjectsV2(request.build());
            } catch (SdkException e) {
                throw errors.map(ObjectNames.listing(p), e);
            }
            List<String> names = new ArrayList<>(response.contents().size());
            for (S3Object object : response.contents()) {
                // Objects someone else put in the bucket (console "folders", odd names) are not ours.
                if (ObjectNames.isValid(object.key()) && object.key().startsWith(p)) {
                    names.add(object.key());
                }
            }
            if (!names.isEmpty() || !Boolean.TRUE.equals(response.isTruncated()) || response.contents().isEmpty()) {
                // S3 lists in UTF-8 byte order, which for our ASCII names is String order; s3rver
                // lists in its file system's walk order instead ('a/b' before 'a-b'). Sorting a page
                // costs nothing on a compliant server and makes single-page listings right on it.
                names.sort(null);
                return names;
            }
            // A whole page of foreign names: an empty answer would end the caller's paging early,
            // so this rare case costs a second request.
            after = response.contents().get(response.contents().size() - 1).key();
        }
    }

    @Override
    public Optional<byte[]> get(String name) {
        ObjectNames.validate(name);
        try {
            try (ResponseInputStream<GetObjectResponse> in = client.getObject(r -> r.bucket(bucket).key(name))) {
                Long size = in.response().contentLength();
                if (size != null && size > ObjectNames.MAX_OBJECT_BYTES) {
                    // Closing without reading the body would drain it first: abort the connection.
                    in.abort();
                    throw ObjectNames.tooLarge(name, size, where);
                }
                byte[] data = in.readNBytes((int) ObjectNames.MAX_OBJECT_BYTES + 1);
                if (data.length > ObjectNames.MAX_OBJECT_BYTES) {
                    in.abort();
                    throw ObjectNames.tooLarge(name, data.length, where);
                }
                return Optional.of(data);
            }
        } catch (IOException e) {
            throw errors.map("get '" + name + "'", SdkClientException.create("reading the body failed: " + e.getMessage(), e));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.map("get '" + name + "'", e);
        }
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        Objects.requireNonNull(data, "data");
        return createIfAbsent(name, ObjectBody.of(data));
    }

    /**
     * One PutObject with {@code If-None-Match: *} and the body's declared Content-Length, streamed:
     * the SDK re-opens the body for each attempt (and over plain http once more, to hash it for the
     * signature). A body over {@link S3Multipart#THRESHOLD} goes in parts instead ({@link
     * S3Multipart}): services in front of a disk take less than S3's 5 GB in one request.
     */
    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        ObjectNames.validate(name);
        Objects.requireNonNull(body, "body");
        String action = "write '" + name + "'";
        long length = body.length();
        BodyAttempts attempts = new BodyAttempts(body);
        try {
            if (length > S3Multipart.THRESHOLD) {
                if (size(name).isPresent()) {
                    return false;
                }
                // Parts in flight share the link, so each may take as long as all of them together.
                long inFlight = (long) S3Multipart.PART * S3Multipart.IN_FLIGHT;
                S3Multipart.upload(client, bucket, name, attempts, attemptTimeout(inFlight), callTimeout(inFlight));
                return true;
            }
            RequestBody request = RequestBody.fromContentProvider(() -> {
                try {
                    return attempts.open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, length, OCTET);
            client.putObject(r -> r.bucket(bucket).key(name).ifNoneMatch("*").contentType(OCTET).contentLength(length)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(length))
                            .apiCallTimeout(callTimeout(length))), request);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return attempts(e) > 1 && isOurs(name, body);
            }
            if (e.statusCode() == 501) {
                throw new SyncException(Reason.NO_CONDITIONAL_WRITES, "Cannot write '" + name + "' to " + where
                        + ": the service does not implement If-None-Match on PUT, so devices syncing at the same "
                        + "time could overwrite each other (HTTP 501)", e);
            }
            throw errors.map(action, e);
        } catch (SdkException | UncheckedIOException | IOException e) {
            if (Bodies.findBodyFailure(e) != null || attempts.failure() != null || e instanceof IOException) {
                throw Bodies.bodyFailure(action + " in " + where, attempts.failure() != null ? attempts.failure() : e);
            }
            throw e instanceof SdkException sdk ? errors.map(action, sdk) : errors.map(action,
                    SdkClientException.create("reading the body failed: " + e.getMessage(), e));
        } finally {
            attempts.finish("'" + name + "' in " + where);
        }
    }

    /** The object as the SDK streams it; closed early, the connection is dropped rather than drained. */
    @Override
    public Optional<InputStream> open(String name) {
        ObjectNames.validate(name);
        String action = "read '" + name + "'";
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = client.getObject(r -> r.bucket(bucket).key(name));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.map(action, e);
        }
        return Optional.of(Bodies.failingAs(in, e -> errors.map(action, e instanceof SdkException sdk ? sdk
                : SdkClientException.create("reading the body failed: " + e.getMessage(), e)), in::abort));
    }

    /** One HeadObject; a missing object is a 404 without a body (HEAD has none), so no NoSuchKey. */
    @Override
    public OptionalLong size(String name) {
        ObjectNames.validate(name);
        try {
            Long length = client.headObject(r -> r.bucket(bucket).key(name)).contentLength();
            if (length == null) {
                throw new SyncException(Reason.IO, "Cannot check '" + name + "' in " + where
                        + ": the service did not say the object's size");
            }
            return OptionalLong.of(length);
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw errors.map("check '" + name + "'", e);
        } catch (SdkException e) {
            throw errors.map("check '" + name + "'", e);
        }
    }

    @Override
    public void delete(String name) {
        ObjectNames.validate(name);
        try {
            client.deleteObject(r -> r.bucket(bucket).key(name));
        } catch (SdkException e) {
            throw errors.map("delete '" + name + "'", e);
        }
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        ObjectNames.validate(name);
        try {
            String etag = client.putObject(r -> r.bucket(bucket).key(name).contentType(OCTET),
                    RequestBody.fromBytes(data)).eTag();
            return etag == null ? Version.UNKNOWN : new Version(etag);
        } catch (SdkException e) {
            throw errors.map("write '" + name + "'", e);
        }
    }

    /** A plain PUT with the file's type; {@code no-cache} so a browser asks again (by ETag) after a new publish. */
    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePageBelowPrefix(name);
        try {
            String etag = client.putObject(r -> r.bucket(bucket).key(name).contentType(contentType)
                    .cacheControl("no-cache"), RequestBody.fromBytes(data)).eTag();
            return etag == null ? Version.UNKNOWN : new Version(etag);
        } catch (SdkException e) {
            throw errors.map("write '" + name + "'", e);
        }
    }

    /** One HEAD with If-None-Match: S3 answers 304, a GET-class request, when nothing changed. */
    @Override
    public Version version(String name, Version known) {
        ObjectNames.validate(name);
        try {
            String etag = client.headObject(r -> {
                r.bucket(bucket).key(name);
                if (known != null && !known.tag().isEmpty() && !known.equals(Version.UNKNOWN)) {
                    r.ifNoneMatch(known.tag());
                }
            }).eTag();
            Version now = etag == null ? Version.UNKNOWN : new Version(etag);
            return now.equals(known) ? known : now;
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                return known;
            }
            if (e.statusCode() == 404) {
                return Version.MISSING;
            }
            throw errors.map("check '" + name + "'", e);
        } catch (SdkException e) {
            throw errors.map("check '" + name + "'", e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void close() {
        client.close();
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

    private static int attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n == null ? 1 : n;
    }

    /**
     * A 412 after a retry is ambiguous: the first attempt may have stored the object and only its
     * answer got lost. Objects are immutable, so if the stored bytes are ours, this call created it.
     */
    private boolean isOurs(String name, ObjectBody body) {
        Optional<InputStream> stored = open(name);
        if (stored.isEmpty()) {
            return false;
        }
        try (InputStream theirs = stored.get(); InputStream mine = Bodies.openExact(body)) {
            return Bodies.sameContent(theirs, mine);
        } catch (IOException e) {
            throw Bodies.bodyFailure("write '" + name + "' in " + where, e);
        }
    }

    /** Longer for a larger body, at the slowest upload still worth waiting for. */
    private static Duration attemptTimeout(long length) {
        return ATTEMPT_TIMEOUT.plusSeconds(length / SLOWEST_BYTES_PER_SECOND);
    }

    private static Duration callTimeout(long length) {
        return CALL_TIMEOUT.plusSeconds(MAX_ATTEMPTS * (length / SLOWEST_BYTES_PER_SECOND));
    }
}
