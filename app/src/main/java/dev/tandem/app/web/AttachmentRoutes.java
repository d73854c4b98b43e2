package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.engine.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * Attached files for a paired browser: {@code GET /api/attachments/ID} streams a file's bytes from
 * the profile's attachment store, and {@code POST /api/items/ID/attachments?name=N} streams a
 * browser's file into it. A file this device does not hold yet is asked of the remote and answered
 * 503 with {@code Retry-After} meanwhile, so the page says "Downloading…" and asks again.
 *
 * <p>A shared list's files come from other people, so a file is never a page of ours: it is served
 * with its own type only if that is on an allow-list ({@link #SERVED_TYPES}), else as bytes; without
 * sniffing, in a sandbox, as a download unless it is an image a page may show, and only from the
 * store's own folder.
 */
final class AttachmentRoutes {
    static final String FILES = "/api/attachments/";
    /** How long a request waits for a download before answering 503: a small file then needs no retry. */
    static final long WAIT_MILLIS = 1000;
    static final int RETRY_SECONDS = 2;
    /** What a file itself may do when opened: show images and media, run nothing, in an opaque origin. */
    static final String FILE_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline';"
            + " sandbox";

    private final TodoStore store;
    private final AttachmentStore attachments;
    private final AttachmentFetcher fetcher;
    private final LongSupplier limit;

    /** {@code fetcher} null: this device cannot download (serves what it holds only). */
    AttachmentRoutes(TodoStore store, AttachmentStore attachments, AttachmentFetcher fetcher, LongSupplier limit) {
        this.store = store;
        this.attachments = attachments;
        this.fetcher = fetcher;
        this.limit = limit;
    }

    /** The file routes, for a paired browser: a file's bytes (GET, and HEAD as GET), and attaching one. */
    List<Route> routes() {
        return List.of(
                Route.get(FILES + "{id}", (x, b, p) -> serve(x, p.get(0))),

                Route.post("/api/items/{id}/attachments", (x, b, p) -> upload(x, p.get(0))));
    }

    private void serve(Exchange x, String id) {
        // A file of an item a token does not see answers as one that does not exist.
        Attachment a = attachments.get(id).filter(f -> !x.scope().limited()
                || store.get(f.itemId()).filter(x.scope()::sees).isPresent())
                .orElseThrow(() -> new BadRequest(404, "server.attachment.unknown"));
        Optional<Path> file = attachments.file(a);
        if (file.isEmpty()) {
            AttachmentFetcher.Status s = fetch(a);
            if (s.state() != AttachmentFetcher.State.HERE || (file = attachments.file(a)).isEmpty()) {
                notHere(x, a, s);
                return;
            }
        }
        Path p = inStore(file.get());
        long size;
        try {
            size = Files.size(p);
        } catch (IOException e) {
            throw new BadRequest(503, "server.attachment.unreadable", a.name());
        }
        x.guardHeaders(false);
        var h = x.response().getHeaders();
        // Bytes of an id never change (named by content), so a cached copy is checked, not sent again.
        String etag = "\"" + a.blob() + "\"";
        h.put(HttpHeader.CACHE_CONTROL, "private, no-cache");
        h.put(HttpHeader.ETAG, etag);
        h.put("Content-Security-Policy", FILE_CSP);
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        if (etag.equals(x.header("If-None-Match"))) {
            x.response().setStatus(304);
            x.callback().succeeded();
            return;
        }
        boolean inline = inlineType(a.type()) && x.query("download").isEmpty();
        h.put(HttpHeader.CONTENT_TYPE, servedType(a.type()));
        h.put(new HttpField(HttpHeader.CONTENT_LENGTH, String.valueOf(size)));
        h.put("Content-Disposition", disposition(inline, a.name()));
        x.response().setStatus(200);
        if (x.method().equals("HEAD")) {
            x.callback().succeeded();
            return;
        }
        Content.copy(Content.Source.from(p), x.response(), x.callback());
    }

    /** Starts the download of {@code a}'s bytes and waits a moment for it. */
    private AttachmentFetcher.Status fetch(Attachment a) {
        if (fetcher == null) {
            return new AttachmentFetcher.Status(a.blob(), AttachmentFetcher.State.NO_SYNC, null);
        }
        CompletableFuture<AttachmentFetcher.Status> f = fetcher.fetch(a.blob());
        try {
            return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new AttachmentFetcher.Status(a.blob(), AttachmentFetcher.State.DOWNLOADING, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttachmentFetcher.Status(a.blob(), AttachmentFetcher.State.DOWNLOADING, null);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return new AttachmentFetcher.Status(a.blob(), AttachmentFetcher.State.FAILED,
                    c.getMessage() == null ? c.toString() : c.getMessage());
        }
    }

    private static void notHere(Exchange x, Attachment a, AttachmentFetcher.Status s) {
        String name = a.name();
        x.header("X-Tandem-Attachment", s.state().name().toLowerCase(Locale.ROOT));
        switch (s.state()) {
            case DOWNLOADING, HERE -> {
                x.header("Retry-After", String.valueOf(RETRY_SECONDS));
                x.error(503, x.text("server.attachment.downloading", name));
            }
            case NOT_ON_REMOTE -> {
                x.header("Retry-After", "30");
                x.error(503, x.text("server.attachment.notOnRemote", name));
            }
            case NO_SYNC -> x.error(503, x.text("server.attachment.noSync", name));
            // What failed is in the fetcher's log; the answer says what the person can do.
            case FAILED -> x.error(502, x.text("server.attachment.failed", name));
        }
    }

    /** The local copy's path, refused unless it lies inside the attachment store's own folder. */
    private Path inStore(Path file) {
        try {
            Path dir = store.attachments().blobs().directory().toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(dir) || !Files.isRegularFile(real)) {
                throw new BadRequest(404, "server.attachment.unknown");
            }
            return real;
        } catch (IOException e) {
            throw new BadRequest(404, "server.attachment.unknown");
        }
    }

    private void upload(Exchange x, String itemId) {
        store.get(itemId).filter(x.scope()::sees).orElseThrow(() -> new BadRequest(404, "server.item.gone"));
        String name = fileName(x.query("name").orElse(""));
        long max = limit.getAsLong();
        long length = x.request().getLength();
        if (length < 0) {
            throw new BadRequest(411, "server.attachment.length");
        }
        if (length > max) {
            throw new BadRequest(413, "server.attachment.tooLarge", name, AttachmentJson.size(max));
        }
        String type = uploadType(name, x.header("Content-Type"));
        Attachment a;
        try (InputStream in = Content.Source.asInputStream(x.request())) {
            a = attachments.add(itemId, in, name, type, max);
        } catch (BlobTooLargeException e) {
            throw new BadRequest(413, "server.attachment.tooLarge", name, AttachmentJson.size(e.limit()));
        } catch (IOException e) {
            throw new BadRequest("server.attachment.notReceived");
        }
        x.json(201, obj("attachment", AttachmentJson.of(a), "markdown", a.markdown()));
    }

    /** The name a browser sent, without folders or control characters (a row keeps at most 255 characters). */
    static String fileName(String asked) {
        String n = asked.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return "file";
        }
        return n.length() > AttachmentStore.MAX_NAME ? n.substring(0, AttachmentStore.MAX_NAME) : n;
    }

    /** The type by the name's extension, as the desktop names it; else the browser's, if it is a plain MIME type. */
    static String uploadType(String name, String sent) {
        String byName = AttachmentStore.typeOf(name);
        if (!byName.equals("application/octet-stream") || sent == null) {
            return byName;
        }
        String t = sent.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return MIME.matcher(t).matches() ? t : byName;
    }

    private static final Pattern MIME =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    /** Images a page shows inline; anything else (HTML, SVG, PDF, scripts) downloads. */
    static boolean inlineType(String type) {
        return type != null && Map.of("image/png", 1, "image/jpeg", 1, "image/gif", 1, "image/bmp", 1, "image/webp", 1)
                .containsKey(type);
    }

    /**
     * Types a browser shows or plays without running anything of the file's: these are served as
     * they are; any other type (HTML, SVG, XML, any script, whatever a browser may learn to run) as
     * bytes to download.
     */
    static final Set<String> SERVED_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp",
            "image/avif", "application/pdf", "text/plain", "text/csv", "text/markdown", "audio/mpeg", "audio/ogg",
            "audio/wav", "audio/mp4", "video/mp4", "video/webm", "application/zip", "application/json");

    /** The attachment's type if it is in {@link #SERVED_TYPES}; else bytes. */
    static String servedType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!SERVED_TYPES.contains(t)) {
            return "application/octet-stream";
        }
        return t.startsWith("text/") ? t + "; charset=utf-8" : t;
    }

    /** RFC 6266: an ASCII fallback name and the real one percent-encoded (RFC 5987). */
    static String disposition(boolean inline, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        StringBuilder enc = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                enc.append((char) c);
            } else {
                enc.append('%').append(String.format("%02X", c));
            }
        }
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + enc;
    }
}
