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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the phone page ({@link PageBundle}) under {@code page/} of a remote (docs/WEB.md, "Tandem on your
 * phone without a computer"), as it is and with each file's content type, through {@link
 * SyncStorage#publishPage}, which writes nothing outside {@code page/}; beside it {@link #WORDS}, the page's
 * words in the profile's language, which {@code tandem serve} would answer per request.
 *
 * <p>Idempotent: beside the files it keeps their SHA-256 in {@code page/files.sha256} (the format of
 * {@code sha256sum}, so anyone can check a copy). A file listed under {@code page/} whose hash the record
 * names is kept; every other one is written; the record is written last, and only when it changed, so a
 * second publish of the same build writes nothing, and one cut short writes again what it had not
 * recorded. {@code index.html} goes after the other files, so a browser opening it mid-publish finds
 * what it names. A file the previous record named that this build no longer has is deleted; nothing
 * the record does not name is.
 *
 * <p>The page's service worker ({@link #WORKER}) keeps the published files for the page to open offline: its
 * {@code const PUBLISHED = null;} line is stamped with {@code {"version": …, "files": […]}}, every other file
 * this publish holds ({@link #WORDS} included, the record not: it is no file of the page) and the first 12
 * hex digits of SHA-256 over each one's path and bytes, in path order. So a publish with any file changed
 * (another language's words too) changes sw.js's bytes, which the browser takes as a new worker with a new
 * cache. A sw.js without that line is refused: its page would never open offline, silently.
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

    /** The page's service worker, stamped with the published files (sw.js). */
    static final String WORKER = "sw.js";
    static final String UNSTAMPED = "const PUBLISHED = null;";

    /** Where the page's words go: its i18n.js fetches {@code messages.json} beside index.html. */
    public static final String WORDS = "messages.json";

    /**
     * Publishes this build's page with its words: {@code words} is what {@code /messages.json} answers in the
     * profile's language ({@code dev.tandem.app.web.PageWords}, handed in: this package knows no web server).
     */
    public PagePublisher(byte[] words) {
        this(withWords(PageBundle.files(), words));
    }

    /** Publishes {@code files} (a test's own page). */
    public PagePublisher(List<PageBundle.File> files) {
        for (PageBundle.File f : files) {
            if ((SyncStorage.PAGE + f.path()).equals(RECORD)) {
                throw new IllegalArgumentException("the page may not have a file named " + f.path() + ": the record's name");
            }
        }
        this.files = stamped(files);
    }

    /** {@code files} with {@link #WORKER}'s PUBLISHED line stamped; unchanged when there is no worker (a test's page). */
    static List<PageBundle.File> stamped(List<PageBundle.File> files) {
        PageBundle.File worker = null;
        Map<String, byte[]> others = new TreeMap<>();
        for (PageBundle.File f : files) {
            if (f.path().equals(WORKER)) {
                worker = f;
            } else {
                others.put(f.path(), f.bytes());
            }
        }
        if (worker == null) {
            return List.copyOf(files);
        }
        String text = new String(worker.bytes(), StandardCharsets.UTF_8);
        int at = text.indexOf(UNSTAMPED);
        if (at < 0 || text.indexOf(UNSTAMPED, at + 1) >= 0) {
            throw new IllegalStateException(WORKER + " of this page has no single line '" + UNSTAMPED
                    + "' to stamp with the published files: its page would not open offline");
        }
        StringBuilder json = new StringBuilder("{\"version\":\"").append(version(others)).append("\",\"files\":[");
        String sep = "";
        for (String path : others.keySet()) {
            json.append(sep).append('"').append(jsonText(path)).append('"');
            sep = ",";
        }
        json.append("]}");
        byte[] bytes = (text.substring(0, at) + "const PUBLISHED = " + json + ";" + text.substring(at + UNSTAMPED.length()))
                .getBytes(StandardCharsets.UTF_8);
        List<PageBundle.File> out = new ArrayList<>();
        for (PageBundle.File f : files) {
            out.add(f == worker ? new PageBundle.File(WORKER, f.contentType(), bytes) : f);
        }
        return List.copyOf(out);
    }

    /** {@code s} inside a JSON string (the bundle's names need none of it; a test's page may). */
    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The first 12 hex digits of SHA-256 over every path and its bytes, in path order. */
    static String version(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code files} and {@code words} as {@link #WORDS}; no files (a build without the page) stays none. */
    static List<PageBundle.File> withWords(List<PageBundle.File> files, byte[] words) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<PageBundle.File> out = new ArrayList<>();
        for (PageBundle.File f : files) {
            if (!f.path().equals(WORDS)) {
                out.add(f);
            }
        }
        out.add(new PageBundle.File(WORDS, PageBundle.contentType(WORDS), words.clone()));
        return out;
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
