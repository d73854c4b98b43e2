package dev.tandem.app.web;

import dev.tandem.ui.WebAssets;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        int n = 0;
        for (String path : WebAssets.paths()) {
            WebAssets.Asset a = WebAssets.find(path).orElseThrow();
            put(s3, bucket, prefix + (path.equals("/") ? "index.html" : path.substring(1)), a.contentType(), a.bytes());
            n++;
        }
        Language en = Language.forTag("en").orElseThrow();
        byte[] words = JsonText.write(JsonText.obj("lang", en.tag(), "dir", "ltr", "messages", Messages.patterns(en, "page")))
                .getBytes(StandardCharsets.UTF_8);
        put(s3, bucket, prefix + "messages.json", "application/json;charset=utf-8", words);
        n++;
        for (String folder : List.of("src", "app")) {
            n += tree(s3, bucket, CORE.resolve(folder), prefix + "core/" + folder + "/");
        }
        for (String pkg : PACKAGES) {
            Path dir = CORE.resolve("node_modules").resolve(pkg);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir.toAbsolutePath() + " is missing: run the core's tests once (npm ci)");
            }
            n += tree(s3, bucket, dir, prefix + "vendor/" + pkg + "/");
        }
        return n;
    }

    private static int tree(S3Client s3, String bucket, Path dir, String prefix) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> scripts = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).toList();
            for (Path p : scripts) {
                String key = prefix + dir.relativize(p).toString().replace('\\', '/');
                put(s3, bucket, key, "text/javascript;charset=utf-8", Files.readAllBytes(p));
            }
            return scripts.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(S3Client s3, String bucket, String key, String type, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(type).acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromBytes(bytes));
    }
}
