package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import dev.tandem.ui.PageBundle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PagePublisherTest {
    private final SyncStorage memory = SyncStorage.memory();
    private final List<String> written = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();
    /** The memory store, noting each file the publisher writes and its type. */
    private final SyncStorage storage = new SyncStorage() {
        @Override
        public List<String> list(String prefix, String startAfter, int maxNames) {
            return memory.list(prefix, startAfter, maxNames);
        }

        @Override
        public Optional<byte[]> get(String name) {
            return memory.get(name);
        }

        @Override
        public boolean createIfAbsent(String name, byte[] data) {
            return memory.createIfAbsent(name, data);
        }

        @Override
        public void delete(String name) {
            memory.delete(name);
        }

        @Override
        public Version publishPage(String name, byte[] data, String contentType) {
            written.add(name);
            types.put(name, contentType);
            return memory.publishPage(name, data, contentType);
        }

        @Override
        public String describe() {
            return memory.describe();
        }
    };
    private final PageSite site = new PageSite(storage, "https://example.org/page/index.html", true);

    private static PageBundle.File file(String path, String text) {
        return new PageBundle.File(path, PageBundle.contentType(path), text.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<PageBundle.File> PAGE = List.of(file("app.js", "export {};"),
            file("index.html", "<!doctype html>"), file("sync/src/a.js", "export const a = 1;"));

    @Test
    void publish_twice_secondWritesNothing() {
        PagePublisher.Result first = new PagePublisher(PAGE).publish(site);
        assertEquals(3, first.written());
        assertEquals(0, first.kept());
        assertEquals("text/javascript; charset=utf-8", types.get("page/app.js"));
        assertEquals("text/html; charset=utf-8", types.get("page/index.html"));
        assertEquals("page/index.html", written.get(2), "the entry after the files it names: " + written);
        assertTrue(written.contains(PagePublisher.RECORD));
        written.clear();
        PagePublisher.Result second = new PagePublisher(PAGE).publish(site);
        assertEquals(0, second.written());
        assertEquals(3, second.kept());
        assertEquals(List.of(), written);
    }

    @Test
    void publish_oneFileChangedAnotherGone_writesThatOneAndRemovesTheOldOne() {
        new PagePublisher(PAGE).publish(site);
        written.clear();
        memory.createIfAbsent("heads/x/000000000001", new byte[] {1});
        List<PageBundle.File> next = List.of(file("app.js", "export const changed = 1;"), file("index.html", "<!doctype html>"));
        PagePublisher.Result r = new PagePublisher(next).publish(site);
        assertEquals(1, r.written());
        assertEquals(1, r.kept());
        assertEquals(1, r.removed());
        assertTrue(memory.get("page/sync/src/a.js").isEmpty());
        assertEquals(List.of("page/app.js", PagePublisher.RECORD), written);
        assertArrayEquals(new byte[] {1}, memory.get("heads/x/000000000001").orElseThrow(), "data untouched");
    }

    @Test
    void publish_fileDeletedOnTheStorage_writesItAgain() {
        new PagePublisher(PAGE).publish(site);
        memory.delete("page/app.js");
        written.clear();
        PagePublisher.Result r = new PagePublisher(PAGE).publish(site);
        assertEquals(1, r.written());
        assertEquals(List.of("page/app.js"), written);
    }

    /** The record comes from the storage: anyone who can write there shapes it. */
    @Test
    void publish_recordNamingOtherFilesOrHuge_neverDeletesBeyondIt_andWritesEverything() {
        memory.createIfAbsent("page/mine.txt", new byte[] {7});
        String hostile = "0".repeat(64) + "  ../heads/x\n" + "0".repeat(64) + "  mine-not-listed\nnot a line\n";
        memory.publishPage(PagePublisher.RECORD, hostile.getBytes(StandardCharsets.UTF_8), "text/plain");
        memory.createIfAbsent("heads/x", new byte[] {1});
        PagePublisher.Result r = new PagePublisher(PAGE).publish(site);
        assertEquals(3, r.written());
        assertEquals(0, r.removed(), "names the record lists but the storage does not hold are not deleted");
        assertTrue(memory.get("heads/x").isPresent());
        assertTrue(memory.get("page/mine.txt").isPresent(), "a file no record names is never deleted");

        memory.publishPage(PagePublisher.RECORD, new byte[PagePublisher.MAX_RECORD_BYTES + 1], "text/plain");
        written.clear();
        assertEquals(3, new PagePublisher(PAGE).publish(site).written(), "a record too large to be ours is not read");
    }

    @Test
    void new_pageWithAFileNamedAsTheRecord_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PagePublisher(List.of(file("files.sha256", "x"))));
    }

    @Test
    void hasPage_emptyBundle_isFalse() {
        assertFalse(new PagePublisher(List.of()).hasPage());
    }

    @Test
    void withWords_writesThemAsMessagesJsonBesideTheEntry_replacingAnyOfTheBundle() {
        byte[] words = "{\"lang\":\"de\"}".getBytes(StandardCharsets.UTF_8);
        List<PageBundle.File> page = new ArrayList<>(PAGE);
        page.add(file(PagePublisher.WORDS, "stale"));
        PagePublisher.Result r = new PagePublisher(PagePublisher.withWords(page, words)).publish(site);
        assertEquals(4, r.written());
        assertArrayEquals(words, memory.get("page/messages.json").orElseThrow());
        assertEquals("application/json", types.get("page/messages.json"));
        assertEquals("page/index.html", written.get(3), "the entry still last: " + written);
    }

    @Test
    void withWords_noPage_staysNone() {
        assertFalse(new PagePublisher(PagePublisher.withWords(List.of(), new byte[] {'{', '}'})).hasPage());
    }

    private static final String WORKER = "'use strict';\nconst PUBLISHED = null;\nconst BASE = './';\n";

    /** The text of the published sw.js. */
    private String publishedWorker() {
        return new String(memory.get("page/sw.js").orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void publish_pageWithAWorker_stampsItWithEveryOtherFileAndTheirVersion() throws Exception {
        List<PageBundle.File> page = new ArrayList<>(PAGE);
        page.add(file("sw.js", WORKER));
        new PagePublisher(PagePublisher.withWords(page, "{\"lang\":\"en\"}".getBytes(StandardCharsets.UTF_8))).publish(site);
        Matcher m = Pattern.compile("const PUBLISHED = \\{\"version\":\"([0-9a-f]{12})\",\"files\":\\[(.*)]};\n")
                .matcher(publishedWorker());
        assertTrue(m.find(), publishedWorker());
        assertEquals("\"app.js\",\"index.html\",\"messages.json\",\"sync/src/a.js\"", m.group(2),
                "every other file in path order, the words included, sw.js and the record not");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String path : List.of("app.js", "index.html", "messages.json", "sync/src/a.js")) {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update(memory.get("page/" + path).orElseThrow());
        }
        assertEquals(HexFormat.of().formatHex(sha.digest()).substring(0, 12), m.group(1));
        assertTrue(publishedWorker().startsWith("'use strict';\n") && publishedWorker().endsWith("const BASE = './';\n"),
                "only the line is replaced: " + publishedWorker());
        assertTrue(memory.get("page/files.sha256").isPresent());
    }

    @Test
    void publish_onlyTheWordsChanged_isANewWorker() {
        List<PageBundle.File> page = new ArrayList<>(PAGE);
        page.add(file("sw.js", WORKER));
        new PagePublisher(PagePublisher.withWords(page, "{\"lang\":\"en\"}".getBytes(StandardCharsets.UTF_8))).publish(site);
        String english = publishedWorker();
        PagePublisher.Result r = new PagePublisher(PagePublisher.withWords(page,
                "{\"lang\":\"de\"}".getBytes(StandardCharsets.UTF_8))).publish(site);
        assertNotEquals(english, publishedWorker(), "another language is another version");
        assertEquals(2, r.written(), "the words and the worker: " + written);
    }

    @Test
    void new_workerWithoutThePublishedLine_isRefused() {
        List<PageBundle.File> page = new ArrayList<>(PAGE);
        page.add(file("sw.js", "'use strict';\nconst PUBLISHED = {};\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PagePublisher(page));
        assertTrue(e.getMessage().contains("const PUBLISHED = null;"), e.getMessage());
    }
}
