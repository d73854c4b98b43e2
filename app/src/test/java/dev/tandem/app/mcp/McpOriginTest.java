package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.ChangeOrigin;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A write through MCP shows in the item's history as this device's via MCP, with the client's name, cleaned. */
@Tag("unit")
@Timeout(60)
class McpOriginTest {
    private final Db db = Db.openMemory();
    private final TodoStore store = new TodoStore(db,
            Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
    private McpPipe pipe;

    @AfterEach
    void close() {
        if (pipe != null) {
            pipe.close();
        }
        store.close();
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> answer) {
        return (String) ((Map<String, Object>) answer.get("item")).get("id");
    }

    private List<String> versionDevices(String id) {
        return new ItemVersions(store, new Authors(store)).versions(id).stream().map(ItemVersions.Version::device).toList();
    }

    @Test
    void writes_addThenComplete_bothVersionsSayViaMcpWithTheClientsName() {
        pipe = McpPipe.started(store, new McpScope(true, null), "Test Assistant");
        String id = id(pipe.ok("add_todo", Map.of("text", "Buy stamps", "notes", "First class")));
        pipe.ok("complete", Map.of("id", id));
        store.update(id, it -> it.withTitle("Buy stamps at the post office"));

        List<String> devices = versionDevices(id);
        String via = "This device via MCP (Test Assistant)";
        assertEquals(List.of(via, via, via, "This device"), devices,
                "the add, its notes (a second change of the same call), the completion, then the window's edit");
        List<HistoryEntry> entries = new Authors(store).history(id);
        assertTrue(entries.stream().filter(e -> e.field().equals("done")).allMatch(e -> e.device()
                .equals("This device via MCP (Test Assistant)")), entries.toString());
        assertTrue(entries.stream().filter(e -> e.field().equals("title")).anyMatch(e -> e.device().equals("This device")),
                entries.toString());
    }

    @Test
    void moveItem_withSubtasks_theSubtasksMoveMarkedToo() {
        pipe = McpPipe.started(store, new McpScope(true, null), "Test Assistant");
        String parent = id(pipe.ok("add_todo", Map.of("text", "Plan the trip")));
        String child = id(pipe.ok("add_subtask", Map.of("parentId", parent, "text", "Book the train")));
        store.add("Other", "Errands", null, null, TodoDetails.NONE);
        pipe.ok("move_item", Map.of("id", parent, "list", "Errands"));

        List<String> devices = versionDevices(child);
        assertTrue(devices.size() >= 2, devices.toString());
        assertTrue(devices.stream().allMatch(d -> d.equals("This device via MCP (Test Assistant)")), devices.toString());
    }

    @Test
    void editItem_tagsOnly_eachTagChangeInTheHistorySaysViaMcp() {
        pipe = McpPipe.started(store, new McpScope(true, null), "Test Assistant");
        String id = store.add("Buy stamps", null, null).id();
        store.tags().set(id, List.of("old"));
        pipe.ok("edit_item", Map.of("id", id, "tags", List.of("errand", "post")));

        List<String> tagLines = new Authors(store).history(id).stream().filter(e -> HistoryEntry.isTag(e.field()))
                .map(e -> e.field() + " " + e.value() + " by " + e.device()).toList();
        String via = " by This device via MCP (Test Assistant)";
        assertEquals(List.of(HistoryEntry.TAG_ADDED + " old by This device", HistoryEntry.TAG_REMOVED + " old" + via,
                HistoryEntry.TAG_ADDED + " errand" + via, HistoryEntry.TAG_ADDED + " post" + via), tagLines,
                "the window's tag as this device's, then the assistant's removal and additions, in the order made");
    }

    @Test
    void refusedWrite_nothingWritten_noOriginLeft() {
        pipe = McpPipe.started(store, new McpScope(true, null), "Test Assistant");
        String id = id(pipe.ok("add_todo", Map.of("text", "Buy stamps")));
        int before = db.query(ChangeOrigin.class, "SELECT * FROM change_origins").size();
        pipe.refused("edit_item", Map.of("id", id, "title", " "));
        assertEquals(before, db.query(ChangeOrigin.class, "SELECT * FROM change_origins").size());
        assertEquals(List.of("This device via MCP (Test Assistant)"), versionDevices(id));
    }

    @Test
    void clientName_controlCharactersAndHugeLength_cutAndCleaned() {
        String hostile = "Evil\u0000\u001b[31m\nAssistant\u202e\u0007 " + "x".repeat(100_000);
        pipe = McpPipe.started(store, new McpScope(true, null), hostile);
        String id = id(pipe.ok("add_todo", Map.of("text", "Buy stamps")));

        String device = versionDevices(id).get(0);
        String client = device.substring("This device via MCP (".length(), device.length() - 1);
        assertTrue(client.startsWith("Evil[31m Assistant x"), client);
        assertEquals(ChangeOrigin.MAX_CLIENT, client.codePointCount(0, client.length()), client);
        assertTrue(client.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT),
                client);
    }

    @Test
    void clientName_empty_saysViaMcpAlone() {
        pipe = McpPipe.started(store, new McpScope(true, null), "\u0000 \u0007");
        String id = id(pipe.ok("add_todo", Map.of("text", "Buy stamps")));
        assertEquals(List.of("This device via MCP"), versionDevices(id));
    }

    @Test
    void syncedOriginRow_hostileClientName_shownCutAndCleaned() {
        // A row another device synced is outside data too: a megabyte of name with control characters.
        String id = store.add("Buy stamps", null, null).id();
        String change = db.history().changes("items", id).get(0).id();
        db.save(new ChangeOrigin(change, ChangeOrigin.MCP, "\u001b]0;pwned\u0007" + "y".repeat(1_000_000)));
        String device = versionDevices(id).get(0);
        assertTrue(device.startsWith("This device via MCP (]0;pwnedyyy"), device);
        assertTrue(device.length() < 100, device);
    }

    @Test
    void syncedOriginRow_viaUnknownToThisTandem_readsAsTheDeviceAlone() {
        String id = store.add("Buy stamps", null, null).id();
        String change = db.history().changes("items", id).get(0).id();
        db.save(new ChangeOrigin(change, "something-newer", "Tool"));
        assertEquals(List.of("This device"), versionDevices(id));
    }
}
