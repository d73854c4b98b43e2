package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which lists a file is attached in: a shared list's files are fetched from its own space first. */
@Tag("unit")
class AttachmentStoreTest {
    @TempDir
    Path tmp;
    private TodoStore store;

    @BeforeEach
    void open() {
        store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemUTC(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsOf_fileOnItemsOfTwoListsAndTheInbox_namesEachListOnce() {
        TodoList trip = store.createList("Trip");
        TodoList home = store.createList("Home");
        Attachment a = attach(store.add("Book the ferry", trip.id(), null), "plan");
        attach(store.add("Pack", trip.id(), null), "plan");
        attach(store.add("Water the plants", home.id(), null), "plan");
        attach(store.add("Call the bank", null, null), "plan");
        attach(store.add("Other", home.id(), null), "other");

        List<String> lists = store.attachments().listsOf(a.blob());
        assertEquals(Set.of(home.id(), trip.id()), Set.copyOf(lists));
        assertEquals(2, lists.size(), lists.toString());
    }

    @Test
    void listsOf_fileOnInboxItemsOnly_isNone() {
        Attachment a = attach(store.add("Call the bank", null, null), "statement");
        assertEquals(List.of(), store.attachments().listsOf(a.blob()));
        assertEquals(List.of(), store.attachments().listsOf("no-such-blob"));
    }

    @Test
    void of_filesAttachedInTheSameMillisecond_inTheOrderAPersonReadsTheirNames() {
        try (TodoStore still = new TodoStore(Schema.database(tmp.resolve("still.db")).build(),
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC)) {
            Item trip = still.add("Trip", null, null);
            for (String name : List.of("Tickets.pdf", "map.png", "Zoo.txt", "b.txt")) {
                still.attachments().add(trip.id(), new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)),
                        name, null, AttachmentStore.DEFAULT_LIMIT);
            }
            assertEquals(List.of("b.txt", "map.png", "Tickets.pdf", "Zoo.txt"),
                    still.attachments().of(trip.id()).stream().map(Attachment::name).toList());
        }
    }

    private Attachment attach(Item item, String text) {
        return store.attachments().add(item.id(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                text + ".txt", null, AttachmentStore.DEFAULT_LIMIT);
    }
}
