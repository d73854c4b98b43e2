package dev.tandem.engine.sync;

/**
 * What a storage says an object's current version is: an ETag on S3, the file's identity and
 * modification time in a folder. Only compared for equality; {@link #MISSING} when there is no
 * object, {@link #UNKNOWN} when the storage cannot tell (then every check reads as a change).
 */
public record Version(String tag) {
    public static final Version MISSING = new Version("");
    public static final Version UNKNOWN = new Version("?");

    public Version {
        if (tag == null) {
            throw new IllegalArgumentException("tag: must not be null");
        }
    }
}
