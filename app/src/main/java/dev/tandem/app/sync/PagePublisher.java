package dev.tandem.app.sync;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.PageBundle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the phone page ({@link PageBundle}) under {@code page/} of a remote (docs/WEB.md, "Tandem on your
 * phone without a computer"), as it is and with each file's content type, through {@link
 * SyncStorage#publishPage}, which writes nothing outside {@code page/}.
 *
 * <p>Idempotent: beside the files it keeps their SHA-256 in {@code page/files.sha256} (the format of
 * {@code sha256sum}, so anyone can check a copy). A file listed under {@code page/} whose hash the record
 * names is kept; every other one is written; the record is written last, and only when it changed, so a
 * second publish of the same build writes nothing, and one cut short writes again what it had not
 * recorded. {@code index.html} goes after the other files, so a browser opening it mid-publish finds
 * what it names. A file the previous record named that this build no longer has is deleted; nothing
 * the record does not name is.
 *
 * <p>The record is read from outside: at most {@link #MAX_RECORD_BYTES}, one line a file, a line that is
 * not a hash and a page's file name is skipped (its file is written again).
 */
public final class PagePublisher {
    /** What a publish did: files written and kept unchanged, files of an older page deleted, where to open it. */
    public record Result(int written, int kept, int removed, String url) {
    }

    static final String RECORD = SyncStorage.PAGE + "files.sha256";
    static final int MAX_RECORD_BYTES = 1 << 20;
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([A-Za-z0-9_-][A-Za-z0-9._/-]{0,400})");

    private final List<PageBundle.File> files;

    /** Publishes this build's page. */
    public PagePublisher() {
        this(PageBundle.files());
    }

    /** Publishes {@code files} (a test's own page). */
    public PagePublisher(List<PageBundle.File> files) {
        for (PageBundle.File f : files) {
            if ((SyncStorage.PAGE + f.path()).equals(RECORD)) {
                throw new IllegalArgumentException("the page may not have a file named " + f.path() + ": the record's name");
            }
        }
        this.files = List.copyOf(files);
    }

    /** True when this build carries the page (a build without Node has none). */
    public boolean hasPage() {
        return !files.isEmpty();
    }

    /** Writes what changed; throws the storage's {@code SyncException} on a failing remote, having written what it could. */
    public Result publish(PageSite site) {
        if (files.isEmpty()) {
            throw new IllegalStateException("this build of Tandem has no page to publish");
        }
        SyncStorage storage = site.storage();
        Set<String> listed = listed(storage);
        Map<String, String> before = listed.contains(RECORD) ? record(storage) : Map.of();
        Map<String, String> now = new LinkedHashMap<>();
        List<PageBundle.File> toWrite = new ArrayList<>();
        int kept = 0;
        for (PageBundle.File f : files) {
            String hash = sha256(f.bytes());
            now.put(f.path(), hash);
            if (hash.equals(before.get(f.path())) && listed.contains(SyncStorage.PAGE + f.path())) {
                kept++;
            } else {
                toWrite.add(f);
            }
        }
        toWrite.sort((a, b) -> Boolean.compare(a.path().equals(PageBundle.ENTRY), b.path().equals(PageBundle.ENTRY)));
        for (PageBundle.File f : toWrite) {
            storage.publishPage(SyncStorage.PAGE + f.path(), f.bytes(), f.contentType());
        }
        if (!now.equals(before)) {
            storage.publishPage(RECORD, recordBytes(now), "text/plain; charset=utf-8");
        }
        int removed = 0;
        for (String old : before.keySet()) {
            String name = SyncStorage.PAGE + old;
            if (!now.containsKey(old) && !name.equals(RECORD) && listed.contains(name)) {
                storage.delete(name);
                removed++;
            }
        }
        return new Result(toWrite.size(), kept, removed, site.url());
    }

    private static Set<String> listed(SyncStorage storage) {
        Set<String> names = new HashSet<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(SyncStorage.PAGE, after, 1000);
            names.addAll(page);
            if (page.size() < 1000) {
                return names;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** The previous record, path → hash; empty when it is too large to be ours. */
    static Map<String, String> record(SyncStorage storage) {
        OptionalLong size = storage.size(RECORD);
        if (size.isEmpty() || size.getAsLong() > MAX_RECORD_BYTES) {
            return Map.of();
        }
        byte[] bytes = storage.get(RECORD).orElse(new byte[0]);
        if (bytes.length > MAX_RECORD_BYTES) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && !m.group(2).contains("..")) {
                out.put(m.group(2), m.group(1));
            }
        }
        return out;
    }

    private static byte[] recordBytes(Map<String, String> hashes) {
        StringBuilder b = new StringBuilder();
        hashes.forEach((path, hash) -> b.append(hash).append("  ").append(path).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
