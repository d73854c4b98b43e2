package dev.tandem.app.sync;

import java.time.Duration;

/**
 * How often the sync service asks the remote "anything new?" ({@code SyncEngine.remoteChanged}),
 * while a window is focused and while none is. A folder answers from the local file system, so it
 * is asked often; an S3 check is a request that costs money, so it is asked often only while
 * someone is looking (docs/PERFORMANCE.md, "Live sync", has the cost arithmetic).
 */
public record Pacing(Duration focused, Duration background) {
    /** A folder: a file's attributes, free to read; a watched folder calls back sooner still. */
    public static final Pacing LOCAL = new Pacing(Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** S3 or WebDAV: one conditional HEAD per check. */
    public static final Pacing REMOTE = new Pacing(Duration.ofMillis(2500), Duration.ofMinutes(5));

    public Duration interval(boolean isFocused) {
        return isFocused ? focused : background;
    }
}
