package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.sync.PagePublisher;
import dev.tandem.app.sync.PageSite;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.messages.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The page's code as it reaches a phone that uses the page as its own device (docs/PERFORMANCE.md, "The page as
 * its own device"): everything {@code tandem page publish} writes, each file compressed with gzip on its own as a
 * server would send it, summed. The page's worker keeps every published file but the record at install, so all of
 * it is loaded; the images (the install icons, already compressed) are counted apart. The words are German
 * (the longest of the languages). Over the budget, this fails.
 */
@Tag("unit")
class PageSizeTest {
    /** The goal: the page's code, compressed, at most this. */
    static final int BUDGET = 200 * 1024;

    @Test
    void publish_everyFileThePageLoads_codeWithinBudgetCompressed() {
        PagePublisher publisher = new PagePublisher(PageWords.json(Language.GERMAN));
        Assumptions.assumeTrue(publisher.hasPage(), "this build has no page bundle (no Node)");
        SyncStorage storage = SyncStorage.memory();
        publisher.publish(new PageSite(storage, "https://example.org/page/index.html", true));
        TreeMap<String, Integer> code = new TreeMap<>();
        TreeMap<String, Integer> images = new TreeMap<>();
        for (String name : storage.list(SyncStorage.PAGE, null, 10_000)) {
            if (name.equals(SyncStorage.PAGE + "files.sha256")) {
                continue; // the publisher's record of hashes: no file of the page, the worker does not keep it
            }
            int size = gzip(storage.get(name).orElseThrow());
            (name.endsWith(".png") ? images : code).put(name, size);
        }
        int total = code.values().stream().mapToInt(Integer::intValue).sum();
        int pictures = images.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "the page's code, as published: %d files, %.1f KB gzip (budget %d KB); its"
                + " images apart: %d files, %.1f KB%n", code.size(), total / 1024.0, BUDGET / 1024, images.size(),
                pictures / 1024.0);
        // The page's code in a few chunks (tools/bundle-page.js): its own, the core's split off, their shared ones.
        assertTrue(code.keySet().containsAll(List.of("page/index.html", "page/sw.js", "page/messages.json",
                "page/assets/app.js", "page/assets/app.css", "page/assets/device-core.js")), "not the whole page: " + code.keySet());
        assertTrue(total <= BUDGET, String.format(Locale.ROOT, "the page's code is %.1f KB gzip, over its %d KB: %s",
                total / 1024.0, BUDGET / 1024, largest(code)));
    }

    /** The ten largest files, for the message of a page over budget. */
    private static List<String> largest(TreeMap<String, Integer> sizes) {
        return sizes.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    static int gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
