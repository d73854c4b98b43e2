package dev.tandem.engine.internal.storage;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
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
 * {@link StorageProbe} to find out. How the SDK client is set up (timeouts, retries, proxy) is {@link S3Clients}'.
 */
public final class S3Storage implements SyncStorage {
    /** S3 never returns more per ListObjectsV2 call. */
    private static final int MAX_PAGE = 1000;
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
        this.client = S3Clients.build(settings, endpoint, proxy);
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
                S3Multipart.upload(client, bucket, name, attempts, S3Clients.attemptTimeout(inFlight),
                        S3Clients.callTimeout(inFlight));
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
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(S3Clients.attemptTimeout(length))
                            .apiCallTimeout(S3Clients.callTimeout(length))), request);
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
}
