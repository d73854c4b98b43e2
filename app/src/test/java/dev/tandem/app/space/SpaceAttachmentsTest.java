package dev.tandem.app.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.SyncEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared list's attachments live in its space: uploaded there, encrypted under the space's key,
 * fetched by another member, and a file of an unshared item never goes there.
 */
@Tag("unit")
class SpaceAttachmentsTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void syncList_itemWithAFile_otherMemberFetchesItAndUnsharedFilesStayOut() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoList groceries = alice.createList("Groceries");
        Item milk = alice.add("Oat milk", groceries.id(), null);
        Item private_ = alice.add("Tax return", null, null);
        byte[] photo = new byte[300_000];
        new Random(3).nextBytes(photo);
        byte[] secret = "salary slip: 4,200 EUR".repeat(50).getBytes(StandardCharsets.UTF_8);
        AttachmentStore files = alice.attachments();
        Attachment shared = files.add(milk.id(), new ByteArrayInputStream(photo), "shelf.png", null, Long.MAX_VALUE);
        files.add(private_.id(), new ByteArrayInputStream(secret), "slip.txt", null, Long.MAX_VALUE);
        Path sharedFolder = Files.createDirectories(tmp.resolve("shared"));
        String code = sharing("alice").share(alice, groceries, "folder:" + sharedFolder, "Alice");
        Spaces.Asked asked = sharing("bob").join(code, "Bob");
        sharing("alice").admit(alice, groceries.id(), asked.fingerprint());
        sharing("alice").syncList(alice, groceries.id());

        List<Path> blobs = blobObjects(sharedFolder);
        assertEquals(1, blobs.size(), "the shared item's file only: " + blobs);
        String stored = new String(Files.readAllBytes(blobs.get(0)), StandardCharsets.ISO_8859_1);
        assertFalse(blobs.get(0).toString().contains(shared.blob()), "named by a keyed hash");
        assertFalse(stored.contains("salary"));

        assertTrue(sharing("bob").admitted(groceries.id()));
        sharing("bob").syncList(bob, groceries.id());
        AttachmentStore bobs = bob.attachments();
        Attachment row = bobs.of(milk.id()).get(0);
        assertEquals("shelf.png", row.name());
        assertTrue(bobs.file(row).isEmpty(), "nothing is downloaded until asked");
        try (SyncEngine space = SpaceLists.engine(sharing("bob").get(groceries.id()).orElseThrow(), Map.of())) {
            assertEquals(RemoteBlobs.Fetch.FETCHED, bob.replica().fetch(space.blobs(), row.blob(), row.size()));
        }
        assertArrayEquals(photo, Files.readAllBytes(bobs.file(row).orElseThrow()));
        assertTrue(bob.allItems().stream().noneMatch(i -> i.title().equals("Tax return")));
    }

    private static List<Path> blobObjects(Path folder) throws Exception {
        Path data = folder.resolve("blobs").resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(data)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private TodoStore profile(String name) throws Exception {
        Files.createDirectories(tmp.resolve(name));
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name).resolve("tandem.db")).build(), Clock.systemUTC());
        open.add(store);
        new Authors(store).register(name);
        return store;
    }

    private Spaces sharing(String name) {
        return new Spaces(new SettingsStore(tmp.resolve(name)), Map.of());
    }
}
