package dev.tandem.app.web;

import dev.tandem.ui.WebAssets;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Puts the page as its own device on an S3 bucket in the layout docs/WEB.md gives ("The page as its own device"),
 * readable by anyone (public-read), each file with its content type:
 * {@code page/index.html}, {@code page/assets/…} and the rest of the page's files at their served paths,
 * {@code page/messages.json} (English), the JavaScript core's {@code src/} and {@code app/} under
 * {@code page/core/}, and the npm packages it imports under {@code page/vendor/<package>/} (their ES module files).
 */
final class OwnDevicePageFiles {
    static final Path CORE = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync");
    private static final List<String> PACKAGES = List.of("pako", "hash-wasm", "@noble/curves", "@noble/hashes");

    private OwnDevicePageFiles() {
    }

    /** Uploads everything under {@code prefix} ("page/"); the number of files put. */
    static int publish(S3Client s3, String bucket, String prefix) {
        return publish(s3, bucket, prefix, "");
    }

    /** Uploads everything, {@code cssNote} added at the end of the style sheet (a changed publish). */
    static int publish(S3Client s3, String bucket, String prefix, String cssNote) {
        Map<String, File> files = files(cssNote);
        files.forEach((path, f) -> put(s3, bucket, prefix + path, f.type(), f.bytes()));
        return files.size();
    }

    /** One published file: its content type and bytes. */
    record File(String type, byte[] bytes) {
    }

    /**
     * Every file of the folder by its path in it, {@code sw.js} stamped: its {@code PUBLISHED} line names the other
     * files and a version made of their bytes, so the service worker keeps them all and a changed publish is a new
     * worker with a new cache (sw.js, "own device").
     */
    static Map<String, File> files(String cssNote) {
        Map<String, File> files = new TreeMap<>();
        for (String path : WebAssets.paths()) {
            WebAssets.Asset a = WebAssets.find(path).orElseThrow();
            files.put(path.equals("/") ? "index.html" : path.substring(1), new File(a.contentType(), a.bytes()));
        }
        File css = files.get("assets/app.css");
        files.put("assets/app.css", new File(css.type(),
                (new String(css.bytes(), StandardCharsets.UTF_8) + cssNote).getBytes(StandardCharsets.UTF_8)));
        Language en = Language.forTag("en").orElseThrow();
        byte[] words = JsonText.write(JsonText.obj("lang", en.tag(), "dir", "ltr", "messages", Messages.patterns(en, "page")))
                .getBytes(StandardCharsets.UTF_8);
        files.put("messages.json", new File("application/json;charset=utf-8", words));
        for (String folder : List.of("src", "app")) {
            tree(files, CORE.resolve(folder), "core/" + folder + "/");
        }
        for (String pkg : PACKAGES) {
            Path dir = CORE.resolve("node_modules").resolve(pkg);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir.toAbsolutePath() + " is missing: run the core's tests once (npm ci)");
            }
            tree(files, dir, "vendor/" + pkg + "/");
        }
        File sw = files.get("sw.js");
        List<String> kept = files.keySet().stream().filter(p -> !p.equals("sw.js")).toList();
        String stamped = new String(sw.bytes(), StandardCharsets.UTF_8).replace("const PUBLISHED = null;",
                "const PUBLISHED = " + JsonText.write(JsonText.obj("version", version(files), "files", kept)) + ";");
        if (!stamped.contains("\"version\"")) {
            throw new IllegalStateException("sw.js has no PUBLISHED line to stamp");
        }
        files.put("sw.js", new File(sw.type(), stamped.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** The first 12 hex digits of SHA-256 over every path and its bytes. */
    private static String version(Map<String, File> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, f) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update(f.bytes());
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tree(Map<String, File> files, Path dir, String prefix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> scripts = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).toList();
            for (Path p : scripts) {
                files.put(prefix + dir.relativize(p).toString().replace('\\', '/'),
                        new File("text/javascript;charset=utf-8", Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(S3Client s3, String bucket, String key, String type, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(type).acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromBytes(bytes));
    }
}
