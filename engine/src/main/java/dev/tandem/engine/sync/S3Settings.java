package dev.tandem.engine.sync;

import java.net.URI;

/**
 * Where and how to reach an S3 bucket. {@code endpoint} is null for AWS itself, or the URL of any
 * S3-compatible service; path-style addressing is always used. {@link #toString()} hides the secret.
 */
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey) {
    public S3Settings {
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

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey + ", secretKey=***]";
    }
}
