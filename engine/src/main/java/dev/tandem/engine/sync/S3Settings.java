package dev.tandem.engine.sync;

import java.net.URI;

/**
 * Where and how to reach an S3 bucket. {@code endpoint} is null for AWS itself, or the URL of any
 * S3-compatible service; path-style addressing is always used. {@code proxy} is empty to follow the
 * environment ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}) and else the JVM's proxy
 * settings, {@code none} to connect directly, or {@code http://[user:password@]host:port}
 * (docs/REMOTES.md, "Proxies"). {@link #toString()} hides the secret and any proxy password.
 */
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
                         String proxy) {
    public S3Settings {
        proxy = WebDavSettings.normalizeProxy(proxy);
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket: must not be empty");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region: must not be empty (e.g. us-east-1)");
        }
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey: must not be empty");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey: must not be empty");
        }
        if (endpoint != null && !endpoint.isBlank()) {
            URI uri;
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint: not a URL: " + endpoint, e);
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("endpoint: must be an http(s) URL such as https://s3.example.com, was " + endpoint);
            }
        }
    }

    /** A bucket reached through the proxy the environment or the JVM names, if any. */
    public S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey) {
        this(endpoint, bucket, region, accessKey, secretKey, "");
    }

    /** These settings with {@code proxy} in place of the current one ("" for the environment's, "none" for none). */
    public S3Settings withProxy(String proxy) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, proxy);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey + ", secretKey=***"
                + (proxy.isEmpty() ? "" : ", proxy=" + WebDavSettings.maskedProxy(proxy)) + "]";
    }
}
