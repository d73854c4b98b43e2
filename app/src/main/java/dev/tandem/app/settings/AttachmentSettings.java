package dev.tandem.app.settings;

import dev.tandem.app.model.AttachmentStore;

/**
 * This device's choices about attached files, kept in {@code settings.properties}: the largest file one
 * may attach, whether to keep every attachment on this device ("Keep attachments on this device"), and
 * otherwise how much room the downloaded copies may take. Not synced: another device may have less disk.
 */
public record AttachmentSettings(long limit, boolean keepAll, long cacheLimit) {
    /** The largest file one may attach unless Settings says otherwise. */
    public static final long DEFAULT_LIMIT = AttachmentStore.DEFAULT_LIMIT;
    /** How much the downloaded copies may take unless Settings says otherwise. */
    public static final long DEFAULT_CACHE_LIMIT = 1000L * 1000 * 1000;
    /** No limit below 1 MB: a pasted screenshot must fit. */
    public static final long MIN_LIMIT = 1000L * 1000;

    static final String LIMIT = "attachments.limit";
    static final String KEEP_ALL = "attachments.keepAll";
    static final String CACHE_LIMIT = "attachments.cacheLimit";

    public AttachmentSettings {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " bytes is below the least limit of " + MIN_LIMIT);
        }
        if (cacheLimit < 0) {
            throw new IllegalArgumentException("cacheLimit: " + cacheLimit + " is negative");
        }
    }

    public static AttachmentSettings defaults() {
        return new AttachmentSettings(DEFAULT_LIMIT, false, DEFAULT_CACHE_LIMIT);
    }

    /** What {@code store} holds; a value that is missing or not a valid number is its default. */
    public static AttachmentSettings load(SettingsStore store) {
        long limit = number(store.get(LIMIT, ""), DEFAULT_LIMIT);
        long cache = number(store.get(CACHE_LIMIT, ""), DEFAULT_CACHE_LIMIT);
        return new AttachmentSettings(limit < MIN_LIMIT ? DEFAULT_LIMIT : limit,
                Boolean.parseBoolean(store.get(KEEP_ALL, "false")), cache);
    }

    public void save(SettingsStore store) {
        store.put(LIMIT, String.valueOf(limit));
        store.put(KEEP_ALL, String.valueOf(keepAll));
        store.put(CACHE_LIMIT, String.valueOf(cacheLimit));
    }

    public AttachmentSettings withLimit(long bytes) {
        return new AttachmentSettings(bytes, keepAll, cacheLimit);
    }

    public AttachmentSettings withKeepAll(boolean on) {
        return new AttachmentSettings(limit, on, cacheLimit);
    }

    public AttachmentSettings withCacheLimit(long bytes) {
        return new AttachmentSettings(limit, keepAll, bytes);
    }

    private static long number(String s, long fallback) {
        try {
            long v = Long.parseLong(s.strip());
            return v < 0 ? fallback : v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
